// Per-consumer rate limit (issue 6, "Hardening"), with rate-limiter-flexible: CAREBRIDGE_RATE_LIMIT
// requests (default 600 per 60 s) per consumer, a consumer being the token's organisation and
// role, or its subject when it names no organisation. In memory by default; shared by every
// instance through Redis when REDIS_URL is set, with an in-memory insurance limiter so that a
// Redis outage degrades to per-instance limits (logged) instead of taking the API down.
// Over the limit: HTTP 429, RATE_LIMITED, and Retry-After in whole seconds.

import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { RateLimitSettings } from '../config.js';
import type { Logger } from '../log.js';
import type { Claims } from './authentication.js';

export interface RateLimitRefusal {
  retryAfterSeconds: number;
  message: string;
}

export interface RateLimiter {
  readonly store: 'memory' | 'redis' | 'off';
  /** Counts one request; resolves to a refusal when the consumer is over the limit, else null. */
  consume(claims: Claims): Promise<RateLimitRefusal | null>;
  close(): Promise<void>;
}

/** Who a limit applies to: the organisation and role, else the subject. */
export function consumerKey(claims: Pick<Claims, 'org' | 'role' | 'sub'>): string {
  return claims.org ? `org:${claims.role}:${claims.org}` : `sub:${claims.sub}`;
}

/** At most one warning a minute while Redis is unreachable. */
function throttled(logger: Logger, intervalMs = 60_000) {
  let last = 0;
  return (details: Record<string, unknown>, message: string) => {
    const now = Date.now();
    if (now - last < intervalMs) return;
    last = now;
    logger.warn(details, message);
  };
}

export function createRateLimiter(settings: RateLimitSettings | null, logger: Logger): RateLimiter {
  if (!settings) return { store: 'off', consume: async () => null, close: async () => {} };
  const { points, durationSeconds: duration, keyPrefix } = settings;
  let redis: Redis | undefined;
  let limiter: RateLimiterAbstract;
  if (settings.redisUrl) {
    const warn = throttled(logger);
    // No offline queue and a ready check: while Redis is down, each request falls straight through
    // to the insurance limiter instead of waiting for a reconnection.
    redis = new Redis(settings.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2_000 });
    redis.on('error', (error: Error) => warn({ err: error }, 'Redis unreachable: rate limits are per instance until it is back'));
    redis.on('ready', () => logger.info('rate limits shared through Redis'));
    class LoggedInsurance extends RateLimiterMemory {
      override consume(...args: Parameters<RateLimiterMemory['consume']>) {
        warn({}, 'rate limit answered in memory: Redis did not answer');
        return super.consume(...args);
      }
    }
    limiter = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix,
      points,
      duration,
      rejectIfRedisNotReady: true,
      insuranceLimiter: new LoggedInsurance({ keyPrefix, points, duration }),
    });
  } else {
    limiter = new RateLimiterMemory({ keyPrefix, points, duration });
  }
  return {
    store: redis ? 'redis' : 'memory',
    async consume(claims) {
      try {
        await limiter.consume(consumerKey(claims));
        return null;
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        return {
          retryAfterSeconds,
          message: `rate limit of ${points} requests per ${duration} s exceeded for this consumer; retry after ${retryAfterSeconds} s`,
        };
      }
    },
    async close() {
      if (!redis) return;
      if (redis.status === 'ready') await redis.quit().catch(() => redis?.disconnect());
      else redis.disconnect();
    },
  };
}
