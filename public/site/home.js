// Home: the columns of the site, the latest notices and documents, the latest annual report.
// Requests: one per list (notices, documents, reports), each with explicit fields and a page size.
import { get } from './api.js';
import { mountChrome } from './chrome.js';
import { href, locale, pick, t } from './i18n.js';
import { CATEGORY_LABELS, DOCUMENT_KIND_LABELS, NOTICE_TYPE_LABELS, VALIDITY_LABELS } from './labels.js';
import { badge, h, section, setTitle, time, zh } from './ui.js';

const main = mountChrome('home');
setTitle(t('homeTitle'));

const columns = [
  [
    'govAffairs',
    'colGovAffairsDesc',
    [
      ['policyDocuments', '/site/documents.html'],
      ['annualReports', '/site/reports.html'],
      ['applications', '/site/apply.html'],
    ],
  ],
  [
    'tradingInfo',
    'colTradingDesc',
    Object.entries(CATEGORY_LABELS).map(([code, label]) => [label, '/site/notices.html', { category: code }]),
  ],
  ['caCerts', 'colCaDesc', [['caCerts', '/site/ca.html']]],
  ['annualReports', 'colReportsDesc', [['allReports', '/site/reports.html']]],
];

const latestNotices = h('section', { class: 'panel', 'aria-labelledby': 'latest-notices' });
const latestDocuments = h('section', { class: 'panel', 'aria-labelledby': 'latest-documents' });
const latestReport = h('section', { class: 'panel', 'aria-labelledby': 'latest-report' });

main.append(
  h('h1', { class: 'visually-hidden' }, t('siteName')),
  h('p', { class: 'lead' }, t('homeIntro')),
  h(
    'section',
    { class: 'columns', 'aria-label': t('columns') },
    h(
      'ul',
      { class: 'column-grid' },
      columns.map(([title, desc, links], i) =>
        h(
          'li',
          { class: `column-card column-${i + 1}` },
          h('h2', {}, h('a', { href: href(links[0][1], links[0][2]) }, t(title))),
          h('p', {}, t(desc)),
          h(
            'ul',
            { class: 'column-links' },
            links.map(([label, path, params]) =>
              h('li', {}, h('a', { href: href(path, params) }, typeof label === 'string' ? t(label) : pick(label))),
            ),
          ),
        ),
      ),
    ),
  ),
  h('div', { class: 'home-lists' }, latestNotices, latestDocuments),
  latestReport,
);

function panel(target, id, title, moreLabel, moreHref) {
  const body = h('div', {});
  target.append(
    h('div', { class: 'panel-head' }, h('h2', { id }, title), h('a', { href: moreHref, class: 'more' }, moreLabel)),
    body,
  );
  return body;
}

const noticesBody = panel(
  latestNotices,
  'latest-notices',
  t('latestNotices'),
  t('allNotices'),
  href('/site/notices.html'),
);
section(
  noticesBody,
  () =>
    get('transaction-notices', {
      fields: ['title', 'noticeType', 'releasedAt'],
      populate: { project: { fields: ['name', 'category'] } },
      sort: ['releasedAt:desc'],
      pagination: { page: 1, pageSize: 6, withCount: false },
    }),
  ({ data }) =>
    data.length
      ? h(
          'ul',
          { class: 'link-list' },
          data.map((n) =>
            h(
              'li',
              {},
              zh('a', { href: href('/site/notice.html', { id: n.documentId }) }, n.title),
              h(
                'span',
                { class: 'meta' },
                n.project?.category ? badge(pick(CATEGORY_LABELS[n.project.category]), 'category') : null,
                badge(pick(NOTICE_TYPE_LABELS[n.noticeType]) || n.noticeType),
                time(n.releasedAt),
              ),
            ),
          ),
        )
      : h('p', { class: 'muted' }, t('none')),
);

const documentsBody = panel(
  latestDocuments,
  'latest-documents',
  t('latestDocuments'),
  t('allDocuments'),
  href('/site/documents.html'),
);
section(
  documentsBody,
  () =>
    get('policy-documents', {
      fields: ['title', 'documentNumber', 'kind', 'issuedOn', 'effectiveOn', 'repealedOn'],
      sort: ['issuedOn:desc', 'id:desc'],
      pagination: { page: 1, pageSize: 6, withCount: false },
      locale,
    }),
  ({ data }) =>
    data.length
      ? h(
          'ul',
          { class: 'link-list' },
          data.map((d) =>
            h(
              'li',
              {},
              h('a', { href: href('/site/document.html', { id: d.documentId }) }, d.title),
              h(
                'span',
                { class: 'meta' },
                badge(pick(DOCUMENT_KIND_LABELS[d.kind])),
                d.validity && d.validity !== 'inForce' ? badge(pick(VALIDITY_LABELS[d.validity]), d.validity) : null,
                d.documentNumber ? h('span', {}, d.documentNumber) : null,
                time(d.issuedOn),
              ),
            ),
          ),
        )
      : h('p', { class: 'muted' }, t('none')),
);

const reportBody = panel(latestReport, 'latest-report', t('latestReport'), t('allReports'), href('/site/reports.html'));
section(
  reportBody,
  () => get('disclosure/reports', { locale, page: 1, pageSize: 1 }),
  ({ data }) =>
    data.length
      ? h(
          'p',
          { class: 'report-teaser' },
          h(
            'a',
            { href: href('/site/report.html', { id: data[0].documentId }) },
            data[0].title || `${data[0].organization?.name ?? ''} ${data[0].year}`,
          ),
          ' ',
          h(
            'span',
            { class: 'meta' },
            badge(`${data[0].year}`),
            data[0].organization?.name ? h('span', {}, data[0].organization.name) : null,
            time(data[0].publishedAt),
          ),
        )
      : h('p', { class: 'muted' }, t('none')),
);
