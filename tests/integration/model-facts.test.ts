/** Money exactness, slugs, locales and start-up idempotency on the real app and database. */
import { setupStrapi, teardownStrapi, http } from '../helpers/strapi';
import { createOrganization, createPolicyDocument } from '../helpers/records';

let strapi: any;
beforeAll(async () => {
  strapi = await setupStrapi();
});
afterAll(teardownStrapi);

test('a thousand fees of 0.10 and 0.20 sum exactly in the report (万元) and in SQL', async () => {
  const org = await createOrganization(strapi);
  const orgRow = await strapi.db.query('api::organization.organization').findOne({ where: { documentId: org.documentId } });
  // Inserted through the builder for speed; the report reads them like any fee.
  const knex = strapi.db.connection;
  const now = new Date();
  const rows = Array.from({ length: 1000 }, (_, i) => ({ document_id: `fee${i}`, item: '信息处理费', collected_on: '2024-06-01', amount: i % 2 ? 0.2 : 0.1, created_at: now, updated_at: now, published_at: now }));
  for (let i = 0; i < rows.length; i += 100) await knex('fees').insert(rows.slice(i, i + 100));
  const ids = await knex('fees').select('id').where('document_id', 'like', 'fee%');
  for (let i = 0; i < ids.length; i += 100) await knex('fees_organization_lnk').insert(ids.slice(i, i + 100).map((r: any) => ({ fee_id: r.id, organization_id: orgRow.id })));

  const report = await strapi.plugin('disclosure').service('report').compute(org.documentId, 2024);
  expect(report.tables.cells['proactive.fees.fee.amount']).toBe('0.015');
});

test('slugs: Chinese titles give pinyin, duplicates get a suffix, a given slug is kept, English stays English', async () => {
  const a = await createPolicyDocument(strapi, { title: '关于规范招标代理的通知' });
  const b = await createPolicyDocument(strapi, { title: '关于规范招标代理的通知' });
  const c = await createPolicyDocument(strapi, { title: '自定义', slug: 'my-own-slug' });
  const read = (id: string) => strapi.documents('api::policy-document.policy-document').findOne({ documentId: id, status: 'published' });
  expect((await read(a.documentId)).slug).toBe('guan-yu-gui-fan-zhao-biao-dai-li-de-tong-zhi');
  expect((await read(b.documentId)).slug).toBe('guan-yu-gui-fan-zhao-biao-dai-li-de-tong-zhi-2');
  expect((await read(c.documentId)).slug).toBe('my-own-slug');
  const en = await strapi.documents('api::policy-document.policy-document').update({ documentId: a.documentId, locale: 'en', data: { title: 'Notice on Tender Agencies', issuingBody: 'Center' } });
  expect(en.slug).toBe('notice-on-tender-agencies');
});

test('locales: zh-Hans is the default, en is served when it exists, and there is no silent fallback', async () => {
  const locales = await http().get('/api/i18n/locales');
  expect(locales.status).toBe(200);
  const codes = locales.body.map((l: any) => [l.code, l.isDefault]);
  expect(codes).toEqual(expect.arrayContaining([['zh-Hans', true], ['en', false]]));

  const zhOnly = await createPolicyDocument(strapi, { title: '只有中文的文件' });
  const both = await createPolicyDocument(strapi, { title: '中英文都有的文件' });
  await strapi.documents('api::policy-document.policy-document').update({ documentId: both.documentId, locale: 'en', data: { title: 'Bilingual document', issuingBody: 'Center' } });
  await strapi.documents('api::policy-document.policy-document').publish({ documentId: both.documentId, locale: 'en' });

  const zh = await http().get(`/api/policy-documents/${zhOnly.documentId}`);
  expect(zh.status).toBe(200);
  expect(zh.body.data.locale).toBe('zh-Hans');
  expect((await http().get(`/api/policy-documents/${zhOnly.documentId}?locale=en`)).status).toBe(404);
  const en = await http().get(`/api/policy-documents/${both.documentId}?locale=en`);
  expect(en.body.data.title).toBe('Bilingual document');
});

test('start-up set-up is idempotent: running it again creates no role, permission, token or locale', async () => {
  const count = async () => ({
    roles: await strapi.db.query('admin::role').count(),
    adminPermissions: await strapi.db.query('admin::permission').count(),
    publicPermissions: await strapi.db.query('plugin::users-permissions.permission').count(),
    tokens: await strapi.db.query('admin::api-token').count(),
    locales: await strapi.db.query('plugin::i18n.locale').count(),
  });
  const before = await count();
  const { setUp } = require('../../dist/src/bootstrap');
  await setUp(strapi);
  await setUp(strapi);
  expect(await count()).toEqual(before);
  // Strapi's super admin, editor and author, and the app's content editor, disclosure officer and auditor.
  expect(before.roles).toBe(6);
});
