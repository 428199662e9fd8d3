/**
 * The whole shape of a deployment: two app instances (`strapi start` on the compiled dist) on one PostgreSQL database
 * with Redis, behind nginx (deploy/nginx/ggzy.conf) on loopback. Distinct clients are distinct loopback source
 * addresses (127.x.y.z); nginx passes each one's address in X-Forwarded-For. Checks what only several processes show:
 * shared rate limits, one publication and one event from two racing instances, 500 concurrent filings, a cached
 * answer retired on both instances, and no acknowledged write lost when an instance dies mid-burst.
 */
import http from 'http';
import type { AddressInfo } from 'net';
import { Client } from 'pg';
import { createOrganization, residentId } from '../helpers/records';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createRun, request } = require('../helpers/cluster');

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: any; text: string };
type Instance = { name: string; port: number; output: () => string };

const API_LIMIT = 12;
const FILING_LIMIT = 5;
const run = createRun({
  API_RATE_LIMIT_MAX: String(API_LIMIT),
  API_RATE_LIMIT_WINDOW_SECONDS: '600',
  APPLICATION_FILING_RATE_LIMIT_MAX: String(FILING_LIMIT),
  APPLICATION_FILING_RATE_LIMIT_WINDOW_SECONDS: '3600',
});

let a: Instance;
let b: Instance;
let proxyPort: number;
let adminJwt: string;
let organization: string;
let reportId: string;
let db: Client;
const hooks: any[] = [];
let hookServer: http.Server;

const viaProxy = (method: string, path: string, options: Record<string, unknown> = {}): Promise<Answer> =>
  request(proxyPort, method, path, options);
const direct = (
  instance: Instance,
  method: string,
  path: string,
  options: Record<string, unknown> = {},
): Promise<Answer> => request(instance.port, method, path, options);
const asAdmin = { Authorization: '' };

const application = (n: number) => ({
  data: {
    organization,
    applicantType: 'naturalPerson',
    applicantName: `申请人${n}`,
    idType: 'residentId',
    idNumber: residentId(),
    phone: '13800000000',
    requestedInformation: `请公开第${n}号政府采购项目的合同公告`,
    preferredForm: 'electronic',
    deliveryMethod: 'online',
  },
});
/** Client number n: its own loopback address (127.<block>.<n / 250>.<n % 250 + 1>). */
const client = (block: number, n: number) => `127.${block}.${Math.floor(n / 250)}.${(n % 250) + 1}`;
// A burst queues on a busy machine: wait for every answer (a client that gives up is not a lost write).
const file = (n: number, from: string) =>
  viaProxy('POST', '/api/disclosure/applications', { body: application(n), from, timeout: 600000 });

