/**
 * Malformed writes across every type, through the Document Service (create, update, publish: the path the admin, the
 * REST API and code all reach) and through the admin's Content Manager API: each is refused with a ValidationError
 * whose details name the field, and nothing is stored.
 */
import type { Core } from '@strapi/strapi';
import { setupStrapi, teardownStrapi, http, adminToken } from '../helpers/strapi';
import {
  createApplication,
  createOrganization,
  createPolicyDocument,
  creditCode,
  residentId,
} from '../helpers/records';
import { countEverything, createProject, createNotice, createReport } from '../helpers/content';
import { creditCodeCheckChar, residentIdCheckChar } from '../../src/validation/identifiers';

let strapi: Core.Strapi;

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

/** A date a few days ahead in China: "in the future" whatever the server's time zone. */
const FUTURE = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);

/** The same 17 characters with a wrong 18th: a well-formed identifier whose check digit is wrong. */
function wrongCheck(first17: string, right: string, alphabet: string) {
  return first17 + [...alphabet].find((c) => c !== right)!;
}
const BAD_CREDIT_CODE = (() => {
  const first17 = '91410000MA44XYZ1K';
  return wrongCheck(first17, creditCodeCheckChar(first17)!, '0123456789ABCDEFGHJKLMNPQRTUWXY');
})();
const BAD_RESIDENT_ID = (() => {
  const first17 = '41170019850612123';
  return wrongCheck(first17, residentIdCheckChar(first17), '0123456789X');
})();

const s: Record<string, any> = {};

beforeAll(async () => {
  strapi = await setupStrapi();
  s.org = await createOrganization(strapi);
  s.construction = await createProject(strapi, { category: 'construction', method: 'openTender' });
  s.notice = await createNotice(strapi, s.construction.documentId, { noticeType: 'tenderNotice' });
  s.policy = await createPolicyDocument(strapi, { title: '已有的文件', issuedOn: '2021-05-01' });
  s.draftWithoutDate = await strapi
    .documents(POLICY)
    .create({ data: { title: '缺发布日期的草稿', kind: 'other', issuingBody: '中心' } } as any);
  s.app = await createApplication(strapi, s.org.documentId);
  s.report = await createReport(strapi, s.org.documentId, { year: 2022 }, false);
  s.fee = await strapi.documents(FEE).create({
    data: { item: '信息处理费', collectedOn: '2024-02-01', amount: '3.00', organization: s.org.documentId },
  } as any);
  s.case = await strapi
    .documents(CASE)
    .create({ data: { kind: 'review', filedOn: '2024-02-01', organization: s.org.documentId } } as any);
  s.decision = await strapi.documents(DECISION).create({
    data: {
      kind: 'penalty',
      decisionNumber: '驻公资罚〔2024〕3号',
      decidedOn: '2024-05-01',
      organization: s.org.documentId,
    },
  } as any);
});
afterAll(teardownStrapi);

const org = () => s.org.documentId as string;
const policy = (data: Record<string, unknown>) => ({
  title: '文件',
  kind: 'normative',
  issuingBody: '机关',
  issuedOn: '2021-05-01',
  ...data,
});
const project = (data: Record<string, unknown>) => ({
  name: '项目',
  category: 'procurement',
  projectCode: 'CG-2024-901',
  registeredOn: '2024-01-01',
  principal: '采购人',
  method: 'inquiry',
  ...data,
});
const notice = (data: Record<string, unknown>) => ({
  title: '公告',
  noticeType: 'tenderNotice',
  releasedAt: '2024-02-02T00:00:00.000Z',
  project: s.construction.documentId,
  ...data,
});
const ca = (data: Record<string, unknown>) => ({ name: 'CA机构', provinceWide: true, ...data });
const application = (data: Record<string, unknown>) => ({
  trackingNumber: `BI-${Math.random().toString(36).slice(2, 10).toUpperCase()}`,
  receivedOn: '2024-03-01',
  channel: 'letter',
  applicantType: 'naturalPerson',
  applicantName: '李四',
  idType: 'residentId',
  idNumber: residentId(31),
  phone: '0396-2223344',
  email: 'lisi@example.test',
  requestedInformation: '某项目的中标结果',
  organization: org(),
  ...data,
});
const reviewCase = (data: Record<string, unknown>) => ({
  kind: 'review',
  filedOn: '2024-02-01',
  organization: org(),
  ...data,
});
const fee = (data: Record<string, unknown>) => ({
  item: '信息处理费',
  collectedOn: '2024-02-01',
  amount: '10.00',
  organization: org(),
  ...data,
});
const decision = (data: Record<string, unknown>) => ({
  kind: 'license',
  decisionNumber: `驻公资许〔2024〕${Math.floor(Math.random() * 90000) + 10}号`,
  decidedOn: '2024-02-01',
  organization: org(),
  ...data,
});
const without = (data: Record<string, unknown>, field: string) => {
  const copy = { ...data };
  delete copy[field];
  return copy;
};

