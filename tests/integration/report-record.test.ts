/**
 * The published annual report as a legal record, on the real app: frozen at publication and served as stored;
 * computed attributes written only by the plugin (any path, any URL case); publish verifies the records, the sections
 * and the year; continuity both ways; corrections (更正) keep their history; the deadline is shown.
 */
import { setupStrapi, teardownStrapi, http, adminToken } from '../helpers/strapi';
import { createApplication, createOrganization } from '../helpers/records';

let strapi: any;
let officer: string;
let superAdmin: string;

const REPORT = 'api::annual-report.annual-report';
const SECTIONS = { overview: '总体情况正文', problems: '存在的主要问题及改进情况正文', otherMatters: '无' };

beforeAll(async () => {
  strapi = await setupStrapi();
  officer = (await adminToken('disclosure-officer')).token;
  superAdmin = (await adminToken('strapi-super-admin')).token;
});
afterAll(teardownStrapi);

const asOfficer = (req: any) => req.set('Authorization', `Bearer ${officer}`);
const compute = (organization: string, year: number) =>
  asOfficer(http().post('/disclosure/reports/compute')).send({ organization, year });
const view = async (organization: string, year: number) =>
  (await asOfficer(http().get('/disclosure/reports/view')).query({ organization, year }).expect(200)).body.data;
const publish = (documentId: string, reason?: string) =>
  asOfficer(http().post('/disclosure/reports/publish')).send({ documentId, reason });
const acknowledge = (documentId: string) =>
  asOfficer(http().post('/disclosure/reports/acknowledge')).send({ documentId }).expect(200);
const draftOf = (documentId: string) =>
  strapi.documents(REPORT).findOne({ documentId, locale: 'zh-Hans', status: 'draft' });

/** Computes, writes the sections, acknowledges and publishes a year; returns the report's documentId. */
async function publishYear(organization: string, year: number) {
  const res = await compute(organization, year).expect(200);
  const { documentId } = res.body.data.report;
  await strapi.documents(REPORT).update({ documentId, locale: 'zh-Hans', data: SECTIONS });
  await acknowledge(documentId);
  await publish(documentId).expect(200);
  return documentId as string;
}

