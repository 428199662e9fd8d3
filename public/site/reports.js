// Annual reports on government information disclosure, by organization and year (published reports only).
// Requests: GET /api/organizations for the organization filter (fields, sort, locale) and one
// GET /api/disclosure/reports per page view (organization, year, locale, page, pageSize).
import { get } from './api.js';
import { mountChrome } from './chrome.js';
import { href, locale, t } from './i18n.js';
import { pageOf, paramsOf, todayInShanghai } from './query.js';
import { badge, breadcrumbs, errorBox, filterForm, h, pagination, resultSummary, section, selectField, setTitle, time } from './ui.js';

const PAGE_SIZE = 10;
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
  filterForm([orgSlot, selectField('year', t('year'), yearLabels, year, { codes: years })]),
  results,
);

get('organizations', { fields: ['name', 'shortName'], sort: ['displayOrder:asc', 'name:asc'], pagination: { page: 1, pageSize: 100 }, locale })
  .then(({ data }) => {
    const labels = Object.fromEntries(data.map((o) => [o.documentId, { zh: o.name, en: o.name }]));
    orgSlot.replaceChildren(selectField('organization', t('organization'), labels, organization));
  })
  .catch((error) => orgSlot.append(errorBox(error)));

const linkFor = (p) => href(location.pathname, { ...params, locale: undefined, page: p > 1 ? p : undefined });

section(
  results,
  () => get('disclosure/reports', { organization, year, locale, page, pageSize: PAGE_SIZE }),
  ({ data, meta }) => [
    resultSummary(meta, linkFor),
    data.length
      ? h('ol', { class: 'result-list', start: String((page - 1) * PAGE_SIZE + 1) },
        data.map((r) =>
          h('li', { class: 'result' },
            h('h2', { class: 'result-title' }, h('a', { href: href('report.html', { id: r.documentId }) }, r.title || `${r.organization?.name ?? ''} ${r.year}`)),
            h('p', { class: 'meta' },
              badge(String(r.year), 'year'),
              r.organization?.name ? h('span', {}, r.organization.name) : null,
              r.publishedAt ? h('span', {}, `${t('publishedAt')} `, time(r.publishedAt)) : null))))
      : null,
    pagination(meta?.pagination, linkFor),
  ],
);
