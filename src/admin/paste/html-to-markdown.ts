/**
 * What editors paste from Word/WPS (or a web page) into a Markdown body, converted to the Markdown the site renders
 * (markdown-it with GFM tables, public/site/markdown-core.js): numbered clauses, bold, headings, lists and tables —
 * fee schedules, candidate lists — kept, Office's noise dropped. Pure over a parsed document, so it is tested in Node.
 */
import TurndownService from 'turndown';

type Parse = (html: string) => Document;
const browserParse: Parse = (html) => new DOMParser().parseFromString(html, 'text/html');

/**
 * Only HTML with structure worth keeping is converted: a code editor's coloured HTML (or plain text wrapped in spans)
 * pasted into the body keeps its text, and Markdown written elsewhere keeps its marks unescaped.
 */
export function hasStructure(html: string): boolean {
  return (
    /<(table|ol|ul|h[1-6]|b|strong)\b/i.test(html) ||
    /class=["']?Mso|mso-list|urn:schemas-microsoft-com:office/i.test(html)
  );
}

const CJK = '\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f';
// Word wraps its HTML source at ~80 columns, also inside Chinese sentences: a source line break there is no space.
const CJK_BREAK = new RegExp(`([${CJK}])[ \\t\\r\\n]*\\n[ \\t\\r\\n]*([${CJK}])`, 'g');
const SAFE_LINK = /^(https?:|mailto:|\/|#)/i;
const SAFE_IMAGE = /^(https?:|\/)/i;

/** Word's list marker of a list paragraph ("1.", "（一）", "·"), removed from the paragraph. */
function takeListMarker(p: Element): string | null {
  const ignore = Array.from(p.querySelectorAll('span')).find((span) =>
    /mso-list:\s*ignore/i.test(span.getAttribute('style') ?? ''),
  );
  if (!ignore) return null;
  const marker = (ignore.textContent ?? '').replace(/[\s\u00a0]+/g, '');
  ignore.remove();
  return marker;
}

type ListKind = 'ol' | 'ul' | null;
const listKindOf = (marker: string): ListKind =>
  /^\(?\d{1,3}[.)．、]?\)?$/.test(marker)
    ? 'ol'
    : /^[·•▪■□◆◇○●o§\u2022\uf0b7\uf0a7\uf06c-]$/.test(marker)
      ? 'ul'
      : null;

/** Word/WPS write numbered and bulleted paragraphs as <p style="mso-list:…"> with the marker as text: make them lists. */
function rebuildWordLists(body: HTMLElement) {
  const doc = body.ownerDocument;
  let open: { list: HTMLElement; kind: Exclude<ListKind, null> } | null = null;
  for (const p of Array.from(body.querySelectorAll('p'))) {
    const isListParagraph = /mso-list/i.test(p.getAttribute('style') ?? '') || /MsoListParagraph/i.test(p.className);
    const marker = isListParagraph ? takeListMarker(p) : null;
    if (marker === null) {
      if (isListParagraph) continue;
      open = null;
      continue;
    }
    const kind = listKindOf(marker);
    if (!kind) {
      // 一、（一）第一条: the numbering is the clause's own text; kept as written, at the paragraph's start.
      p.insertBefore(doc.createTextNode(`${marker} `), p.firstChild);
      open = null;
      continue;
    }
    const previous = p.previousElementSibling;
    if (!open || open.kind !== kind || previous !== open.list) {
      const list: HTMLElement = doc.createElement(kind);
      const start = Number.parseInt(marker.replace(/\D/g, ''), 10);
      if (kind === 'ol' && start > 1) list.setAttribute('start', String(start));
      p.parentNode?.insertBefore(list, p);
      open = { list, kind };
    }
    const item = doc.createElement('li');
    while (p.firstChild) item.appendChild(p.firstChild);
    open.list.appendChild(item);
    p.remove();
  }
}

function normalize(doc: Document) {
  const body = doc.body;
  for (const node of Array.from(
    body.querySelectorAll('style, script, meta, link, title, xml, template, iframe, object, embed'),
  ))
    node.remove();
  // Bold written as a style (WPS, web pages) instead of <b>.
  for (const span of Array.from(body.querySelectorAll('span[style]'))) {
    if (
      /font-weight:\s*(bold|[6-9]00)/i.test(span.getAttribute('style') ?? '') &&
      !span.closest('b, strong, th, h1, h2, h3, h4, h5, h6')
    ) {
      const strong = doc.createElement('strong');
      while (span.firstChild) strong.appendChild(span.firstChild);
      span.replaceWith(strong);
    }
  }
  rebuildWordLists(body);
  const walker = doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    node.nodeValue = text
      .replace(CJK_BREAK, '$1$2')
      .replace(CJK_BREAK, '$1$2')
      .replace(/\u00a0/g, ' ');
  }
}