type Case = {
  what: string;
  uid: string;
  /** The field the error must name (its path joined with dots: 'budget.amount', 'fees.0.price'). */
  field: string;
  data?: () => Record<string, unknown>;
  action?: 'create' | 'update' | 'publish';
  documentId?: () => string;
  locale?: string;
};

const CASES: Case[] = [
  // Organizations: 统一社会信用代码 format and check digit, enums, ranges, required.
  {
    what: 'an organization whose 统一社会信用代码 has a wrong check digit',
    uid: ORG,
    field: 'creditCode',
    data: () => ({ name: '机构', kind: 'other', creditCode: BAD_CREDIT_CODE }),
  },
  {
    what: 'an organization whose 统一社会信用代码 uses the letter I',
    uid: ORG,
    field: 'creditCode',
    data: () => ({ name: '机构', kind: 'other', creditCode: '91410000MA44XYZ1KI' }),
  },
  {
    what: 'an organization whose 统一社会信用代码 has 17 characters',
    uid: ORG,
    field: 'creditCode',
    data: () => ({ name: '机构', kind: 'other', creditCode: creditCode(901).slice(0, 17) }),
  },
  {
    what: 'an organization without a name',
    uid: ORG,
    field: 'name',
    data: () => ({ kind: 'other', creditCode: creditCode(902) }),
  },
  {
    what: 'an organization of an unknown kind',
    uid: ORG,
    field: 'kind',
    data: () => ({ name: '机构', kind: 'ministry', creditCode: creditCode(903) }),
  },
  {
    what: 'an organization with a negative display order',
    uid: ORG,
    field: 'displayOrder',
    data: () => ({ name: '机构', kind: 'other', creditCode: creditCode(904), displayOrder: -1 }),
  },
  {
    what: 'an update giving an organization a bad check digit',
    uid: ORG,
    field: 'creditCode',
    action: 'update',
    documentId: () => s.org.documentId,
    data: () => ({ creditCode: BAD_CREDIT_CODE }),
  },
  // Policy documents: dates in order, 文号, enums, slug, lengths, real dates, required at publish.
  {
    what: 'a policy document effective before it is issued',
    uid: POLICY,
    field: 'effectiveOn',
    data: () => policy({ effectiveOn: '2021-04-30' }),
  },
  {
    what: 'a policy document repealed before it is issued',
    uid: POLICY,
    field: 'repealedOn',
    data: () => policy({ repealedOn: '2020-12-31' }),
  },
  {
    what: 'a 文号 with a two-digit year',
    uid: POLICY,
    field: 'documentNumber',
    data: () => policy({ documentNumber: '驻政〔21〕5号' }),
  },
  {
    what: 'a 文号 with ASCII brackets',
    uid: POLICY,
    field: 'documentNumber',
    data: () => policy({ documentNumber: '驻政[2021]5号' }),
  },
  { what: 'a policy document of an unknown kind', uid: POLICY, field: 'kind', data: () => policy({ kind: 'law' }) },
  {
    what: 'a slug with capitals and an underscore',
    uid: POLICY,
    field: 'slug',
    data: () => policy({ slug: 'Bad_Slug' }),
  },
  { what: 'a slug with a trailing hyphen', uid: POLICY, field: 'slug', data: () => policy({ slug: 'trailing-' }) },
  { what: 'a title of 201 characters', uid: POLICY, field: 'title', data: () => policy({ title: '长'.repeat(201) }) },
  {
    what: 'an issue date that does not exist (30 February)',
    uid: POLICY,
    field: 'issuedOn',
    data: () => policy({ issuedOn: '2021-02-30' }),
  },
  {
    what: 'an update moving the effective date before the stored issue date',
    uid: POLICY,
    field: 'effectiveOn',
    action: 'update',
    documentId: () => s.policy.documentId,
    data: () => ({ effectiveOn: '2021-01-01' }),
  },
  {
    what: 'publishing a draft that has no issue date',
    uid: POLICY,
    field: 'issuedOn',
    action: 'publish',
    documentId: () => s.draftWithoutDate.documentId,
  },
  // Projects: enums, codes, money strings in components, key times in order, candidates.
  {
    what: 'a project of an unknown category',
    uid: PROJECT,
    field: 'category',
    data: () => project({ category: 'lottery' }),
  },
  { what: 'a project of an unknown method', uid: PROJECT, field: 'method', data: () => project({ method: 'lottery' }) },
  {
    what: 'a budget written "1e5"',
    uid: PROJECT,
    field: 'budget.amount',
    data: () => project({ budget: { amount: '1e5', unit: 'yuan' } }),
  },
  {
    what: 'a budget of "-1"',
    uid: PROJECT,
    field: 'budget.amount',
    data: () => project({ budget: { amount: '-1', unit: 'yuan' } }),
  },
  {
    what: 'a budget of "1.2345678" (7 decimals)',
    uid: PROJECT,
    field: 'budget.amount',
    data: () => project({ budget: { amount: '1.2345678', unit: 'wanYuan' } }),
  },
  {
    what: 'a budget with a thousands separator',
    uid: PROJECT,
    field: 'budget.amount',
    data: () => project({ budget: { amount: '12,000.00', unit: 'yuan' } }),
  },
  {
    what: 'a winning amount in an unknown unit',
    uid: PROJECT,
    field: 'winningAmount.unit',
    data: () => project({ winningAmount: { amount: '100', unit: 'dollar' } }),
  },
  {
    what: 'a candidate bid amount of "01.5"',
    uid: PROJECT,
    field: 'candidates.0.bidAmount',
    data: () => project({ candidates: [{ rank: 1, name: '甲公司', bidAmount: '01.5' }] }),
  },
  {
    what: 'two candidates of the same rank',
    uid: PROJECT,
    field: 'candidates',
    data: () =>
      project({
        candidates: [
          { rank: 1, name: '甲公司' },
          { rank: 1, name: '乙公司' },
        ],
      }),
  },
  {
    what: 'bid opening before the bid deadline',
    uid: PROJECT,
    field: 'keyTimes.bidOpeningAt',
    data: () =>
      project({ keyTimes: { bidDeadline: '2024-03-10T01:00:00.000Z', bidOpeningAt: '2024-03-09T01:00:00.000Z' } }),
  },
  {
    what: 'a deal code in lower case',
    uid: PROJECT,
    field: 'dealCode',
    data: () => project({ dealCode: 'a1234567890' }),
  },
  {
    what: 'a project code with a space',
    uid: PROJECT,
    field: 'projectCode',
    data: () => project({ projectCode: 'CG 2024 001' }),
  },
  // Notices: type of the project's category, project required, publicity dates in order.
  {
    what: 'a procurement notice on a construction project',
    uid: NOTICE,
    field: 'noticeType',
    data: () => notice({ noticeType: 'procurementNotice' }),
  },
  {
    what: 'a notice type that does not exist',
    uid: NOTICE,
    field: 'noticeType',
    data: () => notice({ noticeType: 'rumour' }),
  },
  { what: 'a notice without a project', uid: NOTICE, field: 'project', data: () => without(notice({}), 'project') },
  {
    what: 'a publicity period ending before it starts',
    uid: NOTICE,
    field: 'publicityEnd',
    data: () => notice({ publicityStart: '2024-03-10', publicityEnd: '2024-03-01' }),
  },
  {
    what: "an update giving a notice a type foreign to its project's category",
    uid: NOTICE,
    field: 'noticeType',
    action: 'update',
    documentId: () => s.notice.documentId,
    data: () => ({ noticeType: 'dealResult' }),
  },
  // CA providers: money strings and phones in repeatable components, URLs.
  {
    what: 'a CA fee price of "1e5"',
    uid: CA,
    field: 'fees.0.price',
    data: () => ca({ fees: [{ item: '新办', price: '1e5', unit: '元/年' }] }),
  },
  {
    what: 'a CA fee price with 3 decimals',
    uid: CA,
    field: 'fees.1.price',
    data: () =>
      ca({
        fees: [
          { item: '新办', price: '200', unit: '元/年' },
          { item: '续期', price: '1.234', unit: '元/年' },
        ],
      }),
  },
  {
    what: 'a CA service address with a phone in words',
    uid: CA,
    field: 'addresses.0.phone',
    data: () => ca({ addresses: [{ address: '某路1号', phone: 'call me' }] }),
  },
  {
    what: 'a CA website that is not http(s)',
    uid: CA,
    field: 'website',
    data: () => ca({ website: 'ftp://ca.example.test' }),
  },
  { what: 'a CA hotline with letters', uid: CA, field: 'hotline', data: () => ca({ hotline: '400-CALL-NOW' }) },
  {
    what: 'a CA step numbered 0',
    uid: CA,
    field: 'steps.0.order',
    data: () => ca({ steps: [{ order: 0, title: '准备材料' }] }),
  },
  // Annual reports: one per organization, year and locale; year in range; organization required; format.
  {
    what: 'a second report for the same organization, year and locale',
    uid: REPORT,
    field: 'year',
    data: () => ({ year: 2022, organization: org() }),
  },
  { what: 'a report for 2007', uid: REPORT, field: 'year', data: () => ({ year: 2007, organization: org() }) },
  { what: 'a report for 2101', uid: REPORT, field: 'year', data: () => ({ year: 2101, organization: org() }) },
  { what: 'a report without an organization', uid: REPORT, field: 'organization', data: () => ({ year: 2021 }) },
  {
    what: 'a report in an unknown format',
    uid: REPORT,
    field: 'formatVersion',
    data: () => ({ year: 2020, organization: org(), formatVersion: 'gov-2019' }),
  },
  // Applications: identifiers, dates, outcome and conclusion together, uniqueness, contact details, required.
  {
    what: 'a resident ID number with a wrong check digit',
    uid: APP,
    field: 'idNumber',
    data: () => application({ idNumber: BAD_RESIDENT_ID }),
  },
  {
    what: 'a resident ID number born on 30 February',
    uid: APP,
    field: 'idNumber',
    data: () =>
      application({
        idNumber: (() => {
          const f = '41170019850230123';
          return f + residentIdCheckChar(f);
        })(),
      }),
  },
  {
    what: 'an enterprise applicant whose credit code has a wrong check digit',
    uid: APP,
    field: 'idNumber',
    data: () => application({ applicantType: 'commercialEnterprise', idType: 'creditCode', idNumber: BAD_CREDIT_CODE }),
  },
  {
    what: 'an application received in the future',
    uid: APP,
    field: 'receivedOn',
    data: () => application({ receivedOn: FUTURE }),
  },
  {
    what: 'an application concluded before it was received',
    uid: APP,
    field: 'concludedOn',
    data: () => application({ concludedOn: '2024-02-01', outcome: 'granted' }),
  },
  {
    what: 'an outcome on an open application',
    uid: APP,
    field: 'outcome',
    data: () => application({ outcome: 'granted' }),
  },
  {
    what: 'a conclusion date without an outcome',
    uid: APP,
    field: 'outcome',
    data: () => application({ concludedOn: '2024-03-05' }),
  },
  {
    what: 'an outcome that is not a result row',
    uid: APP,
    field: 'outcome',
    data: () => application({ concludedOn: '2024-03-05', outcome: 'withheld.other' }),
  },
  {
    what: 'a duplicate tracking number',
    uid: APP,
    field: 'trackingNumber',
    data: () => application({ trackingNumber: s.app.trackingNumber }),
  },
  {
    what: 'a tracking number in lower case',
    uid: APP,
    field: 'trackingNumber',
    data: () => application({ trackingNumber: 'abc-123' }),
  },
  { what: 'a phone number in words', uid: APP, field: 'phone', data: () => application({ phone: 'call me maybe' }) },
  { what: 'an email without a domain', uid: APP, field: 'email', data: () => application({ email: 'lisi@' }) },
  { what: 'a postal code of 4 digits', uid: APP, field: 'postalCode', data: () => application({ postalCode: '4630' }) },
  {
    what: 'an application without the applicant name',
    uid: APP,
    field: 'applicantName',
    data: () => without(application({}), 'applicantName'),
  },
  {
    what: 'an application without the requested information',
    uid: APP,
    field: 'requestedInformation',
    data: () => without(application({}), 'requestedInformation'),
  },
  {
    what: 'an unknown applicant type',
    uid: APP,
    field: 'applicantType',
    data: () => application({ applicantType: 'alien' }),
  },
  {
    what: 'an update setting an outcome on an open application',
    uid: APP,
    field: 'outcome',
    action: 'update',
    documentId: () => s.app.documentId,
    data: () => ({ outcome: 'granted' }),
  },
  // Required relations cannot be removed by an update either (null, set: [], a disconnect with nothing connected).
  {
    what: 'an update setting the project of a notice to null',
    uid: NOTICE,
    field: 'project',
    action: 'update',
    documentId: () => s.notice.documentId,
    data: () => ({ project: null }),
  },
  {
    what: 'an update disconnecting the project of a notice',
    uid: NOTICE,
    field: 'project',
    action: 'update',
    documentId: () => s.notice.documentId,
    data: () => ({ project: { disconnect: [{ documentId: s.construction.documentId }], connect: [] } }),
  },
  {
    what: 'an update setting the organization of a fee to an empty set',
    uid: FEE,
    field: 'organization',
    action: 'update',
    documentId: () => s.fee.documentId,
    data: () => ({ organization: { set: [] } }),
  },
  {
    what: 'an update removing the organization of an application',
    uid: APP,
    field: 'organization',
    action: 'update',
    documentId: () => s.app.documentId,
    data: () => ({ organization: null }),
  },
  {
    what: 'an update removing the organization of a review case',
    uid: CASE,
    field: 'organization',
    action: 'update',
    documentId: () => s.case.documentId,
    data: () => ({ organization: [] }),
  },
  {
    what: 'an update removing the organization of a report',
    uid: REPORT,
    field: 'organization',
    action: 'update',
    documentId: () => s.report.documentId,
    data: () => ({ organization: null }),
  },
  // Review cases: result and conclusion together, dates in order and not in the future.
  {
    what: 'a case result without a conclusion date',
    uid: CASE,
    field: 'result',
    data: () => reviewCase({ result: 'upheld' }),
  },
  {
    what: 'a case concluded without a result',
    uid: CASE,
    field: 'result',
    data: () => reviewCase({ concludedOn: '2024-03-01' }),
  },
  {
    what: 'a case concluded before it was filed',
    uid: CASE,
    field: 'concludedOn',
    data: () => reviewCase({ concludedOn: '2024-01-15', result: 'corrected' }),
  },
  { what: 'a case filed in the future', uid: CASE, field: 'filedOn', data: () => reviewCase({ filedOn: FUTURE }) },
  { what: 'a case of an unknown kind', uid: CASE, field: 'kind', data: () => reviewCase({ kind: 'appeal' }) },
  // Fees: money in 元, at most 2 decimals, ≥ 0, below the column's limit.
  { what: 'a negative fee', uid: FEE, field: 'amount', data: () => fee({ amount: '-0.01' }) },
  { what: 'a fee with 3 decimals', uid: FEE, field: 'amount', data: () => fee({ amount: '1.234' }) },
  { what: 'a fee with 3 decimals as a number', uid: FEE, field: 'amount', data: () => fee({ amount: 0.125 }) },
  { what: 'a fee of 100,000,000 元', uid: FEE, field: 'amount', data: () => fee({ amount: '100000000' }) },
  { what: 'a fee written "1e3"', uid: FEE, field: 'amount', data: () => fee({ amount: '1e3' }) },
  { what: 'a fee without an item', uid: FEE, field: 'item', data: () => without(fee({}), 'item') },
  {
    what: 'a fee without an organization',
    uid: FEE,
    field: 'organization',
    data: () => without(fee({}), 'organization'),
  },
  { what: 'a fee collected in the future', uid: FEE, field: 'collectedOn', data: () => fee({ collectedOn: FUTURE }) },
  // Administrative decisions: unique number, date not in the future, required.
  {
    what: 'a duplicate decision number',
    uid: DECISION,
    field: 'decisionNumber',
    data: () => decision({ decisionNumber: s.decision.decisionNumber }),
  },
  {
    what: 'a decision made in the future',
    uid: DECISION,
    field: 'decidedOn',
    data: () => decision({ decidedOn: FUTURE }),
  },
  {
    what: 'a decision without a number',
    uid: DECISION,
    field: 'decisionNumber',
    data: () => without(decision({}), 'decisionNumber'),
  },
  { what: 'a decision of an unknown kind', uid: DECISION, field: 'kind', data: () => decision({ kind: 'award' }) },
];

