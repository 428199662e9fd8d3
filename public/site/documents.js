// Policy documents: search by title or 文号, filters (kind, validity, year issued), pagination.
// Request: one GET /api/policy-documents per page view, with fields, filters, sort, pagination and locale.
import { get } from './api.js';
import { mountChrome } from './chrome.js';
import { href, locale, pick, t } from './i18n.js';
import { DOCUMENT_KIND_LABELS, VALIDITY_LABELS } from './labels.js';
import { DOCUMENT_KINDS, DOCUMENT_VALIDITIES, documentFilters, pageOf, paramsOf, todayInShanghai } from './query.js';
import {
  badge,
  breadcrumbs,
  filterForm,
  h,
  inputField,
  pagination,
  resultSummary,
  section,
  selectField,
  setTitle,
  time,
} from './ui.js';

const PAGE_SIZE = 10;
const main = mountChrome('documents');
setTitle(t('policyDocuments'));
const params = paramsOf(location.search);
const page = pageOf(params.page);
const thisYear = Number(todayInShanghai().slice(0, 4));
const years = Array.from({ length: thisYear - 1999 }, (_, i) => String(thisYear - i));
const yearLabels = Object.fromEntries(years.map((y) => [y, { zh: `${y}年`, en: y }]));

const results = h('div', { class: 'results', id: 'results' });
main.append(
  breadcrumbs([t('govAffairs'), href('/site/documents.html')], [t('policyDocuments')]),
  h('h1', {}, t('policyDocuments')),
  h('p', { class: 'lead' }, t('documentsIntro')),
  filterForm([
    inputField('q', t('searchTitleOrNumber'), params.q, { type: 'search', maxlength: '100', autocomplete: 'off' }),
    selectField('kind', t('kind'), DOCUMENT_KIND_LABELS, params.kind, { codes: DOCUMENT_KINDS }),
    selectField('validity', t('validity'), VALIDITY_LABELS, params.validity, { codes: DOCUMENT_VALIDITIES }),
    selectField('year', t('issuedYear'), yearLabels, params.year, { codes: years }),
  ]),
  results,
);

const linkFor = (p) => href(location.pathname, { ...params, locale: undefined, page: p > 1 ? p : undefined });

section(
  results,
  () =>
    get('policy-documents', {
      fields: ['title', 'documentNumber', 'kind', 'issuingBody', 'issuedOn', 'effectiveOn', 'repealedOn', 'summary'],
      filters: documentFilters(params, todayInShanghai()),
      sort: ['issuedOn:desc', 'id:desc'],
      // The page numbers need the total: the only lists that ask for the count (config/api.ts counts on request).
      pagination: { page, pageSize: PAGE_SIZE, withCount: true },
      locale,
    }),
  ({ data, meta }) => [
    resultSummary(meta, linkFor),
    data.length
      ? h(
          'ol',
          { class: 'result-list', start: String((page - 1) * PAGE_SIZE + 1) },
          data.map((d) =>
            h(
              'li',
              { class: 'result' },
              h(
                'h2',
                { class: 'result-title' },
                h('a', { href: href('document.html', { id: d.documentId }) }, d.title),
              ),
              h(
                'p',
                { class: 'meta' },
                badge(pick(DOCUMENT_KIND_LABELS[d.kind]), 'kind'),
                d.validity ? badge(pick(VALIDITY_LABELS[d.validity]), d.validity) : null,
                d.documentNumber ? h('span', {}, d.documentNumber) : null,
                h('span', {}, d.issuingBody),
                h('span', {}, `${t('issuedOn')} `, time(d.issuedOn)),
              ),
              d.summary ? h('p', { class: 'summary' }, d.summary) : null,
            ),
          ),
        )
      : null,
    pagination(meta.pagination, linkFor),
  ],
);
