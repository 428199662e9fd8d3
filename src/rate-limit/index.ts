/**
 * The app's one rate-limiter factory: counts requests per client address in Redis when REDIS_URL is set, so that N
 * instances behind a proxy share one budget per address, else in this process. Used by the content-API guard and,
 * through the route middleware `global::rate-limit`, by the disclosure plugin's public application routes.
 */
import type { Core } from '@strapi/strapi';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

export type RateLimitSpec = {
  /** Names the counter (its Redis key prefix): two limits with different names never share a budget. */
  name: string;
  /** Requests allowed per address and window; 0 or less turns the limit off. */
  max: number;
  windowSeconds: number;
  /** The 429 body's message (both languages). */
  message: string;
  /** Sent in the 429 body's `details`. */
  details?: Record<string, unknown>;
  /** Send Retry-After on a 429. */
  retryAfter?: boolean;
};

type Middleware = (ctx: any, next: () => Promise<unknown>) => Promise<unknown>;

/** Where the counters live; one Redis connection per Strapi instance, closed with it. */
const clients = new WeakMap<Core.Strapi, Redis>();

export const rateLimitPrefix = (env: NodeJS.ProcessEnv = process.env) => env.RATE_LIMIT_PREFIX ?? 'ggzy:rate-limit:';

function redisOf(strapi: Core.Strapi, url: string): Redis {
  let client = clients.get(strapi);
  if (!client) {
    // No offline queue: while Redis is unreachable a count fails at once and the in-process insurance limiter counts.
    client = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
    client.on('error', () => {
      // Each failing count falls back to the insurance limiter; ioredis would otherwise print every retry.
    });
    clients.set(strapi, client);
  }
  return client;
}

/** The counter of a limit: Redis (shared by every instance) with an in-process insurance, or in process only. */
export function createLimiter(
  strapi: Core.Strapi,
  spec: Pick<RateLimitSpec, 'name' | 'max' | 'windowSeconds'>,
  env: NodeJS.ProcessEnv = process.env,
): RateLimiterAbstract {
  const options = { points: spec.max, duration: spec.windowSeconds, keyPrefix: `${rateLimitPrefix(env)}${spec.name}` };
  const memory = new RateLimiterMemory(options);
  if (!env.REDIS_URL) return memory;
  return new RateLimiterRedis({
    ...options,
    storeClient: redisOf(strapi, env.REDIS_URL),
    rejectIfRedisNotReady: true,
    // Redis down: each instance keeps counting on its own rather than letting everything through.
    insuranceLimiter: memory,
  });
}

/**
 * A Koa middleware limiting requests per client address (ctx.request.ip: X-Forwarded-For as far as server.proxy
 * trusts it; never a user id or another header). Refused requests are counted too.
 */
export function rateLimitMiddleware(strapi: Core.Strapi, spec: RateLimitSpec): Middleware {
  if (spec.max <= 0) return (_ctx, next) => next();
  const limiter = createLimiter(strapi, spec);
  return async (ctx, next) => {
    let res: RateLimiterRes;
    let refused = false;
    try {
      res = await limiter.consume(ctx.request.ip);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      res = rejection;
      refused = true;
    }
    ctx.set('X-RateLimit-Limit', String(spec.max));
    ctx.set('X-RateLimit-Remaining', String(Math.max(0, res.remainingPoints)));
    ctx.set('X-RateLimit-Reset', new Date(Date.now() + res.msBeforeNext).toISOString());
    if (!refused) return next();
    ctx.status = 429;
    if (spec.retryAfter) ctx.set('Retry-After', String(spec.windowSeconds));
    ctx.body = {
      data: null,
      error: { status: 429, name: 'TooManyRequestsError', message: spec.message, details: spec.details ?? {} },
    };
  };
}

/** Resolves true once this instance's Redis connection is ready (false after `timeoutMs`, or without Redis). */
export async function rateLimitsReady(strapi: Core.Strapi, timeoutMs: number): Promise<boolean> {
  const client = clients.get(strapi);
  if (!client) return false;
  if (client.status === 'ready') return true;
  return new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    client.once('ready', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export async function closeRateLimits(strapi: Core.Strapi) {
  const client = clients.get(strapi);
  if (!client) return;
  clients.delete(strapi);
  client.disconnect();
}

/** A whole number from the environment, or the fallback when unset; anything else stops the start. */
export function intFromEnv(name: string, fallback: number, env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n)) throw new Error(`${name} must be a whole number, not "${raw}"`);
  return n;
}