const fieldsOf = (error: any): string[] =>
  (error?.details?.errors ?? []).map((e: any) => (Array.isArray(e.path) ? e.path.join('.') : String(e.path)));

test(`Given the table of malformed writes, Then it holds at least 30 distinct cases (${CASES.length})`, () => {
  expect(CASES.length).toBeGreaterThanOrEqual(30);
  expect(new Set(CASES.map((c) => c.what)).size).toBe(CASES.length);
});

describe('Given the Document Service', () => {
  test.each(CASES)(
    'When it is asked for $what, Then a ValidationError names $field and nothing is stored',
    async (c) => {
      const before = await countEverything(strapi);
      const stored = c.documentId
        ? await strapi.db.query(c.uid as any).findMany({ where: { documentId: c.documentId() } })
        : null;
      const documents = strapi.documents(c.uid as any) as any;
      let error: any = null;
      try {
        if (c.action === 'update') await documents.update({ documentId: c.documentId!(), data: c.data!() });
        else if (c.action === 'publish') await documents.publish({ documentId: c.documentId!() });
        else await documents.create({ data: c.data!() });
      } catch (e) {
        error = e;
      }
      expect(error).not.toBeNull();
      expect(error.name).toBe('ValidationError');
      expect({ what: c.what, fields: fieldsOf(error) }).toEqual({
        what: c.what,
        fields: expect.arrayContaining([c.field]),
      });
      expect(await countEverything(strapi)).toEqual(before);
      if (stored)
        expect(await strapi.db.query(c.uid as any).findMany({ where: { documentId: c.documentId!() } })).toEqual(
          stored,
        );
    },
  );
});

