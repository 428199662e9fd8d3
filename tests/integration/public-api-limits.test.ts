/**
 * `populate` on the public content API is capped (src/content-api/populate-limits.ts): the review's URL that made
 * the server build a 120 MB answer is refused with a 400 that says why, in every form (nested object, dotted string,
 * array, wildcard) and letter case of /api; every query the public site and the README make still works.
 */
import { setupStrapi, teardownStrapi, http } from '../helpers/strapi';
import { createOrganization, createPolicyDocument } from '../helpers/records';
import { createProject, createNotice, createCaProvider } from '../helpers/content';
import { toQuery } from '../../public/site/query.js';

let strapi: any;
let project: any;
let notice: any;
let document: any;

beforeAll(async () => {
  strapi = await setupStrapi();
  const org = await createOrganization(strapi);
  project = await createProject(strapi, { organization: org.documentId });
  notice = await createNotice(strapi, project.documentId);
  await createNotice(strapi, project.documentId, { noticeType: 'candidatePublicity' });
  await createCaProvider(strapi);
  document = await createPolicyDocument(strapi, { organization: org.documentId });
});
afterAll(teardownStrapi);

const expectRefused = async (url: string, code: string) => {
  const res = await http().get(url);
  expect(res.status).toBe(400);
  expect(res.body.error.name).toBe('ValidationError');
  expect(res.body.error.details.populate.code).toBe(code);
  expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/);
  expect(res.body.error.message).toMatch(/populate/);
  return res;
};

describe('refused, with a 400 that says why', () => {
  test("the review's URL: four levels through the project ↔ notices loop", async () => {
    const url =
      '/api/transaction-projects?pagination[pageSize]=100&populate[notices][populate][project][populate][notices][populate][project]=true';
    const res = await expectRefused(url, 'depth');
    expect(res.body.error.message).toContain('notices.project.notices');
    expect(res.body.error.message).toContain('at most 2 levels');
    await expectRefused(url.replace('/api/', '/API/'), 'depth');
    await expectRefused(url.replace('/api/', '/Api/'), 'depth');
  });

  test.each([
    ['/api/transaction-projects?populate=notices.project.notices', 'depth'],
    ['/api/transaction-projects?populate[0]=notices.project.notices', 'depth'],
    ['/api/transaction-projects?populate=organization,notices.project.notices', 'depth'],
    ['/API/transaction-projects?populate[notices][populate][project][populate]=*', 'depth'],
    ['/api/transaction-projects?populate=notices.project.*', 'depth'],
    ['/api/transaction-notices?populate[project][populate]=*', 'nestedToMany'],
    ['/api/transaction-notices?populate[project]=*', 'nestedToMany'],
    ['/api/transaction-notices?populate=project.*', 'nestedToMany'],
    ['/api/transaction-projects?populate=*.project', 'wildcard'],
    ['/api/disclosure/reports?populate=*', 'wildcard'],
    ['/api/transaction-notices?populate[project][populate][notices]=true', 'nestedToMany'],
    ['/api/transaction-notices?populate=project.notices', 'nestedToMany'],
    ['/api/transaction-notices/' + 'x?populate[project][populate][notices][fields][0]=title', 'nestedToMany'],
    [
      '/api/transaction-projects?' +
        'populate[budget]=true&populate[keyTimes]=true&populate[candidates]=true&populate[winningAmount]=true&populate[organization][populate][parent]=true' +
        '&populate[notices][populate][project]=true&populate[notices][populate][attachments]=true',
      'breadth',
    ],
  ])('%s → %s', async (url, code) => {
    await expectRefused(url, code);
  });

  test('an invented deep-populate keyword is refused too (by Strapi: unknown attribute)', async () => {
    expect((await http().get('/api/transaction-projects?populate=deep')).status).toBe(400);
    expect((await http().get('/api/transaction-projects?populate=deep,10')).status).toBe(400);
  });
});

describe('allowed within the limits', () => {
  test('two levels, a to-many relation at the first level, media below it', async () => {
    const res = await http().get(
      `/api/transaction-projects/${project.documentId}?populate[notices][fields][0]=title&populate[notices][populate][project][fields][0]=name&populate[notices][populate][attachments]=true`,
    );
    expect(res.status).toBe(200);
    expect(res.body.data.notices).toHaveLength(2);
    expect(res.body.data.notices[0].project.name).toBe(project.name);
  });

  test('populate=* at the top level: every attribute of the type, one level', async () => {
    const res = await http().get(`/API/transaction-projects/${project.documentId}?populate=*`);
    expect(res.status).toBe(200);
    expect(res.body.data.notices).toHaveLength(2);
    expect(res.body.data.notices[0].project).toBeUndefined();
  });

  test.each([
    '/api/transaction-projects?populate[notices][populate]=*',
    '/api/organizations?populate[parent][populate]=*',
    '/api/policy-documents?populate[organization][populate]=*&populate[localizations][populate]=*',
  ])('a wildcard within the limits: %s', async (url) => {
    const res = await http().get(url);
    expect([res.status, res.body.error?.message]).toEqual([200, undefined]);
  });

  test('page size stays capped at API_MAX_LIMIT', async () => {
    const res = await http().get(
      '/api/transaction-notices?pagination[pageSize]=100000&populate[project][fields][0]=name',
    );
    expect(res.status).toBe(200);
    expect(res.body.meta.pagination.pageSize).toBe(100);
  });
});

