/**
 * Site-wide search (GET /api/search, src/search) on this database: two-character Chinese words anywhere in titles and
 * bodies, project codes, published content only (drafts and unpublished changes never), the locale, the type, paging
 * with highlighted snippets, and refused input (400 naming the field in Chinese and English).
 */
import type { Core } from '@strapi/strapi';
import { setupStrapi, teardownStrapi, http } from '../helpers/strapi';
import { createPolicyDocument } from '../helpers/records';
import { createProject, createNotice } from '../helpers/content';

let strapi: Core.Strapi;
const DOC = 'api::policy-document.policy-document';
const NOTICE = 'api::transaction-notice.transaction-notice';
let supervision: any;
let project: any;
let document: any;
let draftOnly: any;

const search = (params: Record<string, string>) => http().get('/api/search').query(params);
const titles = (res: any) => res.body.data.map((hit: any) => hit.title);

beforeAll(async () => {
  strapi = await setupStrapi();
  project = await createProject(strapi, {
    name: '驿城区道路改造工程',
    projectCode: 'ZMD-GC-2026-077',
    dealCode: 'A41170000123456789001',
    sectionCode: 'BD-02',
  });
  // "监理" only in the body, in the middle of a sentence.
  supervision = await createNotice(strapi, project.documentId, {
    title: '驿城区道路改造工程招标公告',
    body: '## 一、项目概况\n\n本项目包括施工及工程监理服务，计划工期180日历天。\n\n| 标段 | 内容 |\n| --- | --- |\n| 1 | 道路施工 |',
    releasedAt: '2026-03-02T08:00:00.000Z',
  });
  await createNotice(strapi, project.documentId, {
    title: '驿城区道路改造工程中标候选人公示',
    noticeType: 'candidatePublicity',
    releasedAt: '2026-03-20T08:00:00.000Z',
    body: '评标委员会推荐的中标候选人如下。',
  });
  document = await createPolicyDocument(strapi, {
    title: '驻马店市政府采购管理办法',
    documentNumber: '驻政〔2021〕12号',
    body: '第一条 为规范本市政府采购行为，制定本办法。\n\n第二条 监理服务的采购适用本办法。',
    issuedOn: '2021-05-01',
  });
  // The English version of the same document, published.
  await strapi.documents(DOC).update({
    documentId: document.documentId,
    locale: 'en',
    data: {
      title: 'Measures on government procurement',
      kind: 'normative',
      issuingBody: 'City government',
      issuedOn: '2021-05-01',
      body: 'Procurement of supervision services (监理) follows these measures.',
    },
  } as any);
  await strapi.documents(DOC).publish({ documentId: document.documentId, locale: 'en' } as any);
  // Never published: its word must never be found.
  draftOnly = await createNotice(
    strapi,
    project.documentId,
    { title: '草稿公告：保密词甲乙', body: '含有丙丁两字' },
    false,
  );
}, 120_000);
afterAll(teardownStrapi);