describe('Given the Content Manager API and a super admin', () => {
  let token: string;
  beforeAll(async () => {
    token = (await adminToken('strapi-super-admin')).token;
  });
  const CM = '/content-manager/collection-types';
  const connect = (documentId: string) => ({ connect: [{ documentId }], disconnect: [] });

  type HttpCase = {
    what: string;
    method: 'post' | 'put';
    url: () => string;
    field: string;
    body?: () => Record<string, unknown>;
  };
  const HTTP_CASES: HttpCase[] = [
    {
      what: 'a negative fee',
      method: 'post',
      url: () => `${CM}/${FEE}`,
      field: 'amount',
      body: () => fee({ amount: '-1', organization: connect(org()) }),
    },
    {
      what: 'a fee with 3 decimals',
      method: 'post',
      url: () => `${CM}/${FEE}`,
      field: 'amount',
      body: () => fee({ amount: 2.345, organization: connect(org()) }),
    },
    {
      what: 'an organization with a wrong check digit',
      method: 'post',
      url: () => `${CM}/${ORG}?locale=zh-Hans`,
      field: 'creditCode',
      body: () => ({ name: '机构', kind: 'other', creditCode: BAD_CREDIT_CODE }),
    },
    {
      what: 'a policy document effective before it is issued',
      method: 'post',
      url: () => `${CM}/${POLICY}?locale=zh-Hans`,
      field: 'effectiveOn',
      body: () => policy({ effectiveOn: '2020-01-01' }),
    },
    {
      what: 'an edit giving a policy document a bad 文号',
      method: 'put',
      url: () => `${CM}/${POLICY}/${s.policy.documentId}?locale=zh-Hans`,
      field: 'documentNumber',
      body: () => ({ documentNumber: '驻政发2021第5号' }),
    },
    {
      what: 'a project budget written "1e5"',
      method: 'post',
      url: () => `${CM}/${PROJECT}`,
      field: 'budget.amount',
      body: () => project({ budget: { amount: '1e5', unit: 'yuan', currency: 'CNY' } }),
    },
    {
      what: 'a procurement notice on a construction project',
      method: 'post',
      url: () => `${CM}/${NOTICE}`,
      field: 'noticeType',
      body: () => notice({ noticeType: 'procurementNotice', project: connect(s.construction.documentId) }),
    },
    {
      what: 'an application with a wrong resident ID check digit',
      method: 'post',
      url: () => `${CM}/${APP}`,
      field: 'idNumber',
      body: () => application({ idNumber: BAD_RESIDENT_ID, organization: connect(org()) }),
    },
    {
      what: 'an outcome on an open application',
      method: 'post',
      url: () => `${CM}/${APP}`,
      field: 'outcome',
      body: () => application({ outcome: 'granted', organization: connect(org()) }),
    },
    {
      what: 'a second report for the same organization, year and locale',
      method: 'post',
      url: () => `${CM}/${REPORT}?locale=zh-Hans`,
      field: 'year',
      body: () => ({ year: 2022, formatVersion: 'gov-2021', organization: connect(org()) }),
    },
    {
      what: 'a case result without a conclusion date',
      method: 'post',
      url: () => `${CM}/${CASE}`,
      field: 'result',
      body: () => reviewCase({ result: 'upheld', organization: connect(org()) }),
    },
    {
      what: 'publishing a policy document draft that has no issue date',
      method: 'post',
      url: () => `${CM}/${POLICY}/${s.draftWithoutDate.documentId}/actions/publish?locale=zh-Hans`,
      field: 'issuedOn',
    },
  ];

  test.each(HTTP_CASES)('When it sends $what, Then 400 with details naming $field and nothing is stored', async (c) => {
    const before = await countEverything(strapi);
    const res = await (http() as any)
      [c.method](c.url())
      .set('Authorization', `Bearer ${token}`)
      .send(c.body ? c.body() : {});
    expect({ what: c.what, status: res.status }).toEqual({ what: c.what, status: 400 });
    expect(res.body.error.name).toBe('ValidationError');
    const paths = (res.body.error?.details?.errors ?? []).map((e: any) =>
      Array.isArray(e.path) ? e.path.join('.') : String(e.path),
    );
    expect({ what: c.what, paths }).toEqual({ what: c.what, paths: expect.arrayContaining([c.field]) });
    expect(await countEverything(strapi)).toEqual(before);
  });

  test('When it saves a notice leaving its project untouched ({ connect: [], disconnect: [] }), Then 200 and the project stays', async () => {
    const res = await http()
      .put(`${CM}/${NOTICE}/${s.notice.documentId}`)
      .set('Authorization', `Bearer ${token}`)
      .send({
        title: '编辑改过标题的公告',
        noticeType: 'tenderNotice',
        releasedAt: '2024-02-02T08:00:00.000Z',
        project: { connect: [], disconnect: [] },
      });
    expect(res.status).toBe(200);
    const stored: any = await strapi
      .documents(NOTICE)
      .findOne({ documentId: s.notice.documentId, status: 'draft', populate: ['project'] } as any);
    expect(stored.title).toBe('编辑改过标题的公告');
    expect(stored.project.documentId).toBe(s.construction.documentId);
  });

  test('When it disconnects the project of a notice, Then 400 naming project and the project stays', async () => {
    const res = await http()
      .put(`${CM}/${NOTICE}/${s.notice.documentId}`)
      .set('Authorization', `Bearer ${token}`)
      .send({ project: { connect: [], disconnect: [{ documentId: s.construction.documentId }] } });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors.map((e: any) => e.path.join('.'))).toContain('project');
    const stored: any = await strapi
      .documents(NOTICE)
      .findOne({ documentId: s.notice.documentId, status: 'draft', populate: ['project'] } as any);
    expect(stored.project.documentId).toBe(s.construction.documentId);
  });

  test('When the edit of a policy document is refused, Then the stored draft is unchanged', async () => {
    const read = () => strapi.documents(POLICY).findOne({ documentId: s.policy.documentId, status: 'draft' } as any);
    const before = await read();
    const res = await http()
      .put(`${CM}/${POLICY}/${s.policy.documentId}?locale=zh-Hans`)
      .set('Authorization', `Bearer ${token}`)
      .send({ title: '被拒绝的修改', effectiveOn: '2020-01-01' });
    expect(res.status).toBe(400);
    expect(await read()).toEqual(before);
  });
});

