/**
 * Importing a published annual report on the real app: preview (nothing stored) → confirm (stored as the organization's
 * historical report, source "imported", with its original file, who and when) → re-import replaces it; its figures
 * cannot be edited on any other path; continuity of the next computed year reads it; bad input answers 400 naming the
 * field and stores nothing. Also: the narrative check and the standard paragraphs of a computed report.
 */
import { setupStrapi, teardownStrapi, http, adminToken } from '../helpers/strapi';
import { createApplication, createOrganization } from '../helpers/records';
import { getFormat } from '../../src/plugins/disclosure/server/src/format';
import { cellsFromRecords, renderReportHtml, type Cells } from '../../src/plugins/disclosure/server/src/report';
import { htmlToText } from '../../src/plugins/disclosure/server/src/import/sources';

const HISTORICAL = 'plugin::disclosure.historical-report';
const REPORT = 'api::annual-report.annual-report';
const format = getFormat('gov-2021');
const A = (row: string, column: string) => `applications.main.${row}.${column}`;

let strapi: any;
let officer: string;
let superAdmin: string;
let auditor: string;
let org: any;

beforeAll(async () => {
  strapi = await setupStrapi();
  officer = (await adminToken('disclosure-officer')).token;
  superAdmin = (await adminToken('strapi-super-admin')).token;
  auditor = (await adminToken('auditor')).token;
  org = await createOrganization(strapi, { name: '测试县人民政府办公室' });
});
afterAll(teardownStrapi);

const as = (token: string, req: any) => req.set('Authorization', `Bearer ${token}`);

/** 2023 as published: `open` applications of natural persons still open on 31 December, one granted. */
function published2023(open: number): { cells: Cells; html: string } {
  const applications = [
    ...Array.from({ length: open }, () => ({
      receivedOn: '2023-12-01',
      concludedOn: null,
      outcome: null,
      applicantType: 'naturalPerson',
    })),
    { receivedOn: '2023-03-01', concludedOn: '2023-03-10', outcome: 'granted', applicantType: 'commercialEnterprise' },
  ];
  const cells = cellsFromRecords(
    format,
    { applications, cases: [], policyDocuments: [], decisions: [], fees: [] } as any,
    2023,
  );
  const html = renderReportHtml({
    format,
    cells,
    organizationName: '测试县人民政府办公室',
    year: 2023,
    locale: 'zh-Hans',
    sections: { overview: `2023年共收到政府信息公开申请${open + 1}件，办结1件。`, problems: '无', otherMatters: '无' },
    feeDecimals: 4,
  });
  return { cells, html };
}

const importFile = (
  path: string,
  token: string,
  file: { data: Buffer; name: string } | null,
  fields: Record<string, string>,
) => {
  let req = as(token, http().post(path));
  for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
  if (file) req = req.attach('file', file.data, file.name);
  return req;
};
const count = () => strapi.db.query(HISTORICAL).count();
const fileCount = () => strapi.db.query('plugin::upload.file').count();
const errorPaths = (res: any) => (res.body.error?.details?.errors ?? []).map((e: any) => e.path.join('.'));

