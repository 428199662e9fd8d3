/**
 * The three admin roles of src/bootstrap/access.ts, each with a real login (JWT) against the Content Manager API:
 * what each may do succeeds, what it may not do answers 403 and changes nothing.
 */
import type { Core } from '@strapi/strapi';
import { setupStrapi, teardownStrapi, http, adminToken } from '../helpers/strapi';
import { createApplication, createOrganization, createPolicyDocument, creditCode } from '../helpers/records';
import { countEverything, createCaProvider, createNotice, createProject, createReport } from '../helpers/content';

let strapi: Core.Strapi;

const CM = '/content-manager/collection-types';
const ORG = 'api::organization.organization';
const POLICY = 'api::policy-document.policy-document';
const PROJECT = 'api::transaction-project.transaction-project';
const NOTICE = 'api::transaction-notice.transaction-notice';
const CA = 'api::ca-provider.ca-provider';
const REPORT = 'api::annual-report.annual-report';
const APP = 'api::disclosure-application.disclosure-application';
const CASE = 'api::review-case.review-case';
const FEE = 'api::fee.fee';
const DECISION = 'api::administrative-decision.administrative-decision';

const s: Record<string, any> = {};
const tokens: Record<string, string> = {};
const connect = (documentId: string) => ({ connect: [{ documentId }], disconnect: [] });

beforeAll(async () => {
  strapi = await setupStrapi();
  s.org = await createOrganization(strapi);
  // Organization-scoped roles (README "Roles") see records of their organizations: every record here has one.
  s.policy = await createPolicyDocument(strapi, { title: '审核可读的文件', organization: s.org.documentId });
  s.project = await createProject(strapi, { category: 'construction', organization: s.org.documentId });
  s.notice = await createNotice(strapi, s.project.documentId);
  s.ca = await createCaProvider(strapi);
  s.report = await createReport(strapi, s.org.documentId, { year: 2021 }, false);
  s.app = await createApplication(strapi, s.org.documentId);
  s.case = await strapi
    .documents(CASE)
    .create({ data: { kind: 'review', filedOn: '2024-02-01', organization: s.org.documentId } } as any);
  s.fee = await strapi.documents(FEE).create({
    data: { item: '信息处理费', collectedOn: '2024-02-01', amount: '5.00', organization: s.org.documentId },
  } as any);
  s.decision = await strapi.documents(DECISION).create({
    data: {
      kind: 'license',
      decisionNumber: '驻公资许〔2024〕7号',
      decidedOn: '2024-02-01',
      organization: s.org.documentId,
    },
  } as any);
  for (const role of ['content-editor', 'disclosure-officer', 'auditor']) tokens[role] = (await adminToken(role)).token;
});
afterAll(teardownStrapi);

type Method = 'get' | 'post' | 'put' | 'delete';
const call = (role: string, method: Method, url: string, body?: unknown) => {
  const req = (http() as any)[method](url).set('Authorization', `Bearer ${tokens[role]}`);
  return body === undefined ? req : req.send(body);
};
const loc = (uid: string) => ([POLICY, CA, REPORT, ORG].includes(uid) ? '?locale=zh-Hans' : '');
const list = (uid: string) => `${CM}/${uid}${loc(uid)}`;
const one = (uid: string, documentId: string) => `${CM}/${uid}/${documentId}${loc(uid)}`;
const publish = (uid: string, documentId: string) => `${CM}/${uid}/${documentId}/actions/publish${loc(uid)}`;

