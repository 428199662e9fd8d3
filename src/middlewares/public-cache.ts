/**
 * HTTP caching of the public content API (/api/*, the report renderings included): anonymous GETs are answered from
 * the shared cache (src/cache) when possible and always carry a strong ETag, Last-Modified and a short public
 * Cache-Control, so a proxy or CDN can cache them and browsers revalidate with 304. Requests with credentials are
 * never cached, here or downstream (private, no-store); admin routes and writes are not touched.
 *
 * Runs after content-api-guard, which has already pinned reads to published content: only published content ever
 * reaches this cache.
 */
import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { isUnderPrefix } from '../content-api/paths';
import { publicCache, type CachedResponse } from '../cache';

type Config = { maxAge?: number; sMaxAge?: number };
type Next = () => Promise<unknown>;

const etagOf = (bytes: Buffer) => `"${crypto.createHash('sha256').update(bytes).digest('base64url').slice(0, 32)}"`;
const keyOf = (url: string) => crypto.createHash('sha256').update(url).digest('base64url');

/** The response body as the bytes that will be sent, or null when it cannot be cached (a stream, nothing). */
function bodyBytes(body: unknown): { bytes: Buffer; binary: boolean } | null {
  if (Buffer.isBuffer(body)) return { bytes: body, binary: true };
  if (typeof body === 'string') return { bytes: Buffer.from(body, 'utf8'), binary: false };
  if (body === null || body === undefined || typeof (body as { pipe?: unknown }).pipe === 'function') return null;
  return { bytes: Buffer.from(JSON.stringify(body), 'utf8'), binary: false };
}

export default (config: Config, { strapi }: { strapi: Core.Strapi }) => {
  const prefix = `${strapi.config.get<string>('api.rest.prefix', '/api')}/`.toLowerCase();
  // Browsers revalidate every time (a 304 from the cache costs little), so a publish shows on the next reload;
  // shared caches (proxy, CDN) may keep an answer for s-maxage seconds.
  const maxAge = Number(process.env.HTTP_CACHE_MAX_AGE ?? config.maxAge ?? 0);
  const sMaxAge = Number(process.env.HTTP_CACHE_S_MAXAGE ?? config.sMaxAge ?? 30);
  const publicControl = `public, max-age=${maxAge}, s-maxage=${sMaxAge}`;

  /** Same test as content-api-guard (../content-api/paths): any letter case, escaped or not. */
  const isContentApi = (path: string) => isUnderPrefix(path, prefix);

  /** Sends `entry` (or 304 when the client's copy is current). */
  const send = (ctx: any, entry: CachedResponse, hit: boolean) => {
    ctx.status = 200;
    ctx.type = entry.type;
    for (const [name, value] of Object.entries(entry.headers)) ctx.set(name, value);
    ctx.set('ETag', entry.etag);
    ctx.set('Last-Modified', new Date(entry.lastModified).toUTCString());
    ctx.set('Cache-Control', publicControl);
    ctx.vary('Authorization');
    ctx.set('X-Cache', hit ? 'HIT' : 'MISS');
    // koa's `fresh` compares If-None-Match (first) and If-Modified-Since with the validators just set.
    if (ctx.fresh) {
      ctx.status = 304;
      ctx.body = null;
      return;
    }
    ctx.body = entry.binary ? Buffer.from(entry.body, 'base64') : entry.body;
  };

  /** The response just rendered, as a cache entry, or null when it must not be kept (error, cookie, stream). */
  const cacheable = (ctx: any, since: number | undefined): CachedResponse | null => {
    if (ctx.status !== 200 || ctx.response.get('Set-Cookie')) return null;
    const body = bodyBytes(ctx.body);
    if (!body) return null;
    return {
      status: 200,
      type: ctx.response.get('Content-Type') || 'application/json; charset=utf-8',
      body: body.binary ? body.bytes.toString('base64') : body.bytes.toString('utf8'),
      binary: body.binary,
      etag: etagOf(body.bytes),
      // Without the store (Redis down) the response time is a safe upper bound for "last changed".
      lastModified: since ?? Math.floor(Date.now() / 1000) * 1000,
      headers: ctx.response.get('Content-Disposition')
        ? { 'Content-Disposition': ctx.response.get('Content-Disposition') }
        : {},
    };
  };

  const inflight = new Map<string, Promise<CachedResponse | null>>();

  return async (ctx: any, next: Next) => {
    if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || !isContentApi(ctx.path)) return next();

    // A draft preview (src/middlewares/preview.ts) is never kept, nor served from the cache.
    if (ctx.get('Authorization') || ctx.state?.draftPreview === true) {
      await next();
      // What a token may read is its own business: no shared cache may keep or reuse it.
      ctx.set('Cache-Control', 'private, no-store');
      return;
    }

    const { settings, store } = publicCache(strapi);
    const key = keyOf(ctx.url);
    let found: Awaited<ReturnType<typeof store.lookup>> | null = null;
    try {
      found = await store.lookup(key);
    } catch (error) {
      strapi.log.warn(`public cache unavailable, serving uncached: ${String(error)}`);
    }
    const caching = settings.enabled && found !== null;
    if (caching && found?.entry) return send(ctx, found.entry, true);

    // Single flight: concurrent misses of one URL in one generation wait for the first to render it, instead of all
    // running the same queries at once (a hundred clients opening a freshly published list).
    const flightKey = found ? `${found.generation.id}:${key}` : '';
    const pending = caching ? inflight.get(flightKey) : undefined;
    if (pending) {
      const shared = await pending;
      if (shared) return send(ctx, shared, true);
    }
    let settle: (entry: CachedResponse | null) => void = () => undefined;
    if (caching && !pending) inflight.set(flightKey, new Promise((resolve) => (settle = resolve)));

    let entry: CachedResponse | null = null;
    try {
      await next();
      entry = cacheable(ctx, found?.generation.since);
      if (entry && caching && found && Buffer.byteLength(entry.body) <= settings.maxBodyBytes) {
        await store
          .save(found.generation, key, entry)
          .catch((error: unknown) => strapi.log.warn(`public cache: could not store: ${String(error)}`));
      }
    } finally {
      if (caching && !pending) {
        inflight.delete(flightKey);
        settle(entry);
      }
    }
    if (entry) send(ctx, entry, false);
  };
};