describe('given 2021 and 2022 published, when 2021 is corrected with a different carriedForward', () => {
  let org: any;
  let y2021: string;
  let y2022: string;
  let before2022: string;
  let beforeHtml2022: string;

  beforeAll(async () => {
    org = await createOrganization(strapi, { name: '更正测试中心' });
    await createApplication(strapi, org.documentId, {
      receivedOn: '2021-12-20',
      concludedOn: '2022-01-10',
      outcome: 'granted',
      state: 'concluded',
    });
    y2021 = await publishYear(org.documentId, 2021);
    y2022 = await publishYear(org.documentId, 2022);
    before2022 = (await http().get(`/api/disclosure/reports/${y2022}`).expect(200)).text;
    beforeHtml2022 = (await http().get(`/api/disclosure/reports/${y2022}/html`).expect(200)).text;
    // Entered late: open on 31 December 2021, so 2021 carries forward one more than 2022 says it carried over.
    await createApplication(strapi, org.documentId, {
      receivedOn: '2021-12-28',
      concludedOn: '2022-01-20',
      outcome: 'granted',
      state: 'concluded',
    });
  });

  test('then the published 2021 shows in the admin that the records changed since publication, never in public', async () => {
    const public2021 = (await http().get(`/api/disclosure/reports/${y2021}`).expect(200)).body.data;
    expect(public2021.tables[1].blocks[0].rows.find((r: any) => r.code === 'carriedForward').values.total).toBe(1);
    const v = await view(org.documentId, 2021);
    expect(v.publication).toMatchObject({ recordsChanged: true, baselineChanged: false, corrections: [] });
  });

  test('then republishing without a reason is refused: it is a correction (更正)', async () => {
    await compute(org.documentId, 2021).expect(200);
    const res = await publish(y2021);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error)).toContain('correction (更正) and needs a reason');
  });

  test('then the warning names the later published year and needs the same acknowledgement', async () => {
    const v = await view(org.documentId, 2021);
    const next = v.problems.filter((p: any) => p.rule === 'continuity.nextYear');
    expect(next.map((p: any) => [p.cells[0], p.expected, p.actual])).toEqual([
      ['applications.main.carriedForward.naturalPerson', 1, 2],
      ['applications.main.carriedForward.total', 1, 2],
    ]);
    expect(next[0].message.zh).toContain('2022年已发布报告');
    expect(v.needsAcknowledgement).toBe(true);
    expect(v.needsReason).toBe(true);
    const refused = await publish(y2021, '补录一件2021年12月28日收到的申请');
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('2022年已发布报告');
  });

  test('then the correction publishes, keeps the history, and 2022’s public record stays byte-identical', async () => {
    await acknowledge(y2021);
    await publish(y2021, '补录一件2021年12月28日收到的申请').expect(200);

    expect((await http().get(`/api/disclosure/reports/${y2022}`).expect(200)).text).toBe(before2022);
    expect((await http().get(`/api/disclosure/reports/${y2022}/html`).expect(200)).text).toBe(beforeHtml2022);

    const public2021 = (await http().get(`/api/disclosure/reports/${y2021}`).expect(200)).body.data;
    expect(public2021.tables[1].blocks[0].rows.find((r: any) => r.code === 'carriedForward').values.total).toBe(2);
    expect(public2021.corrections).toHaveLength(1);
    expect(public2021.corrections[0]).toMatchObject({ reason: '补录一件2021年12月28日收到的申请' });
    expect(public2021.corrections[0].previousPublishedAt).toBe(public2021.firstPublishedAt);
    expect(public2021.publishedAt > public2021.firstPublishedAt).toBe(true);
    expect(public2021.checks.warnings.map((w: any) => w.rule)).toEqual(
      expect.arrayContaining(['continuity.noPreviousReport', 'continuity.nextYear']),
    );
    expect(public2021.checks.acknowledgedAt).toBeTruthy();
    const html = (await http().get(`/api/disclosure/reports/${y2021}/html`).expect(200)).text;
    expect(html).toContain('更正（');
    expect(html).toContain('补录一件2021年12月28日收到的申请');

    // The earlier publication is kept: who, when, why and its cells.
    const stored = await strapi
      .documents(REPORT)
      .findOne({ documentId: y2021, locale: 'zh-Hans', status: 'published' });
    expect(stored.publication.corrections[0].previous.cells['applications.main.carriedForward.total']).toBe(1);
    expect(stored.publication.corrections[0].by.name).toMatch(/disclosure-officer/);
    const v2021 = await view(org.documentId, 2021);
    expect(v2021.publication).toMatchObject({
      recordsChanged: false,
      corrections: [{ reason: '补录一件2021年12月28日收到的申请' }],
    });
  });

  test('then 2022 shows in the admin that its baseline changed, and recomputing offers a correction', async () => {
    const v = await view(org.documentId, 2022);
    expect(v.publication.baselineChanged).toBe(true);
    expect(v.needsReason).toBe(true);
    const recomputed = await compute(org.documentId, 2022).expect(200);
    expect(recomputed.body.data.report.upToDate).toBe(false);
  });
});

