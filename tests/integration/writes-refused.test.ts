/**
 * Malformed writes across the types, through the Document Service (the path every other path reaches) and through
 * the admin's Content Manager API: each is refused with a message naming the field, and nothing is stored.
 */
import { setupStrapi, teardownStrapi, http, adminToken } from '../helpers/strapi';
import { createApplication, createOrganization, creditCode, residentId } from '../helpers/records';
import { countEverything, createProject } from '../helpers/content';

let strapi: any;
let org: any;
let project: any;
let existingTracking: string;
let openApplication: any;

const APP = 'api::disclosure-application.disclosure-application';
const validApplication = () => ({
  trackingNumber: `BAD-${Math.random().toString(36).slice(2, 10).toUpperCase()}`,
  receivedOn: '2024-03-01',
  channel: 'letter',
  applicantType: 'naturalPerson',
  applicantName: '张三',
  idType: 'residentId',
  idNumber: residentId(7),
  requestedInformation: '某项目招标文件',
  organization: org.documentId,
});

beforeAll(async () => {
  strapi = await setupStrapi();
  org = await createOrganization(strapi);
  project = await createProject(strapi, { category: 'landUse', method: 'listing' });
  const app = await createApplication(strapi, org.documentId);
  existingTracking = app.trackingNumber;
  openApplication = app;
  await strapi.documents('api::annual-report.annual-report').create({ data: { year: 2022, organization: org.documentId } });
});
afterAll(teardownStrapi);

type Case = [description: string, uid: string, field: string, data: () => Record<string, unknown>, action?: 'create' | 'update', documentId?: () => string];

