import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams) => [
  // One line per request with a request id, no query string or body (replaces strapi::logger).
  'global::request-log',
  'strapi::errors',
  'strapi::security',
  {
    name: 'strapi::cors',
    config: {
      // The public site's origins, comma separated. '*' (the default) allows any origin without credentials.
      origin: env.array('CORS_ORIGINS', ['*']),
      credentials: env('CORS_ORIGINS', '*') !== '*',
    },
  },
  'strapi::poweredBy',
  'strapi::query',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  // /uploads can never run script in the admin's origin (sandbox CSP, nosniff, downloads).
  'global::uploads-headers',
  // /preview/api/…: a draft for a signed, short-lived preview token, then through the content API's route.
  'global::preview',
  'global::content-api-guard',
  'global::public-cache',
  'global::site-home',
  'global::site-vendor',
  'global::site-labels',
  'global::site-files',
  'global::site-not-found',
  'strapi::public',
];

export default config;
