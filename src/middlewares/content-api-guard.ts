/**
 * Guards the content API (/api/*): reads are pinned to published content whatever the query says (Strapi lets
 * ?status=draft through to any role with find), and every client gets a per-address rate limit.
 */
import type { Core } from '@strapi/strapi';
import { RateLimit, Stores } from 'koa2-ratelimit';

type Config = { windowSeconds?: number; max?: number };

export default (config: Config, { strapi }: { strapi: Core.Strapi }) => {
  const prefix = strapi.config.get<string>('api.rest.prefix', '/api');
  const windowSeconds = Number(process.env.API_RATE_LIMIT_WINDOW_SECONDS ?? config.windowSeconds ?? 60);
  const max = Number(process.env.API_RATE_LIMIT_MAX ?? config.max ?? 600);

  const limiter = RateLimit.middleware({
    interval: { sec: windowSeconds },
    max,
    store: new Stores.Memory(),
    prefixKey: 'content-api',
    // The client's address only (X-Forwarded-For as far as server.proxy trusts it): never a user id or a header.
    keyGenerator: async (ctx: any) => `content-api|${ctx.request.ip}`,
    message: { data: null, error: { status: 429, name: 'TooManyRequestsError', message: 'Too many requests, please retry later.' } },
    handler: async (ctx: any) => {
      ctx.status = 429;
      ctx.body = { data: null, error: { status: 429, name: 'TooManyRequestsError', message: 'Too many requests, please retry later. 请求过于频繁，请稍后再试。', details: {} } };
    },
  });

  const apiPrefix = `${prefix}/`.toLowerCase();
  /**
   * The router matches paths case-insensitively (/API/policy-documents reaches the same route as /api/…), so the
   * test must too, on the decoded path: a case-sensitive test let `/API/…?status=draft` list drafts.
   */
  const isContentApi = (path: string) => {
    let decoded = path;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      // A malformed escape: keep the raw path (the router cannot match it either).
    }
    return decoded.toLowerCase().startsWith(apiPrefix) || path.toLowerCase().startsWith(apiPrefix);
  };

  return async (ctx: any, next: () => Promise<unknown>) => {
    if (!isContentApi(ctx.path)) return next();

    if (ctx.method === 'GET' || ctx.method === 'HEAD') {
      // Mutate the parsed query in place: Strapi's qs getter caches it, and re-serialising would lose nulls.
      ctx.request.query.status = 'published';
    }
    if (max <= 0) return next();
    return limiter(ctx, next);
  };
};
