/**
 * Logging as configured (config/logger.ts, the request-log middleware): LOG_LEVEL and more severe levels are
 * printed, a failed request gives one line with its request id, and no personal data of a filed application reaches
 * the logs.
 */
process.env.LOG_LEVEL = 'debug';
process.env.APPLICATION_FILING_RATE_LIMIT_MAX = '0';

// winston's key of the formatted line (triple-beam's MESSAGE).
const MESSAGE = Symbol.for('message');
import { setupStrapi, teardownStrapi, http } from '../helpers/strapi';
import { createOrganization, residentId } from '../helpers/records';

let strapi: any;
let org: any;
const lines: string[] = [];
let failOrganizations = false;

beforeAll(async () => {
  strapi = await setupStrapi();
  // setupStrapi quiets the logger; this file tests it at the configured level.
  strapi.log.level = 'debug';
  // What the configured Console transport prints (after its level and format), captured instead of written.
  const [transport] = strapi.log.transports;
  expect(transport.level).toBe('debug');
  transport.log = (info: any, callback: () => void) => {
    // Without colour codes.
    lines.push(String(info[MESSAGE]).replace(/\u001b\[\d+m/g, ''));
    callback();
  };
  // Fault injection: a read that fails the way a lost database connection would.
  strapi.documents.use(async (context: any, next: () => Promise<unknown>) => {
    if (failOrganizations && context.uid === 'api::organization.organization')
      throw new Error('connection terminated unexpectedly');
    return next();
  });
  org = await createOrganization(strapi);
});
afterAll(teardownStrapi);

test('a 500 is logged at error level with method, path, status, duration and the request id it answered', async () => {
  lines.length = 0;
  failOrganizations = true;
  const res = await http()
    .get('/api/organizations?filters[name][$eq]=secret-query')
    .set('X-Request-Id', 'probe-500-abcdef');
  failOrganizations = false;
  expect(res.status).toBe(500);
  expect(res.headers['x-request-id']).toBe('probe-500-abcdef');
  const line = lines.find((l) => l.includes('id=probe-500-abcdef'));
  expect(line).toMatch(/ error: GET \/api\/organizations 500 \d+ms id=probe-500-abcdef$/);
  // The query string never reaches the log.
  expect(lines.join('\n')).not.toContain('secret-query');
});

test('every answer carries a request id; an unfit incoming id is replaced', async () => {
  const res = await http().get('/api/organizations').set('X-Request-Id', 'bad id; <script>');
  expect(res.status).toBe(200);
  expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
});

test('filing an application (accepted or refused) logs no name, ID number, phone or e-mail', async () => {
  lines.length = 0;
  const person = {
    applicantName: '钱七七',
    idNumber: residentId(),
    phone: '13912345678',
    email: 'qian.qiqi@example.test',
  };
  const data = {
    organization: org.documentId,
    applicantType: 'naturalPerson',
    idType: 'residentId',
    requestedInformation: '请公开某项目的评标报告',
    preferredForm: 'electronic',
    deliveryMethod: 'online',
    address: '驻马店市解放路88号',
    ...person,
  };
  const filed = await http().post('/api/disclosure/applications').send({ data });
  expect(filed.status).toBe(201);
  const refused = await http()
    .post('/api/disclosure/applications')
    .send({ data: { ...data, postalCode: 'not-a-code', phone: '13912345678x' } });
  expect(refused.status).toBe(400);
  const status = await http()
    .post('/api/disclosure/applications/status')
    .send({ trackingNumber: filed.body.data.trackingNumber, queryCode: filed.body.data.queryCode });
  expect(status.status).toBe(200);

  const log = lines.join('\n');
  expect(log).toMatch(/http: POST \/api\/disclosure\/applications 201 \d+ms id=/);
  expect(log).toMatch(/warn: POST \/api\/disclosure\/applications 400 \d+ms id=/);
  for (const value of [...Object.values(person), '驻马店市解放路88号', filed.body.data.queryCode])
    expect(log).not.toContain(value);
});