beforeAll(async () => {
  hookServer = http.createServer((req, res) => {
    let text = '';
    req.on('data', (c) => (text += c));
    req.on('end', () => {
      hooks.push(JSON.parse(text));
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => hookServer.listen(0, '127.0.0.1', resolve));
  const hookUrl = `http://127.0.0.1:${(hookServer.address() as AddressInfo).port}/hook`;

  await run.createDatabase();
  const password = 'Cluster-test-1A';
  // Schema, start-up set-up and the data the checks start from, before the instances start together.
  ({ organization, reportId } = await run.prepare(async (strapi: any) => {
    const role = await strapi.service('admin::role').getSuperAdmin();
    await strapi.service('admin::user').create({
      email: 'cluster@example.test',
      firstname: 'Cluster',
      lastname: 'Test',
      password,
      isActive: true,
      roles: [role.id],
    });
    const org = await createOrganization(strapi, { name: '集群测试交易中心' });
    const report = await strapi.plugin('disclosure').service('report').compute(org.documentId, 2021);
    await strapi.documents('api::annual-report.annual-report').update({
      documentId: report.documentId,
      locale: 'zh-Hans',
      data: { overview: '总体情况', problems: '问题', otherMatters: '无' },
    });
    await strapi.plugin('disclosure').service('report').acknowledge(report.documentId, { id: 1, firstname: 'Cluster' });
    // Settings › Webhooks: "report published" to this test's receiver; every instance loads it at start.
    await strapi
      .get('webhookStore')
      .createWebhook({ name: 'cluster', url: hookUrl, headers: {}, events: ['disclosure-report.publish'] });
    return { organization: org.documentId, reportId: report.documentId };
  }));
  [a, b] = await Promise.all([run.startInstance('a'), run.startInstance('b')]);
  proxyPort = (await run.startNginx()).port;
  const login = await viaProxy('POST', '/admin/login', { body: { email: 'cluster@example.test', password } });
  expect(login.status).toBe(200);
  adminJwt = login.body.data.token;
  asAdmin.Authorization = `Bearer ${adminJwt}`;
  db = new Client({
    host: process.env.DATABASE_HOST || '127.0.0.1',
    port: Number(process.env.DATABASE_PORT || 5432),
    user: process.env.DATABASE_USERNAME || 'postgres',
    password: process.env.DATABASE_PASSWORD || '',
    database: run.database,
  });
  await db.connect();
}, 240000);

afterAll(async () => {
  await db?.end().catch(() => undefined);
  await run.stop();
  await new Promise((resolve) => hookServer?.close(resolve));
}, 60000);

test('nginx spreads requests over both instances, and the rate limits are counted once for both', async () => {
  const seen = new Set<string>();
  const from = client(1, 0);
  for (let i = 0; i < API_LIMIT; i += 1) {
    const res = await viaProxy('GET', '/api/organizations', { from });
    expect(res.status).toBe(200);
    expect(res.headers['x-ratelimit-remaining']).toBe(String(API_LIMIT - 1 - i));
    seen.add(String(res.headers['x-upstream']));
  }
  expect([...seen].sort()).toEqual([`127.0.0.1:${a.port}`, `127.0.0.1:${b.port}`].sort());
  expect((await viaProxy('GET', '/api/organizations', { from })).status).toBe(429);
  // The same client straight to either instance: the same budget, spent.
  expect((await direct(a, 'GET', '/api/organizations', { from })).status).toBe(429);
  expect((await direct(b, 'GET', '/api/organizations', { from })).status).toBe(429);
  // Another client is not affected.
  expect((await viaProxy('GET', '/api/organizations', { from: client(1, 1) })).status).toBe(200);

  // The filing limit: 5 per address, whichever instance files them.
  const filer = client(1, 2);
  const upstreams = new Set<string>();
  for (let i = 0; i < FILING_LIMIT; i += 1) {
    const res = await file(900000 + i, filer);
    expect(res.status).toBe(201);
    upstreams.add(String(res.headers['x-upstream']));
  }
  expect(upstreams.size).toBe(2);
  const refused = await file(900010, filer);
  expect(refused.status).toBe(429);
  expect(refused.body.error.name).toBe('TooManyRequestsError');
});

test('publish from both instances at once: one 200, one 409, one published version, one event; both caches retired', async () => {
  const list = `/api/disclosure/reports?organization=${organization}`;
  // Cached on both instances (the second read of each is a hit), with no report in it.
  for (const instance of [a, b]) {
    const first = await direct(instance, 'GET', list, { from: client(1, 3) });
    expect(first.status).toBe(200);
    expect(first.body.meta.pagination.total).toBe(0);
    const again = await direct(instance, 'GET', list, { from: client(1, 3) });
    expect(again.headers['x-cache']).toBe('HIT');
    expect(again.body.meta.pagination.total).toBe(0);
  }

  const publish = (instance: Instance) =>
    direct(instance, 'POST', '/disclosure/reports/publish', {
      body: { documentId: reportId, revision: 0 },
      headers: asAdmin,
    });
  const answers = await Promise.all([publish(a), publish(b)]);
  expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
  const conflict = answers.find((r) => r.status === 409)!;
  expect(conflict.body.error.details.code).toBe('publishConflict');
  expect(conflict.body.error.message).toMatch(/已由他人发布.*published by someone else/);

  const rows = await db.query(
    'SELECT locale, publication_revision FROM annual_reports WHERE document_id = $1 AND published_at IS NOT NULL',
    [reportId],
  );
  expect(rows.rows).toEqual([{ locale: 'zh-Hans', publication_revision: 1 }]);

  // The cached list is retired on both instances at once: the first read renders it again (and, the store being
  // shared, the other instance then serves that new entry).
  const afterA = await direct(a, 'GET', list, { from: client(1, 3) });
  const afterB = await direct(b, 'GET', list, { from: client(1, 3) });
  expect(afterA.headers['x-cache']).toBe('MISS');
  for (const after of [afterA, afterB]) {
    expect(after.status).toBe(200);
    expect(after.body.meta.pagination.total).toBe(1);
    expect(after.body.data[0].documentId).toBe(reportId);
  }

  // Exactly one "report published" webhook call (Strapi sends it from the instance that published).
  for (let i = 0; i < 50 && hooks.length < 1; i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
  await new Promise((resolve) => setTimeout(resolve, 1500));
  expect(hooks.map((h) => [h.event, h.documentId])).toEqual([['disclosure-report.publish', reportId]]);
});

test('500 concurrent filings through nginx: 500 acknowledged, 500 distinct tracking numbers, each stored once', async () => {
  const COUNT = 500;
  const started = Date.now();
  // 100 clients × 5 filings (the per-address limit), all at once.
  const answers = await Promise.all(
    Array.from({ length: COUNT }, (_, n) => file(n, client(2, Math.floor(n / FILING_LIMIT)))),
  );
  const seconds = (Date.now() - started) / 1000;
  const statuses: Record<number, number> = {};
  for (const r of answers) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  expect(statuses).toEqual({ 201: COUNT });
  const numbers = answers.map((r) => r.body.data.trackingNumber as string);
  expect(new Set(numbers).size).toBe(COUNT);
  const stored = await db.query(
    'SELECT tracking_number, state, channel, applicant_name FROM disclosure_applications WHERE tracking_number = ANY($1)',
    [numbers],
  );
  expect(stored.rowCount).toBe(COUNT);
  expect(new Set(stored.rows.map((r) => r.applicant_name)).size).toBe(COUNT);
  expect(stored.rows.every((r) => r.state === 'received' && r.channel === 'online')).toBe(true);
  // Both instances filed.
  expect(new Set(answers.map((r) => String(r.headers['x-upstream']))).size).toBe(2);
  console.log(`cluster: ${COUNT} concurrent filings through nginx on 2 instances in ${seconds.toFixed(1)} s`);
}, 700000);

test('the audit trail stays one line: the same event recorded from both instances at once is written once', async () => {
  const { rows } = await db.query(
    "SELECT document_id FROM disclosure_applications WHERE applicant_name LIKE '申请人%' ORDER BY id LIMIT 20",
  );
  expect(rows).toHaveLength(20);
  const record = (instance: Instance, documentId: string) =>
    direct(instance, 'POST', `/disclosure/applications/${documentId}/events`, {
      body: { type: 'requestCorrection', note: `by ${instance.name}` },
      headers: asAdmin,
      timeout: 600000,
    });
  const pairs = await Promise.all(rows.map((r) => Promise.all([record(a, r.document_id), record(b, r.document_id)])));
  for (const pair of pairs) {
    expect(pair.map((r) => r.status).sort()).toEqual([201, 400]);
  }
  const events = await db.query(
    'SELECT application_document_id, sequence, event_type FROM disclosure_application_events WHERE application_document_id = ANY($1) ORDER BY 1, 2',
    [rows.map((r) => r.document_id)],
  );
  expect(events.rowCount).toBe(20);
  expect(events.rows.every((e) => e.sequence === 0 && e.event_type === 'requestCorrection')).toBe(true);
  const states = await db.query('SELECT DISTINCT state FROM disclosure_applications WHERE document_id = ANY($1)', [
    rows.map((r) => r.document_id),
  ]);
  expect(states.rows).toEqual([{ state: 'correctionRequested' }]);
}, 700000);

test('an instance killed mid-burst loses no acknowledged filing; the other takes the traffic', async () => {
  const TOTAL = 100;
  const WORKERS = 10;
  const answers: Array<Answer & { n: number }> = [];
  let next = 0;
  let killed = false;
  const worker = async () => {
    while (next < TOTAL) {
      const n = next;
      next += 1;
      const res = await file(10000 + n, client(3, Math.floor(n / FILING_LIMIT)));
      answers.push({ ...res, n });
      if (!killed && answers.filter((r) => r.status === 201).length >= 20) {
        killed = true;
        await run.kill(b);
      }
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, worker));
  expect(killed).toBe(true);

  const acknowledged = answers.filter((r) => r.status === 201).map((r) => r.body.data.trackingNumber as string);
  const failed = answers.filter((r) => r.status !== 201);
  // Only requests that reached the killed instance (in flight, or sent on a kept-alive connection to it) fail, and
  // they say so: nginx never sends a POST twice, so such a filing is reported failed, never silently dropped.
  expect([...new Set(failed.map((r) => r.status))].filter((status) => status !== 502 && status !== 504)).toEqual([]);
  expect(acknowledged.length).toBeGreaterThanOrEqual(40);
  const stored = await db.query('SELECT tracking_number FROM disclosure_applications WHERE tracking_number = ANY($1)', [
    acknowledged,
  ]);
  expect(stored.rowCount).toBe(acknowledged.length);
  // After the kill, instance a alone answers.
  const later = await file(99999, client(3, 999));
  expect(later.status).toBe(201);
  expect(String(later.headers['x-upstream'])).toMatch(new RegExp(`127\\.0\\.0\\.1:${a.port}$`));
}, 700000);
