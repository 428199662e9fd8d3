import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  // The public URL when the app runs behind a reverse proxy (links in the OpenAPI document and the report pages).
  url: env('PUBLIC_URL', ''),
  // Trust X-Forwarded-* from the proxy so that rate limits see the client's address, not the proxy's.
  proxy: env.bool('IS_PROXIED', false),
  app: {
    keys: env.array('APP_KEYS'),
  },
  // Strapi's start-up banner ("Welcome back!", the environment table); `npm run quickstart` prints its own summary.
  logger: { startup: { enabled: env.bool('STRAPI_STARTUP_BANNER', true) } },
});

export default config;
