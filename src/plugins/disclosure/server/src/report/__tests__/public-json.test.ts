// The public JSON contract.
import { getFormat, labelIn } from '../../format';
import { type Cells, emptyCells } from '../cells';
import { checkReport } from '../check';
import { layoutBlock } from '../layout';
import { type PublicReport, carriesDeclaration, toPublicReport, withDeclaration } from '../public-json';

const format = getFormat('gov-2021');
const input = {
  format,
  cells: { ...emptyCells(format), 'proactive.fees.fee.amount': '0.0003' } as Cells,
  organization: { documentId: 'abc123', name: '驻马店市公共资源交易中心', shortName: '市交易中心' },
  year: 2021,
  locale: 'zh-Hans' as const,
  publishedAt: new Date('2022-01-29T08:00:00Z'),
  computedAt: '2022-01-28T10:00:00.000Z',
  sections: { overview: '总体情况', problems: null, otherMatters: '' },
};

describe('toPublicReport', () => {
  it('has the documented shape with three tables, and survives JSON', () => {
    const report: PublicReport = toPublicReport(input);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
    expect(report).toMatchObject({
      organization: input.organization,
      year: 2021,
      locale: 'zh-Hans',
      format: { code: 'gov-2021', title: format.title },
      publishedAt: '2022-01-29T08:00:00.000Z',
      computedAt: '2022-01-28T10:00:00.000Z',
      sections: { overview: '总体情况', problems: '', otherMatters: '' },
      checks: { errors: [], warnings: [] },
    });
    expect(report.tables.map((t) => [t.code, t.number, t.blocks.length])).toEqual([
      ['proactive', '二', 4],
      ['applications', '三', 1],
      ['reviewsAndLawsuits', '四', 1],
    ]);
    const [applications] = report.tables[1].blocks;
    expect(applications.rows).toHaveLength(25);
    for (const row of applications.rows)
      expect(Object.keys(row.values)).toEqual(applications.columns.map((c) => c.code));
    expect(report.tables[0].blocks[3].rows[0].values).toEqual({ amount: '0.0003' });
    expect(report.tables[2].blocks[0].rows[0].values.reviewTotal).toBe(0);
  });

  it('uses the labels of the locale and splits the problems it is given', () => {
    const cells: Cells = { ...input.cells, 'applications.main.received.total': 1 };
    const problems = checkReport(format, cells, { organization: { canIssueRegulations: false } });
    const report = toPublicReport({ ...input, cells, locale: 'en', problems, publishedAt: null });
    expect(report.publishedAt).toBeNull();
    expect(report.format.title).toBe(format.titleEn);
    expect(report.tables[1].blocks[0].columns[0].label).toBe(labelIn(format.tables[1].blocks[0].columns[0], 'en'));
    expect(report.checks.errors.map((p) => p.rule)).toEqual(['applications.balance', 'applications.applicantTotal']);
    expect(report.checks.warnings).toEqual([]);
  });
});

describe('the declaration the public JSON carries (the site prints from it and copies nothing)', () => {
  const report = (locale: 'zh-Hans' | 'en') => toPublicReport({ ...input, locale, feeDecimals: 2 });

  it.each(['zh-Hans', 'en'] as const)('titles and orders the sections as the format declares them (%s)', (locale) => {
    const r = report(locale);
    expect(r.title).toBe(
      locale === 'en'
        ? '驻马店市公共资源交易中心: Annual Report on Government Information Disclosure, 2021'
        : '驻马店市公共资源交易中心2021年政府信息公开工作年度报告',
    );
    expect(r.outline.map((s) => [s.kind, s.code])).toEqual([
      ['narrative', 'overview'],
      ['table', 'proactive'],
      ['table', 'applications'],
      ['table', 'reviewsAndLawsuits'],
      ['narrative', 'problems'],
      ['narrative', 'otherMatters'],
    ]);
    expect(r.outline[0].heading).toBe(locale === 'en' ? 'I. Overview' : '一、总体情况');
    expect(r.outline[1].heading).toBe(r.tables[0].title);
  });

  it.each(['zh-Hans', 'en'] as const)(
    'gives each block the grid of the printable page, values as printed (%s)',
    (locale) => {
      const r = report(locale);
      for (const table of format.tables)
        for (const block of table.blocks) {
          const printed = layoutBlock(table, block, { locale, cells: input.cells, feeDecimals: 2 });
          const pub = r.tables.find((t) => t.code === table.code)!.blocks.find((b) => b.code === block.code)!;
          expect(pub.grid.cells).toEqual(
            printed.cells.map(({ row, col, rowspan, colspan, role, text, cellId }) => ({
              row,
              col,
              rowspan,
              colspan,
              role,
              text,
              ...(cellId ? { cell: cellId.split('.').slice(2).join('.') } : {}),
            })),
          );
          expect([pub.grid.headerRows, pub.grid.rowLabelColumns, pub.grid.width, pub.grid.height]).toEqual([
            printed.headerRows,
            printed.rowLabelColumns,
            printed.width,
            printed.height,
          ]);
          expect(pub.showRowLabels).toBe(block.showRowLabels);
          expect(pub.rowHeader).toBe(block.rowHeader ? labelIn(block.rowHeader, locale) : null);
          expect(pub.note).toBe(block.note ? labelIn(block.note, locale) : null);
        }
      const fee = r.tables[0].blocks.find((b) => b.code === 'fees')!;
      expect(fee.grid.cells.find((c) => c.cell === 'fee.amount')!.text).toBe('0.00');
      expect(r.tables[2].blocks[0]).toMatchObject({
        showRowLabels: false,
        rowHeader: null,
        note: null,
        grid: { rowLabelColumns: 0 },
      });
      expect(r.tables[1].blocks[0].grid.cells[0]).toEqual({
        row: 0,
        col: 0,
        rowspan: 3,
        colspan: 3,
        role: 'corner',
        text:
          locale === 'en'
            ? '(In each column: item I plus item II equals item III plus item IV)'
            : '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
      });
    },
  );

  it('is added on read to a report stored before the JSON carried it, identical to a new one', () => {
    const current = report('zh-Hans');
    const { title, outline, ...rest } = current;
    const old = {
      ...rest,
      tables: rest.tables.map((t) => ({
        ...t,
        blocks: t.blocks.map(({ rowHeader, note, showRowLabels, grid, ...b }) => b),
      })),
    };
    const oldJson = JSON.stringify({ data: old });
    expect(carriesDeclaration(oldJson)).toBe(false);
    expect(carriesDeclaration(JSON.stringify({ data: current }))).toBe(true);
    // Narrative text that mentions the key does not pass for it (quotes inside strings are escaped).
    expect(carriesDeclaration(JSON.stringify({ data: { ...old, sections: { overview: '"outline":[' } } }))).toBe(false);
    const upgraded = withDeclaration(JSON.parse(oldJson).data, format);
    expect(JSON.stringify(upgraded)).toBe(JSON.stringify(current));
    // The stored labels are kept (frozen at publication), not today's.
    const renamed = JSON.parse(oldJson).data;
    renamed.tables[1].blocks[0].rows[0].path = ['一、本年新收（旧）'];
    expect(
      withDeclaration(renamed, format).tables[1].blocks[0].grid.cells.find((c) => c.text === '一、本年新收（旧）'),
    ).toMatchObject({ role: 'row', colspan: 3 });
  });
});
