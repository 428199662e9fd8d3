/**
 * The content API as the public site meets it: the public role (no token) and the site's read-only token read
 * published public content only; drafts, private types and writes are refused whatever the query says.
 */
import type { Core } from '@strapi/strapi';
import { setupStrapi, teardownStrapi, http } from '../helpers/strapi';
import { createApplication, createOrganization, createPolicyDocument } from '../helpers/records';
import { createCaProvider, createNotice, createProject, createReport, countEverything } from '../helpers/content';

let strapi: Core.Strapi;

type Doc = { documentId: string };
const docs: Record<string, { published: Doc; draft: Doc }> = {};
const privates: Record<string, Doc> = {};
let organization: Doc;
let changed: Doc;
let draftNotice: Doc;
let enDraftOfPublished: Doc;
let siteKey: string;

const PUBLIC_TYPES = [
  {
    name: 'policy documents',
    path: 'policy-documents',
    uid: 'api::policy-document.policy-document',
    body: { title: '公众写入', kind: 'normative', issuingBody: 'x', issuedOn: '2021-01-01' },
  },
  {
    name: 'transaction projects',
    path: 'transaction-projects',
    uid: 'api::transaction-project.transaction-project',
    body: { name: '公众写入' },
  },
  {
    name: 'transaction notices',
    path: 'transaction-notices',
    uid: 'api::transaction-notice.transaction-notice',
    body: { title: '公众写入' },
  },
  { name: 'CA providers', path: 'ca-providers', uid: 'api::ca-provider.ca-provider', body: { name: '公众写入' } },
  { name: 'annual reports', path: 'annual-reports', uid: 'api::annual-report.annual-report', body: { year: 2020 } },
] as const;

const PRIVATE_TYPES = [
  {
    name: 'disclosure applications',
    path: 'disclosure-applications',
    body: {
      trackingNumber: 'PUBLIC-0001',
      applicantName: '公众',
      receivedOn: '2024-01-02',
      applicantType: 'naturalPerson',
      requestedInformation: 'x',
    },
  },
  { name: 'review cases', path: 'review-cases', body: { kind: 'review', filedOn: '2024-01-02' } },
  {
    name: 'administrative decisions',
    path: 'administrative-decisions',
    body: { kind: 'license', decisionNumber: 'PUBLIC-1', decidedOn: '2024-01-02' },
  },
  { name: 'fees', path: 'fees', body: { item: '公众', collectedOn: '2024-01-02', amount: 1 } },
] as const;

const ids = (res: any): string[] => (res.body?.data ?? []).map((d: any) => d.documentId);

beforeAll(async () => {
  strapi = await setupStrapi();
  organization = await createOrganization(strapi, { name: '驻马店市公共资源交易中心' });
  const org = organization.documentId;

  docs['policy-documents'] = {
    published: await createPolicyDocument(strapi, { title: '已发布的管理办法', organization: org }),
    draft: await createPolicyDocument(strapi, { title: '从未发布的草稿文件', organization: org }, false),
  };
  changed = await createPolicyDocument(strapi, { title: '已发布的原标题' });
  await strapi.documents('api::policy-document.policy-document').update({
    documentId: changed.documentId,
    data: { title: '尚未发布的新标题DRAFTCHANGE' },
  } as any);
  // An en version that exists only as a draft, beside a published zh-Hans version.
  await strapi.documents('api::policy-document.policy-document').update({
    documentId: docs['policy-documents'].published.documentId,
    locale: 'en',
    data: { title: 'Unpublished English draft ENDRAFT', issuingBody: 'Test body' },
  } as any);
  enDraftOfPublished = docs['policy-documents'].published;

  const project = await createProject(strapi, { name: '已发布的项目', organization: org });
  docs['transaction-projects'] = {
    published: project,
    draft: await createProject(strapi, { name: '草稿项目' }, false),
  };
  draftNotice = await createNotice(strapi, project.documentId, { title: '草稿公告DRAFTNOTICE' }, false);
  docs['transaction-notices'] = {
    published: await createNotice(strapi, project.documentId, { title: '已发布的招标公告' }),
    draft: draftNotice,
  };
  docs['ca-providers'] = {
    published: await createCaProvider(strapi, { name: '已发布CA' }),
    draft: await createCaProvider(strapi, { name: '草稿CA' }, false),
  };
  docs['annual-reports'] = {
    published: await createReport(strapi, org, { year: 2023 }),
    draft: await createReport(strapi, org, { year: 2022 }, false),
  };

  const application = await createApplication(strapi, org);
  privates['disclosure-applications'] = application;
  privates['review-cases'] = await strapi.documents('api::review-case.review-case').create({
    data: { kind: 'review', filedOn: '2024-04-01', application: application.documentId, organization: org },
  } as any);
  privates['administrative-decisions'] = await strapi
    .documents('api::administrative-decision.administrative-decision')
    .create({
      data: { kind: 'license', decisionNumber: '驻公资许〔2024〕1号', decidedOn: '2024-04-01', organization: org },
    } as any);
  privates['fees'] = await strapi.documents('api::fee.fee').create({
    data: { item: '信息处理费', collectedOn: '2024-04-01', amount: '10.50', organization: org },
  } as any);

  const tokens = strapi.service('admin::api-token-content-api');
  const site = await tokens.getByName('Public site (read-only)');
  siteKey = (await tokens.regenerate(site.id)).accessKey;
});
afterAll(teardownStrapi);

