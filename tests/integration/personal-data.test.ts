/**
 * Applicants' personal data never leaves through the public API. An application with unique, searchable values is
 * planted, then probed from every public angle (direct routes, filters, populate, sort, fields, query-string tricks,
 * users, media, the OpenAPI document): each probe must answer the expected status and never echo a planted value.
 */
import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { setupStrapi, teardownStrapi, http } from '../helpers/strapi';
import { createOrganization, createPolicyDocument } from '../helpers/records';
import { createNotice, createProject, createReport } from '../helpers/content';
import { residentIdCheckChar } from '../../src/validation/identifiers';

let strapi: Core.Strapi;

const ID_FIRST17 = '41172219850612737';
/** Planted values: unique enough that finding one in a response means it leaked. */
const SECRET = {
  applicantName: '蔺秘文ZQXNAME',
  idNumber: ID_FIRST17 + residentIdCheckChar(ID_FIRST17),
  phone: '13877665544',
  email: 'zqx.planted.applicant@example.test',
  address: '驻马店市驿城区秘密路88号ZQXADDR',
  requestedInformation: 'ZQXREQUEST请求公开某项目的评标报告',
  notes: 'ZQXNOTES内部备注',
  queryCodeHash: 'zqxhash0123456789abcdef',
  contactPerson: '联系人ZQXCONTACT',
  caseSummary: 'ZQXCASE复议摘要',
  payer: 'ZQXPAYER付款人',
  acknowledgedBy: 'ZQXACK审核人',
};
/** The values the brief names (name, ID number, phone, email) and every other planted one. */
const LEAKS = Object.values(SECRET);

const ids: Record<string, string> = {};
let trackingNumber: string;

beforeAll(async () => {
  strapi = await setupStrapi();
  const org = await createOrganization(strapi, { name: '驻马店市公共资源交易中心' });
  const child = await createOrganization(strapi, {
    name: '驿城区分中心',
    kind: 'districtBranch',
    parent: org.documentId,
  });
  ids.org = org.documentId;
  ids.child = child.documentId;

  const application = await strapi.documents('api::disclosure-application.disclosure-application').create({
    data: {
      trackingNumber: 'ZQX-2024-0001',
      receivedOn: '2024-03-01',
      channel: 'online',
      applicantType: 'naturalPerson',
      applicantName: SECRET.applicantName,
      idType: 'residentId',
      idNumber: SECRET.idNumber,
      contactPerson: SECRET.contactPerson,
      phone: SECRET.phone,
      email: SECRET.email,
      address: SECRET.address,
      postalCode: '463000',
      requestedInformation: SECRET.requestedInformation,
      notes: SECRET.notes,
      queryCodeHash: SECRET.queryCodeHash,
      organization: org.documentId,
    },
  } as any);
  ids.app = application.documentId;
  trackingNumber = (application as any).trackingNumber;
  // The planted values are really stored (a probe that finds nothing because nothing was written proves nothing).
  const stored: any = await strapi.db
    .query('api::disclosure-application.disclosure-application')
    .findOne({ where: { documentId: ids.app } });
  for (const key of [
    'applicantName',
    'idNumber',
    'phone',
    'email',
    'address',
    'requestedInformation',
    'notes',
  ] as const) {
    expect(stored[key]).toBe(SECRET[key]);
  }

  const reviewCase = await strapi.documents('api::review-case.review-case').create({
    data: {
      kind: 'review',
      filedOn: '2024-04-01',
      summary: SECRET.caseSummary,
      application: ids.app,
      organization: org.documentId,
    },
  } as any);
  ids.case = reviewCase.documentId;
  const fee = await strapi.documents('api::fee.fee').create({
    data: {
      item: '信息处理费',
      collectedOn: '2024-04-01',
      amount: '12.30',
      payer: SECRET.payer,
      organization: org.documentId,
    },
  } as any);
  ids.fee = fee.documentId;

  ids.policy = (
    await createPolicyDocument(strapi, { title: '公开的管理办法', organization: org.documentId })
  ).documentId;
  const project = await createProject(strapi, { name: '公开的项目', organization: org.documentId });
  ids.project = project.documentId;
  ids.notice = (await createNotice(strapi, project.documentId)).documentId;

  const report = await createReport(strapi, org.documentId, { year: 2023 });
  ids.report = report.documentId;
  // A private JSON field with a planted value, on the published version too.
  await strapi.db.query('api::annual-report.annual-report').updateMany({
    where: { documentId: ids.report },
    data: {
      acknowledgement: { by: { id: 1, name: SECRET.acknowledgedBy }, at: '2024-01-10T00:00:00.000Z', warnings: 'x' },
    },
  });
});
afterAll(teardownStrapi);

