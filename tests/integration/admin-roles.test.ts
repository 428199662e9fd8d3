/** Each admin role, with a real login, can do what it should and is refused what it should not. */
import { setupStrapi, teardownStrapi, http, adminToken } from '../helpers/strapi';
import { createApplication, createOrganization, createPolicyDocument } from '../helpers/records';

let strapi: any;
let org: any;
let app: any;
let doc: any;
const tokens: Record<string, string> = {};
const CM = '/content-manager/collection-types';
const APP = 'api::disclosure-application.disclosure-application';
const CASE = 'api::review-case.review-case';
const POLICY = 'api::policy-document.policy-document';
const FEE = 'api::fee.fee';
const REPORT = 'api::annual-report.annual-report';

beforeAll(async () => {
  strapi = await setupStrapi();
  org = await createOrganization(strapi);
  app = await createApplication(strapi, org.documentId);
  doc = await createPolicyDocument(strapi);
  for (const role of ['content-editor', 'disclosure-officer', 'auditor']) tokens[role] = (await adminToken(role)).token;
});
afterAll(teardownStrapi);

const as = (role: string) => ({
  get: (url: string) => http().get(url).set('Authorization', `Bearer ${tokens[role]}`),
  post: (url: string, body: unknown = {}) => http().post(url).set('Authorization', `Bearer ${tokens[role]}`).send(body),
  put: (url: string, body: unknown = {}) => http().put(url).set('Authorization', `Bearer ${tokens[role]}`).send(body),
});

describe('content editor', () => {
  test('creates, edits and publishes a policy document', async () => {
    const created = await as('content-editor').post(`${CM}/${POLICY}?locale=zh-Hans`, { title: '编辑新建的文件', kind: 'other', issuingBody: '中心', issuedOn: '2024-01-02' });
    expect(created.status).toBe(201);
    const id = created.body.data.documentId;
    expect((await as('content-editor').put(`${CM}/${POLICY}/${id}?locale=zh-Hans`, { summary: '摘要' })).status).toBe(200);
    expect((await as('content-editor').post(`${CM}/${POLICY}/${id}/actions/publish?locale=zh-Hans`)).status).toBe(200);
  });
  test.each([
    ['lists applications', () => as('content-editor').get(`${CM}/${APP}`)],
    ['reads an application', () => as('content-editor').get(`${CM}/${APP}/${app.documentId}`)],
    ['lists review cases', () => as('content-editor').get(`${CM}/${CASE}`)],
    ['creates a fee', () => as('content-editor').post(`${CM}/${FEE}`, { item: '费', collectedOn: '2024-01-01', amount: 1, organization: org.documentId })],
    ['computes a report', () => as('content-editor').post('/disclosure/reports/compute', { organization: org.documentId, year: 2024 })],
    ['opens the applications worklist', () => as('content-editor').get('/disclosure/applications')],
  ])('is refused when it %s', async (_d, call) => {
    expect((await call()).status).toBe(403);
  });
});

describe('disclosure officer', () => {
  test.each([
    ['lists applications', () => as('disclosure-officer').get(`${CM}/${APP}`), 200],
    ['reads an application with its personal data', () => as('disclosure-officer').get(`${CM}/${APP}/${app.documentId}`), 200],
    ['lists review cases', () => as('disclosure-officer').get(`${CM}/${CASE}`), 200],
    ['creates a fee', () => as('disclosure-officer').post(`${CM}/${FEE}`, { item: '信息处理费', collectedOn: '2024-01-01', amount: 1.5, organization: org.documentId }), 201],
    ['creates a review case', () => as('disclosure-officer').post(`${CM}/${CASE}`, { kind: 'review', filedOn: '2024-02-01', organization: org.documentId }), 201],
    ['creates an annual report', () => as('disclosure-officer').post(`${CM}/${REPORT}?locale=zh-Hans`, { year: 2019, organization: org.documentId }), 201],
    ['computes a report', () => as('disclosure-officer').post('/disclosure/reports/compute', { organization: org.documentId, year: 2024 }), 200],
    ['opens the applications worklist', () => as('disclosure-officer').get('/disclosure/applications'), 200],
  ])('%s', async (_d, call, status) => {
    const res = await call();
    expect(res.status).toBe(status);
  });
  test('sees the applicant name in the admin', async () => {
    const res = await as('disclosure-officer').get(`${CM}/${APP}/${app.documentId}`);
    expect(res.body.data.applicantName).toBe(app.applicantName);
  });
});

describe('auditor', () => {
  test.each([
    ['reads policy documents', () => as('auditor').get(`${CM}/${POLICY}?locale=zh-Hans`), 200],
    ['reads annual reports', () => as('auditor').get(`${CM}/${REPORT}?locale=zh-Hans`), 200],
    ['reads the report page', () => as('auditor').get('/disclosure/reports/view').query({ organization: org.documentId, year: 2024 }), 200],
    ['is refused creating a policy document', () => as('auditor').post(`${CM}/${POLICY}?locale=zh-Hans`, { title: '审核员', kind: 'other', issuingBody: 'x', issuedOn: '2024-01-01' }), 403],
    ['is refused updating a policy document', () => as('auditor').put(`${CM}/${POLICY}/${doc.documentId}?locale=zh-Hans`, { summary: 'x' }), 403],
    ['is refused publishing a policy document', () => as('auditor').post(`${CM}/${POLICY}/${doc.documentId}/actions/publish?locale=zh-Hans`), 403],
    ['is refused deleting a policy document', () => http().delete(`${CM}/${POLICY}/${doc.documentId}?locale=zh-Hans`).set('Authorization', `Bearer ${tokens.auditor}`), 403],
    ['is refused listing applications', () => as('auditor').get(`${CM}/${APP}`), 403],
    ['is refused reading review cases', () => as('auditor').get(`${CM}/${CASE}`), 403],
    ['is refused computing a report', () => as('auditor').post('/disclosure/reports/compute', { organization: org.documentId, year: 2024 }), 403],
    ['is refused the applications worklist', () => as('auditor').get('/disclosure/applications'), 403],
  ])('%s', async (_d, call, status) => {
    expect((await call()).status).toBe(status);
  });
});
