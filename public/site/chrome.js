// The frame of every page: language, skip link, header with the main navigation and the language switch, footer.
import { get, previewToken } from './api.js';
import { href, isEn, locale, t } from './i18n.js';
import { h } from './ui.js';

const NAV = [
  ['home', '/index.html', 'home'],
  ['govAffairs', '/site/documents.html', 'documents'],
  ['tradingInfo', '/site/notices.html', 'notices'],
  ['caCerts', '/site/ca.html', 'ca'],
  ['annualReports', '/site/reports.html', 'reports'],
  ['disclosureGuide', '/site/guide.html', 'guide'],
  ['applications', '/site/apply.html', 'apply'],
];

/** The same address in the other language. */
function otherLanguageHref() {
  const u = new URL(location.href);
  if (isEn) u.searchParams.delete('locale');
  else u.searchParams.set('locale', 'en');
  return u.pathname + u.search + u.hash;
}

/** The header's search box: a plain GET form to search.html (works before any script of that page runs). */
function searchBox() {
  const current = location.pathname.endsWith('/site/search.html')
    ? (new URLSearchParams(location.search).get('q') ?? '')
    : '';
  return h(
    'form',
    {
      class: 'site-search',
      role: 'search',
      action: '/site/search.html',
      method: 'get',
      'aria-label': t('searchHeaderLabel'),
    },
    h('label', { for: 'site-search-q', class: 'visually-hidden' }, t('searchHeaderLabel')),
    h('input', {
      id: 'site-search-q',
      name: 'q',
      type: 'search',
      maxlength: '50',
      required: true,
      value: current,
      placeholder: t('searchHeaderPlaceholder'),
      autocomplete: 'off',
    }),
    isEn ? h('input', { type: 'hidden', name: 'locale', value: 'en' }) : null,
    h('button', { type: 'submit' }, t('search')),
  );
}

/**
 * Mounts the frame. `section` names the navigation item of the page (aria-current); returns the <main> element,
 * emptied, for the page to fill.
 */
export function mountChrome(section) {
  document.documentElement.lang = locale;
  const skip = document.querySelector('.skip-link');
  if (skip) skip.textContent = t('skip');

  const header = document.getElementById('site-header');
  header.replaceChildren(
    h(
      'div',
      { class: 'wrap header-bar' },
      h(
        'a',
        { class: 'brand', href: href('/index.html') },
        h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, '交'),
        h(
          'span',
          { class: 'brand-text' },
          h('span', { class: 'brand-name' }, t('siteName')),
          h('span', { class: 'brand-tagline' }, t('siteTagline')),
        ),
      ),
      searchBox(),
      h(
        'a',
        {
          class: 'lang-switch',
          href: otherLanguageHref(),
          lang: isEn ? 'zh-Hans' : 'en',
          hreflang: isEn ? 'zh-Hans' : 'en',
          'aria-label': t('switchToLabel'),
        },
        t('switchTo'),
      ),
    ),
    h(
      'nav',
      { class: 'main-nav', 'aria-label': t('mainNav') },
      h(
        'ul',
        { class: 'wrap' },
        NAV.map(([key, path, id]) =>
          h('li', {}, h('a', { href: href(path), 'aria-current': id === section ? 'page' : undefined }, t(key))),
        ),
      ),
    ),
  );

  if (previewToken) mountPreviewBanner();
  mountFooter(document.getElementById('site-footer'));
  for (const [path, title] of [
    ['/feeds/notices.atom', t('feedNotices')],
    ['/feeds/policy-documents.atom', t('feedDocuments')],
  ]) {
    if (!document.head.querySelector(`link[href="${path}"]`))
      document.head.append(h('link', { rel: 'alternate', type: 'application/atom+xml', href: path, title }));
  }

  const main = document.getElementById('main');
  main.replaceChildren();
  main.classList.add('wrap');
  return main;
}

