// Annual reports on government information disclosure, grouped by organization (in the organizations' display order)
// and listed by year (published reports only).
// Requests: GET /api/organizations for the organization filter (fields, sort, locale) and one
// GET /api/disclosure/reports per page view (organization, year, locale, page, pageSize).
import { get } from './api.js';
import { mountChrome } from './chrome.js';
import { href, locale, t } from './i18n.js';
import { pageOf, paramsOf, todayInShanghai } from './query.js';
import {
  badge,
  breadcrumbs,
  errorBox,
  filterForm,
  h,
  pagination,
  resultSummary,
  section,
  selectField,
  setTitle,
  time,
} from './ui.js';

const PAGE_SIZE = 100; // a page holds many years of every organization: grouping happens within a page
const main = mountChrome('reports');
setTitle(t('annualReports'));
const params = paramsOf(location.search);
const page = pageOf(params.page);
const organization = /^[A-Za-z0-9]{1,64}$/.test(params.organization ?? '') ? params.organization : undefined;
const year = /^\d{4}$/.test(params.year ?? '') ? params.year : undefined;
const thisYear = Number(todayInShanghai().slice(0, 4));
const years = Array.from({ length: thisYear - 2008 + 1 }, (_, i) => String(thisYear - i));
const yearLabels = Object.fromEntries(years.map((y) => [y, { zh: `${y}年`, en: y }]));

// The organization filter is filled once the organizations are loaded; the list does not wait for it.
const orgSlot = h('div', { class: 'field-slot' }, selectField('organization', t('organization'), {}, organization));
const results = h('div', { class: 'results', id: 'results' });
main.append(
  breadcrumbs([t('govAffairs'), href('/site/documents.html')], [t('annualReports')]),
  h('h1', {}, t('annualReports')),
  h('p', { class: 'lead' }, t('reportsIntro')),
  h('p', {}, h('a', { href: href('/site/report-index.html') }, t('reportIndexLink'))),
  filterForm([orgSlot, selectField('year', t('year'), yearLabels, year, { codes: years })]),
  results,
);

const organizations = get('organizations', {
  fields: ['name', 'shortName'],
  sort: ['displayOrder:asc', 'name:asc'],
  pagination: { page: 1, pageSize: 100 },
  locale,
}).then(({ data }) => data);
organizations
  .then((data) => {
    const labels = Object.fromEntries(data.map((o) => [o.documentId, { zh: o.name, en: o.name }]));
    orgSlot.replaceChildren(selectField('organization', t('organization'), labels, organization));
  })
  .catch((error) => orgSlot.append(errorBox(error)));

/** Reports grouped by organization, in the organizations' order; organizations without reports are left out. */
function byOrganization(reports, orgs) {
  const order = new Map(orgs.map((o, i) => [o.documentId, i]));
  const groups = new Map();
  for (const r of reports) {
    const key = r.organization?.documentId ?? '';
    if (!groups.has(key)) groups.set(key, { name: r.organization?.name ?? '', reports: [] });
    groups.get(key).reports.push(r);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9))
    .map(([id, g]) => ({ id, ...g, reports: g.reports.sort((x, y) => y.year - x.year) }));
}

const linkFor = (p) => href(location.pathname, { ...params, locale: undefined, page: p > 1 ? p : undefined });

section(
  results,
  async () => {
    const [list, orgs] = await Promise.all([
      get('disclosure/reports', { organization, year, locale, page, pageSize: PAGE_SIZE }),
      organizations.catch(() => []),
    ]);
    return { ...list, orgs };
  },
  ({ data, meta, orgs }) => [
    resultSummary(meta, linkFor),
    byOrganization(data, orgs).map((g, i) =>
      h(
        'section',
        { class: 'report-group', 'aria-labelledby': `org-${i}`, 'data-organization': g.id },
        h('h2', { id: `org-${i}` }, g.name ? t('reportsOfOrg', { name: g.name }) : t('annualReports')),
        h(
          'ul',
          { class: 'result-list year-list' },
          g.reports.map((r) =>
            h(
              'li',
              { class: 'result' },
              h(
                'h3',
                { class: 'result-title' },
                h('a', { href: href('report.html', { id: r.documentId }) }, r.title || `${g.name} ${r.year}`),
              ),
              h(
                'p',
                { class: 'meta' },
                badge(t('yearReport', { year: r.year }), 'year'),
                r.publishedAt ? h('span', {}, `${t('publishedAt')} `, time(r.publishedAt)) : null,
              ),
            ),
          ),
        ),
      ),
    ),
    pagination(meta?.pagination, linkFor),
  ],
);