describe('import of a published report (HTML file)', () => {
  const { html } = published2023(2);
  const file = { data: Buffer.from(html), name: 'report-2023.html' };
  let documentId: string;

  test('before any import, continuity of 2024 is unchecked (no previous report)', async () => {
    await createApplication(strapi, org.documentId, { receivedOn: '2023-12-01', state: 'received' });
    await createApplication(strapi, org.documentId, { receivedOn: '2023-12-02', state: 'received' });
    const res = await as(officer, http().post('/disclosure/reports/compute')).send({
      organization: org.documentId,
      year: 2024,
    });
    expect(res.status).toBe(200);
    expect(res.body.data.previousYear).toBeNull();
    expect(res.body.data.problems.filter((p: any) => p.rule.startsWith('continuity.'))).toEqual([
      expect.objectContaining({
        rule: 'continuity.noPreviousReport',
        cells: [A('carriedOver', 'total')],
        expected: 2023,
      }),
    ]);
  });

  test('preview reads the cells with their places and audits them; nothing is stored', async () => {
    const files = await fileCount();
    const res = await importFile('/disclosure/imports', officer, file, { organization: org.documentId, year: '2023' });
    expect(res.status).toBe(200);
    const d = res.body.data;
    expect(d.format).toBe('gov-2021');
    expect(d.form).toBe('html');
    expect(d.read.year.value).toBe(2023);
    expect(d.read.organization.value).toBe('测试县人民政府办公室');
    expect(d.cells[A('carriedForward', 'naturalPerson')]).toMatchObject({ value: 2, how: 'cell' });
    expect(d.cells[A('carriedForward', 'total')].value).toBe(2);
    const place = d.cells[A('received', 'total')].place;
    expect(d.text.slice(place.offset, place.offset + place.length)).toBe('3');
    expect(d.problems.filter((p: any) => p.severity === 'error')).toEqual([]);
    expect(d.existing).toBeNull();
    expect(await count()).toBe(0);
    expect(await fileCount()).toBe(files);
  });

  test('confirm stores it as an imported report with its original file, who and when', async () => {
    const files = await fileCount();
    const res = await importFile('/disclosure/imports/confirm', officer, file, {
      organization: org.documentId,
      year: '2023',
    });
    expect(res.status).toBe(200);
    const d = res.body.data;
    documentId = d.documentId;
    expect(d).toMatchObject({
      source: 'imported',
      year: 2023,
      format: 'gov-2021',
      form: 'html',
      importedBy: 'disclosure-officer Test',
    });
    expect(d.organization.documentId).toBe(org.documentId);
    expect(Date.now() - Date.parse(d.importedAt)).toBeLessThan(60_000);
    expect(d.file).toMatchObject({ name: 'report-2023.html', mime: 'text/html' });
    expect(d.cells[A('carriedForward', 'total')].value).toBe(2);
    expect(await count()).toBe(1);
    expect(await fileCount()).toBe(files + 1);
    // The original, byte for byte, served as a sandboxed download (never as a page in the admin's origin).
    const served = await http().get(d.file.url);
    expect(served.status).toBe(200);
    expect(served.headers['content-disposition']).toBe('attachment');
    expect(served.headers['content-security-policy']).toContain('sandbox');
    expect(served.text).toBe(html);
    const listed = await as(officer, http().get('/disclosure/imports')).query({ organization: org.documentId });
    expect(listed.body.data.map((r: any) => [r.documentId, r.year, r.source])).toEqual([
      [documentId, 2023, 'imported'],
    ]);
  });

  test('the media library’s own upload route still refuses HTML', async () => {
    const res = await as(officer, http().post('/upload')).attach('files', file.data, 'report-2023.html');
    expect(res.status).toBe(400);
  });

  test('continuity of the computed 2024 report uses the imported 2023 report', async () => {
    const res = await as(officer, http().get('/disclosure/reports/view')).query({
      organization: org.documentId,
      year: 2024,
    });
    expect(res.status).toBe(200);
    expect(res.body.data.previousYear).toEqual({ year: 2023, source: 'imported' });
    // Imported 结转 2 = computed 上年结转 2: no continuity warning at all.
    expect(res.body.data.problems.filter((p: any) => p.rule.startsWith('continuity.'))).toEqual([]);
  });

  test('a re-import (pasted text) replaces the report and its file; continuity compares per column', async () => {
    const files = await fileCount();
    const text = htmlToText(published2023(3).html);
    const preview = await importFile('/disclosure/imports', officer, null, {
      organization: org.documentId,
      year: '2023',
      text,
    });
    expect(preview.status).toBe(200);
    expect(preview.body.data.existing.documentId).toBe(documentId);
    const res = await importFile('/disclosure/imports/confirm', officer, null, {
      organization: org.documentId,
      year: '2023',
      text,
    });
    expect(res.status).toBe(200);
    expect(res.body.data.documentId).toBe(documentId);
    expect(res.body.data.form).toBe('text');
    expect(res.body.data.file).toMatchObject({ name: `imported-${org.documentId}-2023.txt`, mime: 'text/plain' });
    expect(res.body.data.cells[A('carriedForward', 'total')].value).toBe(3);
    expect(await count()).toBe(1);
    expect(await fileCount()).toBe(files); // the old original is removed with the report it belonged to

    const view = await as(officer, http().get('/disclosure/reports/view')).query({
      organization: org.documentId,
      year: 2024,
    });
    const continuity = view.body.data.problems.filter((p: any) => p.rule === 'continuity.carriedOver');
    expect(continuity.map((p: any) => [p.cells, p.expected, p.actual])).toEqual([
      [[A('carriedOver', 'naturalPerson')], 3, 2],
      [[A('carriedOver', 'total')], 3, 2],
    ]);
    expect(view.body.data.needsAcknowledgement).toBe(true);
  });

  test('its figures cannot be edited: Content Manager (any role), code', async () => {
    const put = (token: string) =>
      as(token, http().put(`/content-manager/collection-types/${HISTORICAL}/${documentId}`)).send({
        title: 'edited',
        cells: { [A('carriedForward', 'total')]: { value: 99 } },
      });
    expect((await put(officer)).status).toBe(403); // the officer reads and deletes, never updates
    const bySuper = await put(superAdmin);
    expect(bySuper.status).toBe(400);
    expect(bySuper.body.error.message).toContain('重新导入');
    const created = await as(superAdmin, http().post(`/content-manager/collection-types/${HISTORICAL}`)).send({
      year: 2022,
      formatVersion: 'gov-2021',
    });
    expect(created.status).toBe(400);
    await expect(strapi.documents(HISTORICAL).update({ documentId, data: { cells: {} } })).rejects.toThrow(/重新导入/);
    const stored = await strapi.documents(HISTORICAL).findOne({ documentId });
    expect(stored.cells[A('carriedForward', 'total')].value).toBe(3);
    expect(stored.title).not.toBe('edited');
    expect(await count()).toBe(1);
    const read = await as(officer, http().get(`/content-manager/collection-types/${HISTORICAL}/${documentId}`));
    expect(read.status).toBe(200);
  });
});

