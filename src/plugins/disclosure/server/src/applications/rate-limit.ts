// Per-address rate limits of the public application routes, apart from the global content-API limit: filing and
// checking are cheap to automate and each costs a scrypt hash, so each has its own, much lower, budget.
import { RateLimit, Stores } from 'koa2-ratelimit';

export interface LimitSpec {
  /** Environment variables holding the limit; 0 or less turns the limit off. */
  maxEnv: string;
  windowEnv: string;
  defaultMax: number;
  defaultWindowSeconds: number;
}

export const LIMITS = {
  filing: {
    maxEnv: 'APPLICATION_FILING_RATE_LIMIT_MAX',
    windowEnv: 'APPLICATION_FILING_RATE_LIMIT_WINDOW_SECONDS',
    defaultMax: 5,
    defaultWindowSeconds: 3600,
  },
  status: {
    maxEnv: 'APPLICATION_STATUS_RATE_LIMIT_MAX',
    windowEnv: 'APPLICATION_STATUS_RATE_LIMIT_WINDOW_SECONDS',
    defaultMax: 30,
    defaultWindowSeconds: 600,
  },
} satisfies Record<string, LimitSpec>;

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n)) throw new Error(`${name} must be a whole number, not "${raw}"`);
  return n;
}

type Middleware = (ctx: any, next: () => Promise<unknown>) => Promise<unknown>;

/**
 * A route middleware limiting requests per client address (ctx.request.ip: the proxy's X-Forwarded-For when
 * server.proxy is on). The limit is read from the environment on the first request, once Strapi's config is loaded.
 */
export function rateLimit(name: keyof typeof LIMITS): Middleware {
  let limiter: Middleware | null = null;
  let off = false;
  return async (ctx, next) => {
    if (!limiter && !off) {
      const spec: LimitSpec = LIMITS[name];
      const max = intFromEnv(spec.maxEnv, spec.defaultMax);
      const windowSeconds = intFromEnv(spec.windowEnv, spec.defaultWindowSeconds);
      off = max <= 0;
      const prefixKey = `disclosure-${name}`;
      limiter = RateLimit.middleware({
        interval: { sec: windowSeconds },
        max,
        store: new Stores.Memory(),
        prefixKey,
        // The address only: the library would otherwise key on any `id` it finds in ctx.state.
        keyGenerator: async (c: any) => `${prefixKey}|${c.request.ip}`,
        handler: async (c: any) => {
          c.status = 429;
          c.set('Retry-After', String(windowSeconds));
          c.body = {
            data: null,
            error: {
              status: 429,
              name: 'TooManyRequestsError',
              message: `Too many ${name === 'filing' ? 'applications' : 'status checks'} from this address, please retry later. 请求过于频繁，请稍后再试。`,
              details: { limit: max, windowSeconds },
            },
          };
        },
      }) as Middleware;
    }
    if (off) return next();
    return limiter!(ctx, next);
  };
}
