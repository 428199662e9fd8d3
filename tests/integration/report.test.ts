/**
 * The annual report end to end on the real app: records → compute → check → publish → public JSON, HTML, CSV, XLSX;
 * the publish guard on every path; drafts never served; the seed center's all-zero 2021 report.
 */
import ExcelJS from 'exceljs';
import { setupStrapi, teardownStrapi, http, adminToken } from '../helpers/strapi';
import { createApplication, createOrganization } from '../helpers/records';
import { getFormat } from '../../src/plugins/disclosure/server/src/format';
import { cellsFromRecords, listCells } from '../../src/plugins/disclosure/server/src/report';

let strapi: any;
let officer: string;
let org: any;

const REPORT = 'api::annual-report.annual-report';
const format = getFormat('gov-2021');

beforeAll(async () => {
  strapi = await setupStrapi();
  officer = (await adminToken('disclosure-officer')).token;
  org = await createOrganization(strapi, { name: '驻马店市公共资源交易中心', canIssueRegulations: false });
});
afterAll(teardownStrapi);

const asOfficer = (req: any) => req.set('Authorization', `Bearer ${officer}`);
const SECTIONS = { overview: '总体情况正文', problems: '存在的主要问题及改进情况正文', otherMatters: '无' };
/** Writes sections 一, 五, 六 (required to publish) and acknowledges the warnings, as the officer would. */
async function readyToPublish(documentId: string) {
  await strapi.documents(REPORT).update({ documentId, locale: 'zh-Hans', data: SECTIONS });
  await asOfficer(http().post('/disclosure/reports/acknowledge')).send({ documentId }).expect(200);
}

