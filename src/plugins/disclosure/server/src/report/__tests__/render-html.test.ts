// The HTML report: every label of the real 2021 report, merged headers, escaping, English, previews.
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { fillTemplate, getFormat, headingIn, labelIn } from '../../format';
import { fixtureTableLabels, normalizeLabel } from '../../format/__tests__/fixture';
import { type Cells, emptyCells, listCells } from '../cells';
import { checkReport } from '../check';
import { renderNarrative, renderReportHtml } from '../render-html';

const format = getFormat('gov-2021');
const FEE = 'proactive.fees.fee.amount';
const base = {
  format,
  cells: emptyCells(format),
  organizationName: '驻马店市公共资源交易中心',
  year: 2021,
  locale: 'zh-Hans' as const,
  sections: { overview: '2021年，中心严格对照要求。', problems: '', otherMatters: '' },
};
const textOf = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
const tablesOf = (html: string) => html.slice(html.indexOf('<table'), html.lastIndexOf('</table>'));

describe('renderReportHtml', () => {
  const html = renderReportHtml(base);

  it('is a complete HTML5 document with the report title', () => {
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="zh-Hans">/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<title>驻马店市公共资源交易中心2021年政府信息公开工作年度报告</title>');
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/<link|<script|<img|src=|url\(/i);
  });

  it('prints every label of the real 2021 report', () => {
    const text = normalizeLabel(textOf(html));
    expect(fixtureTableLabels().filter((l) => !text.includes(l))).toEqual([]);
  });

  it('has the six sections in order, real tables with captions, merged headers and 0 in every value cell', () => {
    const headings = format.sections.map((s) =>
      s.kind === 'table'
        ? headingIn(
            format.tables.find((t) => t.code === s.table)!,
            'zh-Hans',
          )
        : s.heading,
    );
    const positions = headings.map((h) => html.indexOf(`<h2>${h}</h2>`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(html.match(/<table/g)).toHaveLength(6);
    expect(html.match(/<caption/g)).toHaveLength(6);
    expect(html).toMatch(/<th scope="row" rowspan="22">/);
    expect(html).toMatch(/<th scope="col" colspan="7">/);
    // Every header cell has a valid scope (no colgroup scope without a <colgroup>).
    expect(html.match(/<th[ >]/g)!.length).toBe(html.match(/<th scope="(col|row)"/g)!.length);
    expect(html).not.toMatch(/scope="colgroup"/);
    expect(html).not.toMatch(/<td[^>]*>\s*<\/td>/);
    const values = [...html.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]);
    expect(values).toHaveLength(listCells(format).length);
    expect(new Set(values)).toEqual(new Set(['0', '0.0000']));
  });

  it('states the fee precision in the header and prints the fee with it, rounding half up', () => {
    const cells: Cells = { ...emptyCells(format), [FEE]: '24252.311082' };
    const column = format.tables[0].blocks[3].columns[0];
    const two = renderReportHtml({ ...base, cells, feeDecimals: 2 });
    expect(two).toContain(fillTemplate(column.decimalsLabel!.label, { decimals: 2 }));
    expect(two).toContain('>24252.31</td>');
    expect(renderReportHtml({ ...base, cells, feeDecimals: 5 })).toContain('>24252.31108</td>');
    expect(renderReportHtml({ ...base, cells, feeDecimals: 6 })).toContain('>24252.311082</td>');
  });

  it('escapes narrative text and keeps its paragraphs', () => {
    const out = renderReportHtml({
      ...base,
      organizationName: '<b>机构</b>',
      sections: {
        overview: 'a & b\n\n<script>alert(1)</script>\nline',
        problems: '<p onclick="x()">ok <em>yes</em></p><script>bad()</script>',
        otherMatters: null as unknown as string,
      },
    });
    expect(out).not.toMatch(/<script|onclick|<b>/);
    expect(out).toContain('<p>a &amp; b</p>\n<p>&lt;script&gt;alert(1)&lt;/script&gt;<br>line</p>');
    expect(out).toContain('<p>ok <em>yes</em></p>&lt;script&gt;bad()&lt;/script&gt;');
    expect(out).toContain('&lt;b&gt;机构&lt;/b&gt;');
  });

  it('uses the English labels with the same layout', () => {
    const en = renderReportHtml({
      ...base,
      locale: 'en',
      organizationName: 'Zhumadian Public Resource Trading Center',
    });
    expect(en).toContain('<html lang="en">');
    expect(tablesOf(en)).not.toMatch(/[\u4e00-\u9fff]/);
    for (const ref of listCells(format).filter((r) => r.block.showRowLabels))
      expect(en).toContain(labelIn(ref.row, 'en').replace(/&/g, '&amp;').replace(/'/g, '&#39;'));
    expect(en.replace(/>[^<]*</g, '><')).toBe(html.replace(/>[^<]*</g, '><').replace('lang="zh-Hans"', 'lang="en"'));
  });

  it('marks the cells named by problems, for previews', () => {
    const cells: Cells = { ...emptyCells(format), 'applications.main.received.naturalPerson': 1 };
    const out = renderReportHtml({ ...base, cells, problems: checkReport(format, cells) });
    expect(out).toMatch(
      /<td class="num problem problem-error" data-cell="applications.main.received.naturalPerson" title="[^"]+">1<\/td>/,
    );
  });

  it('links the downloads, but never to a javascript: URL', () => {
    const out = renderReportHtml({
      ...base,
      downloads: { csv: '/api/r/1.csv', xlsx: 'javascript:alert(1)', json: 'https://x.test/r.json?a=1&b=2' },
    });
    expect(out).toContain('href="/api/r/1.csv"');
    expect(out).toContain('href="https://x.test/r.json?a=1&amp;b=2"');
    expect(out).not.toContain('javascript:');
  });
});

/** What an HTML parser makes of a fragment, serialized again: valid markup comes back exactly as written. */
const { body } = new JSDOM('<!DOCTYPE html><body>').window.document;
const reparsed = (fragment: string) => {
  body.innerHTML = fragment;
  return body.innerHTML;
};

describe('renderNarrative', () => {
  it('balances the tags it keeps and drops comments', () => {
    expect(renderNarrative('<ul><li>one<li>two</ul><!-- hidden --><p>x')).toBe(
      '<ul><li>one</li><li>two</li></ul><p>x</p>',
    );
    expect(renderNarrative('')).toBe('');
    expect(renderNarrative('  \n\n ')).toBe('');
  });

  it('writes nested lists an HTML parser reads back as written: items in lists, never an item in an item', () => {
    const cases: Array<[string, string]> = [
      [
        '<ul><li>甲<ul><li>甲一<li>甲二</ul><li>乙</ul>',
        '<ul><li>甲<ul><li>甲一</li><li>甲二</li></ul></li><li>乙</li></ul>',
      ],
      ['<ol><li>一<ol><li>1<li>2</ol></li><li>二</ol>', '<ol><li>一<ol><li>1</li><li>2</li></ol></li><li>二</li></ol>'],
      ['<p>前言<ul><li>要点</ul>', '<p>前言</p><ul><li>要点</li></ul>'],
      ['<h3>标题<h4>小标题</h4>', '<h3>标题</h3><h4>小标题</h4>'],
      ['<ul><li><strong>粗<li>细</ul>', '<ul><li><strong>粗</strong></li><li>细</li></ul>'],
    ];
    for (const [input, expected] of cases) {
      const out = renderNarrative(input);
      expect(out).toBe(expected);
      expect(reparsed(out)).toBe(out);
    }
  });

  it('any mix of the kept tags parses back as written', () => {
    const tag = fc.constantFrom(
      '<ul>',
      '</ul>',
      '<ol>',
      '</ol>',
      '<li>',
      '</li>',
      '<p>',
      '</p>',
      '<strong>',
      '</strong>',
      '<em>',
      '</em>',
      '<blockquote>',
      '</blockquote>',
      '<h3>',
      '</h3>',
      '文',
      '<br>',
    );
    fc.assert(
      fc.property(fc.array(tag, { minLength: 1, maxLength: 20 }), (parts) => {
        const out = renderNarrative(parts.join(''));
        expect(reparsed(out)).toBe(out);
      }),
      { numRuns: 500 },
    );
  });
});