type Probe = [
  description: string,
  method: 'GET' | 'POST',
  url: string,
  statuses: number[],
  body?: Record<string, unknown>,
];

const PRIVATE_APP = 'api::disclosure-application.disclosure-application';
const OK = [200];
const REFUSED = [403];
const BAD = [400];

const PROBES: Probe[] = [
  // Direct routes to the private types.
  ['list applications', 'GET', '/api/disclosure-applications', REFUSED],
  ['read the planted application', 'GET', '/api/disclosure-applications/{app}', REFUSED],
  [
    'list applications as drafts with populate=*',
    'GET',
    '/api/disclosure-applications?status=draft&populate=*',
    REFUSED,
  ],
  [
    'filter applications on applicantName',
    'GET',
    `/api/disclosure-applications?filters[applicantName][$eq]=${encodeURIComponent(SECRET.applicantName)}`,
    REFUSED,
  ],
  [
    'filter applications with $or on phone and email',
    'GET',
    `/api/disclosure-applications?filters[$or][0][phone][$eq]=${SECRET.phone}&filters[$or][1][email][$eq]=${SECRET.email}`,
    REFUSED,
  ],
  [
    'list review cases populating the application',
    'GET',
    '/api/review-cases?populate[application][fields][0]=applicantName',
    REFUSED,
  ],
  ['read a review case with populate=*', 'GET', '/api/review-cases/{case}?populate=*', REFUSED],
  [
    'filter review cases on the application idNumber',
    'GET',
    `/api/review-cases?filters[application][idNumber][$eq]=${SECRET.idNumber}`,
    REFUSED,
  ],
  ['list fees with the payer field', 'GET', '/api/fees?fields[0]=payer&populate=*', REFUSED],
  ['list administrative decisions with populate=*', 'GET', '/api/administrative-decisions?populate=*', REFUSED],
  // Populate from public types toward anything private.
  ['organizations with populate=*', 'GET', '/api/organizations?populate=*', OK],
  ['an organization with populate=*', 'GET', '/api/organizations/{org}?populate=*', OK],
  ['organizations with a deep populate of parent', 'GET', '/api/organizations?populate[parent][populate]=*', OK],
  ['organizations with populate[*]', 'GET', '/api/organizations?populate[*]=true', BAD],
  [
    'organizations populating a made-up applications relation',
    'GET',
    '/api/organizations?populate[disclosureApplications]=*',
    BAD,
  ],
  ['annual reports with populate=*', 'GET', '/api/annual-reports?populate=*', OK],
  [
    'a report with a deep populate of its organization',
    'GET',
    '/api/annual-reports/{report}?populate[organization][populate]=*',
    OK,
  ],
  [
    'annual reports populating the private acknowledgement',
    'GET',
    '/api/annual-reports?populate[acknowledgement]=true',
    BAD,
  ],
  ['policy documents with populate=*', 'GET', '/api/policy-documents?populate=*', OK],
  [
    'policy documents with a deep populate of organization and localizations',
    'GET',
    '/api/policy-documents?populate[organization][populate]=*&populate[localizations][populate]=*',
    OK,
  ],
  ['policy documents populating createdBy (admin users)', 'GET', '/api/policy-documents?populate[createdBy]=*', BAD],
  [
    'projects with a deep populate of notices and organization',
    'GET',
    '/api/transaction-projects?populate[notices][populate]=*&populate[organization][populate]=*',
    OK,
  ],
  // Beyond the populate limits (3 levels; the project's notices below the first level): refused before any read.
  [
    'notices populating project → organization → parent',
    'GET',
    '/api/transaction-notices?populate[project][populate][organization][populate][parent]=true',
    BAD,
  ],
  [
    'notices with populate[project][populate]=*',
    'GET',
    '/api/transaction-notices/{notice}?populate[project][populate]=*',
    BAD,
  ],
  // Filters on private fields and relation filters into types the public cannot read.
  [
    'organizations filtered through a made-up applications relation',
    'GET',
    `/api/organizations?filters[disclosureApplications][applicantName][$eq]=${encodeURIComponent(SECRET.applicantName)}`,
    BAD,
  ],
  [
    'policy documents filtered on createdBy email',
    'GET',
    '/api/policy-documents?filters[createdBy][email][$contains]=@',
    BAD,
  ],
  [
    'organizations filtered on updatedBy firstname',
    'GET',
    '/api/organizations?filters[updatedBy][firstname][$eq]=x',
    BAD,
  ],
  [
    'reports filtered on organization → createdBy',
    'GET',
    '/api/annual-reports?filters[organization][createdBy][email][$contains]=@',
    BAD,
  ],
  [
    'reports filtered on the private acknowledgement',
    'GET',
    '/api/annual-reports?filters[acknowledgement][$notNull]=true',
    BAD,
  ],
  [
    'reports: $or hiding a private filter beside a legal one',
    'GET',
    '/api/annual-reports?filters[$or][0][year][$eq]=2023&filters[$or][1][acknowledgement][$contains]=ZQX',
    BAD,
  ],
  [
    'reports: $and with $contains on a private field',
    'GET',
    '/api/annual-reports?filters[$and][0][acknowledgement][$containsi]=zqxack',
    BAD,
  ],
  [
    'reports: $in array on a private field',
    'GET',
    '/api/annual-reports?filters[acknowledgement][$in][0]=x&filters[acknowledgement][$in][1]=y',
    BAD,
  ],
  [
    'reports: URL-encoded brackets on a private field',
    'GET',
    '/api/annual-reports?filters%5Backnowledgement%5D%5B%24containsi%5D=zqx',
    BAD,
  ],
  [
    'reports: $not around a private filter',
    'GET',
    '/api/annual-reports?filters[$not][acknowledgement][$null]=true',
    BAD,
  ],
  // Sort and field selection on private attributes.
  ['reports sorted on acknowledgement', 'GET', '/api/annual-reports?sort=acknowledgement', BAD],
  [
    'reports sorted with an array on acknowledgement',
    'GET',
    '/api/annual-reports?sort[0]=year:asc&sort[1]=acknowledgement:desc',
    BAD,
  ],
  ['reports selecting the acknowledgement field', 'GET', '/api/annual-reports?fields[0]=acknowledgement', BAD],
  ['reports selecting fields as a comma list', 'GET', '/api/annual-reports?fields=title,acknowledgement', BAD],
  [
    'a report selecting the acknowledgement field',
    'GET',
    '/api/annual-reports/{report}?fields[0]=title&fields[1]=acknowledgement',
    BAD,
  ],
  ['organizations selecting createdBy', 'GET', '/api/organizations?fields[0]=name&fields[1]=createdBy', BAD],
  ['reports in every locale with populate=*', 'GET', '/api/annual-reports?locale=*&populate=*', OK],
  ['an unknown query parameter (strictParams)', 'GET', '/api/organizations?populate=*&pLevel=5', BAD],
  // Users, roles, media, admin.
  ['list users', 'GET', '/api/users', REFUSED],
  ['list users filtered on email', 'GET', '/api/users?filters[email][$contains]=@', REFUSED],
  ['the current user', 'GET', '/api/users/me', REFUSED],
  ['list roles', 'GET', '/api/users-permissions/roles', REFUSED],
  ['list uploaded files', 'GET', '/api/upload/files', REFUSED],
  ['admin Content Manager without a token', 'GET', `/content-manager/collection-types/${PRIVATE_APP}`, [401]],
  ['admin users without a token', 'GET', '/admin/users', [401]],
  // The OpenAPI document and the plugin's public routes.
  ['the OpenAPI page', 'GET', '/documentation', OK],
  ['the OpenAPI page of version 1.0.0', 'GET', '/documentation/v1.0.0', OK],
  ['the public reports of the disclosure plugin', 'GET', '/api/disclosure/reports', OK],
  ['a public report of the disclosure plugin', 'GET', '/api/disclosure/reports/{report}', OK],
  [
    'an application status with a wrong query code',
    'POST',
    '/api/disclosure/applications/status',
    [404],
    { trackingNumber: '{tracking}', queryCode: 'WRONG-CODE' },
  ],
  [
    'an application status without a query code',
    'POST',
    '/api/disclosure/applications/status',
    BAD,
    { trackingNumber: '{tracking}' },
  ],
  [
    'an application status with the stored hash as the code',
    'POST',
    '/api/disclosure/applications/status',
    [404],
    { trackingNumber: '{tracking}', queryCode: SECRET.queryCodeHash },
  ],
];

