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
  await strapi.documents(REPORT).update({ documentId: draft.documentId, locale: 'zh-Hans', data: { overview: '总体', problems: '问题', otherMatters: '无' } });
  await service.acknowledge(draft.documentId, { id: 1, firstname: 'Test' });
  await service.publish(draft.documentId);
  // As a report published by an earlier version of the app: no publication (nor its JSON) on the published row.
  await strapi.db.connection('annual_reports').where({ document_id: draft.documentId }).whereNotNull('published_at').update({ publication: null, public_json: null });
  expect((await http().get(`/api/disclosure/reports/${draft.documentId}`)).status).toBe(404);

  strapi = await restartStrapi();
  const first = await http().get(`/api/disclosure/reports/${draft.documentId}`).expect(200);
  expect(first.body.data).toMatchObject({ year: 2022, sections: { overview: '总体' }, corrections: [] });
  const stored = await strapi.documents(REPORT).findOne({ documentId: draft.documentId, locale: 'zh-Hans', status: 'published' });
  expect(stored.publication.publishedBy.name).toBe('backfill');

  strapi = await restartStrapi();
  expect((await http().get(`/api/disclosure/reports/${draft.documentId}`).expect(200)).text).toBe(first.text);
});
