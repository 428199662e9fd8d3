// Transaction notices: filters by category, region and organization (through the project), notice type, release
// dates, title and "open now" (the project's bid deadline not passed); each notice shows its project's bid deadline.
// Requests: one GET /api/transaction-notices per page view; organizations for the organization filter.
import { get } from './api.js';
import { mountChrome } from './chrome.js';
import { href, isEn, locale, pick, t } from './i18n.js';
import { CATEGORY_LABELS, NOTICE_TYPES_BY_CATEGORY, NOTICE_TYPE_LABELS } from './labels.js';
import { noticeFilters, pageOf, paramsOf } from './query.js';
import {
  badge,
  breadcrumbs,
  errorBox,
  filterForm,
  h,
  inputField,
  pagination,
  resultSummary,
  section,
  selectField,
  setTitle,
  time,
  zh,
} from './ui.js';
import { deadlineBadge } from './trading.js';

const PAGE_SIZE = 15;
const CATEGORIES = Object.keys(CATEGORY_LABELS);
const NOTICE_TYPES = Object.keys(NOTICE_TYPE_LABELS);

const main = mountChrome('notices');
const params = paramsOf(location.search);
const page = pageOf(params.page);
const category = CATEGORIES.includes(params.category) ? params.category : '';
const title = category ? pick(CATEGORY_LABELS[category]) : t('tradingInfo');
setTitle(title, category ? t('tradingInfo') : null);

/** Notice types offered: those of the chosen category, or all of them grouped by category. */
function typeGroups(cat) {
  if (cat) return [[pick(CATEGORY_LABELS[cat]), NOTICE_TYPES_BY_CATEGORY[cat]]];
  const seen = new Set();
  return CATEGORIES.map((c) => [
    pick(CATEGORY_LABELS[c]),
    NOTICE_TYPES_BY_CATEGORY[c].filter((n) => !seen.has(n) && seen.add(n)),
  ]).filter(([, codes]) => codes.length);
}

const typeField = selectField('type', t('noticeType'), NOTICE_TYPE_LABELS, params.type, {
  groups: typeGroups(category),
});
const categoryField = selectField('category', t('category'), CATEGORY_LABELS, category, { codes: CATEGORIES });
// Changing the category narrows the notice types offered (the server refuses nothing: a mismatch just finds none).
categoryField.querySelector('select').addEventListener('change', (event) => {
  const select = typeField.querySelector('select');
  const keep = select.value;
  const fresh = selectField('type', t('noticeType'), NOTICE_TYPE_LABELS, keep, {
    groups: typeGroups(event.target.value),
  }).querySelector('select');
  select.replaceChildren(...fresh.childNodes);
  if (![...select.options].some((o) => o.value === keep)) select.value = '';
});

const results = h('div', { class: 'results', id: 'results' });
// The organization filter is filled once the organizations are loaded; the list does not wait for it.
const orgSlot = h(
  'div',
  { class: 'field-slot' },
  selectField('organization', t('organization'), {}, params.organization),
);
get('organizations', {
  fields: ['name'],
  sort: ['displayOrder:asc', 'name:asc'],
  pagination: { page: 1, pageSize: 100 },
  locale,
})
  .then(({ data }) =>
    orgSlot.replaceChildren(
      selectField(
        'organization',
        t('organization'),
        Object.fromEntries(data.map((o) => [o.documentId, { zh: o.name, en: o.name }])),
        params.organization,
      ),
    ),
  )
  .catch((error) => orgSlot.append(errorBox(error)));