const fill = (text: string) =>
  text
    .replace('{app}', ids.app)
    .replace('{case}', ids.case)
    .replace('{org}', ids.org)
    .replace('{report}', ids.report)
    .replace('{notice}', ids.notice)
    .replace('{tracking}', trackingNumber);

test('Given the probe table, Then it holds at least 25 distinct probes', () => {
  expect(PROBES.length).toBeGreaterThanOrEqual(25);
  expect(
    new Set(PROBES.map(([, method, url, , body]) => `${method} ${url} ${JSON.stringify(body ?? null)}`)).size,
  ).toBe(PROBES.length);
});

describe('Given an application with planted personal data', () => {
  test.each(PROBES)(
    'When the public probes: %s, Then the status is expected and no personal data is returned',
    async (...probe: Probe) => {
      // A rest parameter: with named parameters, Jest would take the missing body of a GET row for a `done` callback.
      const [, method, url, statuses, body] = probe;
      const target = fill(url);
      const res =
        method === 'GET'
          ? await http().get(target)
          : await http()
              .post(target)
              .send(JSON.parse(fill(JSON.stringify(body ?? {}))));
      expect({ url: target, status: res.status, expected: statuses.includes(res.status) }).toEqual({
        url: target,
        status: res.status,
        expected: true,
      });
      const text = `${res.text ?? ''}${res.headers.location ?? ''}`;
      for (const secret of LEAKS) expect(text).not.toContain(secret);
      // A public 200 never carries a field that is private in the model.
      if (res.status === 200 && res.type === 'application/json') {
        for (const key of [
          'applicantName',
          'idNumber',
          'queryCodeHash',
          'requestedInformation',
          'payer',
          'acknowledgement',
          'contactPerson',
        ]) {
          expect(text).not.toContain(`"${key}"`);
        }
      }
    },
  );

  test('When the public reads the reports and organizations it may read, Then the planted organization and report are really there', async () => {
    const reports = await http().get('/api/annual-reports?populate=*');
    expect(reports.body.data.map((r: any) => r.documentId)).toContain(ids.report);
    expect(reports.body.data[0].organization.documentId).toBe(ids.org);
    const organizations = await http().get('/api/organizations?populate=*');
    expect(organizations.body.data.map((o: any) => o.documentId)).toEqual(expect.arrayContaining([ids.org, ids.child]));
  });
});

