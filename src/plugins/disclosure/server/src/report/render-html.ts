// The published report as one self-contained, printable HTML5 document laid out like the national format.
import { fillTemplate, getTable, headingIn, textIn } from '../format';
import type { Locale, NarrativeCode, ReportFormat, TableDef } from '../format/types';
import type { Cells } from './cells';
import type { Problem } from './check';
import { type BlockLayout, type GridCell, layoutTable } from './layout';

export type NarrativeSections = Partial<Record<NarrativeCode, string | null>>;

export interface RenderHtmlOptions {
  format: ReportFormat;
  cells: Cells;
  organizationName: string;
  year: number;
  locale: Locale;
  /** Sections 一, 五, 六: plain text (paragraphs split on blank lines) or simple HTML (sanitized). */
  sections: NarrativeSections;
  /** Printed decimals of the fee in 万元, 0..6; the seed prints 4. */
  feeDecimals?: number;
  /** Cells named by these problems are marked (class and title), for previews. */
  problems?: readonly Problem[];
  downloads?: { csv?: string; xlsx?: string; json?: string };
  /** Corrections (更正) of a published report, printed under the title: a correction is never silent. */
  corrections?: ReadonlyArray<{ at: string; reason: string }>;
}

const CORRECTION_NOTE = { zh: '更正（{date}）：{reason}', en: 'Corrected ({date}): {reason}' };

export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

