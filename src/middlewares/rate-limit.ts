/**
 * `global::rate-limit`: a route middleware limiting requests per client address with the app's rate-limiter factory
 * (src/rate-limit: Redis when REDIS_URL is set, shared by every instance). Routes name the limit and the environment
 * variables that hold it, e.g. the disclosure plugin's public application routes:
 *   { name: 'global::rate-limit', config: { name: 'disclosure-filing', maxEnv: …, windowEnv: …, defaultMax: 5, … } }
 */
import type { Core } from '@strapi/strapi';
import { intFromEnv, rateLimitMiddleware } from '../rate-limit';

export type RouteRateLimitConfig = {
  name: string;
  maxEnv: string;
  windowEnv: string;
  defaultMax: number;
  defaultWindowSeconds: number;
  message: string;
};

export default (config: RouteRateLimitConfig, { strapi }: { strapi: Core.Strapi }) => {
  if (!config?.name || !config.maxEnv || !config.windowEnv)
    throw new Error('global::rate-limit needs name, maxEnv and windowEnv in its config');
  const max = intFromEnv(config.maxEnv, config.defaultMax);
  const windowSeconds = intFromEnv(config.windowEnv, config.defaultWindowSeconds);
  return rateLimitMiddleware(strapi, {
    name: config.name,
    max,
    windowSeconds,
    message: config.message,
    details: { limit: max, windowSeconds },
    retryAfter: true,
  });
};
