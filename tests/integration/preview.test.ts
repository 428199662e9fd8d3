/**
 * Draft preview (README "Preview"): the Content Manager's preview of a draft opens the site's page with a short-lived
 * signed token; /preview/api/… answers that draft only with a valid token for exactly that document and locale, never
 * anonymously, never from or into the shared cache, and the public API keeps serving published content only.
 */
import type { Core } from '@strapi/strapi';
import { createPolicyDocument } from '../helpers/records';
import { createNotice, createProject } from '../helpers/content';
import { setupStrapi, teardownStrapi, http, adminToken } from '../helpers/strapi';
import { previewKey, signPreview, PREVIEW_TTL_SECONDS } from '../../src/preview/token';

let strapi: Core.Strapi;
let editor: string;
const POLICY = 'api::policy-document.policy-document';
const DRAFT_BODY = '第一条 草稿正文。\n\n| 中标金额（万元） | 费率 |\n| --- | ---: |\n| 100以下 | 0.10% |';

beforeAll(async () => {
  strapi = await setupStrapi();
  editor = (await adminToken('content-editor')).token;
});
afterAll(teardownStrapi);

/** The preview URL the Content Manager gets for a document, as the admin with `token`. */
async function previewUrlOf(token: string, uid: string, documentId: string, status = 'draft', locale = 'zh-Hans') {
  return http()
    .get(`/content-manager/preview/url/${uid}`)
    .query({ documentId, locale, status })
    .set('Authorization', `Bearer ${token}`);
}
const tokenOf = (url: string) => new URL(url, 'http://site').searchParams.get('preview')!;
const fields = { fields: ['title', 'body', 'documentNumber'], locale: 'zh-Hans' };
const readPreview = (documentId: string, token?: string, query: Record<string, string> = fields as any) => {
  const req = http().get(`/preview/api/policy-documents/${documentId}`).query(query);
  return token === undefined ? req : req.set('X-Preview-Token', token);
};

