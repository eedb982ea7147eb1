// Structured logs (pino, JSON lines). Tokens and cookies never reach a log line, and nor does
// anything a driver error carries: an error is logged as its class, a safe code and, for our
// own errors (LoggableError), its message. Driver errors embed SQL text and parameters (child
// ids, NHS numbers, names) in their message, stack and properties, so all of those are dropped,
// not masked.
import { AsyncLocalStorage } from 'node:async_hooks';
import { pino, type Logger, type SerializerFn } from 'pino';

export type { Logger };

/** An error of ours whose message names no person and quotes no SQL: the log keeps its message. */
export class LoggableError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

export interface LoggedError {
  type: string;
  code?: string;
  message?: string;
  /** The classes of the errors that caused it, outermost first: their content stays out. */
  causes?: string[];
}

// SQLSTATE (57014), postgres.js and Node codes (CONNECT_TIMEOUT, ECONNREFUSED): never data.
const safeCode = /^[A-Z0-9_]{2,40}$/;

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && safeCode.test(code) ? code : undefined;
}

function className(error: unknown): string {
  if (error instanceof Error) return error.constructor?.name || 'Error';
  return typeof error;
}

/** What the log keeps of an error: see the top of this file. */
export function serializeError(value: unknown): LoggedError {
  // pino-http hands over pino's own serialization of the error; the error itself is in `raw`.
  const error = (value as { raw?: unknown } | null)?.raw instanceof Error ? (value as { raw: Error }).raw : value;
  const logged: LoggedError = { type: className(error) };
  const causes: string[] = [];
  let code = codeOf(error);
  const seen = new Set<unknown>([error]);
  for (let cause = (error as { cause?: unknown } | null)?.cause; cause && !seen.has(cause); cause = (cause as { cause?: unknown }).cause) {
    seen.add(cause);
    causes.push(className(cause));
    code ??= codeOf(cause);
  }
  if (code) logged.code = code;
  if (error instanceof LoggableError) logged.message = error.message;
  if (causes.length > 0) logged.causes = causes;
  return logged;
}

interface SerializedRequest {
  id?: unknown;
  method?: string;
  url?: string;
  headers?: Record<string, unknown>;
  remoteAddress?: string;
}

/** A request as logged: its path without the query string (a GET /graphql carries variables there). */
function serializeRequest(request: SerializedRequest): SerializedRequest {
  return { id: request.id, method: request.method, url: request.url?.split('?')[0], headers: request.headers, remoteAddress: request.remoteAddress };
}

/** For pino and for pino-http, which installs serializers of its own unless given these. */
export const logSerializers: Record<string, SerializerFn> = { err: serializeError, req: serializeRequest };

/** The id of the request being handled (src/http/server.ts): every line logged while handling it carries it as `requestId`. */
export const requestScope = new AsyncLocalStorage<string>();

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    name: 'carebridge',
    level,
    mixin: () => {
      const requestId = requestScope.getStore();
      return requestId ? { requestId } : {};
    },
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
    serializers: logSerializers,
  };
  return destination ? pino(options, destination) : pino(options);
}
