/**
 * Every Document Service action that writes runs the same rules as create and update: clone (the Content Manager's
 * "duplicate"), publish and bulk publish check the document as it will be. Applications and their events cannot be
 * cloned at all (state without history, the query-code hash).
 */
import type { Core } from '@strapi/strapi';
import { setupStrapi, teardownStrapi, http, adminToken } from '../helpers/strapi';
import { createApplication, createOrganization, createPolicyDocument } from '../helpers/records';
import { countEverything, createNotice, createProject, createReport } from '../helpers/content';
import { creditCodeCheckChar } from '../../src/validation/identifiers';

let strapi: Core.Strapi;
let token: string;

const ORG = 'api::organization.organization';
const POLICY = 'api::policy-document.policy-document';
const PROJECT = 'api::transaction-project.transaction-project';
const NOTICE = 'api::transaction-notice.transaction-notice';
const REPORT = 'api::annual-report.annual-report';
const APP = 'api::disclosure-application.disclosure-application';
const CASE = 'api::review-case.review-case';
const FEE = 'api::fee.fee';
const DECISION = 'api::administrative-decision.administrative-decision';
const EVENT = 'plugin::disclosure.application-event';

/** A date a few days ahead in China: "in the future" whatever the server's time zone. */
const FUTURE = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
const BAD_CREDIT_CODE = (() => {
  const first17 = '91410000MA44XYZ1K';
  const right = creditCodeCheckChar(first17);
  return first17 + [...'0123456789ABCDEFGHJKLMNPQRTUWXY'].find((c) => c !== right)!;
})();

const s: Record<string, any> = {};

beforeAll(async () => {
  strapi = await setupStrapi();
  s.org = await createOrganization(strapi);
  s.policy = await createPolicyDocument(strapi, {
    title: '被复制的管理办法',
    issuedOn: '2021-05-01',
    effectiveOn: '2021-06-01',
  });
  s.project = await createProject(strapi, { category: 'construction' });
  s.notice = await createNotice(strapi, s.project.documentId, { noticeType: 'tenderNotice' });
  s.report = await createReport(strapi, s.org.documentId, { year: 2022 }, false);
  s.app = await createApplication(strapi, s.org.documentId);
  s.case = await strapi
    .documents(CASE)
    .create({ data: { kind: 'review', filedOn: '2024-02-01', organization: s.org.documentId } } as any);
  s.fee = await strapi.documents(FEE).create({
    data: { item: '信息处理费', collectedOn: '2024-02-01', amount: '3.00', organization: s.org.documentId },
  } as any);
  s.decision = await strapi.documents(DECISION).create({
    data: {
      kind: 'penalty',
      decisionNumber: '驻公资罚〔2024〕3号',
      decidedOn: '2024-05-01',
      organization: s.org.documentId,
    },
  } as any);
  token = (await adminToken('strapi-super-admin')).token;
});
afterAll(teardownStrapi);

const loc = (uid: string) => ([POLICY, REPORT, ORG].includes(uid) ? '?locale=zh-Hans' : '');
const cloneUrl = (base: string, uid: string, documentId: string) =>
  `${base}/collection-types/${uid}/clone/${documentId}${loc(uid)}`;
const post = (url: string, body: unknown) =>
  http()
    .post(url)
    .set('Authorization', `Bearer ${token}`)
    .send(body as object);
const paths = (res: any): string[] =>
  (res.body.error?.details?.errors ?? []).map((e: any) => (Array.isArray(e.path) ? e.path.join('.') : String(e.path)));

