/**
 * The disclosure officer writes the report's narrative sections (一 overview, 五 problems, 六 otherMatters) in the
 * Content Manager. The Content Manager sends every relation on every save, untouched ones as
 * { connect: [], disconnect: [] }: saving and publishing an existing report with exactly that body must work.
 */
import type { Core } from '@strapi/strapi';
import { setupStrapi, teardownStrapi, http, adminToken } from '../helpers/strapi';
import { createOrganization } from '../helpers/records';
import { createReport } from '../helpers/content';

let strapi: Core.Strapi;
let officer: { token: string; user: any };

const REPORT = 'api::annual-report.annual-report';
const s: Record<string, any> = {};

beforeAll(async () => {
  strapi = await setupStrapi();
  s.org = await createOrganization(strapi);
  officer = await adminToken('disclosure-officer');
});
afterAll(teardownStrapi);

/** The edit form's body as the Content Manager posts it (its fields, untouched relation included). */
const formBody = (report: any, sections: Record<string, string>) => ({
  title: report.title,
  year: report.year,
  formatVersion: 'gov-2021',
  overview: report.overview ?? '',
  problems: report.problems ?? '',
  otherMatters: report.otherMatters ?? '',
  ...sections,
  organization: { connect: [], disconnect: [] },
  locale: 'zh-Hans',
});

const readDraft = (documentId: string) =>
  strapi
    .documents(REPORT)
    .findOne({ documentId, locale: 'zh-Hans', status: 'draft', populate: ['organization'] } as any) as Promise<any>;

describe('Given an existing report draft and the disclosure officer in the Content Manager', () => {
  test.each(['/content-manager', '/CONTENT-MANAGER'])(
    'When it saves the three narrative sections (%s), Then 200 and they are stored with the organization kept',
    async (base) => {
      const year = base === '/content-manager' ? 2021 : 2020;
      const report = await createReport(strapi, s.org.documentId, { year }, false);
      const sections = {
        overview: `一、总体情况 ${year}`,
        problems: `五、存在的主要问题 ${year}`,
        otherMatters: `六、其他需要报告的事项 ${year}`,
      };
      const res = await http()
        .put(`${base}/collection-types/${REPORT}/${report.documentId}?locale=zh-Hans`)
        .set('Authorization', `Bearer ${officer.token}`)
        .send(formBody(report, sections));
      expect(res.status).toBe(200);
      const stored = await readDraft(report.documentId);
      expect(stored).toMatchObject(sections);
      expect(stored.organization.documentId).toBe(s.org.documentId);
    },
  );

  test('When it publishes with the same body after computing and acknowledging, Then 200 and the published report carries the sections', async () => {
    const report = await createReport(strapi, s.org.documentId, { year: 2019 }, false);
    const service = strapi.plugin('disclosure').service('report');
    await service.compute(s.org.documentId, 2019);
    await service.acknowledge(report.documentId, officer.user);
    const sections = {
      overview: '发布前写好的总体情况',
      problems: '发布前写好的问题',
      otherMatters: '发布前写好的其他事项',
    };
    const res = await http()
      .post(`/content-manager/collection-types/${REPORT}/${report.documentId}/actions/publish?locale=zh-Hans`)
      .set('Authorization', `Bearer ${officer.token}`)
      .send(formBody(report, sections));
    expect(res.status).toBe(200);
    const published: any = await strapi.documents(REPORT).findOne({
      documentId: report.documentId,
      locale: 'zh-Hans',
      status: 'published',
      populate: ['organization'],
    } as any);
    expect(published).toMatchObject(sections);
    expect(published.organization.documentId).toBe(s.org.documentId);
  });

  test('When it saves a report with the year of another report of the same organization, Then 400 naming year and nothing changes', async () => {
    await createReport(strapi, s.org.documentId, { year: 2017 }, false);
    const report = await createReport(strapi, s.org.documentId, { year: 2016 }, false);
    const res = await http()
      .put(`/content-manager/collection-types/${REPORT}/${report.documentId}?locale=zh-Hans`)
      .set('Authorization', `Bearer ${officer.token}`)
      .send({ ...formBody(report, { overview: '改了年份' }), year: 2017 });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors.map((e: any) => e.path.join('.'))).toContain('year');
    expect(await readDraft(report.documentId)).toMatchObject({ year: 2016, overview: report.overview });
  });

  test('When its body carries tables, acknowledgement, publication or publicJson, Then the save succeeds and none of them is written', async () => {
    const report = await createReport(strapi, s.org.documentId, { year: 2015 }, false);
    const service = strapi.plugin('disclosure').service('report');
    await service.compute(s.org.documentId, 2015);
    const computed = await readDraft(report.documentId);
    expect(computed.tables).not.toBeNull();
    const forged = {
      tables: { ...computed.tables, cells: { ...computed.tables.cells, 'applications.main.received.total': 999 } },
      acknowledgement: { at: '2016-01-01T00:00:00.000Z', by: { id: 1, name: 'forged' }, warnings: [] },
      publication: { version: 1, report: { forged: true } },
      publicJson: '{"data":{"forged":true}}',
    };
    for (const base of ['/content-manager', '/CONTENT-MANAGER']) {
      const res = await http()
        .put(`${base}/collection-types/${REPORT}/${report.documentId}?locale=zh-Hans`)
        .set('Authorization', `Bearer ${officer.token}`)
        .send({ ...formBody(computed, { overview: `写入总体情况 ${base}` }), ...forged });
      expect(res.status).toBe(200);
      const stored = await readDraft(report.documentId);
      expect(stored.overview).toBe(`写入总体情况 ${base}`);
      expect(stored.tables).toEqual(computed.tables);
      expect(stored.acknowledgement ?? null).toEqual(computed.acknowledgement ?? null);
      expect(stored.publication ?? null).toBeNull();
      expect(stored.publicJson ?? null).toBeNull();
    }
  });
});

describe('Given a webhook subscriber of report publication', () => {
  test('When a report is published, Then disclosure-report.publish is emitted once with its documentId, locale, year, organization and publication time', async () => {
    expect(strapi.get('webhookStore').allowedEvents.get('DISCLOSURE_REPORT_PUBLISH')).toBe('disclosure-report.publish');
    const report = await createReport(strapi, s.org.documentId, { year: 2014 }, false);
    const service = strapi.plugin('disclosure').service('report');
    await service.compute(s.org.documentId, 2014);
    await strapi.documents(REPORT).update({
      documentId: report.documentId,
      locale: 'zh-Hans',
      data: { overview: '总体', problems: '问题', otherMatters: '无' },
    } as any);
    await service.acknowledge(report.documentId, officer.user);
    const events: unknown[] = [];
    const listener = (payload: unknown) => events.push(payload);
    strapi.eventHub.on('disclosure-report.publish', listener);
    try {
      await service.publish(report.documentId, { locale: 'zh-Hans', publishedAt: '2015-01-20T02:00:00.000Z' });
    } finally {
      strapi.eventHub.off('disclosure-report.publish', listener);
    }
    expect(events).toEqual([
      {
        documentId: report.documentId,
        locale: 'zh-Hans',
        year: 2014,
        organization: s.org.documentId,
        publishedAt: '2015-01-20T02:00:00.000Z',
      },
    ]);
  });
});