/** A draft preview: says so above everything, keeps the page out of indexes and its token out of Referer headers. */
function mountPreviewBanner() {
  for (const [name, content] of [
    ['robots', 'noindex, nofollow'],
    ['referrer', 'no-referrer'],
  ])
    document.head.append(h('meta', { name, content }));
  document.body.prepend(
    h(
      'div',
      { class: 'preview-banner', role: 'status' },
      h('div', { class: 'wrap' }, h('strong', {}, t('previewDraft')), ' ', t('previewDraftNote')),
    ),
  );
}

/**
 * The organization that runs the site: the one marked isSiteHost, else the first by displayOrder (see README).
 * Its name, contacts and the site's identification numbers fill the footer.
 */
let siteHost = null;
export function loadSiteHost() {
  // Chosen here rather than by sorting on isSiteHost: PostgreSQL sorts NULL (rows older than the field) first.
  siteHost ??= get('organizations', {
    fields: [
      'name',
      'address',
      'postcode',
      'phone',
      'email',
      'workingHours',
      'siteCode',
      'icpNumber',
      'publicSecurityNumber',
      'isSiteHost',
      'displayOrder',
    ],
    sort: ['displayOrder:asc', 'id:asc'],
    pagination: { page: 1, pageSize: 100 },
    locale,
  }).then(({ data }) => data.find((o) => o.isSiteHost === true) ?? data[0] ?? null);
  return siteHost;
}

/** 公安备案号 "豫公网安备41170202000123号" → the record number the MPS lookup expects. */
const securityRecordCode = (text) => /(\d{8,})/.exec(text ?? '')?.[1];

function mountFooter(footer) {
  if (!footer) return;
  const links = h(
    'p',
    { class: 'footer-links' },
    h('a', { href: href('/site/guide.html') }, t('disclosureGuide')),
    ' · ',
    h('a', { href: '/feeds/notices.atom', type: 'application/atom+xml' }, t('feedNotices')),
    ' · ',
    h('a', { href: '/feeds/policy-documents.atom', type: 'application/atom+xml' }, t('feedDocuments')),
    ' · ',
    h('a', { href: '/sitemap.xml' }, t('sitemap')),
  );
  const host = h('div', { class: 'footer-host', 'data-site-host': '' });
  footer.replaceChildren(h('div', { class: 'wrap' }, host, links, h('p', { class: 'muted' }, t('footerNote'))));
  const sep = isEn ? ': ' : '：';
  loadSiteHost()
    .then((org) => {
      if (!org) {
        host.replaceChildren(h('p', {}, t('siteName')));
        return;
      }
      const contact = [
        [t('contactAddress'), org.address],
        [t('contactPostalCode'), org.postcode],
        [t('contactPhone'), org.phone],
        [t('contactEmail'), org.email ? h('a', { href: `mailto:${org.email}` }, org.email) : null],
        [t('workingHours'), org.workingHours],
      ].filter(([, v]) => v);
      const security = securityRecordCode(org.publicSecurityNumber);
      const ids = [
        org.siteCode ? h('span', {}, `${t('siteCode')}${sep}${org.siteCode}`) : null,
        org.icpNumber ? h('a', { href: 'https://beian.miit.gov.cn/', rel: 'noopener' }, org.icpNumber) : null,
        org.publicSecurityNumber
          ? h(
              'a',
              {
                href: security
                  ? `https://beian.mps.gov.cn/#/query/webSearch?code=${security}`
                  : 'https://beian.mps.gov.cn/',
                rel: 'noopener',
              },
              org.publicSecurityNumber,
            )
          : null,
      ].filter(Boolean);
      host.replaceChildren(
        h('p', {}, `${t('sponsor')}${sep}`, h('span', { class: 'footer-sponsor' }, org.name)),
        contact.length
          ? h(
              'p',
              { class: 'footer-contact' },
              contact.map(([label, value], i) => [i ? ' · ' : '', `${label}${sep}`, value]),
            )
          : null,
        ids.length
          ? h(
              'p',
              { class: 'footer-ids' },
              ids.map((el, i) => [i ? ' · ' : '', el]),
            )
          : null,
      );
    })
    .catch(() => host.replaceChildren(h('p', {}, t('siteName'))));
}
