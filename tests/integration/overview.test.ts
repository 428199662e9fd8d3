/**
 * The compliance overview (政务公开办, auditors) on the real app: a planted organization per report state, the exact
 * state and timeliness of each, problem counts equal to the report page's, overdue applications, filters, sort and
 * paging, the XLSX export read back with exceljs, and who may see it.
 */
import ExcelJS from 'exceljs';
import { setupStrapi, teardownStrapi, http, adminToken } from '../helpers/strapi';
import { createApplication, createOrganization } from '../helpers/records';

let strapi: any;
let auditor: string;
let officer: string;
let editor: string;
const orgs: Record<string, any> = {};
const apps: Record<string, any> = {};

const REPORT = 'api::annual-report.annual-report';
const YEAR = 2024;
const SECTIONS = { overview: '总体情况正文', problems: '存在的主要问题及改进情况正文', otherMatters: '无' };
const todayInChina = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

const as = (token: string) => (req: any) => req.set('Authorization', `Bearer ${token}`);
const service = () => strapi.plugin('disclosure').service('report');

async function compute(name: string) {
  const res = await as(officer)(http().post('/disclosure/reports/compute')).send({
    organization: orgs[name].documentId,
    year: YEAR,
  });
  expect(res.status).toBe(200);
  return res.body.data.report.documentId as string;
}
async function acknowledge(documentId: string) {
  await as(officer)(http().post('/disclosure/reports/acknowledge')).send({ documentId }).expect(200);
}
async function publishAt(name: string, publishedAt: string, reason?: string) {
  const documentId = await compute(name);
  await strapi.documents(REPORT).update({ documentId, locale: 'zh-Hans', data: SECTIONS });
  await acknowledge(documentId);
  await service().publish(documentId, { publishedAt, reason });
  return documentId;
}
const view = async (name: string) =>
  (await as(officer)(http().get('/disclosure/reports/view')).query({ organization: orgs[name].documentId, year: YEAR }))
    .body.data;

beforeAll(async () => {
  strapi = await setupStrapi();
  auditor = (await adminToken('auditor')).token;
  officer = (await adminToken('disclosure-officer')).token;
  editor = (await adminToken('content-editor')).token;
  // displayOrder fixes the organization order of the page and the export.
  const names = [
    '甲-无报告',
    '乙-草稿',
    '丙-有错误',
    '丁-提示未确认',
    '戊-按时发布',
    '己-逾期发布',
    '庚-已更正',
    '辛-2023年起有申请',
    '壬-2025年起有申请',
    '癸-导入2023年报',
  ];
  for (const [i, name] of names.entries()) orgs[name] = await createOrganization(strapi, { name, displayOrder: i + 1 });

  // 乙: computed and its warnings acknowledged (the first year has continuity.noPreviousReport): a draft ready to publish.
  await acknowledge(await compute('乙-草稿'));
  // 丙: a snapshot that breaks the rules (stored tables changed under the computation), checked again by acknowledging.
  const broken = await compute('丙-有错误');
  const row = await strapi.db
    .query(REPORT)
    .findOne({ where: { documentId: broken, locale: 'zh-Hans', publishedAt: null } });
  await strapi.db.query(REPORT).update({
    where: { id: row.id },
    data: { tables: { ...row.tables, cells: { ...row.tables.cells, 'applications.main.received.total': 99 } } },
  });
  await acknowledge(broken);
  // 丁: computed, warnings left unacknowledged.
  await compute('丁-提示未确认');
  // 戊 at 23:00 on 31 January in China, 己 half an hour after midnight: one day late.
  await publishAt('戊-按时发布', '2025-01-31T15:00:00.000Z');
  await publishAt('己-逾期发布', '2025-01-31T16:30:00.000Z');
  const corrected = await publishAt('庚-已更正', '2025-01-20T02:00:00.000Z');
  await service().publish(corrected, { publishedAt: '2025-03-01T02:00:00.000Z', reason: '补录一件申请' });

  // Applications of 乙: one overdue (received in March 2025, no reply), one received today, one concluded.
  apps.overdue = await createApplication(strapi, orgs['乙-草稿'].documentId, {
    receivedOn: '2025-03-03',
    state: 'received',
    applicantName: '张三丰',
  });
  apps.recent = await createApplication(strapi, orgs['乙-草稿'].documentId, {
    receivedOn: todayInChina(),
    state: 'received',
    applicantName: '李四',
  });
  apps.concluded = await createApplication(strapi, orgs['乙-草稿'].documentId, {
    receivedOn: '2025-03-03',
    state: 'concluded',
    concludedOn: '2025-03-10',
    outcome: 'granted',
    applicantName: '张三',
  });
  // 戊: one overdue too, received in 2025.
  apps.other = await createApplication(strapi, orgs['戊-按时发布'].documentId, {
    receivedOn: '2025-06-02',
    state: 'received',
    applicantName: '王五',
  });
  // No report of 2024: 辛 and 癸 have records from 2023 on (an application, an imported report), so 2024 is overdue;
  // 壬's first record is of 2025, so 2024 has no records (entered in the system later), not overdue. 甲 has none at all.
  await createApplication(strapi, orgs['辛-2023年起有申请'].documentId, {
    receivedOn: '2023-05-04',
    state: 'concluded',
    concludedOn: '2023-05-10',
    outcome: 'granted',
  });
  await createApplication(strapi, orgs['壬-2025年起有申请'].documentId, {
    receivedOn: '2025-05-04',
    state: 'concluded',
    concludedOn: '2025-05-10',
    outcome: 'granted',
  });
  const gui = await strapi.db
    .query('api::organization.organization')
    .findOne({ where: { documentId: orgs['癸-导入2023年报'].documentId, locale: 'zh-Hans' } });
  await strapi.db
    .query('plugin::disclosure.historical-report')
    .create({ data: { year: 2023, formatVersion: 'gov-2021', source: 'imported', organization: gui.id } });
});
afterAll(teardownStrapi);

