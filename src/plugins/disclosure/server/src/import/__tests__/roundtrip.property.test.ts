// Property: a computed report rendered to the layouts real copies have — the plugin's own printable HTML, one number
// per line, tab-separated rows, every row's digits run together — and imported back gives the same cells. A run-together
// row may stay ambiguous, but only when the import reports it; a value read is never a wrong value.
import fc from 'fast-check';
import { getFormat } from '../../format';
import type { ReportFormat } from '../../format/types';
import { cellId, cellsFromRecords, type Cells } from '../../report/cells';
import { Money, formatWan } from '../../report/money';
import { renderReportHtml } from '../../report/render-html';
import { recordSetsArb, YEAR } from '../../report/__tests__/arbitraries';
import { auditReport, parseReport, type ImportedReport } from '..';
import { htmlToText } from '../sources';

const FORMAT = getFormat('gov-2021');
type Layout = 'lines' | 'tabs' | 'runTogether';

const wide = (s: string) => s.replace(/[()]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const printed = (v: number | string) => (typeof v === 'string' ? formatWan(v, 6) : String(v));

/** A plain-text copy of the report laid out like the national format, as real copies flatten it. */
function renderText(format: ReportFormat, cells: Cells, layout: Layout, fullWidth: boolean): string {
  const label = (s: string) => (fullWidth ? wide(s) : s);
  const out: string[] = ['测试单位2021年政府信息公开工作年度报告', ''];
  const rec = cells['applications.main.received.total'];
  const done = cells['applications.main.concluded.total'];
  const fwd = cells['applications.main.carriedForward.total'];
  for (const section of format.sections) {
    if (section.kind === 'narrative') {
      out.push(section.heading);
      if (section.code === 'overview')
        out.push(`本年度共收到政府信息公开申请${rec}件，办结${done}件，结转下年度继续办理${fwd}件。`);
      out.push('');
      continue;
    }
    const table = format.tables.find((t) => t.code === section.table)!;
    out.push(table.heading);
    for (const block of table.blocks) {
      if (block.caption) out.push(label(block.caption.label));
      if (block.note) out.push(label(block.note.label));
      out.push([block.rowHeader?.label ?? '', ...block.columns.map((c) => label(c.label))].join(' '));
      let group = '';
      for (const row of block.rows) {
        const values = block.columns.map((c) => printed(cells[cellId(table.code, block.code, row.code, c.code)]));
        const own = block.showRowLabels ? label(row.path[row.path.length - 1]) : '';
        const parent = row.path.length > 1 ? label(row.path.slice(0, -1).join(' ')) : '';
        if (parent && parent !== group) out.push(parent);
        group = parent;
        if (layout === 'lines') out.push(...(own ? [own] : []), ...values);
        else if (layout === 'tabs') out.push([own, ...values].filter(Boolean).join('\t'));
        else out.push(`${own}${values.join('')}`);
      }
    }
    out.push('');
  }
  return out.join('\n');
}

/** Every cell read equals the computed one; every cell not read is named by an uncertain issue. */
function expectSameOrReported(report: ImportedReport, cells: Cells, allowUnread: boolean) {
  const unread = new Set(report.issues.filter((i) => i.severity === 'uncertain').flatMap((i) => i.cells));
  for (const [id, expected] of Object.entries(cells)) {
    const got = report.cells[id];
    if (!got) {
      expect({ id, reported: unread.has(id), allowUnread }).toEqual({ id, reported: true, allowUnread: true });
      continue;
    }
    if (typeof expected === 'string') expect(new Money(String(got.value)).eq(new Money(expected))).toBe(true);
    else expect({ id, value: got.value }).toEqual({ id, value: expected });
  }
}

/** Random records are consistent by construction: any hard error or narrative warning would be a false alarm
 * (plausibility warnings are legitimate on random data: more lawsuits after review than reviews, say). */
const falseAlarms = (ps: ReturnType<typeof auditReport>) =>
  ps.filter((p) => p.severity === 'error' || p.rule.startsWith('narrative.'));

const caseArb = fc.record({ records: recordSetsArb, fullWidth: fc.boolean() });

describe('computed report → printed layouts → import: the same cells', () => {
  it('the plugin’s own printable HTML', () => {
    fc.assert(
      fc.property(caseArb, ({ records }) => {
        const cells = cellsFromRecords(FORMAT, records, YEAR);
        const html = renderReportHtml({
          format: FORMAT,
          cells,
          organizationName: '测试单位',
          year: YEAR,
          locale: 'zh-Hans',
          sections: {},
          feeDecimals: 6,
        });
        const report = parseReport(htmlToText(html));
        expect(report.year?.value).toBe(YEAR);
        expectSameOrReported(report, cells, false);
        expect(Object.keys(report.cells)).toHaveLength(Object.keys(cells).length);
        expect(falseAlarms(auditReport(report))).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it.each(['lines', 'tabs'] as const)(
    'one number per line / tab-separated rows (%s), ASCII or full-width labels',
    (layout) => {
      fc.assert(
        fc.property(caseArb, ({ records, fullWidth }) => {
          const cells = cellsFromRecords(FORMAT, records, YEAR);
          const report = parseReport(renderText(FORMAT, cells, layout, fullWidth));
          expectSameOrReported(report, cells, false);
          expect(falseAlarms(auditReport(report))).toEqual([]);
        }),
        { numRuns: 40 },
      );
    },
  );

  it('every row’s digits run together: decoded with the arithmetic, or reported, never guessed', () => {
    fc.assert(
      fc.property(caseArb, ({ records, fullWidth }) => {
        const cells = cellsFromRecords(FORMAT, records, YEAR);
        const report = parseReport(renderText(FORMAT, cells, 'runTogether', fullWidth));
        expectSameOrReported(report, cells, true);
        expect(auditReport(report).filter((p) => p.severity === 'error')).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });
});