describe('given records of 2024', () => {
  const apps = [
    { receivedOn: '2023-12-20', concludedOn: '2024-01-10', outcome: 'granted', applicantType: 'naturalPerson' },
    {
      receivedOn: '2024-02-01',
      concludedOn: '2024-02-20',
      outcome: 'withheld.stateSecret',
      applicantType: 'commercialEnterprise',
    },
    {
      receivedOn: '2024-03-01',
      concludedOn: '2024-03-05',
      outcome: 'partiallyGranted',
      applicantType: 'naturalPerson',
    },
    {
      receivedOn: '2024-12-25',
      concludedOn: '2025-01-08',
      outcome: 'unavailable.notHeld',
      applicantType: 'legalServiceOrganization',
    },
    { receivedOn: '2024-06-01', concludedOn: null, outcome: null, applicantType: 'researchInstitution' },
    { receivedOn: '2022-05-01', concludedOn: '2022-05-10', outcome: 'granted', applicantType: 'naturalPerson' },
  ];

  beforeAll(async () => {
    for (const a of apps)
      await createApplication(strapi, org.documentId, { ...a, state: a.concludedOn ? 'concluded' : 'received' });
    await strapi.documents('api::review-case.review-case').create({
      data: {
        kind: 'review',
        filedOn: '2024-04-01',
        concludedOn: '2024-06-01',
        result: 'upheld',
        organization: org.documentId,
      },
    });
    await strapi
      .documents('api::review-case.review-case')
      .create({ data: { kind: 'lawsuitDirect', filedOn: '2024-11-01', organization: org.documentId } });
    for (const amount of [0.1, 0.2, 12.35]) {
      await strapi
        .documents('api::fee.fee')
        .create({ data: { item: '信息处理费', collectedOn: '2024-05-05', amount, organization: org.documentId } });
    }
    await strapi.documents('api::administrative-decision.administrative-decision').create({
      data: { kind: 'penalty', decisionNumber: 'CF-2024-1', decidedOn: '2024-08-08', organization: org.documentId },
    });
  });

  test('when the officer computes, then the cells equal an in-memory count of the same records', async () => {
    const res = await asOfficer(http().post('/disclosure/reports/compute')).send({
      organization: org.documentId,
      year: 2024,
    });
    expect(res.status).toBe(200);
    const { snapshot, problems, report } = res.body.data;
    expect(report.documentId).toBeTruthy();
    const expected = cellsFromRecords(
      format,
      {
        applications: apps,
        cases: [
          { kind: 'review', filedOn: '2024-04-01', concludedOn: '2024-06-01', result: 'upheld' },
          { kind: 'lawsuitDirect', filedOn: '2024-11-01', concludedOn: null, result: null },
        ],
        policyDocuments: [],
        decisions: [{ kind: 'penalty', decidedOn: '2024-08-08' }],
        fees: [
          { collectedOn: '2024-05-05', amount: '0.10' },
          { collectedOn: '2024-05-05', amount: '0.20' },
          { collectedOn: '2024-05-05', amount: '12.35' },
        ],
      } as any,
      2024,
    );
    expect(snapshot.cells).toEqual(expected);
    expect(snapshot.recordCounts).toMatchObject({ applications: 5, cases: 2, decisions: 1, fees: 3 });
    expect(snapshot.cells['proactive.fees.fee.amount']).toBe('0.001265');
    expect(problems.filter((p: any) => p.severity === 'error')).toEqual([]);
  });

  test('when a cell is opened, then its records are listed by tracking number', async () => {
    const res = await asOfficer(http().get('/disclosure/reports/cell')).query({
      organization: org.documentId,
      year: 2024,
      cell: 'applications.main.received.naturalPerson',
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(1);
    expect(res.body.data[0].trackingNumber).toMatch(/^T-/);
  });

  test('when published, then the public reads JSON, HTML, CSV and XLSX, and the draft changes do not leak', async () => {
    const view = await asOfficer(http().get('/disclosure/reports/view')).query({
      organization: org.documentId,
      year: 2024,
    });
    const { documentId } = view.body.data.report;
    expect((await http().get(`/api/disclosure/reports/${documentId}`)).status).toBe(404);

    await readyToPublish(documentId);
    const published = await asOfficer(http().post('/disclosure/reports/publish')).send({ documentId });
    expect(published.status).toBe(200);

    const json = await http().get(`/api/disclosure/reports/${documentId}`);
    expect(json.status).toBe(200);
    expect(json.body.data).toMatchObject({
      year: 2024,
      format: { code: 'gov-2021' },
      sections: { overview: '总体情况正文' },
    });
    expect(json.body.data.tables.map((t: any) => t.number)).toEqual(['二', '三', '四']);

    const html = await http().get(`/api/disclosure/reports/${documentId}/html`);
    expect(html.status).toBe(200);
    expect(html.headers['content-type']).toMatch(/text\/html/);
    expect(html.text).toContain('三、收到和处理政府信息公开申请情况');

    const csv = await http().get(`/api/disclosure/reports/${documentId}/csv`);
    expect(csv.status).toBe(200);
    expect(csv.text.trim().split(/\r?\n/)).toHaveLength(listCells(format).length + 1);

    const xlsx = await http()
      .get(`/api/disclosure/reports/${documentId}/xlsx`)
      .buffer(true)
      .parse((res: any, cb: any) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body);
    expect(book.worksheets).toHaveLength(3);

    // A recompute after new records touches the draft only.
    await createApplication(strapi, org.documentId, { receivedOn: '2024-07-07', applicantType: 'naturalPerson' });
    await asOfficer(http().post('/disclosure/reports/compute')).send({ organization: org.documentId, year: 2024 });
    const again = await http().get(`/api/disclosure/reports/${documentId}`);
    expect(again.body.data.computedAt).toBe(json.body.data.computedAt);

    const list = await http().get('/api/disclosure/reports').query({ organization: org.documentId });
    expect(list.status).toBe(200);
    expect(list.body.data.map((r: any) => r.documentId)).toContain(documentId);
  });

  test('when the snapshot is tampered in the database, then no path publishes it', async () => {
    const view = await asOfficer(http().get('/disclosure/reports/view')).query({
      organization: org.documentId,
      year: 2024,
    });
    const { documentId } = view.body.data.report;
    const draft = await strapi.documents(REPORT).findOne({ documentId, locale: 'zh-Hans', status: 'draft' });
    const tampered = {
      ...draft.tables,
      cells: { ...draft.tables.cells, 'applications.main.granted.naturalPerson': 99 },
    };
    await strapi.db
      .connection('annual_reports')
      .where({ document_id: documentId })
      .whereNull('published_at')
      .update({ tables: JSON.stringify(tampered) });

    const viaPlugin = await asOfficer(http().post('/disclosure/reports/publish')).send({ documentId });
    expect(viaPlugin.status).toBe(400);
    expect(JSON.stringify(viaPlugin.body)).toContain('applications.main.granted.naturalPerson');

    await expect(strapi.documents(REPORT).publish({ documentId, locale: 'zh-Hans' })).rejects.toThrow(
      /cannot be published/,
    );

    const superAdmin = (await adminToken('strapi-super-admin')).token;
    const viaContentManager = await http()
      .post(`/content-manager/collection-types/${REPORT}/${documentId}/actions/publish?locale=zh-Hans`)
      .set('Authorization', `Bearer ${superAdmin}`)
      .send({});
    expect(viaContentManager.status).toBe(400);

    const pub = await http().get(`/api/disclosure/reports/${documentId}`);
    expect(pub.body.data.tables[1].blocks[0].rows.find((r: any) => r.code === 'granted').values.naturalPerson).not.toBe(
      99,
    );
  });
});

test('the seed center 2021 report computed from no records renders every label with zeros', async () => {
  const center = await createOrganization(strapi, { name: '驻马店市公共资源交易中心（2021）' });
  const res = await asOfficer(http().post('/disclosure/reports/compute')).send({
    organization: center.documentId,
    year: 2021,
  });
  expect(res.status).toBe(200);
  const { documentId } = res.body.data.report;
  // No 2020 report to compare with: said plainly, acknowledged before publishing.
  expect(res.body.data.problems.map((p: any) => [p.rule, p.severity])).toEqual([
    ['continuity.noPreviousReport', 'warning'],
  ]);
  await readyToPublish(documentId);
  await asOfficer(http().post('/disclosure/reports/publish')).send({ documentId }).expect(200);
  const html = await http().get(`/api/disclosure/reports/${documentId}/html`);
  const normalized = html.text.normalize('NFKC').replace(/\s+/g, '');
  const fs = await import('fs');
  const fixture = fs.readFileSync(
    require.resolve('../../src/plugins/disclosure/server/src/format/__tests__/fixtures/zhumadian-2021-annual-report.txt'),
    'utf8',
  );
  const tablePart = fixture.slice(
    fixture.indexOf('二、主动公开政府信息情况'),
    fixture.indexOf('五、存在的主要问题及改进情况'),
  );
  const labels = tablePart
    .split('\n')
    .flatMap((line) => line.trim().split(/\s+/))
    .filter((w) => w && !/^\d+$/.test(w));
  for (const label of labels) expect(normalized).toContain(label.normalize('NFKC'));
  expect(html.text).not.toMatch(/<td[^>]*>\s*<\/td>/);
});

test('input errors answer 400 naming the field; other roles are refused', async () => {
  const bad = await asOfficer(http().post('/disclosure/reports/compute')).send({
    organization: org.documentId,
    year: 1900,
  });
  expect(bad.status).toBe(400);
  expect(JSON.stringify(bad.body.error.details)).toContain('year');
  const editor = (await adminToken('content-editor')).token;
  const refused = await http()
    .post('/disclosure/reports/compute')
    .set('Authorization', `Bearer ${editor}`)
    .send({ organization: org.documentId, year: 2024 });
  expect(refused.status).toBe(403);
  const auditor = (await adminToken('auditor')).token;
  const reads = await http()
    .get('/disclosure/reports/view')
    .query({ organization: org.documentId, year: 2024 })
    .set('Authorization', `Bearer ${auditor}`);
  expect(reads.status).toBe(200);
  const auditorCell = await http()
    .get('/disclosure/reports/cell')
    .query({ organization: org.documentId, year: 2024, cell: 'applications.main.received.naturalPerson' })
    .set('Authorization', `Bearer ${auditor}`);
  expect(auditorCell.status).toBe(200);
  expect(auditorCell.body.meta.personalData).toBe(false);
  expect(auditorCell.body.data[0].applicantName).toBeUndefined();
  const publishRefused = await http()
    .post('/disclosure/reports/publish')
    .set('Authorization', `Bearer ${auditor}`)
    .send({ documentId: 'abc' });
  expect(publishRefused.status).toBe(403);
});

describe('given a published 2023 report and a late-entered 2023 application', () => {
  test('then 2024 warns on carriedOver, and publishing waits for a person to acknowledge it', async () => {
    const body = await createOrganization(strapi, { name: '测试局', canIssueRegulations: true });
    await createApplication(strapi, body.documentId, {
      receivedOn: '2023-03-01',
      concludedOn: '2023-03-10',
      outcome: 'granted',
      state: 'concluded',
    });
    const doc = await strapi.documents('api::policy-document.policy-document').create({
      data: {
        title: '测试规章',
        kind: 'regulation',
        issuingBody: '测试局',
        issuedOn: '2023-05-01',
        documentNumber: '测试局令第1号',
        organization: body.documentId,
      },
    });
    await strapi.documents('api::policy-document.policy-document').publish({ documentId: doc.documentId });
    const y2023 = await asOfficer(http().post('/disclosure/reports/compute')).send({
      organization: body.documentId,
      year: 2023,
    });
    expect(y2023.body.data.snapshot.cells['proactive.documents.regulation.inForce']).toBe(1);
    await readyToPublish(y2023.body.data.report.documentId);
    await asOfficer(http().post('/disclosure/reports/publish'))
      .send({ documentId: y2023.body.data.report.documentId })
      .expect(200);

    // Entered after 2023 was published: it was open on 31 December 2023, so 2024 carries it over.
    await createApplication(strapi, body.documentId, {
      receivedOn: '2023-12-28',
      concludedOn: '2024-01-15',
      outcome: 'granted',
      state: 'concluded',
    });
    const y2024 = await asOfficer(http().post('/disclosure/reports/compute')).send({
      organization: body.documentId,
      year: 2024,
    });
    const warnings = y2024.body.data.problems.filter((p: any) => p.severity === 'warning');
    expect(warnings.map((w: any) => w.rule)).toContain('continuity.carriedOver');
    const carried = warnings.find((w: any) => w.rule === 'continuity.carriedOver');
    expect(carried.cells[0]).toMatch(/^applications\.main\.carriedOver\./);
    expect(y2024.body.data.needsAcknowledgement).toBe(true);

    const { documentId } = y2024.body.data.report;
    await strapi.documents(REPORT).update({ documentId, locale: 'zh-Hans', data: SECTIONS });
    const refused = await asOfficer(http().post('/disclosure/reports/publish')).send({ documentId });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/acknowledged/);

    const ack = await asOfficer(http().post('/disclosure/reports/acknowledge')).send({ documentId });
    expect(ack.status).toBe(200);
    expect(ack.body.data.by.name).toMatch(/disclosure-officer/);
    await asOfficer(http().post('/disclosure/reports/publish')).send({ documentId }).expect(200);

    const stored = await strapi.documents(REPORT).findOne({ documentId, locale: 'zh-Hans', status: 'published' });
    expect(stored.acknowledgement.at).toBeTruthy();
    // The acknowledgement is kept on the report but is not public.
    const pub = await http().get(`/api/annual-reports/${documentId}`);
    expect(pub.status).toBe(200);
    expect(pub.body.data.acknowledgement).toBeUndefined();
  });
});