type Slot = { text: string; from: 'cell' | 'colspan' | 'rowspan'; align: Align };
type Align = 'left' | 'center' | 'right';

function alignOf(cell: Element): Align {
  const candidates = [cell, cell.querySelector('p')].filter((e): e is Element => e !== null);
  for (const element of candidates) {
    const value = (
      element.getAttribute('align') ??
      /text-align:\s*(\w+)/i.exec(element.getAttribute('style') ?? '')?.[1] ??
      ''
    ).toLowerCase();
    if (value === 'center' || value === 'right') return value;
  }
  return 'left';
}

const ownRows = (table: Element) =>
  Array.from(table.querySelectorAll('tr')).filter((row) => row.closest('table') === table);
const ownCells = (row: Element) => Array.from(row.children).filter((cell) => /^(td|th)$/i.test(cell.nodeName));
const span = (cell: Element, name: string) =>
  Math.max(1, Math.min(50, Number.parseInt(cell.getAttribute(name) ?? '1', 10) || 1));
const escapeCell = (text: string) =>
  text
    .replace(/\s*\n+\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();

/**
 * A table as a GFM table. GFM has one header row and no merged cells: header rows (thead, leading th rows, or the
 * first row with the rows its merged cells span) are combined per column ("报价 / 金额"); in the body a cell merged
 * down repeats in each row (each row of a candidate list reads alone), a cell merged across fills the first column.
 */
function tableToMarkdown(table: Element, cellToMarkdown: (cell: Element) => string): string {
  const rows = ownRows(table);
  if (rows.length === 0) return '';
  const grid: Slot[][] = rows.map(() => []);
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of ownCells(row)) {
      while (grid[r][c]) c += 1;
      const text = escapeCell(cellToMarkdown(cell));
      const rowspan = Math.min(span(cell, 'rowspan'), rows.length - r);
      const colspan = span(cell, 'colspan');
      const align = alignOf(cell);
      for (let dr = 0; dr < rowspan; dr += 1) {
        for (let dc = 0; dc < colspan; dc += 1) {
          grid[r + dr][c + dc] = { text, align, from: dr > 0 ? 'rowspan' : dc > 0 ? 'colspan' : 'cell' };
        }
      }
      c += colspan;
    }
  });
  const width = Math.max(...grid.map((row) => row.length));
  const at = (r: number, c: number): Slot => grid[r][c] ?? { text: '', from: 'cell', align: 'left' };

  const thead = Array.from(table.children).find((child) => child.nodeName === 'THEAD');
  const allTh = (row: Element) => ownCells(row).length > 0 && ownCells(row).every((cell) => cell.nodeName === 'TH');
  let headerRows = thead ? ownRows(table).filter((row) => row.parentElement === thead).length : 0;
  if (!headerRows) while (headerRows < rows.length && allTh(rows[headerRows])) headerRows += 1;
  if (!headerRows)
    headerRows = Math.max(...ownCells(rows[0]).map((cell) => Math.min(span(cell, 'rowspan'), rows.length)));
  headerRows = Math.min(Math.max(headerRows, 1), rows.length);

  const header: string[] = [];
  for (let c = 0; c < width; c += 1) {
    const parts: string[] = [];
    for (let r = 0; r < headerRows; r += 1) {
      // Header cells are bold on the site anyway: Word's <b> around a whole header cell is dropped.
      const text = at(r, c).text.replace(/^\*\*([^*]+)\*\*$/, '$1');
      if (text && parts[parts.length - 1] !== text) parts.push(text);
    }
    header.push(parts.join(' / '));
  }
  const body = grid.slice(headerRows).map((_, i) =>
    Array.from({ length: width }, (__, c) => {
      const slot = at(headerRows + i, c);
      return slot.from === 'colspan' ? '' : slot.text;
    }),
  );
  const alignments = Array.from({ length: width }, (_, c) => {
    const aligns = new Set(grid.slice(headerRows).map((__, i) => at(headerRows + i, c).align));
    return aligns.size === 1 ? [...aligns][0] : 'left';
  });
  const separator = alignments.map((a) => (a === 'center' ? ':---:' : a === 'right' ? '---:' : '---'));
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(separator), ...body.map(line)].join('\n');
}

