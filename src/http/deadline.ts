// Every request that needs PostgreSQL ends (CAREBRIDGE_REQUEST_TIMEOUT_MS): while the database
// is known to be unreachable it is refused at once; when its answer has not started by the
// deadline it gets 503 SERVICE_UNAVAILABLE with Retry-After, its statements are cancelled and
// the database is checked (a stall then marks it unreachable and frees the pool). The handler is
// told through the deadline's signal, and any statement it still sends is cancelled as it goes.
// Whole-authority work (src/access/whole-authority-queue.ts) runs under a longer deadline of its
// own (CAREBRIDGE_BULK_TIMEOUT_MS), from when it joins the queue.

import type { IncomingMessage } from 'node:http';
import type { Database } from '../db/connection.js';
import type { Logger } from '../log.js';
import { sendServiceUnavailable, type RouteHandler } from './server.js';

export interface DeadlineOptions {
  database: Database;
  timeoutMs: number;
  logger: Logger;
}

/** How long the check after a missed deadline waits for the database. */
const checkTimeoutMs = 2000;

/**
 * A request's deadline, as its handler sees it: `signal` aborts when it passes (the request has
 * been answered 503, so the handler's work is for nobody and must stop, queued or running);
 * `extend` gives whole-authority work, which legitimately runs longer than a look-up, its own.
 */
export interface RequestDeadline {
  readonly signal: AbortSignal;
  extend(timeoutMs: number): void;
}

const deadlines = new WeakMap<IncomingMessage, RequestDeadline>();

/** The request's deadline; none on PGlite (see withDeadline). */
export function deadlineOf(request: IncomingMessage): RequestDeadline | undefined {
  return deadlines.get(request);
}

export function withDeadline(handler: RouteHandler, options: DeadlineOptions): RouteHandler {
  const { database, timeoutMs, logger } = options;
  // PGlite runs in-process: it cannot stall, be unreachable or cancel a statement, so a deadline
  // would only answer 503 while the work went on holding its one connection.
  if (database.kind === 'pglite') return handler;
  return (request, response) => {
    const requestId = String(request.id);
    const unreachable = database.unreachable();
    if (unreachable) return sendServiceUnavailable(response, requestId, `The database is unreachable (${unreachable}); try again shortly`);
    const expiry = new AbortController();
    const work = database.cancellable(async () => handler(request, response));
    return new Promise<void>((resolve, reject) => {
      let allowedMs = timeoutMs;
      const expire = () => {
        // A response already under way (an extract streaming) is the handler's to finish or cut.
        if (response.headersSent) return;
        expiry.abort(new Error('request deadline passed'));
        work.cancel();
        request.log.warn({ timeoutMs: allowedMs }, 'request deadline passed: answered 503, its database work cancelled');
        sendServiceUnavailable(response, requestId, `No answer within ${allowedMs} ms: the database is slow or unreachable; try again shortly`);
        // The abandoned handler may still try to write; that must not become an unhandled 'error'.
        response.on('error', () => {});
        void database.check(checkTimeoutMs).catch((error: unknown) => logger.warn({ err: error }, 'database check after a missed deadline failed'));
        resolve();
      };
      let timer = setTimeout(expire, timeoutMs);
      deadlines.set(request, {
        signal: expiry.signal,
        extend: (longerMs) => {
          if (expiry.signal.aborted) return;
          clearTimeout(timer);
          allowedMs = longerMs;
          timer = setTimeout(expire, longerMs);
        },
      });
      work.result.then(
        () => resolve(),
        (error: unknown) => (expiry.signal.aborted ? resolve() : reject(error)),
      ).finally(() => clearTimeout(timer));
    });
  };
}
