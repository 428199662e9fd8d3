// The index of the whole city's published annual reports: one row per organization (in the organizations' display
// order), one column per year, each year a link to that report. Paged by organization.
// Requests: one GET /api/disclosure/reports/index per page view (locale, page, pageSize).
import { get } from './api.js';
import { mountChrome } from './chrome.js';
import { href, locale, t } from './i18n.js';
import { pageOf, paramsOf } from './query.js';
import { breadcrumbs, h, pagination, section, setTitle } from './ui.js';

const PAGE_SIZE = 100; // organizations per page
const main = mountChrome('reports');
setTitle(t('reportIndex'));
const params = paramsOf(location.search);
const page = pageOf(params.page);
const results = h('div', { class: 'results', id: 'results' });
main.append(
  breadcrumbs(
    [t('govAffairs'), href('/site/documents.html')],
    [t('annualReports'), href('/site/reports.html')],
    [t('reportIndex')],
  ),
  h('h1', {}, t('reportIndex')),
  h('p', { class: 'lead' }, t('reportIndexIntro'), ' ', t('reportsIntro')),
  results,
);

const linkFor = (p) => href(location.pathname, { page: p > 1 ? p : undefined });

/** Organizations as rows, the page's years (newest first) as columns; a year without a report is marked, not linked. */
function indexTable(groups) {
  const years = [...new Set(groups.flatMap((g) => g.reports.map((r) => r.year)))].sort((a, b) => b - a);
  return h(
    'div',
    { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-labelledby': 'report-index-caption' },
    h(
      'table',
      { class: 'data-table report-index' },
      h('caption', { id: 'report-index-caption' }, t('reportIndexCaption', { page })),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, t('organization')),
          years.map((y) => h('th', { scope: 'col' }, t('yearReport', { year: y }))),
        ),
      ),
      h(
        'tbody',
        {},
        groups.map((g) => {
          const byYear = new Map(g.reports.map((r) => [r.year, r]));
          return h(
            'tr',
            { 'data-organization': g.organization.documentId },
            h('th', { scope: 'row' }, g.organization.name),
            years.map((y) => {
              const r = byYear.get(y);
              return r
                ? h(
                    'td',
                    {},
                    h(
                      'a',
                      {
                        href: href('report.html', { id: r.documentId }),
                        'aria-label': t('reportOfYear', { name: g.organization.name, year: y }),
                      },
                      String(y),
                    ),
                  )
                : h('td', { class: 'muted' }, h('span', { 'aria-label': t('notPublished') }, '—'));
            }),
          );
        }),
      ),
    ),
  );
}

section(
  results,
  () => get('disclosure/reports/index', { locale, page, pageSize: PAGE_SIZE }),
  ({ data, meta }) => {
    const { total, pageCount } = meta.pagination;
    return [
      h(
        'p',
        { class: 'result-count', role: 'status' },
        total ? t('reportIndexCount', { total, page, pages: pageCount }) : t('noResults'),
      ),
      data.length ? indexTable(data) : null,
      pagination(meta.pagination, linkFor),
    ];
  },
);
