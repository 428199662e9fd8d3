/**
 * The admin as Chinese editors meet it: new admin users start in zh-Hans (every creation path), the Content Manager's
 * views carry the declared Chinese labels, list columns and order, and a view an admin changed by hand survives a
 * restart while the untouched parts still follow the declaration.
 */
import type { Core } from '@strapi/strapi';
import { createApplication, createOrganization, createPolicyDocument } from '../helpers/records';
import { createProject } from '../helpers/content';
import { setupStrapi, teardownStrapi, restartStrapi, http, adminToken } from '../helpers/strapi';

let strapi: Core.Strapi;
let token: string;
const POLICY = 'api::policy-document.policy-document';
const configurationOf = async (uid: string) => {
  const res = await http()
    .get(`/content-manager/content-types/${uid}/configuration`)
    .set('Authorization', `Bearer ${token}`);
  expect(res.status).toBe(200);
  return res.body.data.contentType;
};

beforeAll(async () => {
  strapi = await setupStrapi();
  token = (await adminToken('strapi-super-admin')).token;
});
afterAll(teardownStrapi);

describe('admin language', () => {
  it('gives every new admin user zh-Hans (service create, as invitations and scripts do), unless one is chosen', async () => {
    const users = strapi.service('admin::user');
    const invited = await users.create({ email: 'invited@example.test', firstname: '编辑', lastname: '张', roles: [] });
    expect(invited.preferedLanguage).toBe('zh-Hans');
    const english = await users.create({
      email: 'en@example.test',
      firstname: 'E',
      lastname: 'N',
      roles: [],
      preferedLanguage: 'en',
    });
    expect(english.preferedLanguage).toBe('en');
  });

  it('invites through Settings › Users (POST /admin/users) in zh-Hans', async () => {
    const editor = await strapi.service('admin::role').findOne({ code: 'content-editor' });
    const res = await http()
      .post('/admin/users')
      .set('Authorization', `Bearer ${token}`)
      .send({ email: 'editor-invite@example.test', firstname: '李', lastname: '编辑', roles: [editor.id] });
    expect(res.status).toBe(201);
    const stored = await strapi.db.query('admin::user').findOne({ where: { email: 'editor-invite@example.test' } });
    expect(stored.preferedLanguage).toBe('zh-Hans');
  });
});

describe('Content Manager views', () => {
  it('labels the policy document fields in Chinese, with the expected form of 文号, and lists newest first', async () => {
    const config = await configurationOf(POLICY);
    expect(config.metadatas.documentNumber.edit.label).toBe('文号');
    expect(config.metadatas.documentNumber.edit.description).toContain('驻政〔2021〕12号');
    expect(config.metadatas.documentNumber.list.label).toBe('文号');
    expect(config.metadatas.issuedOn.list.label).toBe('成文日期');
    expect(config.layouts.list).toEqual(['title', 'documentNumber', 'kind', 'issuedOn']);
    expect(config.settings).toMatchObject({
      defaultSortBy: 'issuedOn',
      defaultSortOrder: 'DESC',
      pageSize: 20,
      mainField: 'title',
    });
  });

  it("shows the report's computed fields read-only and keeps the publication record out of the edit form", async () => {
    const config = await configurationOf('api::annual-report.annual-report');
    expect(config.metadatas.tables.edit).toMatchObject({ label: '统计表（计算结果）', editable: false });
    expect(config.metadatas.acknowledgement.edit).toMatchObject({ editable: false });
    expect(config.metadatas.publication.edit).toMatchObject({ visible: false });
    expect(config.metadatas.publicJson.edit).toMatchObject({ visible: false });
    expect(config.metadatas.overview.edit).toMatchObject({ label: '一、总体情况', editable: true, visible: true });
  });

  it('labels component fields too (the money component of a project budget)', async () => {
    const res = await http()
      .get('/content-manager/content-types/api::transaction-project.transaction-project/configuration')
      .set('Authorization', `Bearer ${token}`);
    expect(res.body.data.components['shared.money'].metadatas.amount.edit.label).toBe('金额');
  });

  it('keeps what an admin configured by hand across restarts, and re-applies the rest', async () => {
    const config = await configurationOf(POLICY);
    // What the admin's "Configure the view" sends: the GET's list metadatas without the relations' mainField.
    const metadatas = Object.fromEntries(
      Object.entries<any>(config.metadatas).map(
        ([
          name,
          {
            edit,
            list: { mainField: _, ...list },
          },
        ]) => [name, { edit, list }],
      ),
    );
    metadatas.title.edit = { ...metadatas.title.edit, label: '文件名称' };
    const put = await http()
      .put(`/content-manager/content-types/${POLICY}/configuration`)
      .set('Authorization', `Bearer ${token}`)
      .send({ settings: { ...config.settings, pageSize: 50 }, metadatas, layouts: config.layouts });
    expect(put.status).toBe(200);
    strapi = await restartStrapi();
    token = (await adminToken('strapi-super-admin')).token;
    const after = await configurationOf(POLICY);
    expect(after.metadatas.title.edit.label).toBe('文件名称');
    expect(after.settings.pageSize).toBe(50);
    expect(after.metadatas.documentNumber.edit.label).toBe('文号');
  });
});

