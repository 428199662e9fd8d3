/**
 * The content-API rate limit, switched on (every other test file turns it off): per client address, with the
 * documented 429 body, whatever the letter case of /api, X-Forwarded-For ignored when the app is not behind a
 * proxy, and admin routes never counted.
 */
process.env.API_RATE_LIMIT_MAX = '5';
process.env.API_RATE_LIMIT_WINDOW_SECONDS = '600';
process.env.IS_PROXIED = 'false';

import http from 'http';
import type { AddressInfo } from 'net';
import { setupStrapi, teardownStrapi, adminToken } from '../helpers/strapi';

let strapi: any;
let port: number;

/** A GET from a given local address (127.0.0.x are all this machine): two clients with two addresses. */
const get = (path: string, from = '127.0.0.1', headers: Record<string, string> = {}) =>
  new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: any }>((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path, localAddress: from, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => {
        let body: any = text;
        try {
          body = JSON.parse(text);
        } catch {
          // not JSON
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
      });
    });
    req.on('error', reject);
  });

beforeAll(async () => {
  strapi = await setupStrapi();
  await new Promise<void>((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
  port = (strapi.server.httpServer.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => strapi.server.httpServer.close(() => resolve()));
  await teardownStrapi();
});

test('admin routes are not counted, the 6th /api request of an address is refused with the documented body', async () => {
  const { token } = await adminToken('strapi-super-admin');
  for (let i = 0; i < 8; i += 1) {
    expect((await get('/admin/users/me', '127.0.0.1', { Authorization: `Bearer ${token}` })).status).toBe(200);
    expect((await get('/admin/init')).status).toBe(200);
  }

  for (let i = 0; i < 5; i += 1) {
    const res = await get(i % 2 ? '/API/organizations' : '/api/organizations');
    expect(res.status).toBe(200);
    expect(res.headers['x-ratelimit-limit']).toBe('5');
    expect(res.headers['x-ratelimit-remaining']).toBe(String(4 - i));
  }
  const refused = await get('/api/organizations');
  expect(refused.status).toBe(429);
  expect(refused.body).toEqual({
    data: null,
    error: {
      status: 429,
      name: 'TooManyRequestsError',
      message: 'Too many requests, please retry later. 请求过于频繁，请稍后再试。',
      details: {},
    },
  });
  // The upper-case path is the same route and the same budget.
  expect((await get('/API/policy-documents')).status).toBe(429);
  // Admin routes still answer.
  expect((await get('/admin/init')).status).toBe(200);
});

test('not behind a proxy, X-Forwarded-For is ignored: a forged address is still the same client', async () => {
  for (const forged of ['198.51.100.7', '203.0.113.1, 198.51.100.8']) {
    expect((await get('/api/organizations', '127.0.0.1', { 'X-Forwarded-For': forged })).status).toBe(429);
  }
});

test('another client address has its own budget', async () => {
  for (let i = 0; i < 5; i += 1) expect((await get('/api/organizations', '127.0.0.2')).status).toBe(200);
  expect((await get('/api/organizations', '127.0.0.2')).status).toBe(429);
  expect((await get('/api/organizations', '127.0.0.3')).status).toBe(200);
});

test('site-wide search shares the same budget: counted, then refused with 429', async () => {
  const path = `/api/search?q=${encodeURIComponent('采购')}`;
  for (let i = 0; i < 5; i += 1) {
    const res = await get(path, '127.0.0.4');
    expect(res.status).toBe(200);
    expect(res.headers['x-ratelimit-remaining']).toBe(String(4 - i));
  }
  expect((await get(path, '127.0.0.4')).status).toBe(429);
  expect((await get('/api/organizations', '127.0.0.4')).status).toBe(429);
});
