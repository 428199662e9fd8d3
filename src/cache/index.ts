/**
 * The public read cache of the app: one store per Strapi instance (Redis when REDIS_URL is set, else in process),
 * advanced to a new generation by every write that can change what the public reads. The HTTP side (which requests
 * are cached, ETag/304) is src/middlewares/public-cache.ts.
 */
import type { Core } from '@strapi/strapi';
import { MemoryStore, RedisStore, type PublicCacheStore } from './store';

export type { CachedResponse, Generation, PublicCacheStore } from './store';

export type PublicCacheSettings = {
  enabled: boolean;
  ttlMs: number;
  maxEntries: number;
  maxBodyBytes: number;
  redisUrl: string | null;
  prefix: string;
};

export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): PublicCacheSettings {
  return {
    enabled: (env.PUBLIC_CACHE ?? 'on').toLowerCase() !== 'off',
    ttlMs: Number(env.PUBLIC_CACHE_TTL_SECONDS ?? 600) * 1000,
    maxEntries: Number(env.PUBLIC_CACHE_MAX_ENTRIES ?? 5000),
    maxBodyBytes: Number(env.PUBLIC_CACHE_MAX_BODY_BYTES ?? 2 * 1024 * 1024),
    redisUrl: env.REDIS_URL || null,
    prefix: env.PUBLIC_CACHE_PREFIX ?? 'ggzy:public-cache:',
  };
}

export function createStore(settings: PublicCacheSettings): PublicCacheStore {
  return settings.redisUrl
    ? new RedisStore(settings.redisUrl, { ttlMs: settings.ttlMs, prefix: settings.prefix })
    : new MemoryStore({ ttlMs: settings.ttlMs, maxEntries: settings.maxEntries });
}

/**
 * Models whose writes never change a public response: the public's own filings (applications and their events,
 * written on every online application), admin users, tokens (lastUsedAt is written on every token request) and
 * sessions. Every other model may be read by the public directly or through populate, relations, permissions or the
 * default locale, so its writes advance the generation.
 */
const NEVER_PUBLIC = [
  /^admin::/,
  /^strapi::session$/,
  /^api::disclosure-application\./,
  /^plugin::disclosure\.application-event$/,
];
export const affectsPublicReads = (uid: string) => !NEVER_PUBLIC.some((pattern) => pattern.test(uid));

const WRITE_EVENTS = [
  'afterCreate',
  'afterCreateMany',
  'afterUpdate',
  'afterUpdateMany',
  'afterDelete',
  'afterDeleteMany',
] as const;

const instances = new WeakMap<Core.Strapi, { settings: PublicCacheSettings; store: PublicCacheStore }>();

/** The cache of this Strapi instance, created on first use. */
export function publicCache(strapi: Core.Strapi) {
  let cache = instances.get(strapi);
  if (!cache) {
    const settings = settingsFromEnv();
    cache = { settings, store: createStore(settings) };
    instances.set(strapi, cache);
  }
  return cache;
}

/**
 * Advances the generation on every write to a model that public reads can reach. DB lifecycles rather than a
 * Document Service middleware: they also see the Query Engine writes of plugins (uploads, the report's snapshot,
 * permissions) and relation changes, and they run inside the write's transaction, where we also register an
 * advance for the commit: a read between our first advance and the commit could store the old rows under the new
 * generation, and the second advance retires it.
 */
export async function invalidateOnWrites(strapi: Core.Strapi) {
  const { store, settings } = publicCache(strapi);
  if (!(await store.ready(5000))) {
    strapi.log.error(
      `public cache: Redis at ${settings.redisUrl} is unreachable; public reads are served uncached until it is back`,
    );
  }
  const advance = () =>
    store
      .advance()
      .catch((error: unknown) => strapi.log.error(`public cache: could not advance the generation: ${String(error)}`));
  const onWrite = async (event: { model: { uid: string } }) => {
    if (!affectsPublicReads(event.model.uid)) return;
    await advance();
    if (strapi.db.inTransaction()) {
      // Joins the running transaction (no new one, no commit of its own): only to register the commit callback.
      await strapi.db.transaction(async ({ onCommit }) => {
        onCommit(() => void advance());
      });
    }
  };
  strapi.db.lifecycles.subscribe(Object.fromEntries(WRITE_EVENTS.map((action) => [action, onWrite])));
}

export async function closePublicCache(strapi: Core.Strapi) {
  const cache = instances.get(strapi);
  if (!cache) return;
  instances.delete(strapi);
  await cache.store.close();
}