describe('Given the content editor', () => {
  const EDITABLE = [
    {
      name: 'a policy document',
      uid: POLICY,
      path: 'policy-documents',
      body: () => ({
        title: '编辑新建的管理办法',
        kind: 'normative',
        issuingBody: '驻马店市公共资源交易中心',
        issuedOn: '2024-01-02',
        organization: connect(s.org.documentId),
      }),
      edit: { summary: '编辑修改的摘要' },
    },
    {
      name: 'a transaction project',
      uid: PROJECT,
      path: 'transaction-projects',
      body: () => ({
        name: '编辑新建的项目',
        category: 'procurement',
        projectCode: 'CG-2024-777',
        registeredOn: '2024-01-02',
        principal: '某采购人',
        method: 'inquiry',
        budget: { amount: '120000.00', unit: 'yuan', currency: 'CNY' },
        organization: connect(s.org.documentId),
      }),
      edit: { region: '驿城区' },
    },
    {
      name: 'a transaction notice',
      uid: NOTICE,
      path: 'transaction-notices',
      body: () => ({
        title: '编辑新建的招标公告',
        noticeType: 'tenderNotice',
        releasedAt: '2024-02-03T08:00:00.000Z',
        project: connect(s.project.documentId),
      }),
      edit: { publicityStart: '2024-02-03', publicityEnd: '2024-02-08' },
    },
    {
      name: 'a CA provider',
      uid: CA,
      path: 'ca-providers',
      body: () => ({ name: '编辑新建的CA', provinceWide: true, fees: [{ item: '新办', price: '200', unit: '元/年' }] }),
      edit: { hotline: '400-000-0000' },
    },
  ];

  test.each(EDITABLE)(
    'When it creates, updates and publishes $name, Then each step succeeds and the public sees it',
    async ({ uid, path, body, edit }) => {
      const created = await call('content-editor', 'post', list(uid), body());
      expect(created.status).toBe(201);
      const documentId = created.body.data.documentId;
      const updated = await call('content-editor', 'put', one(uid, documentId), { ...body(), ...edit });
      expect(updated.status).toBe(200);
      for (const [key, value] of Object.entries(edit)) expect(updated.body.data[key]).toBe(value);
      expect((await http().get(`/api/${path}/${documentId}`)).status).toBe(404);
      const published = await call('content-editor', 'post', publish(uid, documentId), { ...body(), ...edit });
      expect(published.status).toBe(200);
      const pub = await http().get(`/api/${path}/${documentId}`);
      expect(pub.status).toBe(200);
      for (const [key, value] of Object.entries(edit)) expect(pub.body.data[key]).toBe(value);
    },
  );

  test.each([
    ['lists disclosure applications', 'get', () => list(APP)],
    ['reads a disclosure application', 'get', () => one(APP, s.app.documentId)],
    ['lists review cases', 'get', () => list(CASE)],
    ['reads a review case', 'get', () => one(CASE, s.case.documentId)],
    ['lists fees', 'get', () => list(FEE)],
    ['lists annual reports', 'get', () => list(REPORT)],
  ] as Array<[string, Method, () => string]>)(
    'When it %s, Then 403 and no personal data',
    async (_what, method, url) => {
      const res = await call('content-editor', method, url());
      expect(res.status).toBe(403);
      expect(res.text).not.toContain(s.app.applicantName);
    },
  );

  test.each([
    [
      'creates a fee',
      'post',
      () => list(FEE),
      () => ({ item: '编辑收费', collectedOn: '2024-01-01', amount: '1.00', organization: connect(s.org.documentId) }),
    ],
    [
      'creates a disclosure application',
      'post',
      () => list(APP),
      () => ({
        trackingNumber: 'EDITOR-0001',
        receivedOn: '2024-01-02',
        applicantType: 'naturalPerson',
        applicantName: '编辑',
        requestedInformation: 'x',
        organization: connect(s.org.documentId),
      }),
    ],
    [
      'creates an annual report',
      'post',
      () => list(REPORT),
      () => ({ year: 2019, organization: connect(s.org.documentId) }),
    ],
    [
      'creates an organization',
      'post',
      () => list(ORG),
      () => ({ name: '编辑新建机构', kind: 'other', creditCode: creditCode(801) }),
    ],
    ['renames an organization', 'put', () => one(ORG, s.org.documentId), () => ({ name: '编辑改名' })],
    ['deletes a fee', 'delete', () => one(FEE, s.fee.documentId), () => undefined],
  ] as Array<[string, Method, () => string, () => unknown]>)(
    'When it %s, Then 403 and nothing changes',
    async (_what, method, url, body) => {
      const before = await countEverything(strapi);
      const res = await call('content-editor', method, url(), body());
      expect(res.status).toBe(403);
      expect(await countEverything(strapi)).toEqual(before);
      expect((await strapi.documents(ORG).findOne({ documentId: s.org.documentId } as any))!.name).toBe(s.org.name);
    },
  );
});