describe('the snapshot comes only from the computation', () => {
  let org: any;
  let documentId: string;
  const forged = (tables: any) => ({
    ...tables,
    cells: {
      ...tables.cells,
      // A forgery that keeps every sum consistent, so only a comparison with the records can catch it.
      'applications.main.received.naturalPerson': 5,
      'applications.main.received.total': 5,
      'applications.main.granted.naturalPerson': 5,
      'applications.main.granted.total': 5,
      'applications.main.concluded.naturalPerson': 5,
      'applications.main.concluded.total': 5,
    },
  });

  beforeAll(async () => {
    org = await createOrganization(strapi, { name: '伪造测试中心' });
    documentId = (await compute(org.documentId, 2023).expect(200)).body.data.report.documentId;
    await strapi.documents(REPORT).update({ documentId, locale: 'zh-Hans', data: SECTIONS });
  });

  test('when the Content Manager saves tables on an upper-case path, then they are not stored', async () => {
    const draft = await draftOf(documentId);
    const res = await http()
      .put(`/CONTENT-MANAGER/collection-types/${REPORT}/${documentId}?locale=zh-Hans`)
      .set('Authorization', `Bearer ${superAdmin}`)
      .send({
        tables: forged(draft.tables),
        acknowledgement: { by: { id: 1, name: 'x' }, at: 'now', warnings: 'x' },
        publication: { version: 1 },
        overview: '改过的总体情况',
      });
    expect(res.status).toBe(200);
    const after = await draftOf(documentId);
    expect(after.tables).toEqual(draft.tables);
    expect(after.acknowledgement).toEqual(draft.acknowledgement);
    expect(after.publication ?? null).toBeNull();
    // The narrative part of the save is kept.
    expect(after.overview).toBe('改过的总体情况');
  });

  test('when a full-access API token writes tables over REST (upper-case /API/), then they are not stored', async () => {
    const draft = await draftOf(documentId);
    const { accessKey } = await strapi
      .service('admin::api-token')
      .create({ name: `full-${Date.now()}`, type: 'full-access', lifespan: null });
    const res = await http()
      .put(`/API/annual-reports/${documentId}?locale=zh-Hans`)
      .set('Authorization', `Bearer ${accessKey}`)
      .send({ data: { tables: forged(draft.tables), publication: { version: 1, report: {} } } });
    // REST's update publishes too, which would pass the publish guard: refused, only the publish action publishes.
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('only through its publish action');
    const asDraft = await http()
      .put(`/API/annual-reports/${documentId}?locale=zh-Hans&status=draft`)
      .set('Authorization', `Bearer ${accessKey}`)
      .send({ data: { tables: forged(draft.tables), publication: { version: 1, report: {} } } });
    expect([asDraft.status, asDraft.body.error]).toEqual([200, undefined]);
    const after = await draftOf(documentId);
    expect(after.tables).toEqual(draft.tables);
    expect(after.publication ?? null).toBeNull();
  });

  test('when code writes tables through the Document Service, then they are not stored; create with them neither', async () => {
    const draft = await draftOf(documentId);
    await strapi.documents(REPORT).update({ documentId, locale: 'zh-Hans', data: { tables: forged(draft.tables) } });
    expect((await draftOf(documentId)).tables).toEqual(draft.tables);
    const other = await createOrganization(strapi, { name: '伪造测试中心二' });
    const created = await strapi.documents(REPORT).create({
      data: { organization: other.documentId, year: 2023, formatVersion: 'gov-2021', tables: forged(draft.tables) },
    });
    expect(created.tables ?? null).toBeNull();
    await expect(strapi.documents(REPORT).clone({ documentId, locale: 'zh-Hans' })).rejects.toThrow(/cannot be cloned/);
    await expect(
      strapi.documents(REPORT).update({ documentId, locale: 'zh-Hans', data: { overview: 'x' }, status: 'published' }),
    ).rejects.toThrow(/publish action/);
  });

  test('when the stored snapshot no longer matches the records, then publish is refused on every path', async () => {
    const draft = await draftOf(documentId);
    await strapi.db
      .connection('annual_reports')
      .where({ document_id: documentId })
      .whereNull('published_at')
      .update({ tables: JSON.stringify(forged(draft.tables)) });
    await acknowledge(documentId);

    const viaPlugin = await publish(documentId);
    expect(viaPlugin.status).toBe(400);
    expect(viaPlugin.body.error.message).toContain('记录已变化，请重新计算');
    expect(viaPlugin.body.error.message).toContain('records changed since computing: recompute');
    await expect(strapi.documents(REPORT).publish({ documentId, locale: 'zh-Hans' })).rejects.toThrow(
      /records changed since computing/,
    );
    const viaCm = await http()
      .post(`/CONTENT-MANAGER/collection-types/${REPORT}/${documentId}/actions/publish?locale=zh-Hans`)
      .set('Authorization', `Bearer ${superAdmin}`)
      .send({});
    expect(viaCm.status).toBe(400);
    expect((await http().get(`/api/disclosure/reports/${documentId}`)).status).toBe(404);

    // Recomputing restores the computed snapshot; then it publishes.
    await compute(org.documentId, 2023).expect(200);
    await acknowledge(documentId);
    await publish(documentId).expect(200);
  });
});