describe('Given the generated OpenAPI document', () => {
  const file = () =>
    path.join(strapi.dirs.app.extensions, 'documentation', 'documentation', '1.0.0', 'full_documentation.json');

  /** Every property name of every schema, at any depth. */
  function propertyNames(node: unknown, into = new Set<string>()): Set<string> {
    if (Array.isArray(node)) node.forEach((child) => propertyNames(child, into));
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record.properties && typeof record.properties === 'object')
        Object.keys(record.properties).forEach((k) => into.add(k));
      Object.values(record).forEach((child) => propertyNames(child, into));
    }
    return into;
  }

  test('When it is regenerated, Then it describes no private type and no private field', async () => {
    await strapi.plugin('documentation').service('documentation').generateFullDoc();
    const doc = JSON.parse(fs.readFileSync(file(), 'utf8'));
    const paths = Object.keys(doc.paths);
    expect(paths.length).toBeGreaterThan(0);
    for (const p of paths) expect(p).not.toMatch(/disclosure-application|review-case|administrative-decision|^\/fees/);
    const schemas = Object.keys(doc.components.schemas);
    for (const s of schemas)
      expect(s).not.toMatch(
        /^(DisclosureApplication|ReviewCase|AdministrativeDecision|Fee)(Request|Response|ListResponse|LocalizationRequest)?$/,
      );
    const names = propertyNames(doc);
    for (const field of [
      'applicantName',
      'idType',
      'idNumber',
      'contactPerson',
      'postalCode',
      'requestedInformation',
      'queryCodeHash',
      'notes',
      'payer',
      'acknowledgement',
    ]) {
      expect({ field, described: names.has(field) }).toEqual({ field, described: false });
    }
    const text = JSON.stringify(doc);
    for (const secret of LEAKS) expect(text).not.toContain(secret);
  });
});
