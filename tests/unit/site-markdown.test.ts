// Rich-text bodies are Markdown from editors: rendered with the common formatting, and never as live HTML.
import { renderMarkdown, safeUrl } from '../../public/site/markdown.js';

describe('renderMarkdown', () => {
  it('renders headings under the page heading, paragraphs, lists, emphasis and links', () => {
    const html = renderMarkdown('# 第一章 总则\n\n**第一条** 为了*规范*。\n第二行\n\n- 甲\n- 乙\n\n1. 一\n2. 二\n\n详见[网站](https://example.org/a_b__c)。');
    expect(html).toBe(
      [
        '<h2>第一章 总则</h2>',
        '<p><strong>第一条</strong> 为了<em>规范</em>。<br>第二行</p>',
        '<ul><li>甲</li><li>乙</li></ul>',
        '<ol><li>一</li><li>二</li></ol>',
        '<p>详见<a href="https://example.org/a_b__c" rel="noopener noreferrer">网站</a>。</p>',
      ].join('\n'),
    );
  });

  it('shows raw HTML as text', () => {
    const html = renderMarkdown('<script>alert(1)</script> <img src=x onerror=alert(1)>');
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain('&lt;script&gt;');
  });

  it('never links to script addresses, and keeps quotes out of attributes', () => {
    expect(renderMarkdown('[x](javascript:alert(1))')).not.toContain('href');
    expect(renderMarkdown('[x](JaVaScRiPt:alert)')).not.toContain('href');
    expect(renderMarkdown('![a"b](/uploads/a.png)')).toBe('<p><img src="/uploads/a.png" alt="a&quot;b" loading="lazy"></p>');
    expect(renderMarkdown('[x](/a"onmouseover="alert(1))')).not.toMatch(/"onmouseover/);
  });

  it('keeps code spans literal and quotes as blockquotes', () => {
    expect(renderMarkdown('`**a**`')).toBe('<p><code>**a**</code></p>');
    expect(renderMarkdown('> 引用')).toBe('<blockquote><p>引用</p></blockquote>');
  });

  it('accepts empty input', () => {
    expect(renderMarkdown(null)).toBe('');
    expect(renderMarkdown('')).toBe('');
  });
});

describe('safeUrl', () => {
  it.each([
    ['https://a.example', 'https://a.example'],
    ['mailto:x@example.org', 'mailto:x@example.org'],
    ['/uploads/file.pdf', '/uploads/file.pdf'],
    ['javascript:alert(1)', null],
    ['data:text/html,x', null],
    ['//evil.example/x', null],
    ['', null],
  ])('%s → %s', (input, expected) => expect(safeUrl(input)).toBe(expected));
});

describe('heading levels', () => {
  it('start at h2 under the page title, whatever level the editor started with', () => {
    expect(renderMarkdown('## 一、概况\n\n### 1. 规模')).toBe('<h2>一、概况</h2>\n<h3>1. 规模</h3>');
    expect(renderMarkdown('# 总则')).toBe('<h2>总则</h2>');
    expect(renderMarkdown('# a', { topLevel: 3 })).toBe('<h3>a</h3>');
  });
});
