import type { Core } from '@strapi/strapi';

/** The public site's page of each previewable type (public/site): `<page>?id=<documentId>[&locale=en]`. */
const SITE_PAGES: Record<string, string> = {
  'api::policy-document.policy-document': 'document.html',
  'api::transaction-notice.transaction-notice': 'notice.html',
  'api::transaction-project.transaction-project': 'project.html',
  'api::annual-report.annual-report': 'report.html',
};

/**
 * Strapi's preview ("Open preview" in the edit view) shows the public site's page of the document. Only the published
 * version: the site reads the public content API, which never serves drafts (src/middlewares/content-api-guard.ts),
 * so a draft's page would show the published text, or nothing, under the draft's name. Answering no URL for drafts
 * hides the button there instead of misleading the editor (see README, "Preview").
 */
function previewUrl(siteUrl: string, uid: string, { documentId, locale, status }: { documentId: string; locale?: string | null; status?: string | null }) {
  const page = SITE_PAGES[uid];
  if (!page || status !== 'published' || !documentId) return undefined;
  const query = new URLSearchParams({ id: documentId });
  if (locale === 'en') query.set('locale', 'en');
  return `${siteUrl}/site/${page}?${query}`;
}

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
      handler: (uid: string, params: { documentId: string; locale?: string | null; status?: string | null }) =>
        previewUrl(env('PUBLIC_URL', '').replace(/\/$/, ''), uid, params),
    },
  },
});

export default config;
