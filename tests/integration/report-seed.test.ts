/**
 * The seeded real 2021 report of the center carries its real publication date (2022-01-29), as frozen at publication
 * and in the public list; the seed publishes it only through the plugin's checks (section 六 states 无).
 */
import { setupStrapi, teardownStrapi, http } from '../helpers/strapi';
import { seedSampleData } from '../../src/seed';
import { CENTER_NAME } from '../../src/seed/organizations';

jest.setTimeout(600_000);
let strapi: any;

beforeAll(async () => {
  strapi = await setupStrapi();
  await seedSampleData(strapi, { scale: 'small', today: '2026-11-30' });
});
afterAll(teardownStrapi);

test('the 2021 report of the center is published with its real date, 2022-01-29', async () => {
  const [center] = await strapi
    .documents('api::organization.organization')
    .findMany({ filters: { name: CENTER_NAME }, limit: 1 });
  const list = await http()
    .get('/api/disclosure/reports')
    .query({ organization: center.documentId, year: 2021 })
    .expect(200);
  expect(list.body.data).toHaveLength(1);
  expect(list.body.data[0].publishedAt).toBe('2022-01-29T02:00:00.000Z');
  const report = (await http().get(`/api/disclosure/reports/${list.body.data[0].documentId}`).expect(200)).body.data;
  expect(report.publishedAt).toBe('2022-01-29T02:00:00.000Z');
  expect(report.firstPublishedAt).toBe('2022-01-29T02:00:00.000Z');
  expect(report.sections.otherMatters).toBe('无');
  expect(report.checks.warnings.map((w: any) => w.rule)).toEqual(['continuity.noPreviousReport']);
  const en = (
    await http().get(`/api/disclosure/reports/${list.body.data[0].documentId}`).query({ locale: 'en' }).expect(200)
  ).body.data;
  expect(en.publishedAt).toBe('2022-01-29T02:00:00.000Z');
  // Later years are published by the seed at seeding time, each checked against the year before.
  const later = await http()
    .get('/api/disclosure/reports')
    .query({ organization: center.documentId, year: 2022 })
    .expect(200);
  expect(later.body.data).toHaveLength(1);
});

test('a second run of the seed creates nothing and leaves every record and published report as it was', async () => {
  const UIDS = [
    'api::organization.organization',
    'api::policy-document.policy-document',
    'api::transaction-project.transaction-project',
    'api::transaction-notice.transaction-notice',
    'api::ca-provider.ca-provider',
    'api::disclosure-guide.disclosure-guide',
    'api::disclosure-application.disclosure-application',
    'api::review-case.review-case',
    'api::administrative-decision.administrative-decision',
    'api::fee.fee',
    'api::annual-report.annual-report',
    'plugin::disclosure.application-event',
  ];
  /** Rows per type (drafts, published versions and locales), and when each type last changed. */
  const state = async () =>
    Object.fromEntries(
      await Promise.all(
        UIDS.map(async (uid) => {
          const rows = await strapi.db.query(uid).findMany({ select: ['id', 'updatedAt'], orderBy: { id: 'asc' } });
          return [uid, rows.map((r: any) => `${r.id}@${new Date(r.updatedAt).toISOString()}`)];
        }),
      ),
    );
  const before = await state();
  expect(before['api::annual-report.annual-report'].length).toBeGreaterThan(0);
  const json = (await strapi.db
    .connection('annual_reports')
    .select('id', 'public_json')
    .whereNotNull('published_at')
    .orderBy('id')) as unknown[];

  const summary = await seedSampleData(strapi, { scale: 'small', today: '2026-11-30' });
  expect(summary.created).toBe(0);
  expect(await state()).toEqual(before);
  expect(
    await strapi.db.connection('annual_reports').select('id', 'public_json').whereNotNull('published_at').orderBy('id'),
  ).toEqual(json);
});
