// Site-wide search (GET /api/search): notices, projects (by 项目编号 / 统一交易标识码 too) and policy documents, published
// only, newest first, with the words found marked in the title and in a snippet of the body. Requests: one per page view.
import { get } from './api.js';
import { mountChrome } from './chrome.js';
import { href, isEn, locale, t } from './i18n.js';
import { pageOf, paramsOf } from './query.js';
import { badge, breadcrumbs, errorBox, h, pagination, section, setTitle, time, zh } from './ui.js';

const PAGE_SIZE = 10;
const MAX_LENGTH = 50;
const TYPES = ['notice', 'project', 'document'];
const PAGES = { notice: 'notice.html', project: 'project.html', document: 'document.html' };
const TYPE_LABELS = {
  all: 'searchAll',
  notice: 'searchNotices',
  project: 'searchProjects',
  document: 'searchDocuments',
};

const main = mountChrome('search');
const params = paramsOf(location.search);
const q = (params.q ?? '').trim();
const type = TYPES.includes(params.type) ? params.type : 'all';
const page = pageOf(params.page);
setTitle(q ? t('searchTitleFor', { q }) : t('siteSearch'));

/** Text with the ranges [start, end) wrapped in <mark> (as text nodes: never HTML). */
function marked(text, ranges = []) {
  const out = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start < at || end > text.length) continue;
    if (start > at) out.push(text.slice(at, start));
    out.push(h('mark', {}, text.slice(start, end)));
    at = end;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

const linkFor = (p, t2 = type) =>
  href(location.pathname, { q, type: t2 === 'all' ? undefined : t2, page: p > 1 ? p : undefined });

const form = h(
  'form',
  { class: 'search-form', role: 'search', action: location.pathname, method: 'get', 'aria-label': t('siteSearch') },
  h('label', { for: 'search-q' }, t('searchLabel')),
  h(
    'div',
    { class: 'search-row' },
    h('input', {
      id: 'search-q',
      name: 'q',
      type: 'search',
      value: q,
      maxlength: String(MAX_LENGTH),
      required: true,
      autocomplete: 'off',
      'aria-describedby': 'search-hint',
    }),
    type !== 'all' ? h('input', { type: 'hidden', name: 'type', value: type }) : null,
    isEn ? h('input', { type: 'hidden', name: 'locale', value: 'en' }) : null,
    h('button', { type: 'submit', class: 'button' }, t('search')),
  ),
  h('p', { class: 'hint muted', id: 'search-hint' }, t('searchHint', { max: MAX_LENGTH })),
);

const results = h('div', { class: 'results', id: 'results' });
main.append(
  breadcrumbs([t('siteSearch')]),
  h('h1', {}, t('siteSearch')),
  form,
  q
    ? h(
        'nav',
        { class: 'tabs', 'aria-label': t('searchScope') },
        h(
          'ul',
          {},
          ['all', ...TYPES].map((k) =>
            h(
              'li',
              {},
              h('a', { href: linkFor(1, k), 'aria-current': k === type ? 'page' : undefined }, t(TYPE_LABELS[k])),
            ),
          ),
        ),
      )
    : null,
  results,
);

function hit(item) {
  const link = href(PAGES[item.type], { id: item.documentId });
  // Notices and projects are Chinese only; a document is in the page's locale.
  const text = item.locale ? h : zh;
  return h(
    'li',
    { class: 'result search-hit' },
    h('h2', { class: 'result-title' }, text('a', { href: link }, ...marked(item.title, item.titleHighlights))),
    h(
      'p',
      { class: 'meta' },
      badge(t(TYPE_LABELS[item.type]), 'type'),
      item.code ? h('span', { class: 'code' }, item.code) : null,
      item.date ? time(item.date, item.type === 'notice') : null,
    ),
    item.snippet ? text('p', { class: 'snippet' }, ...marked(item.snippet, item.highlights)) : null,
  );
}

if (!q) {
  results.append(h('p', { class: 'result-count' }, t('searchEmptyQuery')));
} else {
  section(
    results,
    () => get('search', { q, type, page, pageSize: PAGE_SIZE, locale }),
    ({ data, meta }) => {
      const p = meta.pagination;
      return [
        data.length === 0
          ? h(
              'div',
              { class: 'empty-state', role: 'status' },
              h(
                'p',
                { class: 'result-count' },
                page > 1 && p.total > 0 ? t('pageBeyond', { page }) : t('searchNone', { q }),
              ),
              h('p', { class: 'muted' }, t('searchNoneHint')),
            )
          : h(
              'p',
              { class: 'result-count', role: 'status' },
              t(p.totalIsLowerBound ? 'searchCountMore' : 'searchCount', {
                q,
                total: p.total,
                page: p.page,
                pages: p.pageCount,
              }),
            ),
        data.length
          ? h('ol', { class: 'result-list', start: String((page - 1) * PAGE_SIZE + 1) }, data.map(hit))
          : null,
        pagination(p, linkFor),
      ];
    },
    { onError: (error, retry) => errorBox(error, { retry: error.kind === 'badRequest' ? undefined : retry }) },
  );
}