describe('a never-published draft', () => {
  let documentId: string;
  let token: string;

  beforeAll(async () => {
    documentId = (await createPolicyDocument(strapi, { title: '尚未发布的收费标准', body: DRAFT_BODY }, false))
      .documentId;
    const res = await previewUrlOf(editor, POLICY, documentId);
    expect(res.status).toBe(200);
    expect(res.body.data.url).toMatch(new RegExp(`^/site/document\\.html\\?id=${documentId}&preview=`));
    token = tokenOf(res.body.data.url);
  });

  it('is refused without a token, with a malformed or forged token (401, nothing read)', async () => {
    for (const bad of [undefined, '', 'x', `${token}x`, `${token.split('.')[0]}.${'A'.repeat(43)}`]) {
      const res = await readPreview(documentId, bad);
      expect(res.status).toBe(401);
      expect(res.body.data).toBeNull();
      expect(res.body.error.message).toContain('预览链接无效或已过期');
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it('is shown with the token: the draft, through the content API (fields honoured), never cached or indexed', async () => {
    const res = await readPreview(documentId, token);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ documentId, title: '尚未发布的收费标准', body: DRAFT_BODY });
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-robots-tag']).toBe('noindex, nofollow');
    expect(res.headers['x-cache']).toBeUndefined();
    // The same path in any letter case: the router matches case-insensitively, so does the check.
    expect(
      (await http().get(`/PREVIEW/API/policy-documents/${documentId}`).query(fields).set('X-Preview-Token', token))
        .status,
    ).toBe(200);
  });

  it('stays out of the public API, before and after a preview (no draft in the shared cache)', async () => {
    for (let i = 0; i < 2; i += 1) {
      expect((await http().get(`/api/policy-documents/${documentId}`).query(fields)).status).toBe(404);
      expect(
        (
          await http()
            .get(`/api/policy-documents/${documentId}`)
            .query({ ...fields, status: 'draft' })
        ).status,
      ).toBe(404);
      expect((await readPreview(documentId, token)).status).toBe(200);
    }
  });

  it('opens only that document, in that locale, read-only', async () => {
    const other = await createPolicyDocument(strapi, { title: '另一份草稿' }, false);
    expect((await readPreview(other.documentId, token)).status).toBe(401);
    expect((await readPreview(documentId, token, { ...(fields as any), locale: 'en' })).status).toBe(401);
    expect(
      (await http().get(`/preview/api/transaction-notices/${documentId}`).set('X-Preview-Token', token)).status,
    ).toBe(401);
    expect((await http().get(`/preview/api/policy-documents`).set('X-Preview-Token', token)).status).toBe(401);
    expect(
      (await http().get(`/preview/api/policy-documents/${documentId}/x`).set('X-Preview-Token', token)).status,
    ).toBe(401);
    const write = await http()
      .put(`/preview/api/policy-documents/${documentId}`)
      .set('X-Preview-Token', token)
      .send({ data: { title: 'x' } });
    expect(write.status).toBe(405);
    expect((await strapi.documents(POLICY).findOne({ documentId }))?.title).toBe('尚未发布的收费标准');
  });

  it('is refused once the token has expired', async () => {
    const key = previewKey(strapi.config.get<string>('admin.auth.secret'));
    const grant = { uid: POLICY, documentId, locale: 'zh-Hans' };
    const expired = signPreview(key, grant, Date.now() - (PREVIEW_TTL_SECONDS + 1) * 1000);
    expect((await readPreview(documentId, expired)).status).toBe(401);
    const almost = signPreview(key, grant, Date.now() - (PREVIEW_TTL_SECONDS - 60) * 1000);
    expect((await readPreview(documentId, almost)).status).toBe(200);
    // A token signed with another key (another installation, a guessed secret) opens nothing.
    expect((await readPreview(documentId, signPreview(previewKey('another secret'), grant, Date.now()))).status).toBe(
      401,
    );
  });
});

describe('a published document with a newer draft', () => {
  it('shows the draft in the preview and the published text on the site', async () => {
    const doc = await createPolicyDocument(strapi, { title: '已发布的标题' });
    await strapi.documents(POLICY).update({ documentId: doc.documentId, data: { title: '修改中的标题' } } as any);
    const token = tokenOf((await previewUrlOf(editor, POLICY, doc.documentId)).body.data.url);
    expect((await readPreview(doc.documentId, token)).body.data.title).toBe('修改中的标题');
    expect((await http().get(`/api/policy-documents/${doc.documentId}`).query(fields)).body.data.title).toBe(
      '已发布的标题',
    );
    expect((await previewUrlOf(editor, POLICY, doc.documentId, 'published')).body.data.url).toBe(
      `/site/document.html?id=${doc.documentId}`,
    );
  });
});

describe('who gets a preview token', () => {
  it('an admin who may not read the type gets none (204); a notice draft previews with its project', async () => {
    const project = await createProject(strapi, {}, true);
    const notice = await createNotice(strapi, project.documentId, { title: '招标公告草稿' }, false);
    const officer = (await adminToken('disclosure-officer')).token;
    expect((await previewUrlOf(officer, 'api::transaction-notice.transaction-notice', notice.documentId)).status).toBe(
      204,
    );
    const res = await previewUrlOf(editor, 'api::transaction-notice.transaction-notice', notice.documentId);
    expect(res.body.data.url).toMatch(new RegExp(`^/site/notice\\.html\\?id=${notice.documentId}&preview=`));
    const read = await http()
      .get(`/preview/api/transaction-notices/${notice.documentId}`)
      .query({ fields: ['title'], populate: { project: { fields: ['name'] } }, locale: 'zh-Hans' })
      .set('X-Preview-Token', tokenOf(res.body.data.url));
    expect(read.status).toBe(200);
    expect(read.body.data.title).toBe('招标公告草稿');
    expect(read.body.data.project.name).toBe(project.name);
  });

  it('annual reports have no draft preview (their page reads published renderings)', async () => {
    const res = await previewUrlOf(editor, 'api::annual-report.annual-report', 'abcdefghijklmnopqrstuvwx');
    expect(res.status).toBe(204);
  });
});
