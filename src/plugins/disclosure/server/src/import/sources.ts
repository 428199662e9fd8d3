// Turns an uploaded report into the text the importer reads: .txt as is, .html with each table row on one line
// ("| a | b |", an empty cell kept as an empty cell), .docx through mammoth's HTML, a text .pdf through pdf.js.
// Scanned PDFs (images without a text layer) are out of scope: they yield no text and are refused with that reason.
import { dirname, join } from 'node:path';
import { Parser } from 'htmlparser2';

export type SourceForm = 'text' | 'html' | 'docx' | 'pdf';

export interface ReadSource {
  form: SourceForm;
  /** The text the importer reads; places of cells refer to it. */
  text: string;
}

export class SourceError extends Error {
  constructor(
    message: string,
    readonly messageZh: string,
  ) {
    super(message);
  }
}

const BLOCKS = new Set([
  'p',
  'div',
  'br',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'table',
  'section',
  'article',
  'header',
  'footer',
  'blockquote',
  'pre',
  'hr',
  'title',
  'caption',
]);
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg']);
const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** HTML → lines of text; table rows become "| cell | cell |" lines so that empty cells stay visible as blanks. */
export function htmlToText(html: string): string {
  const lines: string[] = [];
  let line = '';
  let skip = 0;
  let row: string[] | null = null;
  let cell: string | null = null;
  const flush = () => {
    const t = collapse(line);
    if (t) lines.push(t);
    line = '';
  };
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIPPED.has(name)) skip++;
        if (skip) return;
        if (name === 'tr') {
          flush();
          row = [];
        } else if ((name === 'td' || name === 'th') && row) {
          cell = '';
        } else if (cell !== null) {
          if (name === 'br' || name === 'p' || name === 'div') cell += ' ';
        } else if (BLOCKS.has(name)) {
          flush();
        }
      },
      ontext(text) {
        if (skip) return;
        if (cell !== null) cell += text;
        else line += text;
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) {
          skip = Math.max(0, skip - 1);
          return;
        }
        if (skip) return;
        if ((name === 'td' || name === 'th') && row && cell !== null) {
          row.push(collapse(cell));
          cell = null;
        } else if (name === 'tr' && row) {
          if (row.length) lines.push(`| ${row.join(' | ')} |`);
          row = null;
        } else if (cell === null && BLOCKS.has(name)) {
          flush();
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return lines.join('\n');
}

async function docxToText(data: Buffer): Promise<string> {
  // mammoth keeps Word tables as HTML tables, which htmlToText turns into rows.
  const mammoth = await import('mammoth');
  const { value } = await mammoth.convertToHtml({ buffer: data });
  return htmlToText(value);
}

let pdfjsModule: Promise<typeof import('pdfjs-dist')> | null = null;
/** pdf.js warns once on load that it cannot render without the canvas package: text extraction does not need it. */
function loadPdfjs(): Promise<typeof import('pdfjs-dist')> {
  pdfjsModule ??= (async () => {
    const log = console.log;
    console.log = (...args: unknown[]) => {
      if (!(typeof args[0] === 'string' && args[0].startsWith('Warning: Cannot polyfill'))) log(...args);
    };
    try {
      return (await import('pdfjs-dist/legacy/build/pdf.js')) as typeof import('pdfjs-dist');
    } finally {
      console.log = log;
    }
  })();
  return pdfjsModule;
}

/** Text of a PDF with a text layer, page by page; items on one baseline are joined into one line. */
async function pdfToText(data: Buffer): Promise<string> {
  // pdf.js 3's legacy build is CommonJS and runs in Node without a worker file or a canvas (text only).
  const pdfjs = await loadPdfjs();
  // Chinese PDFs often use the predefined CJK CMaps (UniGB-UCS2-H …): pdf.js needs its packed CMap files for them.
  const root = dirname(require.resolve('pdfjs-dist/package.json'));
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(data),
    useSystemFonts: false,
    isEvalSupported: false,
    disableFontFace: true,
    verbosity: 0,
    cMapUrl: `${join(root, 'cmaps')}/`,
    cMapPacked: true,
    standardFontDataUrl: `${join(root, 'standard_fonts')}/`,
  }).promise;
  const pages: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    const rows = new Map<number, Array<{ x: number; s: string }>>();
    for (const item of content.items) {
      if (!('str' in item) || !item.str.trim()) continue;
      const y = Math.round(item.transform[5]);
      const key = [...rows.keys()].find((k) => Math.abs(k - y) <= 2) ?? y;
      (rows.get(key) ?? rows.set(key, []).get(key)!).push({ x: item.transform[4], s: item.str });
    }
    const sorted = [...rows.entries()].sort((a, b) => b[0] - a[0]);
    pages.push(
      sorted
        .map(([, items]) =>
          items
            .sort((a, b) => a.x - b.x)
            .map((i) => i.s)
            .join(' | '),
        )
        .join('\n'),
    );
  }
  await doc.destroy();
  return pages.join('\n');
}

const decodeText = (data: Buffer): string => {
  const utf8 = new TextDecoder('utf-8', { fatal: false }).decode(data);
  // Government sites still serve GB18030 text: many replacement characters mean UTF-8 was the wrong guess.
  const bad = (utf8.match(/\uFFFD/g) ?? []).length;
  if (bad > 3) return new TextDecoder('gb18030').decode(data);
  return utf8.replace(/^\uFEFF/, '');
};

export function formOf(name: string, data: Buffer): SourceForm {
  const lower = name.toLowerCase();
  if (lower.endsWith('.pdf') || data.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (lower.endsWith('.docx') || (data[0] === 0x50 && data[1] === 0x4b)) return 'docx';
  if (/\.(html?|shtml|xhtml)$/.test(lower)) return 'html';
  const head = decodeText(data.subarray(0, 2048)).trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || /<(table|p|div)[\s>]/.test(head)
    ? 'html'
    : 'text';
}

/** Reads a file of any supported form into text. */
export async function readSource(name: string, data: Buffer): Promise<ReadSource> {
  const form = formOf(name, data);
  let text: string;
  if (form === 'pdf') text = await pdfToText(data);
  else if (form === 'docx') text = await docxToText(data);
  else if (form === 'html') text = htmlToText(decodeText(data));
  else text = decodeText(data);
  if (!/[\u4e00-\u9fff]/.test(text)) {
    throw new SourceError(
      `${name}: no text could be read (a scanned PDF or an image has no text layer; scanned documents are out of scope)`,
      `${name}：未读到文字（扫描版 PDF 或图片没有文字层，不在导入范围内）`,
    );
  }
  return { form, text };
}