describe('Chinese words anywhere in titles and bodies', () => {
  test('a two-character word in the middle of a body is found, with a snippet that marks it', async () => {
    const res = await search({ q: '监理' });
    expect(res.status).toBe(200);
    expect(titles(res)).toEqual(['驿城区道路改造工程招标公告', '驻马店市政府采购管理办法']);
    const hit = res.body.data[0];
    // A notice carries its project's 项目编号 and 统一交易标识码.
    expect(hit).toMatchObject({
      type: 'notice',
      documentId: supervision.documentId,
      locale: null,
      code: 'ZMD-GC-2026-077 A41170000123456789001',
      date: '2026-03-02T08:00:00.000Z',
    });
    expect(hit.snippet).toContain('本项目包括施工及工程监理服务');
    expect(hit.highlights.map(([s, e]: [number, number]) => hit.snippet.slice(s, e))).toEqual(['监理']);
    expect(res.body.meta.pagination).toEqual({
      page: 1,
      pageSize: 10,
      total: 2,
      pageCount: 1,
      totalIsLowerBound: false,
    });
  });

  test('a word in a title is marked there; longer words must occur as typed, not just their pairs', async () => {
    const res = await search({ q: '采购' });
    expect(titles(res)).toEqual(['驻马店市政府采购管理办法']);
    expect(res.body.data[0].titleHighlights).toEqual([[6, 8]]);
    expect(titles(await search({ q: '政府采购' }))).toEqual(['驻马店市政府采购管理办法']);
    // 采购 and 政府 both occur, but never as 采购政府.
    expect(titles(await search({ q: '采购政府' }))).toEqual([]);
    expect(titles(await search({ q: '道路 公示' }))).toEqual(['驿城区道路改造工程中标候选人公示']);
  });

  test('项目编号, 统一交易标识码, 标段编号 and 文号 find their document, in any letter case; the first two the project’s notices too', async () => {
    const notices = (
      await strapi.documents(NOTICE).findMany({
        filters: { project: { documentId: project.documentId } },
        status: 'published',
        fields: ['documentId'],
      } as any)
    ).map((n: any) => n.documentId);
    expect(notices).toHaveLength(2);
    const found = (res: any) => res.body.data.map((hit: any) => `${hit.type} ${hit.documentId}`).sort();
    for (const q of ['ZMD-GC-2026-077', 'zmd-gc-2026-077', 'A41170000123456789001']) {
      expect([q, found(await search({ q }))]).toEqual([
        q,
        [...notices.map((id: string) => `notice ${id}`), `project ${project.documentId}`].sort(),
      ]);
    }
    expect(found(await search({ q: 'BD-02' }))).toEqual([`project ${project.documentId}`]);
    expect((await search({ q: 'ZMD-GC-2026-077', type: 'project' })).body.data[0].code).toBe(
      'ZMD-GC-2026-077 BD-02 A41170000123456789001',
    );
    expect(titles(await search({ q: '驻政〔2021〕12号' }))).toEqual(['驻马店市政府采购管理办法']);
    expect(titles(await search({ q: 'ZMD-GC-2026-078' }))).toEqual([]);
  });

  test('type narrows to one kind', async () => {
    expect(titles(await search({ q: '驿城区', type: 'project' }))).toEqual(['驿城区道路改造工程']);
    expect(titles(await search({ q: '驿城区', type: 'notice' }))).toEqual([
      '驿城区道路改造工程中标候选人公示',
      '驿城区道路改造工程招标公告',
    ]);
  });

  test('locale: localized documents in the asked locale only; notices and projects (Chinese only) in both', async () => {
    const en = await search({ q: '监理', locale: 'en' });
    expect(en.body.data.map((hit: any) => [hit.type, hit.locale, hit.title])).toEqual([
      ['notice', null, '驿城区道路改造工程招标公告'],
      ['document', 'en', 'Measures on government procurement'],
    ]);
    expect(titles(await search({ q: 'procurement', locale: 'en' }))).toEqual(['Measures on government procurement']);
    expect(titles(await search({ q: 'procurement' }))).toEqual([]);
  });
});

describe('published content only', () => {
  test('a never-published notice is not found, whatever the query says', async () => {
    expect(titles(await search({ q: '保密词' }))).toEqual([]);
    expect(titles(await search({ q: '丙丁' }))).toEqual([]);
    expect((await http().get('/api/search?q=丙丁&status=draft')).body.data).toEqual([]);
  });

  test('unpublished changes are not found until published; unpublishing and deleting remove the entry', async () => {
    await strapi
      .documents(NOTICE)
      .update({ documentId: supervision.documentId, data: { body: '变更：增加勘察内容。' } } as any);
    expect(titles(await search({ q: '勘察' }))).toEqual([]);
    expect(titles(await search({ q: '监理', type: 'notice' }))).toEqual(['驿城区道路改造工程招标公告']);
    await strapi.documents(NOTICE).publish({ documentId: supervision.documentId } as any);
    expect(titles(await search({ q: '勘察' }))).toEqual(['驿城区道路改造工程招标公告']);
    expect(titles(await search({ q: '监理', type: 'notice' }))).toEqual([]);
    await strapi.documents(NOTICE).unpublish({ documentId: supervision.documentId } as any);
    expect(titles(await search({ q: '勘察' }))).toEqual([]);
    await strapi.documents(NOTICE).publish({ documentId: supervision.documentId } as any);
    expect(titles(await search({ q: '勘察' }))).toEqual(['驿城区道路改造工程招标公告']);
    await strapi.documents(NOTICE).delete({ documentId: draftOnly.documentId } as any);
    await strapi.documents(NOTICE).delete({ documentId: supervision.documentId } as any);
    expect(titles(await search({ q: '勘察' }))).toEqual([]);
  });
});

