// The frame of every page: language, skip link, header with the main navigation and the language switch, footer.
import { href, isEn, locale, t } from './i18n.js';
import { h } from './ui.js';

const NAV = [
  ['home', '/index.html', 'home'],
  ['govAffairs', '/site/documents.html', 'documents'],
  ['tradingInfo', '/site/notices.html', 'notices'],
  ['caCerts', '/site/ca.html', 'ca'],
  ['annualReports', '/site/reports.html', 'reports'],
  ['applications', '/site/apply.html', 'apply'],
];

/** The same address in the other language. */
function otherLanguageHref() {
  const u = new URL(location.href);
  if (isEn) u.searchParams.delete('locale');
  else u.searchParams.set('locale', 'en');
  return u.pathname + u.search + u.hash;
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
    h('div', { class: 'wrap header-bar' },
      h('a', { class: 'brand', href: href('/index.html') },
        h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, '交'),
        h('span', { class: 'brand-text' }, h('span', { class: 'brand-name' }, t('siteName')), h('span', { class: 'brand-tagline' }, t('siteTagline')))),
      h('a', {
        class: 'lang-switch',
        href: otherLanguageHref(),
        lang: isEn ? 'zh-Hans' : 'en',
        hreflang: isEn ? 'zh-Hans' : 'en',
        'aria-label': t('switchToLabel'),
      }, t('switchTo'))),
    h('nav', { class: 'main-nav', 'aria-label': t('mainNav') },
      h('ul', { class: 'wrap' },
        NAV.map(([key, path, id]) =>
          h('li', {}, h('a', { href: href(path), 'aria-current': id === section ? 'page' : undefined }, t(key)))))),
  );

  const footer = document.getElementById('site-footer');
  footer.replaceChildren(
    h('div', { class: 'wrap' },
      h('p', {}, t('siteName')),
      h('p', { class: 'muted' }, t('footerNote'))),
  );

  const main = document.getElementById('main');
  main.replaceChildren();
  main.classList.add('wrap');
  return main;
}