describe('Given the disclosure officer', () => {
  test.each([
    ['lists disclosure applications', list(APP)],
    ['lists review cases', list(CASE)],
    ['lists administrative decisions', list(DECISION)],
    ['lists fees', list(FEE)],
    ['lists annual reports', list(REPORT)],
    ['lists policy documents', list(POLICY)],
  ])('When it %s, Then 200', async (_what, url) => {
    const res = await call('disclosure-officer', 'get', url);
    expect(res.status).toBe(200);
    expect(res.body.results.length).toBeGreaterThan(0);
  });

  test("When it reads an application, Then it sees the applicant's personal data (it handles the application)", async () => {
    const res = await call('disclosure-officer', 'get', one(APP, s.app.documentId));
    expect(res.status).toBe(200);
    expect(res.body.data.applicantName).toBe(s.app.applicantName);
    expect(res.body.data.idNumber).toBe(s.app.idNumber);
  });

  const org = () => connect(s.org.documentId);
  test.each([
    [
      'an application',
      APP,
      () => ({
        trackingNumber: 'OFFICER-0001',
        receivedOn: '2024-05-06',
        channel: 'inPerson',
        applicantType: 'legalServiceOrganization',
        applicantName: '某律师事务所',
        requestedInformation: '某项目的合同',
        organization: org(),
      }),
      { notes: '已电话联系' },
    ],
    [
      'a review case',
      CASE,
      () => ({
        kind: 'lawsuitDirect',
        filedOn: '2024-05-06',
        caseNumber: '(2024)豫1702行初1号',
        application: connect(s.app.documentId),
        organization: org(),
      }),
      { concludedOn: '2024-06-01', result: 'upheld' },
    ],
    [
      'an administrative decision',
      DECISION,
      () => ({
        kind: 'enforcement',
        decisionNumber: '驻公资强〔2024〕2号',
        decidedOn: '2024-05-06',
        organization: org(),
      }),
      { subject: '某公司' },
    ],
    [
      'a fee',
      FEE,
      () => ({ item: '信息处理费', collectedOn: '2024-05-06', amount: '12.50', organization: org() }),
      { amount: '12.60' },
    ],
    [
      'an annual report',
      REPORT,
      () => ({ year: 2020, title: '2020年报告', organization: org() }),
      { overview: '总体情况' },
    ],
  ] as Array<[string, string, () => Record<string, unknown>, Record<string, unknown>]>)(
    'When it creates and then updates %s, Then 201 then 200',
    async (_what, uid, body, edit) => {
      const created = await call('disclosure-officer', 'post', list(uid), body());
      expect(created.status).toBe(201);
      const updated = await call('disclosure-officer', 'put', one(uid, created.body.data.documentId), {
        ...body(),
        ...edit,
      });
      expect(updated.status).toBe(200);
      for (const [key, value] of Object.entries(edit)) {
        // A decimal comes back as a number on SQLite and as a string on PostgreSQL: compare amounts by value.
        if (key === 'amount') expect(Number(updated.body.data[key])).toBe(Number(value));
        else expect(updated.body.data[key]).toBe(value);
      }
    },
  );

  test.each([
    [
      'creates a policy document',
      'post',
      () => list(POLICY),
      { title: '专员文件', kind: 'other', issuingBody: 'x', issuedOn: '2024-01-01' },
    ],
    ['edits a policy document', 'put', () => one(POLICY, s.policy.documentId), { summary: '专员修改' }],
    ['publishes a policy document', 'post', () => publish(POLICY, s.policy.documentId), {}],
    ['creates a transaction project', 'post', () => list(PROJECT), { name: '专员项目' }],
  ] as Array<[string, Method, () => string, unknown]>)(
    'When it %s, Then 403 and nothing changes',
    async (_what, method, url, body) => {
      const before = await countEverything(strapi);
      const res = await call('disclosure-officer', method, url(), body);
      expect(res.status).toBe(403);
      expect(await countEverything(strapi)).toEqual(before);
    },
  );
});