const ALLOWED_TAGS = new Set(['p', 'br', 'strong', 'em', 'b', 'i', 'u', 'ul', 'ol', 'li', 'h3', 'h4', 'blockquote']);
const LOOKS_LIKE_HTML = /<\/?(p|br|strong|em|b|i|u|ul|ol|li|h3|h4|blockquote)\b[^>]*>/i;
/** Escapes text but keeps entities an editor typed (&amp; &#12298;) instead of double-escaping them. */
const escapeText = (s: string) =>
  s
    .replace(/&(?!(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);)/gi, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');

const BLOCKS = new Set(['p', 'ul', 'ol', 'li', 'h3', 'h4', 'blockquote']);

/**
 * Keeps a few formatting tags without attributes, escapes every other tag as text, and balances what it keeps, closing
 * elements where an HTML parser would imply their end (a new <li> ends the open item of the same list, a block ends an
 * open <p>), so that what it writes parses back as written: `<li>one<li>two` is two items, never an item in an item.
 */
function sanitizeHtml(html: string): string {
  const out: string[] = [];
  const open: string[] = [];
  const closeThrough = (index: number) => {
    while (open.length > index) out.push(`</${open.pop()}>`);
  };
  const token = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/g;
  let last = 0;
  for (let m = token.exec(html); m; m = token.exec(html)) {
    out.push(escapeText(html.slice(last, m.index)));
    last = token.lastIndex;
    const [whole, closing, rawName] = m;
    if (whole.startsWith('<!--')) continue;
    const name = rawName.toLowerCase();
    if (!ALLOWED_TAGS.has(name)) out.push(escapeHtml(whole));
    else if (name === 'br') out.push('<br>');
    else if (!closing) {
      if (BLOCKS.has(name)) {
        if (open.includes('p')) closeThrough(open.lastIndexOf('p'));
        if (name === 'h3' || name === 'h4') {
          const top = open[open.length - 1];
          if (top === 'h3' || top === 'h4') closeThrough(open.length - 1);
        }
        if (name === 'li') {
          // The open item of the innermost list, if any: items of an outer list (or outside a quotation) stay open.
          const list = Math.max(open.lastIndexOf('ul'), open.lastIndexOf('ol'), open.lastIndexOf('blockquote'));
          const item = open.lastIndexOf('li');
          if (item > list) closeThrough(item);
        }
      }
      open.push(name);
      out.push(`<${name}>`);
    } else if (open.includes(name)) {
      while (open.length) {
        const top = open.pop() as string;
        out.push(`</${top}>`);
        if (top === name) break;
      }
    }
  }
  out.push(escapeText(html.slice(last)));
  while (open.length) out.push(`</${open.pop()}>`);
  return out.join('');
}

/** A narrative section as HTML: simple HTML is sanitized; plain text becomes paragraphs split on blank lines. */
export function renderNarrative(text: string | null | undefined): string {
  const source = (text ?? '').replace(/\r\n?/g, '\n').trim();
  if (!source) return '';
  if (LOOKS_LIKE_HTML.test(source)) return sanitizeHtml(source);
  return source
    .split(/\n[ \t]*\n+/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

/** Links only to http(s) or relative addresses: a javascript: URL in a download setting must not become a link. */
function safeUrl(url: string | undefined): string | null {
  const u = url?.trim();
  if (!u) return null;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(u);
  return !scheme || /^https?$/i.test(scheme[1]) ? u : null;
}

const CSS = `
:root { color-scheme: light; }
body { font-family: "Source Han Serif SC", "Noto Serif CJK SC", SimSun, serif; line-height: 1.7; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #111; }
h1 { font-size: 1.6rem; text-align: center; }
h2 { font-size: 1.2rem; margin-top: 2rem; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; font-size: 0.9rem; }
caption { text-align: left; font-weight: bold; padding: 0.25rem 0; }
th, td { border: 1px solid #000; padding: 0.25rem 0.4rem; vertical-align: middle; }
th { font-weight: normal; background: #f3f3f3; }
th[scope="row"] { text-align: left; }
td.num { text-align: center; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.problem-error { background: #fde2e2; outline: 2px solid #c00; }
td.problem-warning { background: #fff4d6; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
nav.downloads ul { list-style: none; padding: 0; display: flex; gap: 1rem; }
@media print {
  @page { size: A4; margin: 1.8cm; }
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
  nav.downloads { display: none; }
  th { background: none; }
  thead { display: table-header-group; }
  tr, caption { break-inside: avoid; page-break-inside: avoid; }
  h2 { break-after: avoid; page-break-after: avoid; }
}`;

function renderGridCell(c: GridCell, marks: Marks) {
  const span = `${c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : ''}${c.colspan > 1 ? ` colspan="${c.colspan}"` : ''}`;
  const text = escapeHtml(c.text);
  switch (c.role) {
    // A merged header heads every column (or row) it spans: HTML's table model reads scope="col"/"row" with the
    // span. scope="colgroup" would be invalid here, since it needs a <colgroup>, and the format's column groups nest
    // (三: 申请人情况 › 法人或其他组织 › 商业企业), which <colgroup> cannot express.
    case 'corner':
    case 'column':
    case 'columnGroup':
      return `<th scope="col"${span}>${text}</th>`;
    case 'row':
    case 'rowGroup':
      return `<th scope="row"${span}>${text}</th>`;
    case 'value': {
      const mark = c.cellId ? marks.get(c.cellId) : undefined;
      const cls = ['num', c.kind === 'money' ? 'money' : '', mark ? `problem problem-${mark.severity}` : ''].filter(
        Boolean,
      );
      const title = mark ? ` title="${escapeHtml(mark.messages.join('\n'))}"` : '';
      return `<td class="${cls.join(' ')}" data-cell="${escapeHtml(c.cellId ?? '')}"${title}>${text}</td>`;
    }
  }
}

type Marks = Map<string, { severity: string; messages: string[] }>;

function renderBlock(table: TableDef, layout: BlockLayout, marks: Marks, locale: Locale) {
  const rows: string[][] = Array.from({ length: layout.height }, () => []);
  for (const c of layout.cells) rows[c.row].push(renderGridCell(c, marks));
  const tr = (cells: string[]) => `<tr>${cells.join('')}</tr>`;
  // Blocks without a caption of their own (tables 三 and 四) still get one for screen readers; the h2 shows it.
  const caption = layout.caption
    ? `<caption>${escapeHtml(layout.caption)}</caption>`
    : `<caption class="visually-hidden">${escapeHtml(headingIn(table, locale))}</caption>`;
  return [
    `<table class="report-table" id="table-${table.code}-${layout.block.code}">`,
    caption,
    `<thead>${rows.slice(0, layout.headerRows).map(tr).join('')}</thead>`,
    `<tbody>${rows.slice(layout.headerRows).map(tr).join('\n')}</tbody>`,
    '</table>',
  ].join('\n');
}

export function renderReportHtml(o: RenderHtmlOptions): string {
  const { format, locale } = o;
  const feeDecimals = o.feeDecimals ?? 4;
  const title = fillTemplate(textIn(format.texts.documentTitle, locale), {
    organization: o.organizationName,
    year: o.year,
  });
  const marks: Marks = new Map();
  for (const p of o.problems ?? [])
    for (const id of p.cells) {
      const m = marks.get(id) ?? { severity: p.severity, messages: [] };
      if (p.severity === 'error') m.severity = 'error';
      m.messages.push(textIn(p.message, locale));
      marks.set(id, m);
    }

  const body = format.sections.map((s) => {
    if (s.kind === 'narrative') {
      return `<section id="section-${s.code}">\n<h2>${escapeHtml(headingIn(s, locale))}</h2>\n${renderNarrative(o.sections[s.code])}\n</section>`;
    }
    const table = getTable(format, s.table);
    const blocks = layoutTable(table, { locale, cells: o.cells, feeDecimals }).map((l) =>
      renderBlock(table, l, marks, locale),
    );
    return `<section id="section-${table.code}">\n<h2>${escapeHtml(headingIn(table, locale))}</h2>\n${blocks.join('\n')}\n</section>`;
  });

  const links = (['csv', 'xlsx', 'json'] as const)
    .map((k) => ({ k, url: safeUrl(o.downloads?.[k]) }))
    .filter((l): l is { k: 'csv' | 'xlsx' | 'json'; url: string } => l.url !== null)
    .map(({ k, url }) => {
      const label = textIn(
        format.texts[k === 'csv' ? 'downloadCsv' : k === 'xlsx' ? 'downloadXlsx' : 'downloadJson'],
        locale,
      );
      return `<li><a href="${escapeHtml(url)}" download>${escapeHtml(label)}</a></li>`;
    });
  const downloads = links.length
    ? `<nav class="downloads" aria-label="${escapeHtml(textIn(format.texts.downloads, locale))}"><ul>${links.join('')}</ul></nav>`
    : '';

  const corrections = (o.corrections ?? []).map(
    (c) =>
      `<p class="correction">${escapeHtml(fillTemplate(textIn(CORRECTION_NOTE, locale), { date: c.at.slice(0, 10), reason: c.reason }))}</p>`,
  );

  return `<!DOCTYPE html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${CSS}
</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${corrections.join('\n')}
${downloads}
${body.join('\n')}
</main>
</body>
</html>
`;
}
