/**
 * Flooding the public application routes: each has its own per-address limit, independent of the other and of the
 * global content-API limit (turned off here), and a refused request stores nothing.
 */
process.env.APPLICATION_FILING_RATE_LIMIT_MAX = '3';
process.env.APPLICATION_FILING_RATE_LIMIT_WINDOW_SECONDS = '3600';
process.env.APPLICATION_STATUS_RATE_LIMIT_MAX = '4';
process.env.APPLICATION_STATUS_RATE_LIMIT_WINDOW_SECONDS = '600';
process.env.API_RATE_LIMIT_MAX = '0';

import { setupStrapi, teardownStrapi, http } from '../helpers/strapi';
import { createOrganization, residentId } from '../helpers/records';

const APP = 'api::disclosure-application.disclosure-application';
let strapi: any;
let org: any;

const application = () => ({
  organization: org.documentId,
  applicantType: 'naturalPerson',
  applicantName: '王五',
  idType: 'residentId',
  idNumber: residentId(),
  phone: '13800000000',
  requestedInformation: '请公开某政府采购项目的合同公告',
  preferredForm: 'electronic',
  deliveryMethod: 'online',
});
const file = (data: unknown, forwardedFor?: string) => {
  const req = http().post('/api/disclosure/applications');
  if (forwardedFor) req.set('X-Forwarded-For', forwardedFor);
  return req.send({ data });
};
const check = (body: object) => http().post('/api/disclosure/applications/status').send(body);

beforeAll(async () => {
  strapi = await setupStrapi();
  org = await createOrganization(strapi);
});
afterAll(teardownStrapi);

test('filing is cut off after the limit, whatever the answers were, and the refused filing is not stored', async () => {
  const first = await file(application());
  expect(first.status).toBe(201);
  expect(first.headers['x-ratelimit-limit']).toBe('3');
  expect((await file({ ...application(), phone: 'x' })).status).toBe(400); // invalid ones count too
  expect((await file(application())).status).toBe(201);
  const count = await strapi.db.query(APP).count();

  // A forged X-Forwarded-For changes nothing: the server does not trust proxies unless IS_PROXIED is set.
  const flooded = await file(application(), '203.0.113.7');
  expect(flooded.status).toBe(429);
  expect(flooded.body.error).toMatchObject({ status: 429, name: 'TooManyRequestsError' });
  expect(flooded.headers['retry-after']).toBe('3600');
  expect(await strapi.db.query(APP).count()).toBe(count);
});

test('status checks have their own budget, and are cut off after it even with the right code', async () => {
  const filed = await strapi.db.query(APP).findOne({ where: { applicantName: '王五' } });
  expect(filed).toBeTruthy();
  for (let i = 0; i < 4; i += 1) {
    const res = await check({ trackingNumber: `NOPE-${i}`, queryCode: 'AAAA-BBBB-CCCC' });
    expect(res.status).toBe(404);
  }
  const cut = await check({ trackingNumber: filed.trackingNumber, queryCode: 'whatever' });
  expect(cut.status).toBe(429);
  expect(cut.body.error.name).toBe('TooManyRequestsError');
  // Filing is still refused: the two limits are counted apart.
  expect((await file(application())).status).toBe(429);
});

test('other content-API routes are not affected', async () => {
  expect((await http().get('/api/organizations')).status).toBe(200);
});