type CloneCase = {
  what: string;
  uid: string;
  source: () => string;
  field: string;
  body: () => Record<string, unknown>;
};
const INVALID_CLONES: CloneCase[] = [
  {
    what: 'a review case filed in the future',
    uid: CASE,
    source: () => s.case.documentId,
    field: 'filedOn',
    body: () => ({ filedOn: FUTURE }),
  },
  {
    what: 'a review case with a result but no conclusion date',
    uid: CASE,
    source: () => s.case.documentId,
    field: 'result',
    body: () => ({ result: 'upheld' }),
  },
  {
    what: 'a review case concluded before it was filed',
    uid: CASE,
    source: () => s.case.documentId,
    field: 'concludedOn',
    body: () => ({ concludedOn: '2024-01-01', result: 'corrected' }),
  },
  {
    what: 'a review case whose organization is removed',
    uid: CASE,
    source: () => s.case.documentId,
    field: 'organization',
    body: () => ({ organization: { connect: [], disconnect: [{ documentId: s.org.documentId }] } }),
  },
  {
    what: 'a fee whose organization is set to null',
    uid: FEE,
    source: () => s.fee.documentId,
    field: 'organization',
    body: () => ({ organization: null }),
  },
  {
    what: 'a fee with 3 decimals',
    uid: FEE,
    source: () => s.fee.documentId,
    field: 'amount',
    body: () => ({ amount: '1.234' }),
  },
  {
    what: 'a decision made in the future',
    uid: DECISION,
    source: () => s.decision.documentId,
    field: 'decidedOn',
    body: () => ({ decisionNumber: '驻公资罚〔2024〕4号', decidedOn: FUTURE }),
  },
  {
    what: 'a policy document effective before it is issued',
    uid: POLICY,
    source: () => s.policy.documentId,
    field: 'effectiveOn',
    body: () => ({ title: '复制的文件', issuedOn: '2021-07-01' }),
  },
  {
    what: 'a policy document with a malformed 文号',
    uid: POLICY,
    source: () => s.policy.documentId,
    field: 'documentNumber',
    body: () => ({ title: '复制的文件', documentNumber: '驻政[2021]5号' }),
  },
  {
    what: "a notice of a type foreign to its project's category",
    uid: NOTICE,
    source: () => s.notice.documentId,
    field: 'noticeType',
    body: () => ({ title: '复制的公告', noticeType: 'procurementNotice' }),
  },
  {
    what: 'a notice whose project is removed',
    uid: NOTICE,
    source: () => s.notice.documentId,
    field: 'project',
    body: () => ({ title: '复制的公告', project: { set: [] } }),
  },
  {
    what: 'an organization with a wrong credit-code check digit',
    uid: ORG,
    source: () => s.org.documentId,
    field: 'creditCode',
    body: () => ({ name: '复制的机构', creditCode: BAD_CREDIT_CODE }),
  },
  {
    what: 'a project whose bid opening precedes its bid deadline',
    uid: PROJECT,
    source: () => s.project.documentId,
    field: 'keyTimes.bidOpeningAt',
    body: () => ({
      name: '复制的项目',
      projectCode: 'ZMD-GC-2024-901',
      keyTimes: { bidDeadline: '2024-03-10T01:00:00.000Z', bidOpeningAt: '2024-03-09T01:00:00.000Z' },
    }),
  },
];

describe('Given a super admin cloning documents in the Content Manager', () => {
  test.each(INVALID_CLONES.flatMap((c) => ['/content-manager', '/CONTENT-MANAGER'].map((base) => ({ ...c, base }))))(
    'When it clones $what ($base), Then 400 naming $field and nothing is stored',
    async ({ what, uid, source, field, body, base }) => {
      const before = await countEverything(strapi);
      const res = await post(cloneUrl(base, uid, source()), body());
      expect({ what, status: res.status }).toEqual({ what, status: 400 });
      expect(res.body.error.name).toBe('ValidationError');
      expect({ what, paths: paths(res) }).toEqual({ what, paths: expect.arrayContaining([field]) });
      expect(await countEverything(strapi)).toEqual(before);
    },
  );

  test.each(['/content-manager', '/CONTENT-MANAGER'])(
    'When it clones a disclosure application (%s), Then 400 saying it cannot be cloned and nothing is stored',
    async (base) => {
      const before = await countEverything(strapi);
      const res = await post(cloneUrl(base, APP, s.app.documentId), { trackingNumber: 'CLONE-0001' });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain('cannot be cloned');
      expect(res.text).not.toContain(s.app.applicantName);
      expect(await countEverything(strapi)).toEqual(before);
    },
  );

  test.each(['/content-manager', '/CONTENT-MANAGER'])(
    'When it clones an annual report (%s), Then 400 saying reports cannot be cloned and nothing is stored',
    async (base) => {
      // A clone would copy the computed tables of another report: a report is created and computed, never copied.
      const before = await countEverything(strapi);
      const res = await post(cloneUrl(base, REPORT, s.report.documentId), { title: '复制的报告' });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain('annual reports cannot be cloned');
      expect(await countEverything(strapi)).toEqual(before);
    },
  );

  test('When code clones an application or an application event through the Document Service, Then it is refused', async () => {
    await expect(
      strapi.documents(APP).clone({ documentId: s.app.documentId, data: { trackingNumber: 'CLONE-0002' } } as any),
    ).rejects.toMatchObject({
      name: 'ValidationError',
      message: expect.stringContaining('cannot be cloned'),
    });
    // The workflow's own guard (applications/guard.ts) refuses it first: events are an audit trail.
    await expect(strapi.documents(EVENT as any).clone({ documentId: 'any', data: {} } as any)).rejects.toMatchObject({
      message: expect.stringContaining('clone'),
    });
    expect(
      await strapi.db.query(APP as any).count({ where: { trackingNumber: { $in: ['CLONE-0001', 'CLONE-0002'] } } }),
    ).toBe(0);
  });

  test('When it clones a review case validly, Then 200 and the clone keeps its organization', async () => {
    const before = await strapi.db.query(CASE as any).count();
    const res = await post(cloneUrl('/content-manager', CASE, s.case.documentId), {
      caseNumber: '(2024)复制1号',
      organization: { connect: [], disconnect: [] },
    });
    expect(res.status).toBe(200);
    expect(await strapi.db.query(CASE as any).count()).toBe(before + 1);
    const clone: any = await strapi
      .documents(CASE)
      .findOne({ documentId: res.body.data.documentId, populate: ['organization'] } as any);
    expect(clone.caseNumber).toBe('(2024)复制1号');
    expect(clone.organization.documentId).toBe(s.org.documentId);
  });

  test('When it clones a policy document with a new title (upper-case path), Then 200 and the clone gets a slug of its own', async () => {
    const res = await post(cloneUrl('/CONTENT-MANAGER', POLICY, s.policy.documentId), { title: '被复制的管理办法' });
    expect(res.status).toBe(200);
    const clone: any = await strapi
      .documents(POLICY)
      .findOne({ documentId: res.body.data.documentId, status: 'draft' } as any);
    const source: any = await strapi
      .documents(POLICY)
      .findOne({ documentId: s.policy.documentId, status: 'draft' } as any);
    expect(clone.title).toBe('被复制的管理办法');
    expect(clone.slug).not.toBe(source.slug);
    expect(clone.slug).toBe(`${source.slug}-2`);
  });

  test('When it clones a fee validly, Then 200 and the amount is copied', async () => {
    const res = await post(cloneUrl('/content-manager', FEE, s.fee.documentId), { item: '复制的收费' });
    expect(res.status).toBe(200);
    const clone: any = await strapi
      .documents(FEE)
      .findOne({ documentId: res.body.data.documentId, populate: ['organization'] } as any);
    expect(Number(clone.amount)).toBe(3);
    expect(clone.organization.documentId).toBe(s.org.documentId);
  });
});

