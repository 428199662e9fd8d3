import { setupStrapi, teardownStrapi, http } from '../helpers/strapi';
import { createOrganization, createPolicyDocument } from '../helpers/records';

let strapi: any;
beforeAll(async () => {
  strapi = await setupStrapi();
});
afterAll(teardownStrapi);

test('published documents are public, drafts are not', async () => {
  await createOrganization(strapi);
  const pub = await createPolicyDocument(strapi, { title: '关于公共资源交易的管理办法' });
  const draft = await createPolicyDocument(strapi, { title: '草稿文件' }, false);
  const res = await http().get('/api/policy-documents');
  expect(res.status).toBe(200);
  const ids = res.body.data.map((d: any) => d.documentId);
  expect(ids).toContain(pub.documentId);
  expect(ids).not.toContain(draft.documentId);
  expect(res.body.data.find((d: any) => d.documentId === pub.documentId).slug).toBe('guan-yu-gong-gong-zi-yuan-jiao-yi-de-guan-li-ban-fa');
  const drafts = await http().get('/api/policy-documents?status=draft');
  expect(drafts.status).toBe(200);
  expect(drafts.body.data.map((d: any) => d.documentId)).not.toContain(draft.documentId);
  const apps = await http().get('/api/disclosure-applications');
  expect(apps.status).toBe(403);
});
