/**
 * Guards the content API (/api/*): reads are pinned to published content whatever the query says (Strapi lets
 * ?status=draft through to any role with find), every client gets a per-address rate limit (shared by all instances
 * through Redis when REDIS_URL is set), and `populate` is kept within limits that bound the answer
 * (src/content-api/populate-limits.ts), and so are filters through relations (src/content-api/filter-limits.ts).
 */
import type { Core } from '@strapi/strapi';
import { isUnderPrefix, routedPath } from '../content-api/paths';
import { errors } from '@strapi/utils';
import { rateLimitMiddleware } from '../rate-limit';
import { checkPopulate, schemaLookup } from '../content-api/populate-limits';
import { checkFilters } from '../content-api/filter-limits';

type Config = { windowSeconds?: number; max?: number };

export default (config: Config, { strapi }: { strapi: Core.Strapi }) => {
  const prefix = strapi.config.get<string>('api.rest.prefix', '/api');
  const windowSeconds = Number(process.env.API_RATE_LIMIT_WINDOW_SECONDS ?? config.windowSeconds ?? 60);
  const max = Number(process.env.API_RATE_LIMIT_MAX ?? config.max ?? 600);

  // Shared by every instance through Redis when REDIS_URL is set (src/rate-limit).
  const limiter = rateLimitMiddleware(strapi, {
    name: 'content-api',
    max,
    windowSeconds,
    message: 'Too many requests, please retry later. 请求过于频繁，请稍后再试。',
  });

  const apiPrefix = `${prefix}/`.toLowerCase();
  /** A case-sensitive test once let `/API/…?status=draft` list drafts: see ../content-api/paths. */
  const isContentApi = (path: string) => isUnderPrefix(path, prefix);

  const lookup = schemaLookup(
    (uid) => (strapi.contentTypes as Record<string, any>)[uid] ?? (strapi.components as Record<string, any>)[uid],
  );
  /** The content type a /api/<pluralName>[/…] path reads (single types by singularName); undefined for plugin routes. */
  let modelsByRoute: Map<string, string> | null = null;
  const modelOf = (path: string): string | undefined => {
    if (!modelsByRoute) {
      modelsByRoute = new Map();
      for (const [uid, contentType] of Object.entries<any>(strapi.contentTypes)) {
        if (!uid.startsWith('api::')) continue;
        const info = contentType.info ?? {};
        modelsByRoute.set(
          String(contentType.kind === 'singleType' ? info.singularName : info.pluralName).toLowerCase(),
          uid,
        );
      }
    }
    const segment = routedPath(path).slice(apiPrefix.length).split('/')[0];
    return modelsByRoute.get(segment);
  };

  const checked = (ctx: any, next: () => Promise<unknown>) => {
    const populate = ctx.request.query?.populate;
    if (populate !== undefined) {
      const problem = checkPopulate(populate, modelOf(ctx.path), lookup);
      if (problem)
        throw new errors.ValidationError(problem.message, { populate: { code: problem.code, path: problem.path } });
    }
    const filters = ctx.request.query?.filters;
    if (filters !== undefined) {
      const problem = checkFilters(filters, modelOf(ctx.path), lookup);
      if (problem)
        throw new errors.ValidationError(problem.message, { filters: { code: problem.code, path: problem.path } });
    }
    return next();
  };

  return async (ctx: any, next: () => Promise<unknown>) => {
    if (!isContentApi(ctx.path)) return next();

    if (ctx.method === 'GET' || ctx.method === 'HEAD') {
      // Mutate the parsed query in place: Strapi's qs getter caches it, and re-serialising would lose nulls.
      // A draft only for a request src/middlewares/preview.ts marked after checking its signed token.
      ctx.request.query.status = ctx.state?.draftPreview === true ? 'draft' : 'published';
    }
    // Refused requests count against the rate limit too.
    if (max <= 0) return checked(ctx, next);
    return limiter(ctx, () => checked(ctx, next));
  };
};
