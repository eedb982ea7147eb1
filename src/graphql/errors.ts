// Errors with the contract's stable codes (shared/contract/README.md, "HTTP"). Anything else
// that escapes a resolver is reported as INTERNAL with the request id, never its message,
// stack or SQL.
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unansweredReason } from '../db/availability.js';
import { defaultRetryAfterSeconds } from '../http/server.js';

export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'QUERY_TOO_COMPLEX'
  | 'RATE_LIMITED'
  | 'SERVICE_UNAVAILABLE'
  | 'PERSISTED_QUERY_NOT_FOUND'
  | 'INTERNAL';

/**
 * A child's own field whose records a rule cannot read: an error on that field alone, naming
 * the record (table and id, as the reader knows the child) and the problem — never the
 * request's arguments. INTERNAL, as the request was fine; the rest of the answer stands.
 */
export function unreadableRecord(table: string, id: string, problem: string): GraphQLError {
  return new GraphQLError(`${table} ${id}: the rules cannot read this child's records: ${problem}`, {
    extensions: { code: 'INTERNAL', record: { table, id }, problem },
  });
}

/** The problem of an unreadableRecord error, or null for any other error. */
export function unreadableRecordProblem(error: unknown): string | null {
  return error instanceof GraphQLError && error.extensions.record ? String(error.extensions.problem) : null;
}

export function badUserInput(argument: string, message: string): GraphQLError {
  return new GraphQLError(`${argument}: ${message}`, { extensions: { code: 'BAD_USER_INPUT', argument } });
}

/** A resolver's error that means the database could not answer: SERVICE_UNAVAILABLE, else undefined. */
export function formatUnanswered(formatted: GraphQLFormattedError, cause: unknown): GraphQLFormattedError | undefined {
  const reason = unansweredReason(cause);
  if (!reason) return undefined;
  return { message: `The database could not answer (${reason}); try again shortly`, path: formatted.path, extensions: { code: 'SERVICE_UNAVAILABLE' } };
}

/** A response carrying SERVICE_UNAVAILABLE is a 503 with Retry-After, not a 200 with nulls. */
export const serviceUnavailableStatus: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        if (!response.body.singleResult.errors?.some((error) => error.extensions?.code === 'SERVICE_UNAVAILABLE')) return;
        response.http.status = 503;
        // A full queue names its own wait (serviceUnavailable); a database that cannot answer, the default.
        if (!response.http.headers.has('retry-after')) response.http.headers.set('retry-after', String(defaultRetryAfterSeconds));
      },
    };
  },
};

/** HTTP 503 with Retry-After: the instance cannot take this now (its whole-authority queue is full). */
export function serviceUnavailable(message: string, retryAfterSeconds: number): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) } },
  });
}
