import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams) => [
  'strapi::logger',
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
  'global::content-api-guard',
  'global::site-home',
  'global::site-files',
  'global::site-not-found',
  'strapi::public',
];

export default config;