describe('Given the auditor', () => {
  test.each([
    ['lists policy documents', () => list(POLICY)],
    ['reads a policy document', () => one(POLICY, s.policy.documentId)],
    ['lists annual reports', () => list(REPORT)],
    ['reads an annual report', () => one(REPORT, s.report.documentId)],
    ['lists fees', () => list(FEE)],
    ['lists administrative decisions', () => list(DECISION)],
  ])('When it %s, Then 200', async (_what, url) => {
    expect((await call('auditor', 'get', url())).status).toBe(200);
  });

  const WRITES: Array<[string, Method, () => string, unknown]> = [];
  const docs: Record<string, () => string> = {
    [POLICY]: () => s.policy.documentId,
    [REPORT]: () => s.report.documentId,
    [PROJECT]: () => s.project.documentId,
    [NOTICE]: () => s.notice.documentId,
    [CA]: () => s.ca.documentId,
    [FEE]: () => s.fee.documentId,
    [DECISION]: () => s.decision.documentId,
    [ORG]: () => s.org.documentId,
  };
  for (const [uid, id] of Object.entries(docs)) {
    const short = uid.split('.')[1];
    WRITES.push([
      `creates a ${short}`,
      'post',
      () => list(uid),
      { title: '审核员写入', name: '审核员写入', year: 2018 },
    ]);
    WRITES.push([`updates a ${short}`, 'put', () => one(uid, id()), { title: '审核员修改', name: '审核员修改' }]);
    WRITES.push([`deletes a ${short}`, 'delete', () => one(uid, id()), undefined]);
    if ([POLICY, REPORT, PROJECT, NOTICE, CA].includes(uid))
      WRITES.push([`publishes a ${short}`, 'post', () => publish(uid, id()), {}]);
  }

  test.each(WRITES)('When it %s, Then 403 and nothing changes', async (_what, method, url, body) => {
    const before = await countEverything(strapi);
    const policyBefore = await strapi.db.query(POLICY as any).findMany({ where: { documentId: s.policy.documentId } });
    const res = await call('auditor', method, url(), body);
    expect(res.status).toBe(403);
    expect(await countEverything(strapi)).toEqual(before);
    expect(await strapi.db.query(POLICY as any).findMany({ where: { documentId: s.policy.documentId } })).toEqual(
      policyBefore,
    );
  });

  test.each([
    ['lists disclosure applications', 'get', () => list(APP), undefined],
    ['reads a disclosure application', 'get', () => one(APP, s.app.documentId), undefined],
    [
      'creates a disclosure application',
      'post',
      () => list(APP),
      {
        trackingNumber: 'AUDIT-0001',
        receivedOn: '2024-01-02',
        applicantType: 'naturalPerson',
        applicantName: '审核',
        requestedInformation: 'x',
      },
    ],
    ['lists review cases', 'get', () => list(CASE), undefined],
  ] as Array<[string, Method, () => string, unknown]>)(
    'When it %s, Then 403 and no personal data',
    async (_what, method, url, body) => {
      const before = await countEverything(strapi);
      const res = await call('auditor', method, url(), body);
      expect(res.status).toBe(403);
      expect(res.text).not.toContain(s.app.applicantName);
      expect(await countEverything(strapi)).toEqual(before);
    },
  );
});

describe('Given no admin token or a forged one', () => {
  test('When the Content Manager is called, Then 401', async () => {
    expect((await http().get(list(POLICY))).status).toBe(401);
    expect((await http().get(list(APP)).set('Authorization', `Bearer ${tokens.auditor}x`)).status).toBe(401);
  });
});
