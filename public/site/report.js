// One published annual report: the narrative sections and the three tables laid out as the national format
// (国办公开办函〔2021〕30号) lays them out, with the printable page and the downloads.
// Request: GET /api/disclosure/reports/:documentId?locale= (the report's public JSON). The JSON carries everything the
// page prints (title, sections in order with headings, each block's merged grid with the printed values): the site
// holds no copy of the format.
import { get } from './api.js';
import { mountChrome } from './chrome.js';
import { href, isEn, locale, t } from './i18n.js';
import { sanitizeNarrative } from './markdown.js';
import { paramsOf } from './query.js';
import { badge, breadcrumbs, errorBox, h, section, setTitle, time } from './ui.js';

const main = mountChrome('reports');
setTitle(t('annualReports'));
const { id } = paramsOf(location.search);
const article = h('article', { class: 'report' });
main.append(
  breadcrumbs([t('govAffairs'), href('/site/documents.html')], [t('annualReports'), href('reports.html')]),
  article,
);

const LOOKS_LIKE_HTML = /<\/?(p|br|strong|em|b|i|u|ul|ol|li|h3|h4|blockquote)\b[^>]*>/i;

/** A narrative section: simple HTML (sanitized) or plain text, paragraphs split on blank lines. */
function narrative(text) {
  const source = String(text ?? '')
    .replace(/\r\n?/g, '\n')
    .trim();
  if (!source) return [];
  if (LOOKS_LIKE_HTML.test(source)) {
    return [h('div', { class: 'narrative', html: sanitizeNarrative(source) })];
  }
  return source
    .split(/\n[ \t]*\n+/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      const para = h('p', {});
      p.split('\n').forEach((line, i) => {
        if (i > 0) para.append(h('br'));
        para.append(line);
      });
      return para;
    });
}

function cellElement(c) {
  const span = {
    rowspan: c.rowspan > 1 ? String(c.rowspan) : undefined,
    colspan: c.colspan > 1 ? String(c.colspan) : undefined,
  };
  switch (c.role) {
    // A merged header heads every column it spans (scope="col" with colspan); scope="colgroup" would need a
    // <colgroup>, which cannot express the format's nested column groups. Same as the printable page.
    case 'corner':
    case 'column':
    case 'columnGroup':
      return h('th', { scope: 'col', ...span, class: c.role === 'corner' ? 'corner' : undefined }, c.text);
    case 'row':
    case 'rowGroup':
      return h('th', { scope: 'row', ...span }, c.text);
    default:
      return h('td', { class: 'num', 'data-cell': c.cell }, c.text);
  }
}

function blockTable(table, block) {
  const layout = block.grid;
  const rows = Array.from({ length: layout.height }, () => []);
  for (const c of layout.cells) rows[c.row].push(cellElement(c));
  const captionId = `caption-${table.code}-${block.code}`;
  // Blocks without a caption of their own (tables 三 and 四) get the table's title for screen readers.
  const caption = block.caption
    ? h('caption', { id: captionId }, block.caption)
    : h('caption', { id: captionId, class: 'visually-hidden' }, table.title);
  // The scrolling region is a landmark: named by the block's caption, or, when the caption repeats the section's
  // heading, as that table's data so that two landmarks never share a name.
  const regionName = block.caption
    ? { 'aria-labelledby': captionId }
    : { 'aria-label': t('reportTableData', { title: table.title }) };
  return h(
    'div',
    { class: 'table-scroll', role: 'region', tabindex: '0', ...regionName },
    h(
      'table',
      { class: 'report-table', id: `table-${table.code}-${block.code}` },
      caption,
      h(
        'thead',
        {},
        rows.slice(0, layout.headerRows).map((r) => h('tr', {}, r)),
      ),
      h(
        'tbody',
        {},
        rows.slice(layout.headerRows).map((r) => h('tr', {}, r)),
      ),
    ),
  );
}

function downloads(documentId) {
  const base = `/api/disclosure/reports/${encodeURIComponent(documentId)}`;
  const q = `?locale=${encodeURIComponent(locale)}`;
  return h(
    'nav',
    { class: 'downloads', 'aria-label': t('reportDownloads') },
    h(
      'ul',
      {},
      h('li', {}, h('a', { class: 'button', href: `${base}/html${q}` }, t('printable'))),
      h('li', {}, h('a', { class: 'button', href: `${base}/csv${q}`, download: '' }, t('csv'))),
      h('li', {}, h('a', { class: 'button', href: `${base}/xlsx${q}`, download: '' }, t('xlsx'))),
      h('li', {}, h('a', { class: 'button', href: `${base}${q}` }, t('json'))),
    ),
  );
}

section(
  article,
  () => {
    if (!id || !/^[A-Za-z0-9]{1,64}$/.test(id)) return Promise.reject({ kind: 'notFound', status: 404 });
    return get(`disclosure/reports/${encodeURIComponent(id)}`, { locale });
  },
  ({ data: report }) => {
    const { title } = report;
    setTitle(title, t('annualReports'));
    const tables = new Map(report.tables.map((tb) => [tb.code, tb]));
    return [
      h('h1', {}, title),
      h(
        'p',
        { class: 'meta' },
        badge(String(report.year), 'year'),
        h('span', {}, report.organization?.name),
        report.publishedAt ? h('span', {}, `${t('publishedAt')} `, time(report.publishedAt)) : null,
        report.computedAt
          ? h('span', { class: 'muted' }, t('computedAt', { date: '' }), time(report.computedAt))
          : null,
      ),
      // A corrected report says so (更正: date and reason), as its printable page does.
      (report.corrections ?? []).map((c) =>
        h('p', { class: 'correction' }, `${t('corrected')} `, time(c.at), `${isEn ? ': ' : '：'}${c.reason}`),
      ),
      downloads(id),
      h('p', { class: 'muted table-hint' }, t('tableScroll')),
      report.outline.map(({ kind, code, heading }) => {
        const table = kind === 'table' ? tables.get(code) : null;
        return h(
          'section',
          { class: 'report-section', id: `section-${code}`, 'aria-labelledby': `heading-${code}` },
          h('h2', { id: `heading-${code}` }, heading),
          table ? table.blocks.map((block) => blockTable(table, block)) : narrative(report.sections?.[code]),
        );
      }),
    ];
  },
  {
    onError: (error, retry) => [
      h('h1', {}, t('annualReports')),
      errorBox(error, {
        retry: error.kind === 'notFound' ? null : retry,
        extra:
          error.kind === 'notFound' && isEn && id
            ? h(
                'p',
                {},
                t('notInLocale'),
                ' ',
                h(
                  'a',
                  { href: href('report.html', { id }, 'zh-Hans'), lang: 'zh-Hans', hreflang: 'zh-Hans' },
                  t('readInChinese'),
                ),
              )
            : null,
      }),
    ],
  },
);
