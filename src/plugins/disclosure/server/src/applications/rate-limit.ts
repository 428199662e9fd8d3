// Per-address rate limits of the public application routes, apart from the global content-API limit: filing and
// checking are cheap to automate and each costs a scrypt hash, so each has its own, much lower, budget. Counted by
// the app's rate-limiter factory (route middleware `global::rate-limit`, src/rate-limit): in Redis when REDIS_URL is
// set, so that every instance behind the proxy shares the budget of an address.

export interface LimitSpec {
  /** Names the counter. */
  name: string;
  /** Environment variables holding the limit; 0 or less turns the limit off. */
  maxEnv: string;
  windowEnv: string;
  defaultMax: number;
  defaultWindowSeconds: number;
  message: string;
}

export const LIMITS = {
  filing: {
    name: 'disclosure-filing',
    maxEnv: 'APPLICATION_FILING_RATE_LIMIT_MAX',
    windowEnv: 'APPLICATION_FILING_RATE_LIMIT_WINDOW_SECONDS',
    defaultMax: 5,
    defaultWindowSeconds: 3600,
    message: 'Too many applications from this address, please retry later. 请求过于频繁，请稍后再试。',
  },
  status: {
    name: 'disclosure-status',
    maxEnv: 'APPLICATION_STATUS_RATE_LIMIT_MAX',
    windowEnv: 'APPLICATION_STATUS_RATE_LIMIT_WINDOW_SECONDS',
    defaultMax: 30,
    defaultWindowSeconds: 600,
    message: 'Too many status checks from this address, please retry later. 请求过于频繁，请稍后再试。',
  },
} satisfies Record<string, LimitSpec>;

/** The route middleware of one limit: the app's `global::rate-limit` with this spec. */
export const rateLimit = (name: keyof typeof LIMITS) => ({
  name: 'global::rate-limit',
  config: LIMITS[name] as LimitSpec,
});
