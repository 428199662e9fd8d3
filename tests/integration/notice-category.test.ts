/**
 * A notice's copy of its project's category (src/trading/notice-category.ts) follows every write, per row (the draft
 * notice follows the draft project, the published one the published project), and `filters[project][category]` on
 * the public notices list answers from it: same results as through the project, without the link table.
 */
import type { Core } from '@strapi/strapi';
import { setupStrapi, teardownStrapi, http } from '../helpers/strapi';
import { createProject, createNotice } from '../helpers/content';

let strapi: Core.Strapi;
const NOTICE = 'api::transaction-notice.transaction-notice';
const PROJECT = 'api::transaction-project.transaction-project';

beforeAll(async () => {
  strapi = await setupStrapi();
}, 120_000);
afterAll(teardownStrapi);

/** [published?, category] of every row of a notice. */
const rowsOf = async (documentId: string) =>
  (
    await strapi.db
      .query(NOTICE)
      .findMany({ where: { documentId }, select: ['publishedAt', 'category'], orderBy: { id: 'asc' } })
  ).map((r: any) => [r.publishedAt !== null, r.category]);
const listed = async (query: string) =>
  (await http().get(`/api/transaction-notices?${query}&fields[0]=title&sort=releasedAt:desc`)).body.data.map(
    (n: any) => n.title,
  );

test('set on create and publish, followed when the project changes category, per version', async () => {
  // 出让公告 (transferNotice) belongs to both 土地使用权 and 矿业权.
  const project = await createProject(strapi, { category: 'landUse' });
  const notice = await createNotice(strapi, project.documentId, {
    title: '类别跟随测试',
    noticeType: 'transferNotice',
  });
  expect(await rowsOf(notice.documentId)).toEqual([
    [false, 'landUse'],
    [true, 'landUse'],
  ]);

  // The project's draft changes category: only the notice's draft row follows until the project is published.
  await strapi.documents(PROJECT).update({ documentId: project.documentId, data: { category: 'miningRights' } } as any);
  expect(await rowsOf(notice.documentId)).toEqual([
    [false, 'miningRights'],
    [true, 'landUse'],
  ]);
  await strapi.documents(PROJECT).publish({ documentId: project.documentId } as any);
  expect(await rowsOf(notice.documentId)).toEqual([
    [false, 'miningRights'],
    [true, 'miningRights'],
  ]);
  await strapi.documents(NOTICE).publish({ documentId: notice.documentId } as any);
  expect(await rowsOf(notice.documentId)).toEqual([
    [false, 'miningRights'],
    [true, 'miningRights'],
  ]);

  // Moved to another project.
  const other = await createProject(strapi, { category: 'stateProperty' });
  await strapi.documents(NOTICE).update({
    documentId: notice.documentId,
    data: { project: other.documentId, noticeType: 'listingDisclosure' },
  } as any);
  expect(await rowsOf(notice.documentId)).toEqual([
    [false, 'stateProperty'],
    [true, 'miningRights'],
  ]);
});

test('the public filter through the project answers the same as before, never listing the private column', async () => {
  const a = await createProject(strapi, { category: 'procurement' });
  const b = await createProject(strapi, { category: 'construction', region: '驿城区' });
  await createNotice(strapi, a.documentId, {
    title: '采购公告',
    noticeType: 'procurementNotice',
    releasedAt: '2026-04-01T00:00:00.000Z',
  });
  await createNotice(strapi, b.documentId, {
    title: '工程公告',
    noticeType: 'tenderNotice',
    releasedAt: '2026-04-02T00:00:00.000Z',
  });
  expect(await listed('filters[project][category][$eq]=procurement')).toEqual(['采购公告']);
  expect(await listed('filters[project][category]=procurement')).toEqual(['采购公告']);
  expect(
    await listed('filters[project][category][$in][0]=procurement&filters[project][category][$in][1]=construction'),
  ).toEqual(['工程公告', '采购公告']);
  expect(await listed('filters[project][category][$eq]=construction&filters[project][region][$eq]=驿城区')).toEqual([
    '工程公告',
  ]);
  expect(
    await listed('filters[$or][0][project][category][$eq]=procurement&filters[$or][1][title][$eq]=工程公告'),
  ).toEqual(['工程公告', '采购公告']);
  const res = await http().get('/api/transaction-notices?filters[project][category][$eq]=procurement');
  expect(res.body.data[0]).not.toHaveProperty('category');
  // The column itself stays closed to the public.
  expect((await http().get('/api/transaction-notices?filters[category][$eq]=procurement')).status).toBe(400);
});

test('the list of a category reads the notice column, not the project link table', async () => {
  const queries: string[] = [];
  const listener = (q: { sql: string }) => queries.push(q.sql);
  strapi.db.connection.on('query', listener);
  try {
    await http().get(
      '/api/transaction-notices?filters[project][category][$eq]=miningRights&sort=releasedAt:desc&pagination[pageSize]=20',
    );
  } finally {
    strapi.db.connection.removeListener('query', listener);
  }
  const main = queries.filter((sql) => /from [`"]?(public[`"]?\.[`"]?)?transaction_notices[`"]? as [`"]?t0/i.test(sql));
  expect(main.length).toBeGreaterThan(0);
  for (const sql of main) {
    expect(sql).not.toMatch(/transaction_notices_project_lnk/);
    expect(sql).not.toMatch(/distinct/i);
  }
});

test('deep filters through relations are refused with a 400 naming the path', async () => {
  const res = await http().get('/api/transaction-notices?filters[project][organization][parent][name][$eq]=x');
  expect(res.status).toBe(400);
  expect(res.body.error.details.filters).toEqual({ code: 'depth', path: 'project.organization.parent' });
  expect(res.body.error.message).toContain('filters 经由关联的层级过深（project.organization.parent）');
  expect(res.body.error.message).toContain('at most 2 levels');
  expect((await http().get('/API/transaction-projects?filters[notices][project][notices][title][$eq]=x')).status).toBe(
    400,
  );
  // The site's deepest filter (open now) passes.
  expect(
    (await http().get('/api/transaction-notices?filters[project][keyTimes][bidDeadline][$gt]=2026-01-01T00:00:00.000Z'))
      .status,
  ).toBe(200);
});
