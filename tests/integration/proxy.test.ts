/**
 * Behind a reverse proxy (IS_PROXIED=true, one trusted hop): every rate limit (content API, filing, status checks)
 * keys on the client address the proxy appended to X-Forwarded-For, so citizens do not share one bucket, and a
 * client cannot get a fresh bucket by putting a fake address in front.
 */
process.env.IS_PROXIED = 'true';
delete process.env.PROXY_TRUSTED_HOPS;
process.env.API_RATE_LIMIT_MAX = '3';
process.env.API_RATE_LIMIT_WINDOW_SECONDS = '600';
process.env.APPLICATION_FILING_RATE_LIMIT_MAX = '1';
process.env.APPLICATION_STATUS_RATE_LIMIT_MAX = '2';

import { setupStrapi, teardownStrapi, http } from '../helpers/strapi';
import { createOrganization, residentId } from '../helpers/records';

let strapi: any;
let org: any;

const from = (xff: string | null, path = '/api/organizations') => {
  const req = http().get(path);
  return xff === null ? req : req.set('X-Forwarded-For', xff);
};

beforeAll(async () => {
  strapi = await setupStrapi();
  org = await createOrganization(strapi);
});
afterAll(teardownStrapi);

test("Strapi's Koa app trusts the proxy with one hop", () => {
  expect(strapi.server.app.proxy).toBe(true);
  expect(strapi.server.app.maxIpsCount).toBe(1);
});

test('two citizens behind the proxy have separate content-API buckets; a prepended fake hop changes nothing', async () => {
  for (let i = 0; i < 3; i += 1) expect((await from('198.51.100.1')).status).toBe(200);
  expect((await from('198.51.100.1')).status).toBe(429);
  // The client wrote "203.0.113.9" itself; the proxy appended the real address last.
  expect((await from('203.0.113.9, 198.51.100.1')).status).toBe(429);
  expect((await from('203.0.113.10, 10.0.0.1, 198.51.100.1')).status).toBe(429);

  expect((await from('198.51.100.2')).status).toBe(200);
  expect((await from('198.51.100.1, 198.51.100.2')).status).toBe(200);
});

test('filing and status checks are limited per forwarded client address too', async () => {
  const application = () => ({
    organization: org.documentId,
    applicantType: 'naturalPerson',
    applicantName: '赵六',
    idType: 'residentId',
    idNumber: residentId(),
    phone: '13800000000',
    requestedInformation: '请公开某项目的中标结果',
    preferredForm: 'electronic',
    deliveryMethod: 'online',
  });
  const file = (xff: string) =>
    http().post('/api/disclosure/applications').set('X-Forwarded-For', xff).send({ data: application() });
  expect((await file('198.51.100.21')).status).toBe(201);
  expect((await file('198.51.100.21')).status).toBe(429);
  expect((await file('203.0.113.77, 198.51.100.21')).status).toBe(429);
  expect((await file('198.51.100.22')).status).toBe(201);

  const check = (xff: string) =>
    http()
      .post('/api/disclosure/applications/status')
      .set('X-Forwarded-For', xff)
      .send({ trackingNumber: 'NOPE-1', queryCode: 'AAAA-BBBB-CCCC' });
  expect((await check('198.51.100.31')).status).toBe(404);
  expect((await check('198.51.100.31')).status).toBe(404);
  expect((await check('198.51.100.31')).status).toBe(429);
  expect((await check('198.51.100.32')).status).toBe(404);
});