describe('Given the public role (no token)', () => {
  test.each(PUBLIC_TYPES)(
    'When it lists $name, Then the published document is listed and the never-published one is not',
    async ({ path }) => {
      const res = await http().get(`/api/${path}`);
      expect(res.status).toBe(200);
      expect(ids(res)).toContain(docs[path].published.documentId);
      expect(ids(res)).not.toContain(docs[path].draft.documentId);
      for (const item of res.body.data) expect(item.publishedAt).toBeTruthy();
    },
  );

  test.each(PUBLIC_TYPES)('When it lists $name with status=draft, Then drafts stay invisible', async ({ path }) => {
    const res = await http().get(`/api/${path}?status=draft`);
    expect(res.status).toBe(200);
    expect(ids(res)).not.toContain(docs[path].draft.documentId);
    expect(ids(res)).toContain(docs[path].published.documentId);
    for (const item of res.body.data) expect(item.publishedAt).toBeTruthy();
  });

  test.each(PUBLIC_TYPES)(
    'When it reads a never-published $name by documentId, with or without status=draft, Then 404',
    async ({ path }) => {
      const id = docs[path].draft.documentId;
      for (const query of ['', '?status=draft', '?status=published', '?status=draft&locale=zh-Hans']) {
        const res = await http().get(`/api/${path}/${id}${query}`);
        expect([query, res.status]).toEqual([query, 404]);
      }
    },
  );

  test.each(PUBLIC_TYPES)(
    'When it reads a published $name by documentId, Then 200 with publishedAt',
    async ({ path }) => {
      const res = await http().get(`/api/${path}/${docs[path].published.documentId}`);
      expect(res.status).toBe(200);
      expect(res.body.data.documentId).toBe(docs[path].published.documentId);
      expect(res.body.data.publishedAt).toBeTruthy();
    },
  );

  test('When it lists and reads organizations, Then they are visible', async () => {
    const list = await http().get('/api/organizations');
    expect(list.status).toBe(200);
    expect(ids(list)).toContain(organization.documentId);
    const one = await http().get(`/api/organizations/${organization.documentId}`);
    expect(one.status).toBe(200);
    expect(one.body.data.name).toBe('驻马店市公共资源交易中心');
  });

  test('When a published document has unpublished changes, Then the public sees the published version only, even with status=draft', async () => {
    for (const url of [
      `/api/policy-documents/${changed.documentId}`,
      `/api/policy-documents/${changed.documentId}?status=draft`,
    ]) {
      const res = await http().get(url);
      expect(res.status).toBe(200);
      expect(res.body.data.title).toBe('已发布的原标题');
      expect(res.text).not.toContain('DRAFTCHANGE');
    }
    const list = await http().get('/api/policy-documents?status=draft&filters[title][$contains]=DRAFTCHANGE');
    expect(list.status).toBe(200);
    expect(list.body.data).toEqual([]);
  });

  test('When it filters on publishedAt being null, Then no draft comes back', async () => {
    const res = await http().get('/api/policy-documents?status=draft&filters[publishedAt][$null]=true');
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([]);
  });

  test('When it populates the notices of a published project, Then draft notices are not among them', async () => {
    const project = docs['transaction-projects'].published.documentId;
    for (const query of [
      'populate=notices',
      'populate=*',
      'populate[notices][filters][publishedAt][$null]=true',
      'status=draft&populate=notices',
    ]) {
      const res = await http().get(`/api/transaction-projects/${project}?${query}`);
      expect([query, res.status]).toEqual([query, 200]);
      expect(res.text).not.toContain('DRAFTNOTICE');
      expect(res.text).not.toContain(draftNotice.documentId);
    }
  });

  test('When it asks for the en locale or the localizations of a document whose en version is a draft, Then the draft is not served', async () => {
    const id = enDraftOfPublished.documentId;
    const en = await http().get(`/api/policy-documents/${id}?locale=en`);
    expect(en.status).toBe(404);
    const enList = await http().get('/api/policy-documents?locale=en&status=draft');
    expect(enList.status).toBe(200);
    expect(enList.text).not.toContain('ENDRAFT');
    const localizations = await http().get(`/api/policy-documents/${id}?populate=localizations`);
    expect(localizations.status).toBe(200);
    expect(localizations.text).not.toContain('ENDRAFT');
    const all = await http().get('/api/policy-documents?locale=*&status=draft');
    expect(all.status).toBe(200);
    expect(all.text).not.toContain('ENDRAFT');
  });

  test.each([
    '/API/policy-documents',
    '/%61pi/policy-documents',
    '/api/policy%2Ddocuments',
    '/Api/policy-documents',
    '/api/Policy-Documents',
    '/api//policy-documents',
    '/api/policy-documents/',
  ])(
    'When it spells the path %s with status=draft, Then the never-published document is still invisible',
    async (path) => {
      const res = await http().get(`${path}?status=draft`);
      expect(res.text).not.toContain(docs['policy-documents'].draft.documentId);
      expect(res.text).not.toContain('从未发布的草稿文件');
      const one = await http().get(
        `${path.replace(/\/$/, '')}/${docs['policy-documents'].draft.documentId}?status=draft`,
      );
      expect(one.text).not.toContain('从未发布的草稿文件');
      expect(one.status).not.toBe(200);
    },
  );

  describe.each(PRIVATE_TYPES)('When it calls the private type $name', ({ path, body }) => {
    test('Then find, findOne, create, update and delete all answer 403 and nothing changes', async () => {
      const before = await countEverything(strapi);
      const id = privates[path].documentId;
      const calls = [
        ['find', http().get(`/api/${path}`)],
        ['find?status=draft', http().get(`/api/${path}?status=draft`)],
        ['findOne', http().get(`/api/${path}/${id}`)],
        ['create', http().post(`/api/${path}`).send({ data: body })],
        ['update', http().put(`/api/${path}/${id}`).send({ data: body })],
        ['delete', http().delete(`/api/${path}/${id}`)],
      ] as const;
      for (const [name, call] of calls) {
        const res = await call;
        expect([name, res.status]).toEqual([name, 403]);
        expect(res.body.data).toBeNull();
      }
      expect(await countEverything(strapi)).toEqual(before);
    });
  });

  describe.each(PUBLIC_TYPES)('When it writes to the public type $name', ({ path, uid, body }) => {
    test('Then POST, PUT and DELETE answer 403 and nothing changes', async () => {
      const before = await countEverything(strapi);
      const id = docs[path].published.documentId;
      const stored = await strapi.documents(uid as any).findOne({ documentId: id, status: 'published' } as any);
      for (const [name, call] of [
        ['POST', http().post(`/api/${path}`).send({ data: body })],
        ['PUT', http().put(`/api/${path}/${id}`).send({ data: body })],
        ['DELETE', http().delete(`/api/${path}/${id}`)],
        ['POST publish', http().post(`/api/${path}/${docs[path].draft.documentId}/actions/publish`)],
      ] as const) {
        const res = await call;
        // The content API has no publish route: 405 (the path exists, the method does not), never a publication.
        expect([name, res.status]).toEqual([name, name === 'POST publish' ? 405 : 403]);
      }
      expect(await countEverything(strapi)).toEqual(before);
      expect(await strapi.documents(uid as any).findOne({ documentId: id, status: 'published' } as any)).toEqual(
        stored,
      );
    });
  });

  test('When it writes to organizations, Then 403 and nothing changes', async () => {
    const before = await countEverything(strapi);
    expect(
      (
        await http()
          .post('/api/organizations')
          .send({ data: { name: 'x', creditCode: 'x' } })
      ).status,
    ).toBe(403);
    expect(
      (
        await http()
          .put(`/api/organizations/${organization.documentId}`)
          .send({ data: { name: 'x' } })
      ).status,
    ).toBe(403);
    expect((await http().delete(`/api/organizations/${organization.documentId}`)).status).toBe(403);
    expect(await countEverything(strapi)).toEqual(before);
  });
});

