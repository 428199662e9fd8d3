/** The site's XML builders: any text, however hostile, yields well-formed XML that reads back as the same text. */
import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { atomFeed, escapeXml, robotsTxt, urlset, w3cDate } from '../xml';

const parser = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: false,
});

describe('escapeXml', () => {
  it('makes any string safe as element text and as an attribute value', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), (text, binary) => {
        for (const s of [text, binary]) {
          const xml = `<a title="${escapeXml(s)}">${escapeXml(s)}</a>`;
          expect(XMLValidator.validate(xml)).toBe(true);
        }
      }),
    );
  });

  it('keeps the text, minus characters XML forbids', () => {
    expect(escapeXml('关于<招标>公告 & "测试" \'引号\'\u0001\uFFFF')).toBe(
      '关于&lt;招标&gt;公告 &amp; &quot;测试&quot; &apos;引号&apos;',
    );
    const parsed = parser.parse(`<a>${escapeXml('A & B <c>')}</a>`);
    expect(parsed.a).toBe('A & B <c>');
  });
});

describe('builders', () => {
  it('write W3C dates in UTC and drop invalid ones', () => {
    expect(w3cDate('2024-03-04T10:00:00+08:00')).toBe('2024-03-04T02:00:00Z');
    expect(w3cDate('nonsense')).toBeNull();
    expect(w3cDate(null)).toBeNull();
  });

  it('write a urlset and a feed that validate, with the feed updated at its newest entry', () => {
    const map = urlset([
      { loc: 'https://x.cn/site/notice.html?id=a&b=1', lastmod: '2024-01-01T00:00:00Z' },
      { loc: 'https://x.cn/' },
    ]);
    expect(XMLValidator.validate(map)).toBe(true);
    expect(map).toContain(
      '<loc>https://x.cn/site/notice.html?id=a&amp;b=1</loc><lastmod>2024-01-01T00:00:00Z</lastmod>',
    );
    const feed = atomFeed({
      id: 'https://x.cn/feeds/notices.atom',
      title: '交易公告',
      selfLink: 'https://x.cn/feeds/notices.atom',
      siteLink: 'https://x.cn/',
      author: 'A&B',
      lang: 'zh-Hans',
      entries: [
        { id: '1', title: '<一>', link: 'https://x.cn/1', updated: '2024-01-01T00:00:00Z' },
        {
          id: '2',
          title: '二',
          link: 'https://x.cn/2',
          updated: '2024-06-01T00:00:00Z',
          published: '2024-05-01T00:00:00Z',
          summary: '摘要',
        },
      ],
    });
    expect(XMLValidator.validate(feed)).toBe(true);
    expect(feed).toMatch(
      /<\/title>\n<link rel="self"[^\n]*\n<link rel="alternate"[^\n]*\n<updated>2024-06-01T00:00:00Z<\/updated>/,
    );
    const empty = atomFeed({
      id: 'i',
      title: 't',
      selfLink: 's',
      siteLink: 'l',
      author: 'a',
      lang: 'zh-Hans',
      entries: [],
    });
    expect(XMLValidator.validate(empty)).toBe(true);
    expect(empty).toContain('<updated>1970-01-01T00:00:00Z</updated>');
  });

  it('write robots.txt with the sitemap of the origin', () => {
    expect(robotsTxt('https://ggzy.example.cn')).toContain('Sitemap: https://ggzy.example.cn/sitemap.xml');
  });

  it('keeps crawlers off the search page and the search API', () => {
    const lines = robotsTxt('https://ggzy.example.cn').split('\n');
    expect(lines.filter((l) => l.startsWith('Disallow: '))).toEqual([
      'Disallow: /admin',
      'Disallow: /api/disclosure/applications',
      'Disallow: /site/search.html',
      'Disallow: /api/search',
    ]);
  });
});
