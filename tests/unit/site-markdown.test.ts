/**
 * Rich-text bodies on the public site: Markdown rendered by markdown-it (raw HTML off, GFM tables) and sanitized by
 * DOMPurify with the site's allow-list. The same module the site loads (public/site/markdown-core.js), fed with the
 * Node builds of the same packages and a jsdom window.
 */
import MarkdownIt from 'markdown-it';
import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { createMarkdown } from '../../public/site/markdown-core.js';
import { safeUrl } from '../../public/site/url.js';

const window = new JSDOM('').window;
const { renderMarkdown, sanitizeNarrative } = createMarkdown({ MarkdownIt, DOMPurify: createDOMPurify(window as any) });

/** Every element and attribute of the output, parsed as a browser would. */
function parse(html: string) {
  const doc = new JSDOM(`<!DOCTYPE html><body>${html}</body>`).window.document;
  const attributes = Array.from(doc.body.querySelectorAll('*')).flatMap((el) =>
    Array.from(el.attributes).map((a) => ({
      tag: el.tagName.toLowerCase(),
      name: a.name.toLowerCase(),
      value: a.value,
    })),
  );
  return { doc, attributes };
}

/** No event handler, no style, no autofocus, no script address, no element that can run or load script. */
function expectInert(html: string) {
  const { doc, attributes } = parse(html);
  expect(attributes.filter((a) => a.name.startsWith('on'))).toEqual([]);
  expect(
    attributes.filter((a) =>
      ['style', 'autofocus', 'srcdoc', 'formaction', 'action', 'srcset', 'background'].includes(a.name),
    ),
  ).toEqual([]);
  // Text may mention "javascript:"; no attribute may hold it.
  for (const a of attributes)
    expect(a.value.replace(/[\u0000-\u0020]/g, '')).not.toMatch(/(javascript|vbscript|livescript):/i);
  for (const a of attributes.filter((x) => ['href', 'src'].includes(x.name))) {
    expect(a.value.replace(/[\u0000-\u0020]/g, '')).not.toMatch(/^(data|file):/i);
    expect(a.value).not.toMatch(/^[/\\]{2}/);
    if (a.tag === 'img') expect(a.value).toMatch(/^(https?:|\/|\.|[^:]*$)/i);
  }
  expect(
    doc.body.querySelectorAll(
      'script, style, svg, math, iframe, object, embed, form, input, button, textarea, link, meta, base',
    ),
  ).toHaveLength(0);
}

const PAYLOAD = '[x](https://a/![i](x/autofocus/onfocus=window.__xss=77//))';

/** Known ways to smuggle script or style through Markdown renderers. */
const VECTORS: string[] = [
  PAYLOAD,
  '[x](https://a/![i](x/style=position:fixed;top:0;left:0;width:100%;height:100%//))',
  '[x](https://a/![i](x"onmouseover="alert(1)))',
  '![i](x" onerror="alert(1))',
  '[x](javascript:alert(1))',
  '[x](JaVaScRiPt:alert(1))',
  '[x]( javascript:alert(1))',
  '[x](<javascript:alert(1)>)',
  '[x](&#106;avascript:alert(1))',
  '[x](&#x6A;&#x61;&#x76;&#x61;script&colon;alert(1))',
  '[x](java&#9;script:alert(1))',
  '[x](java\tscript:alert(1))',
  '[x](vbscript:msgbox(1))',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[x](file:///etc/passwd)',
  '[x](//evil.example/x)',
  '![i](javascript:alert(1))',
  '![i](JAVASCRIPT:alert(1))',
  '![i](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '![i](data:image/png;base64,iVBORw0KGgo=)',
  '[![i](javascript:alert(1))](javascript:alert(2))',
  '[![i](https://a.example/i.png)](javascript:alert(2))',
  '[ref]\n\n[ref]: javascript:alert(1)',
  '![ref]\n\n[ref]: javascript:alert(1) "t"',
  '<javascript:alert(1)>',
  '<JAVASCRIPT:alert(1)>',
  '<data:text/html,<script>alert(1)</script>>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<a href="javascript:alert(1)">x</a>',
  '<p style="color:red">x</p>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<form action="javascript:alert(1)"><button>x</button></form>',
  '<style>body{display:none}</style>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '`<img src=x onerror=alert(1)>`',
  '```html\n<script>alert(1)</script>\n```',
  '| a | b |\n|---|---|\n| <img src=x onerror=alert(1)> | [x](javascript:alert(1)) |',
  '[x](https://a.example/"onmouseover="alert(1))',
  '[x](https://a.example/ "title\\" onmouseover=\\"alert(1)")',
];

describe("renderMarkdown: the reviewers' payload", () => {
  it('keeps the image text inside the link address instead of turning it into attributes', () => {
    expect(renderMarkdown(PAYLOAD)).toBe(
      '<p><a href="https://a/!%5Bi%5D(x/autofocus/onfocus=window.__xss=77//)" rel="noopener noreferrer">x</a></p>',
    );
  });
});

describe('renderMarkdown: known XSS vectors', () => {
  it.each(VECTORS.map((v) => [v]))('%s renders inert', (source) => {
    expectInert(renderMarkdown(source));
  });

  it('shows raw HTML as text', () => {
    expect(renderMarkdown('<script>alert(1)</script> <img src=x onerror=alert(1)>')).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;</p>',
    );
  });

  it('drops what a renderer letting raw HTML and any address through would emit (the sanitizer stands alone)', () => {
    // markdown-it configured as carelessly as possible: the sanitizer must still remove every vector.
    class Careless extends MarkdownIt {
      constructor() {
        super('default', { html: true });
        this.validateLink = () => true;
      }
      set(options: MarkdownIt.Options) {
        return super.set({ ...options, html: true });
      }
    }
    const careless = createMarkdown({ MarkdownIt: Careless as any, DOMPurify: createDOMPurify(window as any) });
    for (const source of VECTORS) expectInert(careless.renderMarkdown(source));
    expect(
      careless.renderMarkdown('<a href="https://a.example" onclick="x()" style="color:red" target="_top">a</a>'),
    ).toBe('<p><a href="https://a.example" rel="noopener noreferrer">a</a></p>');
    expect(
      careless.renderMarkdown(
        '<img src="data:image/png;base64,AA" onerror="x()" style="a"> <p class="evil align-left">x</p>',
      ),
    ).toBe('<p><img loading="lazy"> </p><p>x</p><p></p>');
  });
});

