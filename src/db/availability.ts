// Whether PostgreSQL is answering, as the service last saw it: a failed connection, or a probe
// with no answer in time, marks it unreachable (requests are then refused at once with 503
// SERVICE_UNAVAILABLE rather than each waiting out its deadline); any statement that succeeds
// marks it reachable again. Reasons are fixed phrases, never the driver's message (which may
// name the host, the user or SQL).

import { LoggableError } from '../log.js';

/** The database did not answer, or refused the connection: the request may be retried later. */
export class DatabaseUnavailableError extends LoggableError {
  readonly code = 'DATABASE_UNAVAILABLE';
  constructor(readonly reason: string) {
    super(`database unreachable: ${reason}`);
  }
}

// postgres.js and Node codes for a connection that failed, and SQLSTATEs of a server that cannot
// take work (class 08 connection exception; 57P01-57P03 shutting down or starting; 53300 too many
// connections).
const connectionFailures: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection reset',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host not found',
  CONNECT_TIMEOUT: 'no answer to the connection within the connect timeout',
  CONNECTION_CLOSED: 'connection closed by the server',
  CONNECTION_ENDED: 'connection closed',
  CONNECTION_DESTROYED: 'connection abandoned after a stall',
  '57P01': 'the server is shutting down',
  '57P02': 'the server is shutting down',
  '57P03': 'the server is starting or cannot accept connections',
  '53300': 'too many connections',
};

function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  const seen = new Set<unknown>();
  for (let current = error; current && typeof current === 'object' && !seen.has(current); current = (current as { cause?: unknown }).cause) {
    seen.add(current);
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
  }
  return codes;
}

/** `promise`, or DatabaseUnavailableError when it has not settled within `timeoutMs`. */
export async function answerWithin<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new DatabaseUnavailableError(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([promise, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/** Why the error means the database is unreachable, or null when it is some other failure (a bad statement, a timeout). */
export function unreachableReason(error: unknown): string | null {
  if (error instanceof DatabaseUnavailableError) return error.reason;
  for (const code of codesOf(error)) {
    const reason = connectionFailures[code] ?? (code.startsWith('08') ? 'connection failure' : undefined);
    if (reason) return reason;
  }
  return null;
}

/**
 * Why the database could not answer (unreachable, or a statement cancelled at its time limit:
 * 57014), or null for any other failure. Such a request gets 503 SERVICE_UNAVAILABLE.
 */
export function unansweredReason(error: unknown): string | null {
  return unreachableReason(error) ?? (codesOf(error).includes('57014') ? 'a statement ran past its time limit' : null);
}

/** The state itself: null while reachable, else why not. */
export class Availability {
  #reason: string | null = null;
  readonly #onUnreachable: () => void;

  /** `onUnreachable` runs when the state turns from reachable to unreachable (to start probing). */
  constructor(onUnreachable: () => void) {
    this.#onUnreachable = onUnreachable;
  }

  get reason(): string | null {
    return this.#reason;
  }

  unreachable(reason: string): void {
    const was = this.#reason;
    this.#reason = reason;
    if (was === null) this.#onUnreachable();
  }

  reachable(): void {
    this.#reason = null;
  }

  /** What a settled statement says about the database. */
  observe(error?: unknown): void {
    if (error === undefined) return this.reachable();
    const reason = unreachableReason(error);
    if (reason) this.unreachable(reason);
  }
}