describe('bad input answers 400 naming the field and stores nothing', () => {
  const { html } = published2023(1);
  const ok = { data: Buffer.from(html), name: 'r.html' };
  const cases: Array<[string, { data: Buffer; name: string } | null, Record<string, string>, string]> = [
    ['no organization', ok, { year: '2023' }, 'organization'],
    ['an unknown organization', ok, { organization: 'nosuchorganization00', year: '2023' }, 'organization'],
    ['a year that is not a number', ok, { year: 'abc' }, 'year'],
    ['a year not over yet', ok, { year: '2099' }, 'year'],
    ['a year other than the report’s', ok, { year: '2022' }, 'year'],
    ['an executable', { data: Buffer.from('MZ'), name: 'r.exe' }, { year: '2023' }, 'file'],
    ['neither file nor text', null, { year: '2023' }, 'text'],
    ['text that is no report', null, { year: '2023', text: '这不是一份年度报告。' }, 'text'],
    [
      'a PDF without text (scanned)',
      { data: Buffer.from('%PDF-1.4\n%%EOF'), name: 'scan.pdf' },
      { year: '2023' },
      'file',
    ],
  ];
  test.each(cases)('%s', async (_name, file, fields, path) => {
    const before = [await count(), await fileCount()];
    const all = _name === 'no organization' ? fields : { organization: org.documentId, ...fields };
    for (const route of ['/disclosure/imports', '/disclosure/imports/confirm']) {
      const res = await importFile(route, officer, file, all);
      expect({ status: res.status, paths: errorPaths(res) }).toEqual({ status: 400, paths: [path] });
      expect(res.body.error.message).toMatch(new RegExp(`^${path}: .+ / .+`));
    }
    expect([await count(), await fileCount()]).toEqual(before);
  });

  test('the auditor may not import', async () => {
    const res = await importFile('/disclosure/imports', auditor, ok, { organization: org.documentId, year: '2023' });
    expect(res.status).toBe(403);
  });
});