describe('Given a draft stored invalid behind the rules (a row written before a rule existed)', () => {
  const corrupt = async () => {
    const doc = await createPolicyDocument(strapi, { title: '待发布的文件', issuedOn: '2021-05-01' }, false);
    await strapi.db
      .query(POLICY as any)
      .update({ where: { documentId: doc.documentId, publishedAt: null }, data: { effectiveOn: '2021-01-01' } });
    return doc.documentId as string;
  };
  const published = (documentId: string) =>
    strapi.db.query(POLICY as any).count({ where: { documentId, publishedAt: { $notNull: true } } });

  test.each(['/content-manager', '/CONTENT-MANAGER'])(
    'When it is published in the Content Manager (%s), Then 400 naming effectiveOn and nothing is published',
    async (base) => {
      const documentId = await corrupt();
      const res = await post(`${base}/collection-types/${POLICY}/${documentId}/actions/publish?locale=zh-Hans`, {});
      expect(res.status).toBe(400);
      expect(paths(res)).toContain('effectiveOn');
      expect(await published(documentId)).toBe(0);
    },
  );

  test('When code publishes it through the Document Service, Then a ValidationError names effectiveOn and nothing is published', async () => {
    const documentId = await corrupt();
    await expect(strapi.documents(POLICY).publish({ documentId } as any)).rejects.toMatchObject({
      name: 'ValidationError',
      details: { errors: expect.arrayContaining([expect.objectContaining({ path: ['effectiveOn'] })]) },
    });
    expect(await published(documentId)).toBe(0);
  });

  test('When it is bulk published with a valid draft, Then 400 naming effectiveOn and neither is published', async () => {
    const bad = await corrupt();
    const good = (await createPolicyDocument(strapi, { title: '另一份待发布的文件' }, false)).documentId as string;
    const res = await post(`/content-manager/collection-types/${POLICY}/actions/bulkPublish?locale=zh-Hans`, {
      documentIds: [good, bad],
    });
    expect(res.status).toBe(400);
    expect(paths(res)).toContain('effectiveOn');
    expect(await published(bad)).toBe(0);
    expect(await published(good)).toBe(0);
  });

  test('When a valid draft is bulk published, Then it is published', async () => {
    const good = (await createPolicyDocument(strapi, { title: '批量发布的文件' }, false)).documentId as string;
    const res = await post(`/content-manager/collection-types/${POLICY}/actions/bulkPublish?locale=zh-Hans`, {
      documentIds: [good],
    });
    expect(res.status).toBe(200);
    expect(await published(good)).toBe(1);
  });

  test('When a notice whose project link was removed behind the rules is published, Then 400 naming project', async () => {
    const notice = await createNotice(strapi, s.project.documentId, {}, false);
    const meta = strapi.db.metadata.get(NOTICE as any) as any;
    const join = meta.attributes.project.joinTable;
    const draft = await strapi.db
      .query(NOTICE as any)
      .findOne({ where: { documentId: notice.documentId, publishedAt: null } });
    await strapi.db
      .connection(join.name)
      .where({ [join.joinColumn.name]: draft.id })
      .delete();
    const res = await post(`/content-manager/collection-types/${NOTICE}/${notice.documentId}/actions/publish`, {});
    expect(res.status).toBe(400);
    expect(paths(res)).toContain('project');
  });
});
