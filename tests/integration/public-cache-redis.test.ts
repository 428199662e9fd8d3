/**
 * The Redis store of the public cache, as two instances of the app share it: an entry stored by one is served by
 * the other, and a write seen by either retires every entry for both at once (versioned keys, no message to miss).
 * Then the app itself on the Redis store: a cached list changes right after publish and unpublish.
 * Needs Redis (REDIS_URL, default redis://127.0.0.1:6379); every key lives under a prefix of this run, removed after.
 */
import crypto from 'crypto';
import { Redis } from 'ioredis';
import type { Core } from '@strapi/strapi';
import { RedisStore, type CachedResponse } from '../../src/cache/store';
import { setupStrapi, teardownStrapi, http } from '../helpers/strapi';
import { createNotice, createProject } from '../helpers/content';

const url = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const prefix = `ggzy-test:perf:${crypto.randomBytes(4).toString('hex')}:`;
const entry = (body: string): CachedResponse => ({
  status: 200,
  type: 'application/json',
  body,
  binary: false,
  etag: '"e"',
  lastModified: 0,
  headers: {},
});

let a: RedisStore;
let b: RedisStore;

beforeAll(async () => {
  a = new RedisStore(url, { ttlMs: 60_000, prefix });
  b = new RedisStore(url, { ttlMs: 60_000, prefix });
  await Promise.all([a.ready(5000), b.ready(5000)]);
});

afterAll(async () => {
  await a.close();
  await b.close();
  const redis = new Redis(url);
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
});

describe('two instances on one Redis', () => {
  test('an entry stored by one instance is served by the other', async () => {
    const { generation, entry: none } = await a.lookup('k1');
    expect(none).toBeNull();
    await a.save(generation, 'k1', entry('from a'));
    expect((await b.lookup('k1')).entry?.body).toBe('from a');
  });

  test('a write on one instance retires the entries of both, at once, with a later Last-Modified', async () => {
    const before = await b.lookup('k1');
    expect(before.entry?.body).toBe('from a');
    await b.advance();
    const afterA = await a.lookup('k1');
    expect(afterA.entry).toBeNull();
    expect(afterA.generation.id).not.toBe(before.generation.id);
    expect(afterA.generation.since).toBeGreaterThan(before.generation.since);
    // Two writes in the same second still give distinct Last-Modified seconds.
    await a.advance();
    const again = await b.lookup('k1');
    expect(again.generation.since - afterA.generation.since).toBeGreaterThanOrEqual(1000);
  });

  test('an entry computed under a generation that has since moved on is never served', async () => {
    const { generation } = await a.lookup('k2');
    await b.advance(); // a publish lands while instance a renders
    await a.save(generation, 'k2', entry('stale'));
    expect((await b.lookup('k2')).entry).toBeNull();
    expect((await a.lookup('k2')).entry).toBeNull();
  });
});

describe('the app on the Redis store', () => {
  const NOTICE = 'api::transaction-notice.transaction-notice';
  const LIST = '/api/transaction-notices?fields[0]=title&sort[0]=releasedAt:desc&sort[1]=id:desc';
  let strapi: Core.Strapi;
  const titles = (res: any): string[] => (res.body?.data ?? []).map((d: any) => d.title);

  beforeAll(async () => {
    process.env.REDIS_URL = url;
    process.env.PUBLIC_CACHE_PREFIX = `${prefix}app:`;
    strapi = await setupStrapi();
  });

  afterAll(async () => {
    await teardownStrapi();
    delete process.env.REDIS_URL;
    delete process.env.PUBLIC_CACHE_PREFIX;
  });

  test('a cached list changes right after publish and unpublish; entries live in Redis', async () => {
    const project = (await createProject(strapi, { name: 'Redis缓存项目' })).documentId;
    const draft = await createNotice(
      strapi,
      project,
      { title: 'Redis缓存公告', releasedAt: '2030-01-01T00:00:00.000Z' },
      false,
    );
    await http().get(LIST);
    const hit = await http().get(LIST);
    expect(hit.headers['x-cache']).toBe('HIT');
    expect(titles(hit)).not.toContain('Redis缓存公告');

    const redis = new Redis(url);
    expect((await redis.keys(`${prefix}app:entry:*`)).length).toBeGreaterThan(0);
    redis.disconnect();

    await strapi.documents(NOTICE).publish({ documentId: draft.documentId } as any);
    expect(titles(await http().get(LIST))[0]).toBe('Redis缓存公告');
    await strapi.documents(NOTICE).unpublish({ documentId: draft.documentId } as any);
    expect(titles(await http().get(LIST))).not.toContain('Redis缓存公告');
  });
});