const mine = (rows: any[]) => rows.filter((r) => r.organization.name in orgs);
const byName = (rows: any[]) => Object.fromEntries(mine(rows).map((r) => [r.organization.name, r]));

describe('given one organization per report state in 2024', () => {
  test('then the overview gives each its exact state, timeliness, counts and overdue applications', async () => {
    const res = await as(auditor)(http().get('/disclosure/overview')).query({ year: YEAR, pageSize: 200 });
    expect(res.status).toBe(200);
    const rows = byName(res.body.data);
    const pick = (name: string) => {
      const r = rows[name];
      return [r.state, r.timeliness, r.corrections, r.openApplications, r.overdueApplications];
    };
    expect(Object.fromEntries(Object.keys(orgs).map((name) => [name, pick(name)]))).toEqual({
      '甲-无报告': ['none', 'noRecords', 0, 0, 0],
      '乙-草稿': ['draft', 'missing', 0, 2, 1],
      '丙-有错误': ['errors', 'missing', 0, 0, 0],
      '丁-提示未确认': ['warnings', 'missing', 0, 0, 0],
      '戊-按时发布': ['published', 'onTime', 0, 1, 1],
      '己-逾期发布': ['published', 'late', 0, 0, 0],
      '庚-已更正': ['corrected', 'onTime', 1, 0, 0],
      '辛-2023年起有申请': ['none', 'missing', 0, 0, 0],
      '壬-2025年起有申请': ['none', 'noRecords', 0, 0, 0],
      '癸-导入2023年报': ['none', 'missing', 0, 0, 0],
    });
    expect(res.body.meta.counts.timeliness).toMatchObject({ noRecords: 2, missing: 5, late: 1, onTime: 2 });
    expect(rows['戊-按时发布'].firstPublishedAt).toBe('2025-01-31T15:00:00.000Z');
    expect(rows['庚-已更正'].firstPublishedAt).toBe('2025-01-20T02:00:00.000Z');
    expect(rows['甲-无报告'].report).toBeNull();
    expect(rows['戊-按时发布'].deadline).toBe('2025-01-31');
    expect(res.body.meta.years).toEqual([YEAR]);
  });

  test('then the problem counts are those the report page shows', async () => {
    const res = await as(auditor)(http().get('/disclosure/overview')).query({ year: YEAR, pageSize: 200 });
    const rows = byName(res.body.data);
    for (const name of ['乙-草稿', '丙-有错误', '丁-提示未确认']) {
      const problems = (await view(name)).problems;
      expect([name, rows[name].errors, rows[name].warnings]).toEqual([
        name,
        problems.filter((p: any) => p.severity === 'error').length,
        problems.filter((p: any) => p.severity === 'warning').length,
      ]);
    }
    expect(rows['丙-有错误'].errors).toBeGreaterThan(0);
    expect(rows['丁-提示未确认'].warnings).toBeGreaterThan(0);
    expect(rows['甲-无报告'].errors).toBeNull();
  });

  test('when filtered by state, sorted and paged, then only those rows come, in that order', async () => {
    const published = await as(auditor)(http().get('/disclosure/overview')).query({ year: YEAR, state: 'published' });
    expect(published.status).toBe(200);
    expect(mine(published.body.data).map((r: any) => r.organization.name)).toEqual(['戊-按时发布', '己-逾期发布']);
    expect(published.body.meta.counts.states.published).toBe(2);

    const late = await as(auditor)(http().get('/disclosure/overview')).query({ year: YEAR, timeliness: 'late' });
    expect(mine(late.body.data).map((r: any) => r.organization.name)).toEqual(['己-逾期发布']);

    const byOverdue = await as(auditor)(http().get('/disclosure/overview')).query({
      year: YEAR,
      sort: 'overdue',
      order: 'desc',
      pageSize: 2,
    });
    expect(byOverdue.body.data.map((r: any) => r.organization.name)).toEqual(['乙-草稿', '戊-按时发布']);
    expect(byOverdue.body.meta.pagination).toMatchObject({ page: 1, pageSize: 2 });

    const all = await as(auditor)(http().get('/disclosure/overview')).query({ year: YEAR, pageSize: 200 });
    const page2 = await as(auditor)(http().get('/disclosure/overview')).query({ year: YEAR, pageSize: 3, page: 2 });
    expect(page2.body.data.map((r: any) => r.organization.documentId)).toEqual(
      all.body.data.slice(3, 6).map((r: any) => r.organization.documentId),
    );
  });

  test('when the query is wrong, then 400 names the parameter', async () => {
    const res = await as(auditor)(http().get('/disclosure/overview')).query({ state: 'lost' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^state: /);
    const extra = await as(auditor)(http().get('/disclosure/overview')).query({ organisation: 'x' });
    expect(extra.status).toBe(400);
  });

  test('when exported, then the workbook has the rows of the page, every row, with exact cells', async () => {
    const res = await as(auditor)(http().get('/disclosure/overview/xlsx'))
      .query({ year: YEAR, state: 'published' })
      .buffer(true)
      .parse((r: any, cb: any) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toMatch(
      /attachment; filename="compliance-overview-2024-\d{4}-\d{2}-\d{2}\.xlsx"/,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body);
    const ws = wb.getWorksheet('年度报告发布情况')!;
    const values = (n: number) => (ws.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual([
      '机构',
      '年度',
      '报告状态',
      '发布期限',
      '是否按时',
      '首次发布日期',
      '更正次数',
      '错误',
      '提示',
      '未办结申请',
      '逾期申请',
    ]);
    const warnings = (await view('戊-按时发布')).problems.filter((p: any) => p.severity === 'warning').length;
    const rows = [2, 3].map(values).filter((v) => String(v[0]) in orgs);
    expect(rows).toEqual([
      ['戊-按时发布', 2024, '已发布', '2025-01-31', '按时发布', '2025-01-31', 0, 0, warnings, 1, 1],
      ['己-逾期发布', 2024, '已发布', '2025-01-31', '逾期发布', '2025-02-01', 0, 0, warnings, 0, 0],
    ]);
    const en = await as(auditor)(http().get('/disclosure/overview/xlsx'))
      .query({ year: YEAR, state: 'none', locale: 'en' })
      .buffer(true)
      .parse((r: any, cb: any) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    const wbEn = new ExcelJS.Workbook();
    await wbEn.xlsx.load(en.body);
    const sheet = wbEn.getWorksheet('Compliance overview')!;
    expect((sheet.getRow(1).values as unknown[])[5]).toBe('Timeliness');
    const none = [...Array(sheet.rowCount - 1).keys()]
      .map((i) => (sheet.getRow(i + 2).values as unknown[]).slice(1))
      .find((v) => v[0] === '甲-无报告');
    expect(none).toEqual([
      '甲-无报告',
      2024,
      'None',
      '2025-01-31',
      'No records',
      undefined,
      0,
      undefined,
      undefined,
      0,
      0,
    ]);
  });

  test('then the auditor and the officer may read it, the content editor gets 403 and no token 401', async () => {
    expect((await as(officer)(http().get('/disclosure/overview')).query({ year: YEAR })).status).toBe(200);
    expect((await as(editor)(http().get('/disclosure/overview')).query({ year: YEAR })).status).toBe(403);
    expect((await as(editor)(http().get('/disclosure/overview/xlsx')).query({ year: YEAR })).status).toBe(403);
    expect((await as(editor)(http().get('/DISCLOSURE/OVERVIEW')).query({ year: YEAR })).status).toBe(403);
    expect((await http().get('/disclosure/overview')).status).toBe(401);
  });

  test('then no applicant data is in the answer', async () => {
    const res = await as(auditor)(http().get('/disclosure/overview')).query({ year: YEAR, pageSize: 200 });
    expect(JSON.stringify(res.body)).not.toMatch(/申请人\d|applicant\d+@/);
  });
});

describe('given the worklist of those applications (paged, searchable)', () => {
  const worklist = (query: Record<string, unknown>) => as(officer)(http().get('/disclosure/applications')).query(query);
  const numbers = (res: any) => res.body.data.items.map((i: any) => i.trackingNumber);

  test('when paged, then each page holds the next of the open ones by due date, with counts over all', async () => {
    const first = await worklist({ pageSize: 2 });
    expect(first.status).toBe(200);
    expect(numbers(first)).toEqual([apps.overdue.trackingNumber, apps.other.trackingNumber]);
    expect(first.body.data.pagination).toEqual({ page: 1, pageSize: 2, pageCount: 2, total: 3 });
    // (concluded: 乙's, and the two that date 辛 and 壬.)
    expect(first.body.data.counts).toMatchObject({ open: 3, overdue: 2, byState: { received: 3, concluded: 3 } });
    const second = await worklist({ pageSize: 2, page: 2 });
    expect(numbers(second)).toEqual([apps.recent.trackingNumber]);
    expect(second.body.data.items[0]).toMatchObject({ applicantName: '李四', organization: { name: '乙-草稿' } });
    expect(numbers(await worklist({ filter: 'overdue' }))).toEqual([
      apps.overdue.trackingNumber,
      apps.other.trackingNumber,
    ]);
  });

  test('when searched by applicant name or tracking number, then only the matches come', async () => {
    expect(numbers(await worklist({ q: '张三' }))).toEqual([apps.overdue.trackingNumber]);
    expect(
      numbers(
        await worklist({
          q: apps.recent.trackingNumber.slice(0, 6).toLowerCase() + apps.recent.trackingNumber.slice(6),
        }),
      ),
    ).toEqual([apps.recent.trackingNumber]);
    // A concluded application by its exact number (any letter case), after the open ones.
    const concluded = await worklist({ q: apps.concluded.trackingNumber.toLowerCase() });
    expect(concluded.body.data.items.map((i: any) => [i.trackingNumber, i.state])).toEqual([
      [apps.concluded.trackingNumber, 'concluded'],
    ]);
    expect((await worklist({ q: '不存在' })).body.data.items).toEqual([]);
  });

  test('when the query is wrong, then 400 names the parameter', async () => {
    const res = await worklist({ pageSize: 1000 });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^pageSize: /);
  });
});

describe('given the public index of published reports', () => {
  test('when the public asks, then each organization with a published report comes once with its years, drafts never', async () => {
    const res = await http().get('/api/disclosure/reports/index').query({ pageSize: 200 });
    expect(res.status).toBe(200);
    const mineOnly = res.body.data.filter((g: any) => g.organization.name in orgs);
    expect(mineOnly.map((g: any) => [g.organization.name, g.reports.map((r: any) => [r.year, r.publishedAt])])).toEqual(
      [
        ['戊-按时发布', [[2024, '2025-01-31T15:00:00.000Z']]],
        ['己-逾期发布', [[2024, '2025-01-31T16:30:00.000Z']]],
        ['庚-已更正', [[2024, '2025-03-01T02:00:00.000Z']]],
      ],
    );
    const report = mineOnly[0].reports[0].documentId;
    expect((await http().get(`/api/disclosure/reports/${report}`)).status).toBe(200);
    expect(res.body.meta.pagination).toMatchObject({ page: 1, pageSize: 200 });
    const page2 = await http().get('/api/disclosure/reports/index').query({ pageSize: 1, page: 2 });
    expect(page2.body.data.map((g: any) => g.organization.documentId)).toEqual([
      res.body.data[1].organization.documentId,
    ]);
    expect((await http().get('/api/disclosure/reports/index').query({ organisation: 'x' })).status).toBe(400);
  });
});