describe('Given the site token "Public site (read-only)"', () => {
  const asSite = (req: any) => req.set('Authorization', `Bearer ${siteKey}`);

  test('When it is inspected, Then it is a custom, non-expiring token limited to find/findOne of the public types', async () => {
    const tokens = strapi.service('admin::api-token-content-api');
    const site = await tokens.getByName('Public site (read-only)');
    expect(site.type).toBe('custom');
    const actions: string[] = (site.permissions ?? []).map((p: any) => (typeof p === 'string' ? p : p.action));
    expect(actions.length).toBeGreaterThan(0);
    for (const action of actions) {
      expect(action).toMatch(
        /^api::[a-z-]+\.[a-z-]+\.(find|findOne)$|^plugin::i18n\.locales\.listLocales$|^plugin::disclosure\.public-report\.(find|index|findOne|html|csv|xlsx)$/,
      );
      expect(action).not.toMatch(/disclosure-application|review-case|administrative-decision|api::fee\./);
    }
  });

  test.each([...PUBLIC_TYPES.map((t) => t.path), 'organizations'])(
    'When it lists %s, Then 200 with published content only',
    async (path) => {
      const res = await asSite(http().get(`/api/${path}?status=draft`));
      expect(res.status).toBe(200);
      expect(res.body.data.length).toBeGreaterThan(0);
      if (docs[path]) {
        expect(ids(res)).toContain(docs[path].published.documentId);
        expect(ids(res)).not.toContain(docs[path].draft.documentId);
      }
    },
  );

  test.each(PUBLIC_TYPES)(
    'When it reads a never-published $name, Then 404 even with status=draft',
    async ({ path }) => {
      const res = await asSite(http().get(`/api/${path}/${docs[path].draft.documentId}?status=draft`));
      expect(res.status).toBe(404);
      const published = await asSite(http().get(`/api/${path}/${docs[path].published.documentId}`));
      expect(published.status).toBe(200);
    },
  );

  test('When it reads the unpublished changes of a published document, Then it gets the published version', async () => {
    const res = await asSite(http().get(`/api/policy-documents/${changed.documentId}?status=draft`));
    expect(res.status).toBe(200);
    expect(res.body.data.title).toBe('已发布的原标题');
  });

  test.each(PRIVATE_TYPES)(
    'When it calls the private type $name, Then every action answers 403',
    async ({ path, body }) => {
      const before = await countEverything(strapi);
      const id = privates[path].documentId;
      expect((await asSite(http().get(`/api/${path}`))).status).toBe(403);
      expect((await asSite(http().get(`/api/${path}/${id}`))).status).toBe(403);
      expect((await asSite(http().post(`/api/${path}`).send({ data: body }))).status).toBe(403);
      expect((await asSite(http().put(`/api/${path}/${id}`).send({ data: body }))).status).toBe(403);
      expect((await asSite(http().delete(`/api/${path}/${id}`))).status).toBe(403);
      expect(await countEverything(strapi)).toEqual(before);
    },
  );

  test.each(PUBLIC_TYPES)('When it writes to $name, Then POST, PUT and DELETE answer 403', async ({ path, body }) => {
    const before = await countEverything(strapi);
    const id = docs[path].published.documentId;
    expect((await asSite(http().post(`/api/${path}`).send({ data: body }))).status).toBe(403);
    expect((await asSite(http().put(`/api/${path}/${id}`).send({ data: body }))).status).toBe(403);
    expect((await asSite(http().delete(`/api/${path}/${id}`))).status).toBe(403);
    expect(await countEverything(strapi)).toEqual(before);
  });

  test('When it lists the locales the public may list, Then it may list them too', async () => {
    const res = await asSite(http().get('/api/i18n/locales'));
    expect(res.status).toBe(200);
    expect(res.body.map((l: any) => l.code).sort()).toEqual(['en', 'zh-Hans']);
  });

  test('When it calls users, roles or the media library, Then it is refused', async () => {
    for (const path of ['/api/users', '/api/users-permissions/roles', '/api/upload/files']) {
      const res = await asSite(http().get(path));
      expect([path, res.status]).toEqual([path, 403]);
    }
  });

  test('When it files an online application, Then it is refused: the read-only token writes nothing', async () => {
    const before = await countEverything(strapi);
    const res = await asSite(http().post('/api/disclosure/applications').send({ applicantName: 'x' }));
    expect(res.status).toBe(403);
    expect(await countEverything(strapi)).toEqual(before);
  });

  test('When a wrong key is sent, Then 401', async () => {
    const res = await http().get('/api/policy-documents').set('Authorization', `Bearer ${siteKey}x`);
    expect(res.status).toBe(401);
  });
});

describe("Given Strapi's default API tokens", () => {
  test('When bootstrap has run, Then "Full Access" and "Read Only" no longer exist and the site token is the only one', async () => {
    const tokens = strapi.service('admin::api-token-content-api');
    expect(await tokens.getByName('Full Access')).toBeFalsy();
    expect(await tokens.getByName('Read Only')).toBeFalsy();
    const all = await strapi.db.query('admin::api-token').findMany({ select: ['name', 'type'] });
    expect(all.map((t: any) => t.name)).toEqual(['Public site (read-only)']);
  });
});
