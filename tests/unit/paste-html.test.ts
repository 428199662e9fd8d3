/**
 * Pasting from Word/WPS into a Markdown body (src/admin/paste): real Word clipboard HTML becomes the Markdown the site
 * renders — numbered clauses, bold, a fee table with a merged header — and whatever script the pasted HTML carries
 * never reaches the page, through the converter and then through the site's own renderer (public/site/markdown-core.js).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { hasStructure, htmlToMarkdown } from '../../src/admin/paste/html-to-markdown';
import { createMarkdown } from '../../public/site/markdown-core.js';

const parse = (html: string) => new JSDOM(html).window.document;
const convert = (html: string) => htmlToMarkdown(html, parse);
const { renderMarkdown } = createMarkdown({ MarkdownIt, DOMPurify: createDOMPurify(new JSDOM('').window as any) });
const rendered = (markdown: string) =>
  new JSDOM(`<!DOCTYPE html><body>${renderMarkdown(markdown)}</body>`).window.document.body;
const WORD = readFileSync(join(__dirname, '../fixtures/paste/word-fee-schedule.html'), 'utf8');

describe('Word HTML to Markdown', () => {
  it('keeps the title in bold, joins lines Word broke inside a sentence, numbers clauses, and makes the fee table GFM', () => {
    expect(convert(WORD)).toBe(
      [
        '**关于调整公共资源交易服务费标准的通知**',
        '',
        '各县区分中心、各交易主体：为规范收费行为，根据有关规定，现将调整事项通知如下。',
        '',
        '1.  自**2022年1月1日**起执行新标准；',
        '2.  原标准同时废止。',
        '',
        '（一） 工程建设项目按中标金额分档收取。',
        '',
        '| 中标金额（万元） | 费率 / 招标人 | 费率 / 中标人 |',
        '| --- | ---: | ---: |',
        '| 100以下 | 0.10% | 0.15% |',
        '| 100–500 （含500） | 0.08% | 0.12\\|% |',
        '',
        '联系电话：0396-2827777',
      ].join('\n'),
    );
  });

  it('renders on the site as an ordered list, bold text and a table with its header row', () => {
    const body = rendered(convert(WORD));
    expect(Array.from(body.querySelectorAll('ol > li')).map((li) => li.textContent)).toEqual([
      '自2022年1月1日起执行新标准；',
      '原标准同时废止。',
    ]);
    expect(body.querySelector('ol strong')?.textContent).toBe('2022年1月1日');
    const table = body.querySelector('table')!;
    expect(Array.from(table.querySelectorAll('thead th')).map((th) => th.textContent)).toEqual([
      '中标金额（万元）',
      '费率 / 招标人',
      '费率 / 中标人',
    ]);
    expect(
      Array.from(table.querySelectorAll('tbody tr')).map((tr) => Array.from(tr.children).map((td) => td.textContent)),
    ).toEqual([
      ['100以下', '0.10%', '0.15%'],
      ['100–500 （含500）', '0.08%', '0.12|%'],
    ]);
  });

  it('repeats a cell merged down in each row (a candidate list by section), leaves a cell merged across in its first column', () => {
    const html = `<table><thead><tr><th>标段</th><th>名次</th><th>候选人</th></tr></thead><tbody>
      <tr><td rowspan="2">一标段</td><td>1</td><td>河南甲建设有限公司</td></tr>
      <tr><td>2</td><td>河南乙建设有限公司</td></tr>
      <tr><td colspan="2">合计</td><td>2 家</td></tr></tbody></table>`;
    expect(convert(html)).toBe(
      [
        '| 标段 | 名次 | 候选人 |',
        '| --- | --- | --- |',
        '| 一标段 | 1 | 河南甲建设有限公司 |',
        '| 一标段 | 2 | 河南乙建设有限公司 |',
        '| 合计 |  | 2 家 |',
      ].join('\n'),
    );
  });

  it('takes bold written as a style (WPS, web pages) and lists written as lists', () => {
    expect(
      convert(
        '<p>按<span style="font-weight:bold">中标金额</span>收取</p><ol><li>一</li><li>二</li></ol><ul><li>甲</li></ul>',
      ),
    ).toBe('按**中标金额**收取\n\n1.  一\n2.  二\n\n-   甲');
  });

  it('converts only HTML with structure: a code editor’s coloured spans keep their Markdown as typed', () => {
    expect(hasStructure(WORD)).toBe(true);
    expect(hasStructure('<table><tr><td>x</td></tr></table>')).toBe(true);
    expect(hasStructure('<div><span style="color:#569cd6">| a | b |</span></div>')).toBe(false);
  });
});

describe('pasted script never reaches the page', () => {
  const HOSTILE = `<p>正文<script>window.__xss=1</script><img src="x" onerror="window.__xss=2"><img src="file:///C:/Users/a/image001.png">
    <a href="javascript:alert(1)">点击</a> <a href="https://ggzy.example.gov.cn/a" onclick="alert(1)">链接</a></p>
    <iframe src="https://evil.example"></iframe><style>body{display:none}</style>
    <table><tr><th onmouseover="alert(1)">项目</th></tr><tr><td><svg onload="alert(1)"></svg>&lt;script&gt;alert(1)&lt;/script&gt;</td></tr></table>`;

  it('drops scripts, handlers, script and file addresses in the converter', () => {
    const markdown = convert(HOSTILE);
    expect(markdown).not.toMatch(/__xss|javascript:|file:|onerror|onclick|onmouseover|onload|iframe|display:none/i);
    expect(markdown).toContain('[链接](https://ggzy.example.gov.cn/a)');
    expect(markdown).toContain('点击');
  });

  it('renders the converted body without any active element or attribute', () => {
    const body = rendered(convert(HOSTILE));
    expect(body.querySelectorAll('script, iframe, style, svg, img')).toHaveLength(0);
    const attributes = Array.from(body.querySelectorAll('*')).flatMap((el) =>
      Array.from(el.attributes).map((a) => a.name),
    );
    expect(attributes.filter((name) => name.startsWith('on') || name === 'style')).toEqual([]);
    expect(body.querySelector('td')?.textContent).toBe('<script>alert(1)</script>');
  });
});