describe('a report publishes only when complete and its year is over', () => {
  let org: any;
  let documentId: string;
  beforeAll(async () => {
    org = await createOrganization(strapi, { name: '完整性测试中心' });
    documentId = (await compute(org.documentId, 2024).expect(200)).body.data.report.documentId;
    await acknowledge(documentId);
  });

  test('empty or whitespace-only sections 一, 五, 六 are hard errors, per locale; 六 may say 无', async () => {
    await strapi
      .documents(REPORT)
      .update({ documentId, locale: 'zh-Hans', data: { overview: '总体', problems: '  \n ', otherMatters: '' } });
    const v = await view(org.documentId, 2024);
    expect(v.completeness.map((p: any) => p.path)).toEqual(['problems[zh-Hans]', 'otherMatters[zh-Hans]']);
    expect(v.canPublish).toBe(false);
    const res = await publish(documentId);
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors.map((e: any) => e.path[0])).toEqual([
      'problems[zh-Hans]',
      'otherMatters[zh-Hans]',
    ]);

    await strapi.documents(REPORT).update({ documentId, locale: 'zh-Hans', data: SECTIONS });
    await strapi
      .documents(REPORT)
      .update({ documentId, locale: 'en', data: { overview: 'Overview', problems: 'Problems', otherMatters: ' ' } });
    const en = await publish(documentId);
    expect(en.status).toBe(400);
    expect(en.body.error.details.errors.map((e: any) => e.path[0])).toEqual(['otherMatters[en]']);
    // Strapi stores the en version without the organization (the organization has no en version): the write rules
    // take it from the document's other locale, so the en version can still be corrected and published.
    await strapi.documents(REPORT).update({
      documentId,
      locale: 'en',
      data: { overview: 'Overview', problems: 'Problems', otherMatters: 'None.' },
    });
    await publish(documentId).expect(200);
    const english = (await http().get(`/api/disclosure/reports/${documentId}`).query({ locale: 'en' }).expect(200)).body
      .data;
    expect(english.sections.otherMatters).toBe('None.');
  });

  test('a year not yet over cannot be published; the deadline is 31 January next year and lateness is shown', async () => {
    const current = Number(
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()),
    );
    const id = (await compute(org.documentId, current).expect(200)).body.data.report.documentId;
    await strapi.documents(REPORT).update({ documentId: id, locale: 'zh-Hans', data: SECTIONS });
    await acknowledge(id);
    const v = await view(org.documentId, current);
    expect(v.deadline).toMatchObject({ date: `${current + 1}-01-31`, yearEnded: false, passed: false, late: false });
    const res = await publish(id);
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual(['year']);
    expect(res.body.error.message).toContain(`${current}年尚未结束`);

    // 2024 was published in or after 2026: late, and the admin says so.
    const past = await view(org.documentId, 2024);
    expect(past.deadline).toMatchObject({ date: '2025-01-31', yearEnded: true, passed: true, late: true });
  });

  test('with no previous published report, the check says there is nothing to compare with (not a pass)', async () => {
    const fresh = await createOrganization(strapi, { name: '无上年报告中心' });
    const res = await compute(fresh.documentId, 2022).expect(200);
    expect(res.body.data.problems.map((p: any) => p.rule)).toEqual(['continuity.noPreviousReport']);
    expect(res.body.data.problems[0].message.zh).toContain('没有2021年已发布的报告可供比对');
    expect(res.body.data.needsAcknowledgement).toBe(true);
  });

  test('recomputing unchanged records keeps a published report up to date (cells, not computedAt, are compared)', async () => {
    const before = await view(org.documentId, 2024);
    expect(before.report.upToDate).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const again = await compute(org.documentId, 2024).expect(200);
    expect(again.body.data.snapshot.computedAt).not.toBe(before.snapshot.computedAt);
    expect(again.body.data.report.upToDate).toBe(true);
    expect(again.body.data.publication.recordsChanged).toBe(false);
  });

  test('the fee prints with the format’s rule in the JSON and the printable page alike', async () => {
    const json = (await http().get(`/api/disclosure/reports/${documentId}`).expect(200)).body.data;
    const fee = json.tables[0].blocks.find((b: any) => b.code === 'fees');
    expect(json.feeDecimals).toBe(4);
    expect(fee.rows[0].values.amount).toBe('0');
    expect(fee.rows[0].display.amount).toBe('0.0000');
    expect(fee.columns[0].label).toBe('本年收费金额（单位：万元，保留4位小数）');
    const html = (await http().get(`/api/disclosure/reports/${documentId}/html`).expect(200)).text;
    expect(html).toMatch(/data-cell="proactive\.fees\.fee\.amount"[^>]*>0\.0000</);
    expect(json.tables[0].blocks[0].caption).toBe('第二十条第（一）项');
  });
});