const CASES: Case[] = [
  ['application: unknown applicant type', APP, 'applicantType', () => ({ ...validApplication(), applicantType: 'alien' })],
  ['application: unknown channel', APP, 'channel', () => ({ ...validApplication(), channel: 'pigeon' })],
  ['application: unknown outcome', APP, 'outcome', () => ({ ...validApplication(), concludedOn: '2024-03-05', outcome: 'maybe' })],
  ['application: outcome on an open application', APP, 'outcome', () => ({ ...validApplication(), outcome: 'granted' })],
  ['application: concluded without an outcome', APP, 'outcome', () => ({ ...validApplication(), concludedOn: '2024-03-05' })],
  ['application: concluded before received', APP, 'concludedOn', () => ({ ...validApplication(), concludedOn: '2024-02-01', outcome: 'granted' })],
  ['application: received in the future', APP, 'receivedOn', () => ({ ...validApplication(), receivedOn: '2099-01-01' })],
  ['application: not a date', APP, 'receivedOn', () => ({ ...validApplication(), receivedOn: '2024-13-45' })],
  ['application: duplicate tracking number', APP, 'trackingNumber', () => ({ ...validApplication(), trackingNumber: existingTracking })],
  ['application: tracking number format', APP, 'trackingNumber', () => ({ ...validApplication(), trackingNumber: 'bad number!' })],
  ['application: resident ID check digit', APP, 'idNumber', () => ({ ...validApplication(), idNumber: residentId(7).slice(0, 17) + (residentId(7).endsWith('0') ? '1' : '0') })],
  ['application: ID number without its type', APP, 'idType', () => ({ ...validApplication(), idType: null })],
  ['application: bad email', APP, 'email', () => ({ ...validApplication(), email: 'not-an-email' })],
  ['application: bad phone', APP, 'phone', () => ({ ...validApplication(), phone: 'call me' })],
  ['application: missing applicant name', APP, 'applicantName', () => ({ ...validApplication(), applicantName: undefined })],
  ['application: missing organization', APP, 'organization', () => ({ ...validApplication(), organization: undefined })],
  ['application: state concluded without conclusion', APP, 'state', () => ({ state: 'concluded' }), 'update', () => openApplication.documentId],
  ['organization: credit code check digit', 'api::organization.organization', 'creditCode', () => ({ name: '机构', kind: 'other', creditCode: creditCode(5).slice(0, 17) + (creditCode(5).endsWith('0') ? '1' : '0') })],
  ['organization: credit code format', 'api::organization.organization', 'creditCode', () => ({ name: '机构', kind: 'other', creditCode: '12345' })],
  ['organization: unknown kind', 'api::organization.organization', 'kind', () => ({ name: '机构', kind: 'ministry', creditCode: creditCode(6) })],
  ['policy document: bad 文号', 'api::policy-document.policy-document', 'documentNumber', () => ({ title: '文件', kind: 'normative', issuingBody: '机关', issuedOn: '2021-01-01', documentNumber: '2021-12' })],
  ['policy document: effective before issued', 'api::policy-document.policy-document', 'effectiveOn', () => ({ title: '文件', kind: 'normative', issuingBody: '机关', issuedOn: '2021-05-01', effectiveOn: '2021-04-01' })],
  ['policy document: repealed before issued', 'api::policy-document.policy-document', 'repealedOn', () => ({ title: '文件', kind: 'normative', issuingBody: '机关', issuedOn: '2021-05-01', repealedOn: '2020-01-01' })],
  ['policy document: unknown kind', 'api::policy-document.policy-document', 'kind', () => ({ title: '文件', kind: 'law', issuingBody: '机关', issuedOn: '2021-05-01' })],
  ['policy document: bad slug', 'api::policy-document.policy-document', 'slug', () => ({ title: '文件', kind: 'normative', issuingBody: '机关', issuedOn: '2021-05-01', slug: 'Not A Slug' })],
  ['notice: type not of the project category', 'api::transaction-notice.transaction-notice', 'noticeType', () => ({ title: '公告', noticeType: 'tenderNotice', releasedAt: '2024-02-02T00:00:00.000Z', project: project.documentId })],
  ['notice: without project', 'api::transaction-notice.transaction-notice', 'project', () => ({ title: '公告', noticeType: 'tenderNotice', releasedAt: '2024-02-02T00:00:00.000Z' })],
  ['notice: publicity ends before it starts', 'api::transaction-notice.transaction-notice', 'publicityEnd', () => ({ title: '公告', noticeType: 'transferNotice', releasedAt: '2024-02-02T00:00:00.000Z', project: project.documentId, publicityStart: '2024-03-10', publicityEnd: '2024-03-01' })],
  ['project: negative budget', 'api::transaction-project.transaction-project', 'amount', () => ({ name: '项目', category: 'procurement', projectCode: 'CG-2024-001', registeredOn: '2024-01-01', principal: '采购人', method: 'inquiry', budget: { amount: '-1', unit: 'yuan' } })],
  ['project: exponent money', 'api::transaction-project.transaction-project', 'amount', () => ({ name: '项目', category: 'procurement', projectCode: 'CG-2024-002', registeredOn: '2024-01-01', principal: '采购人', method: 'inquiry', budget: { amount: '1e5', unit: 'yuan' } })],
  ['project: too many decimals', 'api::transaction-project.transaction-project', 'amount', () => ({ name: '项目', category: 'procurement', projectCode: 'CG-2024-003', registeredOn: '2024-01-01', principal: '采购人', method: 'inquiry', budget: { amount: '1.2345678', unit: 'yuan' } })],
  ['project: unknown category', 'api::transaction-project.transaction-project', 'category', () => ({ name: '项目', category: 'lottery', projectCode: 'CG-2024-004', registeredOn: '2024-01-01', principal: '采购人', method: 'inquiry' })],
  ['project: bid deadline before documents end', 'api::transaction-project.transaction-project', 'bidDeadline', () => ({ name: '项目', category: 'construction', projectCode: 'GC-2024-005', registeredOn: '2024-01-01', principal: '招标人', method: 'openTender', keyTimes: { documentsUntil: '2024-03-10T00:00:00.000Z', bidDeadline: '2024-03-01T00:00:00.000Z' } })],
  ['project: candidate rank out of range', 'api::transaction-project.transaction-project', 'rank', () => ({ name: '项目', category: 'construction', projectCode: 'GC-2024-006', registeredOn: '2024-01-01', principal: '招标人', method: 'openTender', candidates: [{ rank: 4, name: '公司' }] })],
  ['CA provider: bad fee price', 'api::ca-provider.ca-provider', 'price', () => ({ name: 'CA', provinceWide: true, fees: [{ item: '新办', price: '-200', unit: '元' }] })],
  ['CA provider: bad website', 'api::ca-provider.ca-provider', 'website', () => ({ name: 'CA', provinceWide: true, website: 'javascript:alert(1)' })],
  ['fee: negative amount', 'api::fee.fee', 'amount', () => ({ item: '信息处理费', collectedOn: '2024-01-01', amount: -5, organization: org.documentId })],
  ['fee: three decimals', 'api::fee.fee', 'amount', () => ({ item: '信息处理费', collectedOn: '2024-01-01', amount: 0.005, organization: org.documentId })],
  ['fee: collected in the future', 'api::fee.fee', 'collectedOn', () => ({ item: '信息处理费', collectedOn: '2099-01-01', amount: 1, organization: org.documentId })],
  ['case: result without conclusion', 'api::review-case.review-case', 'result', () => ({ kind: 'review', filedOn: '2024-01-01', result: 'upheld', organization: org.documentId })],
  ['case: unknown kind', 'api::review-case.review-case', 'kind', () => ({ kind: 'appeal', filedOn: '2024-01-01', organization: org.documentId })],
  ['decision: unknown kind', 'api::administrative-decision.administrative-decision', 'kind', () => ({ kind: 'award', decisionNumber: 'X-1', decidedOn: '2024-01-01', organization: org.documentId })],
  ['report: year out of range', 'api::annual-report.annual-report', 'year', () => ({ year: 1999, organization: org.documentId })],
  ['report: duplicate organization, year and locale', 'api::annual-report.annual-report', 'year', () => ({ year: 2022, organization: org.documentId })],
];

