/**
 * Reports published before publications were frozen get theirs once at start, so the public routes serve stored
 * records only; a second start changes nothing.
 */
import { setupStrapi, restartStrapi, teardownStrapi, http } from '../helpers/strapi';
import { createOrganization } from '../helpers/records';

const REPORT = 'api::annual-report.annual-report';
let strapi: any;

beforeAll(async () => {
  strapi = await setupStrapi();
});
afterAll(teardownStrapi);

test('a published report without a stored publication is frozen at the next start, once', async () => {
  const org = await createOrganization(strapi, { name: '旧报告中心' });
  const service = strapi.plugin('disclosure').service('report');
  const draft = await service.compute(org.documentId, 2022);
  await strapi.documents(REPORT).update({
    documentId: draft.documentId,
    locale: 'zh-Hans',
    data: { overview: '总体', problems: '问题', otherMatters: '无' },
  });
  await service.acknowledge(draft.documentId, { id: 1, firstname: 'Test' });
  await service.publish(draft.documentId);
  // As a report published by an earlier version of the app: no publication (nor its JSON) on the published row.
  await strapi.db
    .connection('annual_reports')
    .where({ document_id: draft.documentId })
    .whereNotNull('published_at')
    .update({ publication: null, public_json: null });
  expect((await http().get(`/api/disclosure/reports/${draft.documentId}`)).status).toBe(404);

  strapi = await restartStrapi();
  const first = await http().get(`/api/disclosure/reports/${draft.documentId}`).expect(200);
  expect(first.body.data).toMatchObject({ year: 2022, sections: { overview: '总体' }, corrections: [] });
  const stored = await strapi
    .documents(REPORT)
    .findOne({ documentId: draft.documentId, locale: 'zh-Hans', status: 'published' });
  expect(stored.publication.publishedBy.name).toBe('backfill');

  strapi = await restartStrapi();
  expect((await http().get(`/api/disclosure/reports/${draft.documentId}`).expect(200)).text).toBe(first.text);
});

test('a report stored before its JSON carried the declaration is served with it, from its own publication', async () => {
  const org = await createOrganization(strapi, { name: '旧格式中心' });
  const service = strapi.plugin('disclosure').service('report');
  const draft = await service.compute(org.documentId, 2022);
  await strapi.documents(REPORT).update({
    documentId: draft.documentId,
    locale: 'zh-Hans',
    data: { overview: '总体', problems: '问题', otherMatters: '无' },
  });
  await service.acknowledge(draft.documentId, { id: 1, firstname: 'Test' });
  await service.publish(draft.documentId);
  const current = await http().get(`/api/disclosure/reports/${draft.documentId}`).expect(200);
  expect(current.body.data.outline).toHaveLength(6);
  expect(current.body.data.tables[1].blocks[0].grid.cells[0]).toMatchObject({ role: 'corner', rowspan: 3, colspan: 3 });

  // As stored by an earlier version: no title, outline, corner texts nor grids, in the JSON and in the publication.
  const strip = (report: any) => {
    const { title, outline, ...rest } = report;
    return {
      ...rest,
      tables: rest.tables.map((t: any) => ({
        ...t,
        blocks: t.blocks.map(({ rowHeader, note, showRowLabels, grid, ...b }: any) => b),
      })),
    };
  };
  const row = await strapi.db
    .connection('annual_reports')
    .where({ document_id: draft.documentId })
    .whereNotNull('published_at')
    .first();
  const publication = typeof row.publication === 'string' ? JSON.parse(row.publication) : row.publication;
  const old = strip(publication.report);
  // The label the old publication froze is what the upgraded answer prints, whatever today's declaration says.
  old.tables[1].blocks[0].rows[0].path = ['一、本年新收（存档）'];
  await strapi.db
    .connection('annual_reports')
    .where({ id: row.id })
    .update({
      publication: JSON.stringify({ ...publication, report: old }),
      public_json: JSON.stringify({ data: old }),
    });
  // Another URL than the first read's: the direct row update above bypasses the public cache's invalidation.
  const served = await http().get(`/api/disclosure/reports/${draft.documentId}?locale=zh-Hans`).expect(200);
  // The same answer as a report published today (key order aside: PostgreSQL's jsonb keeps none).
  expect(
    served.body.data.tables[1].blocks[0].grid.cells.find((c: any) => c.role === 'row' && c.row === 3),
  ).toMatchObject({ text: '一、本年新收（存档）', colspan: 3 });
  const restore = (r: any) =>
    JSON.parse(
      JSON.stringify(r).replaceAll('一、本年新收（存档）', current.body.data.tables[1].blocks[0].rows[0].path[0]),
    );
  expect(restore(served.body.data)).toEqual(current.body.data);
});