function createService(withTables: boolean): TurndownService {
  const service = new TurndownService({
    headingStyle: 'atx',
    bulletListMarker: '-',
    emDelimiter: '*',
    strongDelimiter: '**',
    codeBlockStyle: 'fenced',
  });
  service.remove([
    'style',
    'script',
    'noscript',
    'iframe',
    'object',
    'embed',
    'form',
    'button',
    'input',
    'select',
    'textarea',
  ]);
  // Chinese first-line indents (全角空格) are layout, not content.
  service.addRule('paragraph', {
    filter: 'p',
    replacement: (content) => `\n\n${content.replace(/^[\s\u3000]+/, '').replace(/[\s\u3000]+$/, '')}\n\n`,
  });
  service.addRule('safeLink', {
    filter: (node) => node.nodeName === 'A',
    replacement: (content, node) => {
      const href = (node as Element).getAttribute('href')?.trim() ?? '';
      // Word's bookmarks and anchors, javascript: and file: addresses: keep the text only.
      if (!href || !SAFE_LINK.test(href) || href.startsWith('#_')) return content;
      return content.trim() ? `[${content.trim()}](${href.replace(/[()\s]/g, encodeURIComponent)})` : '';
    },
  });
  service.addRule('safeImage', {
    filter: 'img',
    replacement: (_content, node) => {
      const src = (node as Element).getAttribute('src')?.trim() ?? '';
      // An image pasted from Word points into the editor's own disk (file:///C:/…): upload it to the media library.
      if (!SAFE_IMAGE.test(src)) return '';
      const alt = ((node as Element).getAttribute('alt') ?? '').replace(/[[\]\n]/g, ' ');
      return `![${alt}](${src.replace(/[()\s]/g, encodeURIComponent)})`;
    },
  });
  if (withTables) {
    const cells = createService(false);
    cells.addRule('cellBlock', {
      filter: ['p', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
      replacement: (content) => ` ${content.trim()} `,
    });
    cells.addRule('cellBreak', { filter: 'br', replacement: () => ' ' });
    service.addRule('table', {
      filter: (node) => node.nodeName === 'TABLE',
      replacement: (_content, node) =>
        `\n\n${tableToMarkdown(node as Element, (cell) => cells.turndown(cell as HTMLElement).replace(/\s+/g, ' '))}\n\n`,
    });
  }
  return service;
}

/** Markdown for pasted HTML (Word, WPS, a web page). */
export function htmlToMarkdown(html: string, parse: Parse = browserParse): string {
  const doc = parse(html);
  normalize(doc);
  return createService(true)
    .turndown(doc.body)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
