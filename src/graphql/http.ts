// GraphQL over HTTP on the HTTP shell: Apollo Server 5 driven through its integration API
// (executeHTTPGraphQLRequest), so /graphql shares a port with /healthz and the extracts.
// Every request is authenticated first; every response carries extensions.dataImportedAt.

import type { IncomingMessage, ServerResponse } from 'node:http';
import getRawBody from 'raw-body';
import { ApolloServer, HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { AuthenticationError, type Authenticator, type Claims } from '../access/authentication.js';
import { createOperationLimits, formatOperationRefusal } from '../access/operation-limits.js';
import { createRateLimiter, type RateLimiter } from '../access/rate-limit.js';
import type { WholeAuthorityQueue } from '../access/whole-authority-queue.js';
import { formatTrustedDocumentRefusal, loadTrustedDocuments } from '../access/trusted-documents.js';
import type { Config } from '../config.js';
import type { Database } from '../db/connection.js';
import { createChildRecords } from '../db/child-records.js';
import type { DueDateComputer } from '../db/due-date-workers.js';
import type { MeetingKind } from '../domain/child-protection.js';
import { todayInLondon, type WorkingDayCalendar } from '../domain/calendar.js';
import { distinctChildren, leftOutForTheLog } from '../db/authority-due-dates.js';
import type { Logger } from '../log.js';
import type { RequestContext } from './context.js';
import { loadPseudonymKey, Pseudonyms } from '../access/pseudonyms.js';
import { forbiddenError, forbiddenFieldsIn } from '../access/who-sees-what.js';
import { AccessRecord } from '../access/access-log.js';
import { AccessTrailWriter } from '../access/access-trail.js';
import { writeAccessTrail } from './access-logging.js';
import { formatUnanswered, serviceUnavailableStatus, type ErrorCode } from './errors.js';
import { knownOperationTypes, refuseNulCharacters } from './input-checks.js';
import { unansweredReason } from '../db/availability.js';
import { defaultRetryAfterSeconds, sendError, sendServiceUnavailable } from '../http/server.js';
import { deadlineOf } from '../http/deadline.js';
import { buildCarebridgeSchema } from './schema.js';

const graphqlResponseType = 'application/graphql-response+json; charset=utf-8';
/** Far above any real operation; larger bodies are refused before parsing. */
const maxBodyBytes = 1024 * 1024;

const contractCodes = new Set<string>(['BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'QUERY_TOO_COMPLEX', 'RATE_LIMITED', 'SERVICE_UNAVAILABLE', 'PERSISTED_QUERY_NOT_FOUND']);
// Apollo's own codes for a request that is not well formed: to a caller, bad input.
const badInputCodes = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE']);

/** The body as text; raw-body refuses one over the limit (type entity.too.large) before it is all read. */
function readBody(request: IncomingMessage): Promise<string> {
  return getRawBody(request, { limit: maxBodyBytes, encoding: 'utf8' });
}

const isTooLarge = (error: unknown) => (error as { type?: unknown } | null)?.type === 'entity.too.large';

function sendGraphqlError(response: ServerResponse, status: number, code: ErrorCode, message: string, requestId: string, extensions: Record<string, unknown> = {}): void {
  sendError(response, { status, code, message, requestId, contentType: graphqlResponseType, extensions });
}

/** What a request may do after authentication and the rate limit: its claims, or the refusal to send. */
export type Admission =
  | { ok: true; claims: Claims }
  | { ok: false; status: number; code: ErrorCode; message: string; retryAfterSeconds?: number };

/** The bearer token checked, then one request counted against the consumer's rate limit. */
export async function admitRequest(request: IncomingMessage, authenticator: Authenticator, rateLimiter: RateLimiter): Promise<Admission> {
  let claims: Claims;
  try {
    claims = await authenticator.authenticate(request.headers.authorization);
  } catch (error) {
    const refused = error instanceof AuthenticationError;
    if (!refused) request.log.error({ err: error }, 'authentication unavailable');
    return refused
      ? { ok: false, status: 401, code: 'UNAUTHENTICATED', message: (error as Error).message }
      : { ok: false, status: 503, code: 'SERVICE_UNAVAILABLE', message: 'Authentication is unavailable; try again shortly', retryAfterSeconds: defaultRetryAfterSeconds };
  }
  const limited = await rateLimiter.consume(claims);
  if (limited) return { ok: false, status: 429, code: 'RATE_LIMITED', message: limited.message, retryAfterSeconds: limited.retryAfterSeconds };
  return { ok: true, claims };
}

/**
 * Children whole-authority work left out (docs/compliance.md, "Children left out"): the count
 * for every reader, and for social-care which children and why, to put their records right.
 * The log line says how many, never who.
 */
function childrenLeftOutExtensions(context: RequestContext): Record<string, unknown> {
  const leftOut = distinctChildren(context.childrenLeftOut);
  if (leftOut.length === 0) return {};
  return {
    childrenLeftOut: leftOut.length,
    ...(context.claims.role === 'social-care' ? { childrenLeftOutProblems: leftOut.map(({ childId, table, problem }) => ({ record: { table, id: childId }, problem })) } : {}),
  };
}

export interface GraphqlHandlerOptions {
  config: Config;
  /** The working-day calendar, loaded from the database once it is migrated. */
  calendar: () => WorkingDayCalendar;
  /** When the last import committed, for extensions.dataImportedAt (src/db/data-changes.ts); null when unknown. */
  dataImportedAt: () => Promise<string | null>;
  /** The kinds of meeting the extract carries, as of the last import (src/db/data-changes.ts). */
  meetingKindsRecorded: () => ReadonlySet<MeetingKind> | Promise<ReadonlySet<MeetingKind>>;
  database: Database;
  authenticator: Authenticator;
  logger: Logger;
  /** The instance's whole-authority queue, shared with the extracts. */
  wholeAuthority: WholeAuthorityQueue;
  /** Where whole-authority rules run (worker threads, CAREBRIDGE_BULK_WORKERS). */
  dueDateComputer: DueDateComputer;
}

export async function createGraphqlHandler(options: GraphqlHandlerOptions) {
  const { config, database, authenticator, logger, calendar, dataImportedAt, meetingKindsRecorded, wholeAuthority, dueDateComputer } = options;
  const pseudonymKey = await loadPseudonymKey(config);
  // Concurrent requests' access-log entries go to the database together (group commit).
  const accessTrail = new AccessTrailWriter(database);

  // Field rules depend on the token, so they run for every request after the operation is
  // known: a validation rule would be cached with the document and skipped for the next reader.
  const whoSeesWhat: ApolloServerPlugin<RequestContext> = {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, schema, contextValue }) {
          const refused = forbiddenFieldsIn(document, schema, contextValue.claims);
          if (refused.length === 0) return;
          // Probing is logged as well as reading.
          contextValue.access.refused(null, 'FORBIDDEN_FIELD', refused);
          throw forbiddenError(refused);
        },
      };
    },
  };

  const freshness: ApolloServerPlugin<RequestContext> = {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (contextValue.childrenLeftOut.length > 0) {
            logger.warn({ requestId: contextValue.requestId, ...leftOutForTheLog(contextValue.childrenLeftOut) }, 'children left out: a rule cannot read their records');
          }
          if (response.body.kind === 'single') {
            // Each error carries the request id, so a caller can quote it to the authority.
            response.body.singleResult.errors = response.body.singleResult.errors?.map((error) => ({
              ...error,
              extensions: { ...error.extensions, requestId: contextValue.requestId },
            }));
            response.body.singleResult.extensions = {
              ...response.body.singleResult.extensions,
              requestId: contextValue.requestId,
              dataImportedAt: await dataImportedAt(),
              ...childrenLeftOutExtensions(contextValue),
            };
          }
        },
      };
    },
  };

  // Hardening (src/access): operation limits and introspection, trusted documents, rate limit.
  const limits = createOperationLimits(config);
  const trusted = await loadTrustedDocuments(config.trustedDocuments, logger);
  const rateLimiter = createRateLimiter(config.rateLimit, logger);
  const apollo = new ApolloServer<RequestContext>({
    schema: await buildCarebridgeSchema(),
    plugins: [
      // Answers about children are never cached (no-store); Apollo's cache hints would only cost a hook per field.
      ApolloServerPluginCacheControlDisabled(),
      trusted.plugin,
      limits.plugin,
      whoSeesWhat,
      freshness,
      refuseNulCharacters,
      serviceUnavailableStatus as ApolloServerPlugin<RequestContext>,
      { serverWillStart: async () => ({ serverWillStop: () => rateLimiter.close() }) },
    ],
    validationRules: [...limits.validationRules, knownOperationTypes],
    parseOptions: limits.parseOptions,
    persistedQueries: trusted.persistedQueries,
    // Decided per request from the token's role (CAREBRIDGE_INTROSPECTION), in limits.plugin.
    introspection: true,
    csrfPrevention: true,
    // main.ts drains and stops everything on SIGTERM; Apollo's own handler would re-raise the signal.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    formatError: (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
      const refused = formatOperationRefusal(formatted, error) ?? formatTrustedDocumentRefusal(formatted);
      if (refused) return refused;
      const code = String(formatted.extensions?.code ?? '');
      if (contractCodes.has(code)) return { message: formatted.message, path: formatted.path, locations: formatted.locations, extensions: { ...formatted.extensions, code } };
      if (badInputCodes.has(code)) return { message: formatted.message, locations: formatted.locations, extensions: { code: 'BAD_USER_INPUT' } };
      // A child's field its records cannot answer (errors.ts, unreadableRecord): said as it is.
      if (code === 'INTERNAL' && formatted.extensions?.record) return { message: formatted.message, path: formatted.path, extensions: formatted.extensions };
      const cause = unwrapResolverError(error);
      const unanswered = formatUnanswered(formatted, cause);
      if (unanswered) return unanswered;
      logger.error({ err: cause }, 'resolver failed');
      return { message: 'Internal error', path: formatted.path, extensions: { code: 'INTERNAL' } };
    },
  });
  await apollo.start();

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const requestId = String(request.id);
    const admission = await admitRequest(request, authenticator, rateLimiter);
    if (!admission.ok) {
      if (admission.retryAfterSeconds !== undefined) response.setHeader('retry-after', String(admission.retryAfterSeconds));
      return sendGraphqlError(response, admission.status, admission.code, admission.message, requestId, { dataImportedAt: await dataImportedAt() });
    }
    const { claims } = admission;

    let text: string;
    try {
      text = request.method === 'POST' ? await readBody(request) : '';
    } catch (error) {
      if (!isTooLarge(error)) throw error;
      return sendGraphqlError(response, 413, 'BAD_USER_INPUT', `request body larger than ${maxBodyBytes} bytes`, requestId);
    }
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    // GraphQL over HTTP: a client that states no preference gets application/graphql-response+json.
    const accept = headers.get('accept');
    if (!accept || accept.trim() === '*/*') headers.set('accept', 'application/graphql-response+json');
    let body: unknown = text;
    if (text && /json/i.test(headers.get('content-type') ?? '')) {
      try {
        body = JSON.parse(text);
      } catch {
        return sendGraphqlError(response, 400, 'BAD_USER_INPUT', 'request body is not valid JSON', requestId);
      }
    }
    const url = new URL(request.url ?? '/', 'http://localhost');
    // The client hung up, or the deadline passed and it was answered 503 (src/http/deadline.ts).
    // No one reads the reason; a contract code keeps it out of the error log.
    const abandoned = new AbortController();
    const abandon = () => abandoned.abort(new GraphQLError('the answer is no longer wanted', { extensions: { code: 'SERVICE_UNAVAILABLE' } }));
    response.once('close', () => response.writableFinished || abandon());
    const deadline = deadlineOf(request);
    deadline?.signal.addEventListener('abort', abandon, { once: true });
    const context: RequestContext = {
      requestId,
      claims,
      today: todayInLondon(),
      database,
      records: createChildRecords(database, meetingKindsRecorded),
      labels: config.labels,
      authorityName: config.authorityName,
      calendar: calendar(),
      policy: config.policy,
      pseudonyms: claims.role === 'bi' ? new Pseudonyms(pseudonymKey, claims.org ?? claims.sub) : null,
      access: new AccessRecord(),
      childrenLeftOut: [],
      wholeAuthority,
      dueDateComputer,
      abandoned: abandoned.signal,
      deadline,
    };
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: request.method ?? 'GET', headers, search: url.search, body },
      context: async () => context,
    });
    // The request's deadline has passed and it was answered 503 (src/http/deadline.ts).
    if (response.headersSent) return;
    try {
      await writeAccessTrail(accessTrail, context);
    } catch (error) {
      request.log.error({ err: error }, 'access log not written: answer withheld');
      const unanswered = unansweredReason(error);
      if (unanswered) return sendServiceUnavailable(response, requestId, `The access log could not be written (${unanswered}), so nothing is returned; try again shortly`);
      return sendGraphqlError(response, 500, 'INTERNAL', 'The access log could not be written, so nothing is returned', requestId);
    }
    for (const [name, value] of result.headers) response.setHeader(name, value);
    response.setHeader('cache-control', 'no-store');
    response.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') {
      response.end(result.body.string);
    } else {
      for await (const chunk of result.body.asyncIterator) response.write(chunk);
      response.end();
    }
  };

  return {
    handle,
    /** Authentication and the rate limit exactly as /graphql applies them (one budget per consumer), for the other routes. */
    admit: (request: IncomingMessage) => admitRequest(request, authenticator, rateLimiter),
    stop: () => apollo.stop(),
  };
}