const fieldsOf = (error: any): string[] => (error?.details?.errors ?? []).map((e: any) => (e.path ?? []).join('.'));

test(`there are at least 30 malformed writes (${CASES.length})`, () => expect(CASES.length).toBeGreaterThanOrEqual(30));

test.each(CASES)('Document Service refuses: %s', async (_description, uid, field, data, action = 'create', documentId) => {
  const before = await countEverything(strapi);
  let error: any = null;
  try {
    if (action === 'update') await strapi.documents(uid).update({ documentId: documentId!(), data: data() });
    else await strapi.documents(uid).create({ data: data() });
  } catch (e) {
    error = e;
  }
  expect(error).not.toBeNull();
  expect(error.name).toBe('ValidationError');
  expect(fieldsOf(error).some((path) => path === field || path.endsWith(`.${field}`))).toBe(true);
  expect(await countEverything(strapi)).toEqual(before);
});

describe('through the Content Manager API, as a super admin', () => {
  let token: string;
  beforeAll(async () => {
    token = (await adminToken('strapi-super-admin')).token;
  });
  const post = (uid: string, body: unknown) =>
    http().post(`/content-manager/collection-types/${uid}`).set('Authorization', `Bearer ${token}`).send(body);

  test.each([
    ['an outcome on an open application', APP, 'outcome', () => ({ ...validApplication(), outcome: 'granted' })],
    ['a bad credit code', 'api::organization.organization', 'creditCode', () => ({ name: '机构', kind: 'other', creditCode: '91410000MA00000000' })],
    ['a fee with three decimals', 'api::fee.fee', 'amount', () => ({ item: '费', collectedOn: '2024-01-01', amount: 1.005, organization: org.documentId })],
  ] as Array<[string, string, string, () => Record<string, unknown>]>)('answers 400 naming the field for %s', async (_d, uid, field, data) => {
    const before = await countEverything(strapi);
    const res = await post(uid, data());
    expect(res.status).toBe(400);
    const paths = (res.body.error?.details?.errors ?? []).map((e: any) => e.path.join('.'));
    expect(paths).toContain(field);
    expect(await countEverything(strapi)).toEqual(before);
  });
});
