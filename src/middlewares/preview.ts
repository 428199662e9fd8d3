/**
 * The draft behind a preview link (src/preview): GET /preview/api/<pluralName>/<documentId>?… with the link's token in
 * `X-Preview-Token` answers what GET /api/<pluralName>/<documentId>?… would answer for the draft, through the same
 * route, controller, sanitizer and limits. Without a valid, unexpired token for exactly that document and locale it
 * answers 401 and reads nothing. Never cached (no-store), never indexed. Runs before content-api-guard and
 * public-cache, which leave a request marked here in draft and out of the shared cache.
 */
import type { Core } from '@strapi/strapi';
import { routedPath } from '../content-api/paths';
import { previewKey, verifyPreview } from '../preview/token';

const PREFIX = '/preview/api/';
export const PREVIEW_STATE = 'draftPreview';

const refuse = (ctx: any, status: 401 | 404 | 405, zh: string, en: string) => {
  ctx.status = status;
  ctx.body = {
    data: null,
    error: {
      status,
      name: status === 401 ? 'UnauthorizedError' : status === 404 ? 'NotFoundError' : 'MethodNotAllowedError',
      message: `${zh} (${en})`,
      details: {},
    },
  };
};

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const prefix = strapi.config.get<string>('api.rest.prefix', '/api').replace(/\/+$/, '');
  let key: Buffer | null = null;
  let routeOf: Map<string, string> | null = null;
  /** The pluralName of each content type's route (Strapi's REST path). */
  const pluralOf = (uid: string) => {
    if (!routeOf) {
      routeOf = new Map();
      for (const [name, contentType] of Object.entries<any>(strapi.contentTypes))
        routeOf.set(name, String(contentType.info?.pluralName ?? ''));
    }
    return routeOf.get(uid);
  };

  return async (ctx: any, next: () => Promise<unknown>) => {
    const path = routedPath(ctx.path);
    if (!path.startsWith(PREFIX)) return next();
    ctx.set('Cache-Control', 'no-store');
    ctx.set('X-Robots-Tag', 'noindex, nofollow');
    ctx.vary('X-Preview-Token');
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return refuse(ctx, 405, '预览只读', 'A preview is read-only');

    key ??= previewKey(strapi.config.get<string>('admin.auth.secret'));
    const verified = verifyPreview(key, ctx.get('X-Preview-Token') || undefined, Date.now());
    if (!verified.ok) {
      return refuse(
        ctx,
        401,
        '预览链接无效或已过期，请在内容管理中重新打开预览',
        `The preview link is invalid or has expired (${verified.reason}): open the preview again`,
      );
    }
    const { grant } = verified;
    const [plural, documentId, ...rest] = path.slice(PREFIX.length).split('/');
    const requestedLocale = typeof ctx.query.locale === 'string' ? ctx.query.locale : 'zh-Hans';
    if (
      rest.length ||
      plural !== pluralOf(grant.uid) ||
      documentId !== grant.documentId.toLowerCase() ||
      requestedLocale !== grant.locale
    ) {
      return refuse(ctx, 401, '此预览链接不适用于所请求的内容', 'This preview link is for another document');
    }
    // The router matches case-insensitively; the controller reads the documentId as given.
    ctx.path = `${prefix}/${plural}/${grant.documentId}`;
    ctx.state[PREVIEW_STATE] = true;
    await next();
    ctx.set('Cache-Control', 'no-store');
    ctx.set('X-Robots-Tag', 'noindex, nofollow');
  };
};