describe('renderMarkdown: formatting editors use', () => {
  it('renders headings under the page heading, paragraphs with line breaks, lists, emphasis, strikethrough and links', () => {
    expect(
      renderMarkdown(
        '# 第一章 总则\n\n**第一条** 为了*规范*。\n第二行\n\n- 甲\n- ~~乙~~\n\n1. 一\n2. 二\n\n详见[网站](https://example.org/a_b__c)、[本站](/site/documents.html)和[邮箱](mailto:ggzy@example.org)。',
      ),
    ).toBe(
      [
        '<h2>第一章 总则</h2>',
        '<p><strong>第一条</strong> 为了<em>规范</em>。<br>',
        '第二行</p>',
        '<ul>',
        '<li>甲</li>',
        '<li><s>乙</s></li>',
        '</ul>',
        '<ol>',
        '<li>一</li>',
        '<li>二</li>',
        '</ol>',
        '<p>详见<a href="https://example.org/a_b__c" rel="noopener noreferrer">网站</a>、<a href="/site/documents.html">本站</a>和<a href="mailto:ggzy@example.org">邮箱</a>。</p>',
      ].join('\n'),
    );
  });

  it('renders a GFM table (candidate list) with header scopes and alignment as classes', () => {
    const html = renderMarkdown(
      '| 排名 | 中标候选人 | 投标报价（元） |\n|:--|:-:|--:|\n| 1 | 河南第一建设集团有限公司 | 11,880,000.00 |\n| 2 | 乙公司 ~~（已放弃）~~ | 12,000,000.00 |',
    );
    expect(html).toBe(
      [
        '<table>',
        '<thead>',
        '<tr>',
        '<th scope="col" class="align-left">排名</th>',
        '<th scope="col" class="align-center">中标候选人</th>',
        '<th scope="col" class="align-right">投标报价（元）</th>',
        '</tr>',
        '</thead>',
        '<tbody>',
        '<tr>',
        '<td class="align-left">1</td>',
        '<td class="align-center">河南第一建设集团有限公司</td>',
        '<td class="align-right">11,880,000.00</td>',
        '</tr>',
        '<tr>',
        '<td class="align-left">2</td>',
        '<td class="align-center">乙公司 <s>（已放弃）</s></td>',
        '<td class="align-right">12,000,000.00</td>',
        '</tr>',
        '</tbody>',
        '</table>',
      ].join('\n'),
    );
    // Valid HTML: the browser's parser keeps the structure as written.
    expect(parse(html).doc.body.innerHTML).toBe(html);
  });

  it('renders a fee table without alignment', () => {
    expect(renderMarkdown('| 项目 | 收费 |\n|---|---|\n| 新办证书 | 300元 |')).toBe(
      '<table>\n<thead>\n<tr>\n<th scope="col">项目</th>\n<th scope="col">收费</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>新办证书</td>\n<td>300元</td>\n</tr>\n</tbody>\n</table>',
    );
  });

  it('nests lists as valid HTML (a list inside its item)', () => {
    const html = renderMarkdown('1. 投标人资格\n   - 具有独立法人资格\n   - 具备相应资质\n2. 投标文件');
    expect(html).toBe(
      [
        '<ol>',
        '<li>投标人资格',
        '<ul>',
        '<li>具有独立法人资格</li>',
        '<li>具备相应资质</li>',
        '</ul>',
        '</li>',
        '<li>投标文件</li>',
        '</ol>',
      ].join('\n'),
    );
    expect(parse(html).doc.body.innerHTML).toBe(html);
    expect(renderMarkdown('5. 第五项\n6. 第六项')).toBe('<ol start="5">\n<li>第五项</li>\n<li>第六项</li>\n</ol>');
  });

  it('links bare http(s) addresses and autolinks, external ones with rel="noopener noreferrer"', () => {
    expect(renderMarkdown('见 https://ggzy.example.gov.cn/a 及 <https://b.example/>')).toBe(
      '<p>见 <a href="https://ggzy.example.gov.cn/a" rel="noopener noreferrer">https://ggzy.example.gov.cn/a</a> 及 <a href="https://b.example/" rel="noopener noreferrer">https://b.example/</a></p>',
    );
  });

  it('shows images from this site or http(s) only, with their alt text', () => {
    expect(renderMarkdown('![流程"图](/uploads/a.png)')).toBe(
      '<p><img src="/uploads/a.png" alt="流程&quot;图" loading="lazy"></p>',
    );
    expect(renderMarkdown('![外](https://a.example/b.png)')).toBe(
      '<p><img src="https://a.example/b.png" alt="外" loading="lazy"></p>',
    );
    expect(renderMarkdown('![信](mailto:a@b.c)')).toBe('<p>信</p>');
  });

  it('keeps code spans literal and quotes as blockquotes', () => {
    expect(renderMarkdown('`**a**`')).toBe('<p><code>**a**</code></p>');
    expect(renderMarkdown('> 引用')).toBe('<blockquote>\n<p>引用</p>\n</blockquote>');
  });

  it('accepts empty input', () => {
    expect(renderMarkdown(null)).toBe('');
    expect(renderMarkdown('')).toBe('');
    expect(renderMarkdown('  \n')).toBe('');
  });
});

