/**
 * HTTP caching and the shared cache of public reads (src/middlewares/public-cache.ts, src/cache): anonymous GETs carry
 * validators and are answered 304 when current; a cached list changes right after publish, unpublish, update and
 * delete; drafts, private types, credentials, writes and admin routes are never cached. With REDIS_URL set (see
 * public-cache-redis.test.ts) the same file runs on the Redis store.
 */
import net from 'net';
import type { AddressInfo } from 'net';
import type { Core } from '@strapi/strapi';
import { setupStrapi, teardownStrapi, http, adminToken } from '../helpers/strapi';
import { createOrganization } from '../helpers/records';
import { createNotice, createProject, createReport } from '../helpers/content';

const NOTICE = 'api::transaction-notice.transaction-notice';
const LIST = '/api/transaction-notices?fields[0]=title&sort[0]=releasedAt:desc&sort[1]=id:desc&pagination[pageSize]=50';

let strapi: Core.Strapi;
let project: string;
let report: string;

const titles = (res: any): string[] => (res.body?.data ?? []).map((d: any) => d.title);

beforeAll(async () => {
  strapi = await setupStrapi();
  const organization = await createOrganization(strapi, { name: '缓存测试中心' });
  project = (await createProject(strapi, { name: '缓存测试项目', organization: organization.documentId })).documentId;
  await createNotice(strapi, project, { title: '缓存测试公告一' });
  report = (await createReport(strapi, organization.documentId, { year: 2023 })).documentId;
});

afterAll(teardownStrapi);

describe('HTTP validators on anonymous GETs', () => {
  test('a list carries a strong ETag, Last-Modified and a public Cache-Control; a repeat is a cache hit with the same ETag', async () => {
    const first = await http().get(LIST);
    expect(first.status).toBe(200);
    expect(first.headers.etag).toMatch(/^"[A-Za-z0-9_-]{20,}"$/);
    expect(new Date(first.headers['last-modified']).getTime()).toBeGreaterThan(0);
    expect(first.headers['cache-control']).toMatch(/^public, max-age=\d+, s-maxage=\d+$/);
    expect(first.headers.vary).toMatch(/Authorization/i);
    const second = await http().get(LIST);
    expect(second.headers['x-cache']).toBe('HIT');
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.body).toEqual(first.body);
  });

  test('If-None-Match with the current ETag answers 304 without a body; another ETag answers 200', async () => {
    const first = await http().get(LIST);
    const notModified = await http().get(LIST).set('If-None-Match', first.headers.etag);
    expect(notModified.status).toBe(304);
    expect(notModified.text ?? '').toBe('');
    const other = await http().get(LIST).set('If-None-Match', '"something-else"');
    expect(other.status).toBe(200);
  });

  test('If-Modified-Since at Last-Modified answers 304; an earlier date answers 200', async () => {
    const first = await http().get(LIST);
    expect((await http().get(LIST).set('If-Modified-Since', first.headers['last-modified'])).status).toBe(304);
    const earlier = new Date(new Date(first.headers['last-modified']).getTime() - 60_000).toUTCString();
    expect((await http().get(LIST).set('If-Modified-Since', earlier)).status).toBe(200);
  });

  test('the published report renderings (JSON, HTML, CSV, XLSX) carry validators and answer 304', async () => {
    for (const suffix of ['', '/html', '/csv', '/xlsx']) {
      const url = `/api/disclosure/reports/${report}${suffix}?locale=zh-Hans`;
      const first = await http().get(url).responseType('blob');
      expect([url, first.status]).toEqual([url, 200]);
      expect(first.headers.etag).toBeTruthy();
      expect(first.headers['cache-control']).toMatch(/^public/);
      const again = await http().get(url).responseType('blob');
      expect([url, again.headers['x-cache']]).toEqual([url, 'HIT']);
      expect(again.headers['content-type']).toBe(first.headers['content-type']);
      expect(again.headers['content-disposition']).toBe(first.headers['content-disposition']);
      expect(Buffer.isBuffer(first.body) && first.body.length > 0).toBe(true);
      expect(Buffer.compare(again.body, first.body)).toBe(0);
      expect((await http().get(url).set('If-None-Match', first.headers.etag)).status).toBe(304);
    }
  });

  test('the report list of the plugin is cached like the content API', async () => {
    const url = '/api/disclosure/reports?page=1&pageSize=10';
    const first = await http().get(url);
    expect(first.status).toBe(200);
    expect((await http().get(url).set('If-None-Match', first.headers.etag)).status).toBe(304);
  });
});

