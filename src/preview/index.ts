/**
 * Strapi's preview ("打开预览" in the edit view) opens the public site's page of the document. A published version is
 * the public page itself; a draft is the same page with `preview=<token>`: the page then reads that one document
 * through /preview/api/… (src/middlewares/preview.ts) with the token, shows it under a "预览 草稿" banner, and the token
 * expires after PREVIEW_TTL_SECONDS. Only an admin who may read the type in the Content Manager gets a draft's token.
 */
import type { Core } from '@strapi/strapi';
import { previewKey, signPreview } from './token';

/** The public site's page of each previewable type (public/site): `<page>?id=<documentId>[&locale=en]`. */
export const SITE_PAGES: Record<string, string> = {
  'api::policy-document.policy-document': 'document.html',
  'api::transaction-notice.transaction-notice': 'notice.html',
  'api::transaction-project.transaction-project': 'project.html',
  'api::annual-report.annual-report': 'report.html',
};

/**
 * Types whose draft the site can show: their page reads one document from the content API. The annual report's page
 * reads the plugin's renderings of a published report, which have no draft: a report is checked on the report page.
 */
export const DRAFT_PREVIEW_TYPES = new Set([
  'api::policy-document.policy-document',
  'api::transaction-notice.transaction-notice',
  'api::transaction-project.transaction-project',
]);

export type PreviewParams = { documentId: string; locale?: string | null; status?: string | null };

/** May the admin making this request read `uid` in the Content Manager? (Strapi's preview route only checks login.) */
function requesterMayRead(strapi: Core.Strapi, uid: string): boolean {
  const ctx = strapi.requestContext.get() as
    { state?: { userAbility?: { can: (action: string, subject: string) => boolean } } } | undefined;
  return ctx?.state?.userAbility?.can('plugin::content-manager.explorer.read', uid) === true;
}

export function previewUrl(
  strapi: Core.Strapi,
  siteUrl: string,
  uid: string,
  { documentId, locale, status }: PreviewParams,
  nowMs = Date.now(),
) {
  const page = SITE_PAGES[uid];
  if (!page || !documentId) return undefined;
  const query = new URLSearchParams({ id: documentId });
  if (locale === 'en') query.set('locale', 'en');
  if (status !== 'published') {
    if (!DRAFT_PREVIEW_TYPES.has(uid) || !requesterMayRead(strapi, uid)) return undefined;
    const key = previewKey(strapi.config.get<string>('admin.auth.secret'));
    query.set('preview', signPreview(key, { uid, documentId, locale: locale || 'zh-Hans' }, nowMs));
  }
  return `${siteUrl}/site/${page}?${query}`;
}