describe('a project’s codes in its notices’ entries', () => {
  test('when the project’s code changes, its notices are found by the new code once it is published, no longer by the old', async () => {
    const PROJECT = 'api::transaction-project.transaction-project';
    const synced = await createProject(strapi, { name: '编号同步测试项目', projectCode: 'SYNC-2026-001' });
    const notice = await createNotice(strapi, synced.documentId, {
      title: '编号同步测试公告',
      releasedAt: '2026-04-01T08:00:00.000Z',
    });
    const noticesBy = async (q: string) =>
      (await search({ q, type: 'notice' })).body.data.map((hit: any) => hit.documentId);
    expect(await noticesBy('SYNC-2026-001')).toEqual([notice.documentId]);
    await strapi
      .documents(PROJECT)
      .update({ documentId: synced.documentId, data: { projectCode: 'SYNC-2026-002' } } as any);
    // A draft change is not public yet.
    expect(await noticesBy('SYNC-2026-002')).toEqual([]);
    await strapi.documents(PROJECT).publish({ documentId: synced.documentId } as any);
    expect(await noticesBy('SYNC-2026-002')).toEqual([notice.documentId]);
    expect(await noticesBy('SYNC-2026-001')).toEqual([]);
    expect((await search({ q: 'SYNC-2026-002', type: 'notice' })).body.data[0].code).toBe('SYNC-2026-002');
  });
});

describe('paging', () => {
  test('pages of pageSize, newest first, with the total', async () => {
    for (let i = 1; i <= 7; i += 1) {
      await createNotice(strapi, project.documentId, {
        title: `分页测试公告第${i}号`,
        releasedAt: `2025-01-0${i}T08:00:00.000Z`,
      });
    }
    const first = await search({ q: '分页', pageSize: '3' });
    expect(titles(first)).toEqual(['分页测试公告第7号', '分页测试公告第6号', '分页测试公告第5号']);
    expect(first.body.meta.pagination).toEqual({
      page: 1,
      pageSize: 3,
      total: 7,
      pageCount: 3,
      totalIsLowerBound: false,
    });
    expect(titles(await search({ q: '分页', pageSize: '3', page: '3' }))).toEqual(['分页测试公告第1号']);
    expect(titles(await search({ q: '分页', pageSize: '3', page: '4' }))).toEqual([]);
  });
});

describe('refused input: 400 naming the field, in Chinese and English', () => {
  test.each([
    [{ q: '' }, 'q', '搜索词不能为空'],
    [{ q: '   ' }, 'q', '搜索词不能为空'],
    [{}, 'q', '搜索词不能为空'],
    [{ q: '字'.repeat(51) }, 'q', '不超过 50 个字符'],
    [{ q: '——' }, 'q', '须包含文字或数字'],
    [{ q: '监理', page: '0' }, 'page', '页码'],
    [{ q: '监理', page: 'x' }, 'page', '页码'],
    [{ q: '监理', page: '51' }, 'page', '页码'],
    [{ q: '监理', pageSize: '500' }, 'pageSize', '每页条数'],
    [{ q: '监理', type: 'users' }, 'type', '搜索范围'],
    [{ q: '监理', locale: 'fr' }, 'locale', '语言'],
    [{ q: '监理', sort: 'title' }, 'sort', '不支持的参数'],
  ])('%j → %s', async (params, field, zh) => {
    const res = await search(params as Record<string, string>);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(res.body.error.details.errors.map((e: any) => e.path)).toEqual([[field]]);
    expect(res.body.error.message).toContain(zh);
    expect(res.body.error.message).toContain(field);
  });

  test('fifty characters are accepted', async () => {
    expect((await search({ q: '监'.repeat(50) })).status).toBe(200);
  });
});

describe('the index is rebuilt on start when missing', () => {
  test('entries written around the Document Service are found after a rebuild', async () => {
    const { rebuildSearchIndex } = require('../../dist/src/search/maintain');
    await strapi.db.connection('search_entries').whereIn('kind', ['project', 'notice']).delete();
    expect(titles(await search({ q: 'ZMD-GC-2026-077' }))).toEqual([]);
    await rebuildSearchIndex(strapi);
    expect(titles(await search({ q: 'ZMD-GC-2026-077', type: 'project' }))).toEqual(['驿城区道路改造工程']);
    // The rebuild reads the notices' project codes too (the candidate publicity is the one left of the first two).
    expect(titles(await search({ q: 'ZMD-GC-2026-077', type: 'notice' }))).toContain(
      '驿城区道路改造工程中标候选人公示',
    );
  });
});
