// The source readers: the same real report as .txt, as a Word document with tables, and as a two-page text PDF (a
// table broken by a page footer) reads into the same cells; a PDF without text is refused as out of scope.
import { importFile, parseReport, readSource, SourceError } from '..';
import { htmlToText } from '../sources';
import { loadFixture } from './fixtures';
import { makeDocx, makePdf, type PdfLine } from './documents';

const values = (r: { cells: Record<string, { value: unknown }> }) =>
  Object.fromEntries(Object.entries(r.cells).map(([id, c]) => [id, c.value]));

describe('source readers', () => {
  const shuyang = loadFixture('shuyang-county-2025');
  const shuyangText = shuyang.data.toString('utf8');
  const zhumadian = loadFixture('zhumadian-center-2021').data.toString('utf8');

  it('HTML: a row per line, an empty cell kept as a blank, entities decoded, scripts dropped', () => {
    const text = htmlToText(
      '<html><head><title>T</title><script>var x = "一、本年新收";</script></head><body><p>一段&nbsp;文字</p>' +
        '<table><tr><td>（一）予以公开</td><td>3</td><td>&nbsp;</td><td></td><td>1</td></tr></table></body></html>',
    );
    expect(text.split('\n')).toEqual(['T', '一段 文字', '| （一）予以公开 | 3 |  |  | 1 |']);
  });

  it('DOCX (mammoth): the real Shuyang report as a Word document with tables reads as its text does', async () => {
    // Markdown tables of the fixture become Word tables; every other line a paragraph.
    const blocks: Array<string | string[][]> = [];
    for (const line of shuyangText.split('\n')) {
      if (/^\|[-\s|]+\|$/.test(line)) continue;
      if (line.startsWith('|')) {
        const cells = line
          .split('|')
          .slice(1, -1)
          .map((c) => c.trim());
        const last = blocks[blocks.length - 1];
        if (Array.isArray(last)) last.push(cells);
        else blocks.push([cells]);
      } else if (line.trim()) blocks.push(line.replace(/^#+\s*/, ''));
    }
    const docx = await makeDocx(blocks);
    const fromDocx = await importFile('report.docx', docx);
    expect(fromDocx.form).toBe('docx');
    expect(values(fromDocx)).toEqual(values(parseReport(shuyangText)));
    expect(fromDocx.organization?.value).toBe('沐阳县人民政府');
  });

  it('text PDF (pdf.js, predefined CJK CMap): a table broken across two pages by a footer reads as its text does', async () => {
    const lines: PdfLine[] = zhumadian
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => {
        const m = l.match(/^(.*?)((?: \d+)+)$/);
        if (!m || !/[\u4e00-\u9fff]/.test(m[1])) return [{ x: 40, text: l.trim() }];
        return [
          { x: 40, text: m[1].trim() },
          ...m[2]
            .trim()
            .split(' ')
            .map((n, i) => ({ x: 330 + i * 28, text: n })),
        ];
      });
    const split = lines.findIndex((l) => l[0].text.startsWith('5.属于三类内部事务信息'));
    const pages = [
      [...lines.slice(0, split), [{ x: 280, text: '— 1 —' }]],
      [...lines.slice(split), [{ x: 280, text: '— 2 —' }]],
    ];
    const pdf = makePdf(pages);
    const fromPdf = await importFile('report.pdf', pdf);
    expect(fromPdf.form).toBe('pdf');
    expect(values(fromPdf)).toEqual(values(parseReport(zhumadian)));
    expect(Object.keys(fromPdf.cells)).toHaveLength(200);
    expect(fromPdf.year?.value).toBe(2021);
  });

  it('refuses a PDF without a text layer (a scanned report), saying why', async () => {
    const pdf = makePdf([[[{ x: 40, text: '1 2 3' }]]]);
    await expect(readSource('scan.pdf', pdf)).rejects.toBeInstanceOf(SourceError);
    await expect(readSource('scan.pdf', pdf)).rejects.toThrow(/scanned|扫描/);
  });
});
