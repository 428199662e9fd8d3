import type { Core } from '@strapi/strapi';
import { previewUrl, type PreviewParams } from '../src/preview';

const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  auth: {
    secret: env('ADMIN_JWT_SECRET'),
  },
  apiToken: {
    salt: env('API_TOKEN_SALT'),
  },
  transfer: {
    token: {
      salt: env('TRANSFER_TOKEN_SALT'),
    },
  },
  secrets: {
    // Lets a super admin view a token's key again in Settings › API Tokens.
    encryptionKey: env('ENCRYPTION_KEY'),
  },
  flags: {
    nps: false,
    promoteEE: false,
  },
  preview: {
    enabled: true,
    config: {
      // The site is served by this app (same origin) unless PUBLIC_URL names another address.
      allowedOrigins: [env('PUBLIC_URL', "'self'")],
      // A published document opens its public page; a draft the same page with a short-lived token (src/preview).
      handler: (uid: string, params: PreviewParams) =>
        previewUrl(strapi, env('PUBLIC_URL', '').replace(/\/$/, ''), uid, params),
    },
  },
});

export default config;
