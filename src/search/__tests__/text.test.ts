// The pure side of search (src/search/text.ts): what is indexed, what a query needs, and that every text containing
// the query is found by the index (the substring test then removes the rest).
import fc from 'fast-check';
import { fts5Query, indexTokens, parseQuery, plainText, snippetOf, tsQuery, foldWidth } from '../text';

test('a Chinese run is indexed as its bigrams and its last character', () => {
  expect(indexTokens('政府采购')).toEqual(['政府', '府采', '采购', '购']);
  expect(indexTokens('ZJ-２０２４ 监理')).toEqual(['zj', 'j', '20', '02', '24', '4', '监理', '理']);
});

test('queries: two characters need one bigram; longer ones all their bigrams and a substring test; one character a prefix', () => {
  const two = parseQuery(' 采购 ')!;
  expect(two.needs).toEqual([{ all: ['采购'] }]);
  expect(two.verify).toEqual([]);
  expect(fts5Query(two)).toBe('"采购"');
  expect(tsQuery(two)).toBe("'采购'");
  const code = parseQuery('ZJ-2024')!;
  expect(code.needs).toEqual([{ all: ['zj'] }, { all: ['20', '02', '24'] }]);
  expect(code.verify).toEqual(['zj-2024']);
  const one = parseQuery('标')!;
  expect(fts5Query(one)).toBe('"标"*');
  expect(tsQuery(one)).toBe("'标':*");
  expect(parseQuery('（）—')).toBeNull();
});

test('property: a text containing the query always has every token the query needs', () => {
  const char = fc.constantFrom(...'政府采购监理招标公告项目编号abcXYZ012-（）， ０Ａ'.split(''));
  fc.assert(
    fc.property(
      fc.array(char, { maxLength: 30 }),
      fc.array(char, { minLength: 1, maxLength: 8 }),
      fc.array(char, { maxLength: 30 }),
      (a, q, b) => {
        const query = parseQuery(q.join(''));
        if (!query) return;
        const tokens = new Set(indexTokens(a.join('') + q.join('') + b.join('')));
        for (const need of query.needs) {
          if ('prefix' in need) expect([...tokens].some((t) => t.startsWith(need.prefix))).toBe(true);
          else for (const token of need.all) expect(tokens.has(token)).toBe(true);
        }
        const haystack = foldWidth(a.join('') + q.join('') + b.join('')).toLowerCase();
        for (const part of query.verify) expect(haystack.includes(part)).toBe(true);
      },
    ),
  );
});

test('markdown bodies become plain text; snippets mark the hits', () => {
  expect(
    plainText(
      '## 一、项目概况\n\n| 序号 | 名称 |\n| --- | --- |\n| 1 | **监理**服务 |\n\n[附件](https://x.example/a.pdf)',
    ),
  ).toBe('一、项目概况 序号 名称 1 监理 服务 附件');
  const body = `${'前文'.repeat(60)}本项目为监理服务采购，监理期三年。`;
  const { snippet, highlights } = snippetOf(body, ['监理']);
  expect(snippet.startsWith('…')).toBe(true);
  expect(highlights.map(([s, e]) => snippet.slice(s, e))).toEqual(['监理', '监理']);
});