/** Every request the public site makes (public/site/*.js), built with the site's own serialiser. */
describe("the public site's own queries keep working", () => {
  const siteQueries = (): [string, string, Record<string, unknown>][] => [
    [
      'home.js latest notices',
      'transaction-notices',
      {
        fields: ['title', 'noticeType', 'releasedAt'],
        populate: { project: { fields: ['name', 'category'] } },
        sort: ['releasedAt:desc'],
        pagination: { page: 1, pageSize: 6, withCount: false },
      },
    ],
    [
      'home.js latest documents',
      'policy-documents',
      {
        fields: ['title', 'documentNumber', 'kind', 'issuedOn', 'effectiveOn', 'repealedOn'],
        sort: ['issuedOn:desc', 'id:desc'],
        pagination: { page: 1, pageSize: 6, withCount: false },
        locale: 'zh-Hans',
      },
    ],
    [
      'notices.js list',
      'transaction-notices',
      {
        fields: ['title', 'noticeType', 'releasedAt', 'publicityStart', 'publicityEnd'],
        populate: { project: { fields: ['name', 'category', 'projectCode'] } },
        filters: { project: { category: { $eq: 'construction' } } },
        sort: ['releasedAt:desc', 'id:desc'],
        pagination: { page: 1, pageSize: 20 },
      },
    ],
    [
      'notice.js detail',
      `transaction-notices/${notice.documentId}`,
      {
        fields: ['title', 'noticeType', 'releasedAt', 'publicityStart', 'publicityEnd', 'body'],
        populate: {
          project: { fields: ['name', 'projectCode', 'category'] },
          attachments: { fields: ['name', 'url', 'ext', 'size', 'mime'] },
        },
      },
    ],
    [
      'project.js detail',
      `transaction-projects/${project.documentId}`,
      {
        fields: [
          'name',
          'category',
          'dealCode',
          'projectCode',
          'sectionCode',
          'registeredOn',
          'principal',
          'agency',
          'method',
          'region',
          'winner',
          'contractSignedOn',
          'hasComplaint',
        ],
        populate: {
          budget: { fields: ['amount', 'unit'] },
          keyTimes: { fields: ['documentsFrom', 'documentsUntil', 'bidDeadline', 'bidOpeningAt', 'bidOpeningPlace'] },
          candidates: { fields: ['rank', 'name', 'bidAmount', 'bidUnit'] },
          winningAmount: { fields: ['amount', 'unit'] },
        },
      },
    ],
    [
      'documents.js list',
      'policy-documents',
      {
        fields: ['title', 'documentNumber', 'kind', 'issuingBody', 'issuedOn', 'effectiveOn', 'repealedOn', 'summary'],
        filters: { $and: [{ kind: { $eq: 'normative' } }] },
        sort: ['issuedOn:desc', 'id:desc'],
        pagination: { page: 1, pageSize: 20 },
        locale: 'zh-Hans',
      },
    ],
    [
      'document.js detail',
      `policy-documents/${document.documentId}`,
      {
        fields: [
          'title',
          'documentNumber',
          'kind',
          'issuingBody',
          'issuedOn',
          'effectiveOn',
          'repealedOn',
          'summary',
          'body',
        ],
        populate: {
          attachments: { fields: ['name', 'url', 'ext', 'size', 'mime'] },
          organization: { fields: ['name'] },
        },
      },
    ],
    [
      'ca.js list',
      'ca-providers',
      {
        fields: ['name', 'shortName', 'introduction', 'website', 'hotline', 'provinceWide', 'displayOrder'],
        populate: {
          fees: { fields: ['item', 'price', 'unit', 'note'] },
          addresses: { fields: ['name', 'address', 'phone', 'hours'] },
          steps: { fields: ['order', 'title', 'description', 'materials'] },
        },
        sort: ['displayOrder:asc', 'name:asc'],
        pagination: { page: 1, pageSize: 50 },
        locale: 'zh-Hans',
      },
    ],
    [
      'apply.js / reports.js organizations',
      'organizations',
      {
        fields: ['name', 'shortName'],
        sort: ['displayOrder:asc', 'name:asc'],
        pagination: { page: 1, pageSize: 100 },
        locale: 'zh-Hans',
      },
    ],
    ['reports.js list', 'disclosure/reports', { locale: 'zh-Hans', page: 1, pageSize: 20 }],
  ];

  test('each answers 200 with data', async () => {
    for (const [name, path, params] of siteQueries()) {
      const res = await http().get(`/api/${path}?${toQuery(params)}`);
      expect([name, res.status, res.body.error?.message]).toEqual([name, 200, undefined]);
      expect(res.body.data).toBeDefined();
    }
  });

  test('the README examples', async () => {
    for (const url of [
      '/api/policy-documents?locale=zh-Hans&fields[0]=title&fields[1]=documentNumber&fields[2]=issuedOn&filters[kind][$eq]=normative&sort=issuedOn:desc&pagination[pageSize]=20',
      '/api/transaction-notices?filters[project][category][$eq]=procurement&populate[project][fields][0]=name&sort=releasedAt:desc',
      `/api/transaction-projects/${project.documentId}?populate[notices][fields][0]=title`,
      '/api/ca-providers?populate[fees]=true&populate[addresses]=true&populate[steps]=true&sort=displayOrder',
    ]) {
      const res = await http().get(url);
      expect([url, res.status]).toEqual([url, 200]);
    }
  });
});