describe('single flight', () => {
  test('concurrent first requests of one URL run its queries once and all get the same answer', async () => {
    const url = `${LIST}&filters[title][$containsi]=${encodeURIComponent('缓存测试')}`;
    const knex = strapi.db.connection;
    let selects = 0;
    const listener = (q: { sql: string }) => {
      if (/^select .* from [`"]?(public[`"]?\.[`"]?)?transaction_notices[`"]? as [`"]?t0/i.test(q.sql)) selects += 1;
    };
    knex.on('query', listener);
    try {
      // Ten sockets opened first, then ten requests written at once: they reach the app together. (On SQLite the
      // synchronous driver serialises them anyway; on PostgreSQL, without single flight, several run the query.)
      const server = strapi.server.httpServer;
      if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
      const { port } = server.address() as AddressInfo;
      const sockets = await Promise.all(
        Array.from(
          { length: 10 },
          () =>
            new Promise<net.Socket>((resolve) => {
              const socket = net.connect(port, '127.0.0.1', () => resolve(socket));
            }),
        ),
      );
      const answers = await Promise.all(
        sockets.map(
          (socket) =>
            new Promise<string>((resolve) => {
              let raw = '';
              socket.on('data', (chunk) => (raw += chunk));
              socket.on('end', () => resolve(raw));
              socket.write(`GET ${url} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
            }),
        ),
      );
      expect(answers.map((a) => a.split('\r\n')[0])).toEqual(Array(10).fill('HTTP/1.1 200 OK'));
      expect(new Set(answers.map((a) => /etag: (\S+)/i.exec(a)?.[1])).size).toBe(1);
      expect(answers[0]).toContain('缓存测试公告一');
    } finally {
      knex.removeListener('query', listener);
    }
    expect(selects).toBe(1);
  });
});

describe('never cached', () => {
  test('a request with credentials is private, no-store and never served from the cache', async () => {
    await http().get(LIST); // warm the anonymous entry
    const res = await http().get(LIST).set('Authorization', 'Bearer not-a-valid-token');
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.headers['x-cache']).toBeUndefined();
    expect(res.headers.etag).toBeUndefined();
  });

  test('errors and private types are not cached (403 twice, no validators)', async () => {
    for (let i = 0; i < 2; i += 1) {
      const res = await http().get('/api/disclosure-applications');
      expect(res.status).toBe(403);
      expect(res.headers.etag).toBeUndefined();
      expect(res.headers['x-cache']).toBeUndefined();
    }
  });

  test('writes and admin routes get no public Cache-Control', async () => {
    const post = await http()
      .post('/api/transaction-notices')
      .send({ data: { title: 'x' } });
    expect(post.headers['cache-control'] ?? '').not.toMatch(/public/);
    const { token } = await adminToken('strapi-super-admin');
    const admin = await http()
      .get(`/content-manager/collection-types/${NOTICE}`)
      .set('Authorization', `Bearer ${token}`);
    expect(admin.status).toBe(200);
    expect(admin.headers['cache-control'] ?? '').not.toMatch(/public/);
    expect(admin.headers['x-cache']).toBeUndefined();
  });

  test('drafts are never served, even with ?status=draft on a cached URL or a case-variant path', async () => {
    await createNotice(strapi, project, { title: '从未发布的缓存草稿' }, false);
    for (const url of [LIST, `${LIST}&status=draft`, LIST.replace('/api/', '/API/')]) {
      expect(titles(await http().get(url))).not.toContain('从未发布的缓存草稿');
      expect(titles(await http().get(url))).not.toContain('从未发布的缓存草稿');
    }
  });
});

describe('a cached list follows the Document Service at once', () => {
  test('publish, update + publish, unpublish and delete each change the cached list on the next request', async () => {
    const before = await http().get(LIST);
    expect((await http().get(LIST)).headers['x-cache']).toBe('HIT');

    const created = await createNotice(strapi, project, {
      title: '刚刚发布的公告',
      releasedAt: '2030-01-01T00:00:00.000Z',
    });
    const published = await http().get(LIST);
    expect(titles(published)[0]).toBe('刚刚发布的公告');
    expect(published.headers.etag).not.toBe(before.headers.etag);
    // The old validators no longer match.
    expect((await http().get(LIST).set('If-None-Match', before.headers.etag)).status).toBe(200);

    await strapi.documents(NOTICE).update({ documentId: created.documentId, data: { title: '刚刚修改的公告' } } as any);
    // A draft change is not public: the list still shows the published title.
    expect(titles(await http().get(LIST))[0]).toBe('刚刚发布的公告');
    await strapi.documents(NOTICE).publish({ documentId: created.documentId } as any);
    expect(titles(await http().get(LIST))[0]).toBe('刚刚修改的公告');

    await strapi.documents(NOTICE).unpublish({ documentId: created.documentId } as any);
    expect(titles(await http().get(LIST))).not.toContain('刚刚修改的公告');

    await strapi.documents(NOTICE).publish({ documentId: created.documentId } as any);
    expect(titles(await http().get(LIST))[0]).toBe('刚刚修改的公告');
    await strapi.documents(NOTICE).delete({ documentId: created.documentId } as any);
    expect(titles(await http().get(LIST))).not.toContain('刚刚修改的公告');
  });

  test('a change through the admin (Content Manager publish) invalidates too', async () => {
    const { token } = await adminToken('strapi-super-admin');
    const draft = await createNotice(
      strapi,
      project,
      { title: '编辑在后台发布的公告', releasedAt: '2031-01-01T00:00:00.000Z' },
      false,
    );
    expect(titles(await http().get(LIST))).not.toContain('编辑在后台发布的公告');
    const res = await http()
      .post(`/content-manager/collection-types/${NOTICE}/${draft.documentId}/actions/publish`)
      .set('Authorization', `Bearer ${token}`)
      .send({});
    expect(res.status).toBe(200);
    expect(titles(await http().get(LIST))[0]).toBe('编辑在后台发布的公告');
  });
});

describe('counting on request', () => {
  test('a list counts only when asked with pagination[withCount]=true', async () => {
    const plain = await http().get('/api/transaction-notices?pagination[pageSize]=1');
    expect(plain.status).toBe(200);
    expect(plain.body.meta.pagination).toEqual({ page: 1, pageSize: 1 });
    const counted = await http().get('/api/transaction-notices?pagination[pageSize]=1&pagination[withCount]=true');
    expect(counted.body.meta.pagination).toEqual(
      expect.objectContaining({ page: 1, pageSize: 1, total: expect.any(Number), pageCount: expect.any(Number) }),
    );
    expect(counted.body.meta.pagination.total).toBeGreaterThanOrEqual(1);
  });
});
