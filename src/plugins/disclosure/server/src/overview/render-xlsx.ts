// The compliance overview as an Excel workbook: one row per organization × year, the columns of the admin page.
import ExcelJS from 'exceljs';
import { REPORT_STATE_LABELS, TIMELINESS_LABELS, type Bilingual, type OverviewRow } from './contract';
import { dateInChina } from './state';

type Locale = 'zh-Hans' | 'en';

/** The columns, in order: header in both languages and the cell of a row. */
export const OVERVIEW_COLUMNS: ReadonlyArray<{
  header: Bilingual;
  width: number;
  value: (r: OverviewRow, locale: Locale) => string | number | null;
}> = [
  { header: { zh: '机构', en: 'Organization' }, width: 36, value: (r) => r.organization.name },
  { header: { zh: '年度', en: 'Year' }, width: 8, value: (r) => r.year },
  { header: { zh: '报告状态', en: 'Report state' }, width: 16, value: (r, l) => text(REPORT_STATE_LABELS[r.state], l) },
  { header: { zh: '发布期限', en: 'Deadline' }, width: 12, value: (r) => r.deadline },
  {
    header: { zh: '是否按时', en: 'Timeliness' },
    width: 18,
    value: (r, l) => text(TIMELINESS_LABELS[r.timeliness], l),
  },
  {
    header: { zh: '首次发布日期', en: 'First published' },
    width: 14,
    value: (r) => (r.firstPublishedAt ? dateInChina(r.firstPublishedAt) : null),
  },
  { header: { zh: '更正次数', en: 'Corrections' }, width: 10, value: (r) => r.corrections },
  { header: { zh: '错误', en: 'Errors' }, width: 8, value: (r) => r.errors },
  { header: { zh: '提示', en: 'Warnings' }, width: 8, value: (r) => r.warnings },
  { header: { zh: '未办结申请', en: 'Open applications' }, width: 12, value: (r) => r.openApplications },
  { header: { zh: '逾期申请', en: 'Overdue applications' }, width: 12, value: (r) => r.overdueApplications },
];

const text = (b: Bilingual, locale: Locale) => (locale === 'en' ? b.en : b.zh);

export async function renderOverviewXlsx(
  rows: readonly OverviewRow[],
  options: { locale: Locale; today: string },
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(options.locale === 'en' ? 'Compliance overview' : '年度报告发布情况');
  ws.columns = OVERVIEW_COLUMNS.map((c) => ({ header: text(c.header, options.locale), width: c.width }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of rows) ws.addRow(OVERVIEW_COLUMNS.map((c) => c.value(r, options.locale)));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: OVERVIEW_COLUMNS.length } };
  wb.created = new Date(`${options.today}T00:00:00+08:00`);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