main.append(
  breadcrumbs([t('tradingInfo'), category ? href('notices.html') : null], ...(category ? [[title]] : [])),
  h('h1', {}, title),
  h('p', { class: 'lead' }, t('noticesIntro'), isEn ? ` ${t('zhOnly')}` : ''),
  h(
    'nav',
    { class: 'tabs', 'aria-label': t('category') },
    h(
      'ul',
      {},
      h('li', {}, h('a', { href: href('notices.html'), 'aria-current': category ? undefined : 'page' }, t('all'))),
      CATEGORIES.map((c) =>
        h(
          'li',
          {},
          h(
            'a',
            { href: href('notices.html', { category: c }), 'aria-current': c === category ? 'page' : undefined },
            pick(CATEGORY_LABELS[c]),
          ),
        ),
      ),
    ),
  ),
  filterForm([
    categoryField,
    typeField,
    inputField('from', t('releasedFrom'), params.from, { type: 'date' }),
    inputField('to', t('releasedTo'), params.to, { type: 'date' }),
    inputField('q', t('searchTitle'), params.q, { type: 'search', maxlength: '100', autocomplete: 'off' }),
    inputField('region', t('region'), params.region, { type: 'text', maxlength: '60', autocomplete: 'off' }),
    orgSlot,
    h(
      'div',
      { class: 'field field-check' },
      h('input', {
        type: 'checkbox',
        id: 'open',
        name: 'open',
        value: '1',
        checked: params.open === '1',
        'aria-describedby': 'open-hint',
      }),
      h('label', { for: 'open' }, t('openNow')),
      h('p', { class: 'hint muted', id: 'open-hint' }, t('openNowHint')),
    ),
  ]),
  results,
);

const linkFor = (p) => href(location.pathname, { ...params, locale: undefined, page: p > 1 ? p : undefined });

section(
  results,
  () =>
    get('transaction-notices', {
      fields: ['title', 'noticeType', 'releasedAt', 'publicityStart', 'publicityEnd'],
      populate: {
        project: {
          fields: ['name', 'category', 'projectCode', 'region'],
          populate: { keyTimes: { fields: ['bidDeadline'] } },
        },
      },
      filters: noticeFilters(params, { categories: CATEGORIES, noticeTypes: NOTICE_TYPES }),
      sort: ['releasedAt:desc', 'id:desc'],
      // The page numbers need the total: the only lists that ask for the count (config/api.ts counts on request).
      pagination: { page, pageSize: PAGE_SIZE, withCount: true },
    }),
  ({ data, meta }) => [
    resultSummary(meta, linkFor),
    data.length
      ? h(
          'ol',
          { class: 'result-list', start: String((page - 1) * PAGE_SIZE + 1) },
          data.map((n) =>
            h(
              'li',
              { class: 'result' },
              h('h2', { class: 'result-title' }, zh('a', { href: href('notice.html', { id: n.documentId }) }, n.title)),
              h(
                'p',
                { class: 'meta' },
                n.project?.category ? badge(pick(CATEGORY_LABELS[n.project.category]), 'category') : null,
                badge(pick(NOTICE_TYPE_LABELS[n.noticeType]) || n.noticeType, 'type'),
                h('span', {}, `${t('releasedAt')} `, time(n.releasedAt, true)),
                n.publicityStart || n.publicityEnd
                  ? h('span', {}, `${t('publicityPeriod')} `, time(n.publicityStart), ' – ', time(n.publicityEnd))
                  : null,
                n.project?.keyTimes?.bidDeadline
                  ? h(
                      'span',
                      { class: 'deadline' },
                      `${t('bidDeadline')} `,
                      time(n.project.keyTimes.bidDeadline, true),
                      ' ',
                      deadlineBadge(n.project.keyTimes.bidDeadline),
                    )
                  : null,
              ),
              n.project
                ? h(
                    'p',
                    { class: 'project-link' },
                    `${t('project')}${isEn ? ': ' : '：'}`,
                    zh('a', { href: href('project.html', { id: n.project.documentId }) }, n.project.name),
                    n.project.projectCode ? h('span', { class: 'muted' }, ` (${n.project.projectCode})`) : null,
                  )
                : null,
            ),
          ),
        )
      : null,
    pagination(meta.pagination, linkFor),
  ],
);
