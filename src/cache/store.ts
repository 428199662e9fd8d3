/**
 * Stores of the public read cache: rendered anonymous GET responses keyed by URL under a *generation* that every
 * write to public content advances. Entries are never deleted one by one: a new generation makes every older entry
 * unreachable (versioned keys), so with Redis every instance sees an invalidation the moment it happens, without
 * relying on a message arriving. Without Redis the store lives in this process (one instance only).
 */
import { Redis } from 'ioredis';

/** One cached response: exactly what is sent, plus its validators. */
export type CachedResponse = {
  status: 200;
  type: string;
  /** The body: UTF-8 text, or base64 when `binary` (XLSX). */
  body: string;
  binary: boolean;
  etag: string;
  /** Epoch ms (whole seconds) of the generation the response belongs to: nothing it shows changed since. */
  lastModified: number;
  /** Headers to replay (Content-Disposition of downloads). */
  headers: Record<string, string>;
};

export type Generation = { id: string; since: number };

export interface PublicCacheStore {
  /** The current generation and, when present, the entry for `key` in it: one round trip. */
  lookup(key: string): Promise<{ generation: Generation; entry: CachedResponse | null }>;
  /** Stores `entry` under the generation it was computed in (a stale generation's entry is simply never read). */
  save(generation: Generation, key: string, entry: CachedResponse): Promise<void>;
  /** Starts a new generation: every entry stored so far stops being served, on every instance. */
  advance(): Promise<void>;
  /** Resolves when the store can serve (connected), or after `timeoutMs` (then requests are served uncached). */
  ready(timeoutMs: number): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * Next generation start time: strictly later, in whole seconds, than the previous one, so that Last-Modified (which
 * HTTP carries in seconds) differs for every generation even when two writes land in the same second.
 */
const nextSince = (previous: number, now: number) => Math.max(Math.floor(now / 1000) * 1000, previous + 1000);

export class MemoryStore implements PublicCacheStore {
  private generation: Generation = { id: '1', since: Math.floor(Date.now() / 1000) * 1000 };
  private entries = new Map<string, { entry: CachedResponse; expires: number }>();

  constructor(private readonly options: { ttlMs: number; maxEntries: number }) {}

  async lookup(key: string) {
    const found = this.entries.get(key);
    if (!found || found.expires < Date.now()) {
      if (found) this.entries.delete(key);
      return { generation: this.generation, entry: null };
    }
    // Most recently used last: the first key of the Map is the one to evict.
    this.entries.delete(key);
    this.entries.set(key, found);
    return { generation: this.generation, entry: found.entry };
  }

  async save(generation: Generation, key: string, entry: CachedResponse) {
    if (generation.id !== this.generation.id) return;
    this.entries.set(key, { entry, expires: Date.now() + this.options.ttlMs });
    while (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  async advance() {
    this.generation = {
      id: String(Number(this.generation.id) + 1),
      since: nextSince(this.generation.since, Date.now()),
    };
    this.entries.clear();
  }

  async ready() {
    return true;
  }

  async close() {
    this.entries.clear();
  }
}

/**
 * Reads the generation (creating it on a fresh Redis) and the entry of that generation in one script, so that an
 * instance never pairs a new generation with an entry it did not look up under it.
 */
const LOOKUP = `
local g = redis.call('HMGET', KEYS[1], 'id', 'since')
if not g[1] then
  redis.call('HSETNX', KEYS[1], 'id', '1')
  redis.call('HSETNX', KEYS[1], 'since', ARGV[2])
  g = redis.call('HMGET', KEYS[1], 'id', 'since')
end
return { g[1], g[2], redis.call('GET', ARGV[1] .. g[1] .. ':' .. ARGV[3]) }`;

/** Advances the generation atomically, with a strictly later start time (see nextSince). */
const ADVANCE = `
local since = tonumber(redis.call('HGET', KEYS[1], 'since') or '0')
local now = tonumber(ARGV[1])
if now <= since then now = since + 1000 end
redis.call('HINCRBY', KEYS[1], 'id', 1)
redis.call('HSET', KEYS[1], 'since', tostring(now))
return now`;

export class RedisStore implements PublicCacheStore {
  private readonly redis: Redis;
  private readonly generationKey: string;
  private readonly entryPrefix: string;

  constructor(
    url: string,
    private readonly options: { ttlMs: number; prefix: string },
  ) {
    // No offline queue: while Redis is unreachable a lookup fails at once and the request is served uncached.
    this.redis = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false });
    this.redis.on('error', () => {
      // Reported by the failing command (the caller logs it); without a listener ioredis prints every retry.
    });
    this.generationKey = `${options.prefix}generation`;
    this.entryPrefix = `${options.prefix}entry:`;
    // On every (re)connection: writes this instance made while Redis was unreachable could not advance the
    // generation, so entries stored before them must not be served any more. Also retires entries rendered by an
    // older version of the app when an instance starts.
    this.redis.on('ready', () => {
      this.advance().catch(() => undefined);
    });
  }

  async ready(timeoutMs: number) {
    if (this.redis.status === 'ready') return true;
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.redis.once('ready', () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  async lookup(key: string) {
    const now = String(Math.floor(Date.now() / 1000) * 1000);
    const [id, since, raw] = (await this.redis.eval(LOOKUP, 1, this.generationKey, this.entryPrefix, now, key)) as [
      string,
      string,
      string | null,
    ];
    return { generation: { id, since: Number(since) }, entry: raw ? (JSON.parse(raw) as CachedResponse) : null };
  }

  async save(generation: Generation, key: string, entry: CachedResponse) {
    await this.redis.set(`${this.entryPrefix}${generation.id}:${key}`, JSON.stringify(entry), 'PX', this.options.ttlMs);
  }

  async advance() {
    await this.redis.eval(ADVANCE, 1, this.generationKey, String(Math.floor(Date.now() / 1000) * 1000));
  }

  async close() {
    this.redis.disconnect();
  }
}
