// The HTTP shell: Node's own server with a small router, so GraphQL (POST /graphql) and plain
// routes (health, extracts) share one port. Every request gets an id, echoed in `x-request-id`
// and carried by its log lines.

import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { pinoHttp } from 'pino-http';
import { logSerializers, requestScope, type Logger } from '../log.js';
import { unansweredReason, unreachableReason } from '../db/availability.js';

export type RouteHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void> | void;

export interface HttpShellOptions {
  logger: Logger;
  /** Resolves when the database answers within `timeoutMs`; rejects when it does not. */
  checkDatabase: (timeoutMs: number) => Promise<void>;
  /** False until migrations and any demo seeding have finished. */
  isStarted: () => boolean;
  routes?: Record<string, RouteHandler>;
}

const readinessTimeoutMs = 2000;
// A caller's own request id is kept when it looks like one; anything else is replaced.
const requestIdPattern = /^[A-Za-z0-9._:-]{1,64}$/;

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

/** Seconds a client is asked to wait before retrying a 503 (unless the refusal knows better). */
export const defaultRetryAfterSeconds = 5;

export interface ErrorAnswer {
  status: number;
  /** A contract code (src/graphql/errors.ts, ErrorCode). */
  code: string;
  message: string;
  requestId: string;
  /** The argument at fault, for BAD_USER_INPUT. */
  argument?: string;
  retryAfterSeconds?: number;
  /** /graphql answers application/graphql-response+json; the other routes JSON. */
  contentType?: string;
  /** Top-level extensions besides the request id (`dataImportedAt`). */
  extensions?: Record<string, unknown>;
}

/** An error answered before anything else, in the shape of every error body (GraphQL's `errors`), for every route. */
export function sendError(response: ServerResponse, answer: ErrorAnswer): void {
  const { code, message, requestId, argument } = answer;
  const body = JSON.stringify({ errors: [{ message, extensions: { code, requestId, ...(argument ? { argument } : {}) } }], extensions: { requestId, ...answer.extensions } });
  response.writeHead(answer.status, {
    'content-type': answer.contentType ?? 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    ...(answer.retryAfterSeconds === undefined ? {} : { 'retry-after': String(answer.retryAfterSeconds) }),
  });
  response.end(body);
}

/**
 * 503 SERVICE_UNAVAILABLE with Retry-After: for a database that cannot answer in time, or work
 * the instance cannot take now. When the database cannot answer, nor can it say how fresh its
 * data is: `dataImportedAt` is null, as GraphQL gives it then.
 */
export function sendServiceUnavailable(response: ServerResponse, requestId: string, message: string, retryAfterSeconds = defaultRetryAfterSeconds): void {
  sendError(response, { status: 503, code: 'SERVICE_UNAVAILABLE', message, requestId, retryAfterSeconds, extensions: { dataImportedAt: null } });
}

export interface HttpShell {
  server: Server;
  /** Resolves when no request handler is still running (the socket may already have gone). */
  drained(): Promise<void>;
}

export function createHttpShell(options: HttpShellOptions): HttpShell {
  let inFlight = 0;
  const waiting: (() => void)[] = [];
  const logRequest = pinoHttp({
    logger: options.logger,
    genReqId: (request, response) => {
      const given = request.headers['x-request-id'];
      const id = typeof given === 'string' && requestIdPattern.test(given) ? given : randomUUID();
      response.setHeader('x-request-id', id);
      return id;
    },
    serializers: logSerializers,
    // Probes every few seconds would drown the log.
    autoLogging: { ignore: (request) => request.url === '/healthz' || request.url === '/readyz' },
  });

  const routes: Record<string, RouteHandler> = {
    'GET /healthz': (_request, response) => sendJson(response, 200, { status: 'ok' }),
    'GET /readyz': async (request, response) => {
      if (!options.isStarted()) return sendJson(response, 503, { status: 'starting' });
      try {
        await options.checkDatabase(readinessTimeoutMs);
        sendJson(response, 200, { status: 'ready' });
      } catch (error) {
        // A fixed phrase (connection refused, no answer within 2000 ms), never the driver's message.
        const reason = unreachableReason(error) ?? 'the database refused the check';
        request.log.warn({ err: error, reason }, 'readiness check: database unreachable');
        sendJson(response, 503, { status: 'database unreachable', reason });
      }
    },
    ...options.routes,
  };

  const server = createServer((request, response) => {
    logRequest(request, response);
    const path = (request.url ?? '/').split('?')[0];
    const handler = routes[`${request.method} ${path}`];
    if (!handler) {
      const allowed = Object.keys(routes).some((route) => route.endsWith(` ${path}`));
      return sendJson(response, allowed ? 405 : 404, { error: allowed ? 'method not allowed' : 'not found' });
    }
    inFlight++;
    Promise.resolve(requestScope.run(String(request.id), () => handler(request, response)))
      .catch((error: unknown) => {
        // Unreachable, or a statement past CAREBRIDGE_STATEMENT_TIMEOUT_MS: as GraphQL answers them.
        const unanswered = unansweredReason(error);
        request.log.error({ err: error, ...(unanswered ? { reason: unanswered } : {}) }, 'request failed');
        if (response.headersSent) response.destroy();
        else if (unanswered) sendServiceUnavailable(response, String(request.id), `The database could not answer (${unanswered}); try again shortly`);
        else sendJson(response, 500, { error: 'internal error', requestId: request.id });
      })
      .finally(() => {
        if (--inFlight === 0) for (const resolve of waiting.splice(0)) resolve();
      });
  });
  return {
    server,
    drained: () => (inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiting.push(resolve))),
  };
}