describe('Given concurrent writes (two requests at the same moment)', () => {
  const settle = (writes: Array<() => Promise<unknown>>) => Promise.allSettled(writes.map((write) => write()));

  test('When two reports for the same organization, year and locale are created at once, Then one is stored and the other refused naming year', async () => {
    const organization = await createOrganization(strapi);
    const results = await settle(
      [1, 2].map(
        () => () =>
          strapi.documents(REPORT).create({ data: { year: 2018, organization: organization.documentId } } as any),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason.name).toBe('ValidationError');
    expect(fieldsOf(refused.reason)).toContain('year');
    expect(
      await strapi
        .documents(REPORT)
        .count({ filters: { year: 2018, organization: { documentId: organization.documentId } } } as any),
    ).toBe(1);
  });

  test('When two applications with one tracking number are created at once, Then one is stored and the other refused naming trackingNumber', async () => {
    const results = await settle(
      [1, 2].map(
        () => () => strapi.documents(APP).create({ data: application({ trackingNumber: 'RACE-2024-0001' }) } as any),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason.name).toBe('ValidationError');
    expect(fieldsOf(refused.reason)).toContain('trackingNumber');
    expect(await strapi.db.query(APP as any).count({ where: { trackingNumber: 'RACE-2024-0001' } })).toBe(1);
  });

  test('When two decisions with one number are created at once, Then only one is stored', async () => {
    const results = await settle(
      [1, 2].map(
        () => () =>
          strapi.documents(DECISION).create({ data: decision({ decisionNumber: '驻公资罚〔2024〕99号' }) } as any),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await strapi.db.query(DECISION as any).count({ where: { decisionNumber: '驻公资罚〔2024〕99号' } })).toBe(1);
  });

  test('When three documents with one title are created at once, Then their slugs are distinct', async () => {
    const results = await settle(
      [1, 2, 3].map(
        () => () => strapi.documents(POLICY).create({ data: policy({ title: '同时创建的同名文件' }) } as any),
      ),
    );
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    const slugs = results.map((r) => (r as PromiseFulfilledResult<any>).value.slug as string).sort();
    expect(slugs).toEqual([
      'tong-shi-chuang-jian-de-tong-ming-wen-jian',
      'tong-shi-chuang-jian-de-tong-ming-wen-jian-2',
      'tong-shi-chuang-jian-de-tong-ming-wen-jian-3',
    ]);
  });

  test('When ten different reports are created at once, Then all are stored (writes queue, they do not deadlock)', async () => {
    const organization = await createOrganization(strapi);
    const results = await settle(
      Array.from(
        { length: 10 },
        (_, i) => () =>
          strapi.documents(REPORT).create({ data: { year: 2008 + i, organization: organization.documentId } } as any),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
  });
});