describe('a computed report: the narrative checked before publishing, the standard paragraphs', () => {
  test('a number of section 一 the tables contradict is a warning to acknowledge', async () => {
    const view = await as(officer, http().get('/disclosure/reports/view')).query({
      organization: org.documentId,
      year: 2024,
    });
    const documentId = view.body.data.report.documentId;
    await strapi.documents(REPORT).update({
      documentId,
      locale: 'zh-Hans',
      data: { overview: '2024年，本机关共收到政府信息公开申请5件。', problems: '无', otherMatters: '无' },
    });
    const res = await as(officer, http().get('/disclosure/reports/view')).query({
      organization: org.documentId,
      year: 2024,
    });
    const narrative = res.body.data.problems.filter((p: any) => p.rule.startsWith('narrative.'));
    expect(narrative.map((p: any) => [p.rule, p.severity, p.cells, p.expected, p.actual])).toEqual([
      ['narrative.received', 'warning', [A('received', 'total'), A('carriedOver', 'total')], '0 / 2', 5],
    ]);
    // Acknowledged warnings include it; a corrected text makes it go away.
    await as(officer, http().post('/disclosure/reports/acknowledge')).send({ documentId }).expect(200);
    const acknowledged = await as(officer, http().get('/disclosure/reports/view')).query({
      organization: org.documentId,
      year: 2024,
    });
    expect(acknowledged.body.data.needsAcknowledgement).toBe(false);
    await strapi.documents(REPORT).update({
      documentId,
      locale: 'zh-Hans',
      data: { overview: '2024年，本机关共收到政府信息公开申请0件，上年结转2件。' },
    });
    const fixed = await as(officer, http().get('/disclosure/reports/view')).query({
      organization: org.documentId,
      year: 2024,
    });
    expect(fixed.body.data.problems.filter((p: any) => p.rule.startsWith('narrative.'))).toEqual([]);
  });

  test('the standard paragraphs of the computed tables, in zh-Hans and en', async () => {
    const zh = await as(officer, http().get('/disclosure/reports/paragraphs')).query({
      organization: org.documentId,
      year: 2024,
    });
    expect(zh.status).toBe(200);
    expect(zh.body.data.applications).toBe(
      '2024年，测试县人民政府办公室新收政府信息公开申请0件（自然人申请0件，法人或其他组织申请0件），上年结转2件。' +
        '本年度办结0件，其中予以公开0件，部分公开0件，不予公开0件，无法提供0件，不予处理0件，其他处理0件；结转下年度继续办理2件。' +
        '因政府信息公开被申请行政复议0件，被提起行政诉讼0件。',
    );
    const en = await as(officer, http().get('/disclosure/reports/paragraphs')).query({
      organization: org.documentId,
      year: 2024,
      locale: 'en',
    });
    expect(en.body.data.overview).toContain(
      'Applications for government information disclosure: 0 new, 2 carried over from last year, 0 concluded, 2 carried forward to next year.',
    );
  });
});

describe('deleting an imported report in the Content Manager', () => {
  let other: any;
  const fileExists = (id: number) => strapi.db.query('plugin::upload.file').count({ where: { id } });
  const importYear = async (year: number) => {
    const text = htmlToText(published2023(1).html).replace(/2023/g, String(year));
    const res = await importFile('/disclosure/imports/confirm', officer, null, {
      organization: other.documentId,
      year: String(year),
      text,
    });
    expect(res.status).toBe(200);
    return res.body.data as { documentId: string; file: { id: number; url: string } };
  };
  beforeAll(async () => {
    other = await createOrganization(strapi, { name: '删除测试机构' });
  });

  test('one: the report and its original file in the media library go together', async () => {
    const d = await importYear(2022);
    expect(await fileExists(d.file.id)).toBe(1);
    expect((await http().get(d.file.url)).status).toBe(200);
    const res = await as(officer, http().delete(`/content-manager/collection-types/${HISTORICAL}/${d.documentId}`));
    expect(res.status).toBe(200);
    expect(await strapi.db.query(HISTORICAL).count({ where: { documentId: d.documentId } })).toBe(0);
    expect(await fileExists(d.file.id)).toBe(0);
    expect((await http().get(d.file.url)).status).toBe(404);
  });

  test('bulk: each deleted report takes its file, once the deletion is committed', async () => {
    const a = await importYear(2021);
    const b = await importYear(2020);
    const files = await fileCount();
    const res = await as(
      officer,
      http().post(`/content-manager/collection-types/${HISTORICAL}/actions/bulkDelete`),
    ).send({ documentIds: [a.documentId, b.documentId] });
    expect(res.status).toBe(200);
    expect(await strapi.db.query(HISTORICAL).count({ where: { organization: { documentId: other.documentId } } })).toBe(
      0,
    );
    // Removed after the commit (not awaited by the request): wait for it, bounded.
    for (let i = 0; i < 50 && (await fileCount()) > files - 2; i++) await new Promise((r) => setTimeout(r, 100));
    expect([await fileExists(a.file.id), await fileExists(b.file.id)]).toEqual([0, 0]);
    expect(await fileCount()).toBe(files - 2);
  });
});