describe('heading levels', () => {
  it('start at h2 under the page title, whatever level the editor started with', () => {
    expect(renderMarkdown('## 一、概况\n\n### 1. 规模')).toBe('<h2>一、概况</h2>\n<h3>1. 规模</h3>');
    expect(renderMarkdown('# 总则')).toBe('<h2>总则</h2>');
    expect(renderMarkdown('# a', { topLevel: 3 })).toBe('<h3>a</h3>');
    expect(renderMarkdown('# a\n\n###### b')).toBe('<h2>a</h2>\n<h6>b</h6>');
  });
});

describe("sanitizeNarrative (a report's sections in simple HTML)", () => {
  it('keeps the simple tags and drops every attribute and anything active', () => {
    expect(
      sanitizeNarrative(
        '<p onclick="x()" style="color:red">一、<strong>总体</strong><a href="javascript:alert(1)">情况</a></p><script>alert(1)</script><img src=x onerror=alert(1)>',
      ),
    ).toBe('<p>一、<strong>总体</strong>情况</p>');
  });
});

describe('safeUrl', () => {
  it.each([
    ['https://a.example', 'https://a.example'],
    ['HTTP://a.example', 'HTTP://a.example'],
    ['mailto:x@example.org', 'mailto:x@example.org'],
    ['/uploads/file.pdf', '/uploads/file.pdf'],
    ['file.pdf', 'file.pdf'],
    ['#section', '#section'],
    ['  /a  ', '/a'],
    ['javascript:alert(1)', null],
    [' \u0001javascript:alert(1)', null],
    ['java\tscript:alert(1)', null],
    ['java\nscript:alert(1)', null],
    ['data:text/html,x', null],
    ['vbscript:x', null],
    ['//evil.example/x', null],
    ['/\\evil.example/x', null],
    ['\\\\evil.example/x', null],
    ['', null],
    [null, null],
  ])('%j → %j', (input, expected) => expect(safeUrl(input)).toBe(expected));

  it('allows no mailto: for images', () => {
    expect(safeUrl('mailto:x@example.org', { image: true })).toBeNull();
    expect(safeUrl('https://a.example/i.png', { image: true })).toBe('https://a.example/i.png');
  });
});
