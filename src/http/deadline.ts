// Every request that needs PostgreSQL ends (CAREBRIDGE_REQUEST_TIMEOUT_MS): while the database
// is known to be unreachable it is refused at once; when its answer has not started by the
// deadline it gets 503 SERVICE_UNAVAILABLE with Retry-After, its statements are cancelled and
// the database is checked (a stall then marks it unreachable and frees the pool). The handler's
// remaining work is abandoned: whatever it later tries to send goes nowhere.

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

export function withDeadline(handler: RouteHandler, options: DeadlineOptions): RouteHandler {
  const { database, timeoutMs, logger } = options;
  // PGlite runs in-process: it cannot stall, be unreachable or cancel a statement, so a deadline
  // would only answer 503 while the work went on holding its one connection.
  if (database.kind === 'pglite') return handler;
  return (request, response) => {
    const requestId = String(request.id);
    const unreachable = database.unreachable();
    if (unreachable) return sendServiceUnavailable(response, requestId, `The database is unreachable (${unreachable}); try again shortly`);
    const work = database.cancellable(async () => handler(request, response));
    return new Promise<void>((resolve, reject) => {
      let expired = false;
      const timer = setTimeout(() => {
        // A response already under way (an extract streaming) is the handler's to finish or cut.
        if (response.headersSent) return;
        expired = true;
        work.cancel();
        request.log.warn({ timeoutMs }, 'request deadline passed: answered 503, its database work abandoned');
        sendServiceUnavailable(response, requestId, `No answer within ${timeoutMs} ms: the database is slow or unreachable; try again shortly`);
        // The abandoned handler may still try to write; that must not become an unhandled 'error'.
        response.on('error', () => {});
        void database.check(checkTimeoutMs).catch((error: unknown) => logger.warn({ err: error }, 'database check after a missed deadline failed'));
        resolve();
      }, timeoutMs);
      work.result.then(
        () => resolve(),
        (error: unknown) => (expired ? resolve() : reject(error)),
      ).finally(() => clearTimeout(timer));
    });
  };
}
