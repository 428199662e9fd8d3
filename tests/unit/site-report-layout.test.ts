// The site lays out a published report from its public JSON; it must merge cells exactly as the plugin's printable
// page does (the national format), and its hints must match the format declaration.
import { getFormat } from '../../src/plugins/disclosure/server/src/format';
import { emptyCells, layoutBlock as serverLayout, toPublicReport } from '../../src/plugins/disclosure/server/src/report';
import { FORMAT_HINTS, blockOptions, layoutBlock, narrativeHeading, reportTitle, sectionOrder } from '../../public/site/report-layout.js';

const format = getFormat('gov-2021');
const cells = emptyCells(format);
const publicReport = (locale: 'zh-Hans' | 'en') =>
  toPublicReport({
    format,
    cells,
    organization: { documentId: 'org1', name: '驻马店市公共资源交易中心' },
    year: 2024,
    locale,
    computedAt: '2025-01-10T00:00:00.000Z',
    sections: { overview: '总体', problems: '问题', otherMatters: '其他' },
  });

describe.each(['zh-Hans', 'en'] as const)('the site layout in %s', (locale) => {
  const report = publicReport(locale);
  const cases = format.tables.flatMap((table) =>
    table.blocks.map((block) => [`${table.code}.${block.code}`, table, block] as const),
  );

  it.each(cases)('%s merges header and row cells like the printable page', (_, table, block) => {
    const server = serverLayout(table, block, { locale, cells, feeDecimals: 4 });
    const publicTable = report.tables.find((t) => t.code === table.code)!;
    const publicBlock = publicTable.blocks.find((b) => b.code === block.code)!;
    const site = layoutBlock(publicBlock, blockOptions(report, publicTable, publicBlock));
    const shape = (c: any) => ({ row: c.row, col: c.col, rowspan: c.rowspan, colspan: c.colspan, role: c.role });
    expect(site.cells.map(shape)).toEqual(server.cells.map(shape));
    expect([site.headerRows, site.rowLabelColumns, site.width, site.height]).toEqual([server.headerRows, server.rowLabelColumns, server.width, server.height]);
    // Same labels and the same printed values (one rendering rule: the fee prints "0.0000", not "0").
    expect(site.cells.map((c: any) => c.text)).toEqual(server.cells.map((c) => c.text));
  });

  it('orders and heads the sections as the format declares them', () => {
    const order = format.sections.map((s) => (s.kind === 'narrative' ? s.code : s.table));
    expect(sectionOrder(report)).toEqual(order);
    for (const s of format.sections) {
      if (s.kind === 'narrative') expect(narrativeHeading(report, s.code)).toBe(locale === 'en' ? s.headingEn : s.heading);
    }
  });

  it('titles the report like the printable page', () => {
    const template = format.texts.documentTitle[locale === 'en' ? 'en' : 'zh'];
    expect(reportTitle(report)).toBe(template.replace('{organization}', '驻马店市公共资源交易中心').replace('{year}', '2024'));
  });
});

describe('FORMAT_HINTS', () => {
  it('copy the corner texts and row-label settings of the declaration', () => {
    const hints = FORMAT_HINTS['gov-2021'];
    for (const table of format.tables) {
      for (const block of table.blocks) {
        const hint = hints.blocks[`${table.code}.${block.code}` as keyof typeof hints.blocks];
        const corner = block.note ?? block.rowHeader;
        expect(hint.corner).toEqual(corner ? { zh: corner.label, en: corner.labelEn } : null);
        expect(hint.showRowLabels).toBe(block.showRowLabels);
      }
    }
    expect(hints.documentTitle).toEqual(format.texts.documentTitle);
  });

  it('prefer what the JSON carries when it carries it', () => {
    const report = publicReport('zh-Hans');
    const table = report.tables[1];
    const block = { ...table.blocks[0], note: 'N', showRowLabels: false };
    expect(blockOptions(report, table, block)).toEqual({ corner: 'N', showRowLabels: false });
    expect(narrativeHeading({ ...report, sectionHeadings: { overview: 'H' } }, 'overview')).toBe('H');
  });
});