describe('preview', () => {
  it("opens the public site's page of a published document, and a draft's page with a preview token", async () => {
    const published = await createPolicyDocument(strapi, { title: '预览的文件' });
    const url = (status: string, locale = 'zh-Hans') =>
      http()
        .get(`/content-manager/preview/url/${POLICY}`)
        .query({ documentId: published.documentId, locale, status })
        .set('Authorization', `Bearer ${token}`);
    const res = await url('published');
    expect(res.status).toBe(200);
    expect(res.body.data.url).toBe(`/site/document.html?id=${published.documentId}`);
    expect((await url('published', 'en')).body.data.url).toBe(
      `/site/document.html?id=${published.documentId}&locale=en`,
    );
    const draft = await url('draft');
    expect(draft.status).toBe(200);
    expect(draft.body.data.url).toMatch(
      new RegExp(`^/site/document\\.html\\?id=${published.documentId}&preview=[\\w-]+\\.[\\w-]+$`),
    );
  });
});

describe('validation messages: Chinese first, naming the field and the expected form, then English', () => {
  const CM = '/content-manager/collection-types';
  const errorsOf = (res: { body: any }) => res.body.error.details.errors as Array<{ path: string[]; message: string }>;

  it('an invalid 文号 (Content Manager save)', async () => {
    const res = await http()
      .post(`${CM}/${POLICY}`)
      .set('Authorization', `Bearer ${token}`)
      .send({ title: '文号错误的文件', kind: 'normative', documentNumber: '驻政2021-12' });
    expect(res.status).toBe(400);
    const [problem] = errorsOf(res);
    expect(problem.path).toEqual(['documentNumber']);
    expect(problem.message).toMatch(/^文号格式不正确（“驻政2021-12”），应为：如 驻政〔2021〕12号/);
    expect(problem.message).toMatch(/\(documentNumber has an invalid format \("驻政2021-12"\)\)$/);
  });

  it('an enumeration value out of the list names the choices by their Chinese labels', async () => {
    const res = await http()
      .post(`${CM}/${POLICY}`)
      .set('Authorization', `Bearer ${token}`)
      .send({ title: '类别错误', kind: 'law' });
    expect(res.status).toBe(400);
    const [problem] = errorsOf(res);
    expect(problem.path).toEqual(['kind']);
    expect(problem.message).toBe(
      '文件类别只能是：规章、行政规范性文件、其他 (kind must be one of regulation, normative, other)',
    );
  });

  it('a notice type of another category lists the allowed types in Chinese', async () => {
    const project = await createProject(strapi, { category: 'landUse' });
    const res = await http()
      .post(`${CM}/api::transaction-notice.transaction-notice`)
      .set('Authorization', `Bearer ${token}`)
      .send({
        title: '类型不符的公告',
        noticeType: 'tenderNotice',
        project: { connect: [{ documentId: project.documentId }], disconnect: [] },
      });
    expect(res.status).toBe(400);
    const [problem] = errorsOf(res);
    expect(problem.path).toEqual(['noticeType']);
    expect(problem.message).toMatch(
      /^公告类型“招标公告”不属于项目的交易类别“土地使用权”，可选：出让公告、成交公示 \(noticeType "tenderNotice"/,
    );
  });

  it('a resident ID with a wrong check digit, and dates out of order, name the field in Chinese', async () => {
    const org = await createOrganization(strapi);
    await expect(
      createApplication(strapi, org.documentId, { idType: 'residentId', idNumber: '11010519491231002Y' }),
    ).rejects.toMatchObject({
      details: {
        errors: [
          {
            path: ['idNumber'],
            message: expect.stringMatching(
              /^居民身份证号码无效：应为 18 位.*\(idNumber is not a valid resident ID number/,
            ),
          },
        ],
      },
    });
    await expect(
      createPolicyDocument(strapi, { issuedOn: '2021-05-01', effectiveOn: '2021-04-01' }),
    ).rejects.toMatchObject({
      details: {
        errors: [
          {
            path: ['effectiveOn'],
            message:
              '施行日期（2021-04-01）不能早于成文日期（2021-05-01） (effectiveOn (2021-04-01) must not be before issuedOn (2021-05-01))',
          },
        ],
      },
    });
  });
});
