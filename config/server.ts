import type { Core } from '@strapi/strapi';

const trustedHops = (hops: number) => {
  if (!Number.isInteger(hops) || hops < 1)
    throw new Error(`PROXY_TRUSTED_HOPS must be a whole number ≥ 1, not "${hops}"`);
  return hops;
};

const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  // The public URL when the app runs behind a reverse proxy (links in the OpenAPI document and the report pages).
  url: env('PUBLIC_URL', ''),
  // Behind a reverse proxy, trust X-Forwarded-* so that rate limits see the client's address and https is detected.
  // Strapi 5 reads `proxy.koa` (a bare boolean does nothing). Only the last PROXY_TRUSTED_HOPS entries of
  // X-Forwarded-For are believed (the ones our own proxies appended): whatever a client puts in front is ignored.
  // Not proxied, X-Forwarded-For is never read.
  proxy: {
    koa: env.bool('IS_PROXIED', false),
    maxIpsCount: trustedHops(env.int('PROXY_TRUSTED_HOPS', 1)),
  },
  app: {
    keys: env.array('APP_KEYS'),
  },
  // Strapi's start-up banner ("Welcome back!", the environment table); `npm run quickstart` prints its own summary.
  logger: { startup: { enabled: env.bool('STRAPI_STARTUP_BANNER', true) } },
});

export default config;
