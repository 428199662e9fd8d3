/**
 * The admin as Chinese editors meet it: new admin users start in zh-Hans (every creation path), the Content Manager's
 * views carry the declared Chinese labels, list columns and order, and a view an admin changed by hand survives a
 * restart while the untouched parts still follow the declaration.
 */
import type { Core } from '@strapi/strapi';
import { createPolicyDocument } from '../helpers/records';
import { setupStrapi, teardownStrapi, restartStrapi, http, adminToken } from '../helpers/strapi';

let strapi: Core.Strapi;
let token: string;
const POLICY = 'api::policy-document.policy-document';
const configurationOf = async (uid: string) => {
  const res = await http().get(`/content-manager/content-types/${uid}/configuration`).set('Authorization', `Bearer ${token}`);
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
    const english = await users.create({ email: 'en@example.test', firstname: 'E', lastname: 'N', roles: [], preferedLanguage: 'en' });
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
    expect(config.settings).toMatchObject({ defaultSortBy: 'issuedOn', defaultSortOrder: 'DESC', pageSize: 20, mainField: 'title' });
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
      Object.entries<any>(config.metadatas).map(([name, { edit, list: { mainField: _, ...list } }]) => [name, { edit, list }]),
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
  it("opens the public site's page of a published document, and offers no preview of a draft", async () => {
    const published = await createPolicyDocument(strapi, { title: '预览的文件' });
    const url = (status: string, locale = 'zh-Hans') =>
      http()
        .get(`/content-manager/preview/url/${POLICY}`)
        .query({ documentId: published.documentId, locale, status })
        .set('Authorization', `Bearer ${token}`);
    const res = await url('published');
    expect(res.status).toBe(200);
    expect(res.body.data.url).toBe(`/site/document.html?id=${published.documentId}`);
    expect((await url('published', 'en')).body.data.url).toBe(`/site/document.html?id=${published.documentId}&locale=en`);
    const draft = await url('draft');
    expect(draft.status).toBe(204);
  });
});
