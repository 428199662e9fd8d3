// The site's "page not found" page. The server sends it with status 404 at whatever address was asked for, so every
// link here is absolute.
import { mountChrome } from './chrome.js';
import { href, t } from './i18n.js';
import { h, setTitle } from './ui.js';

const main = mountChrome(null);
setTitle(t('notFoundTitle'));
main.append(
  h('h1', {}, t('notFoundTitle')),
  h('p', { class: 'lead' }, t('notFoundText')),
  h(
    'ul',
    { class: 'link-list' },
    [
      ['home', '/index.html'],
      ['policyDocuments', '/site/documents.html'],
      ['tradingInfo', '/site/notices.html'],
      ['annualReports', '/site/reports.html'],
      ['disclosureGuide', '/site/guide.html'],
      ['applications', '/site/apply.html'],
    ].map(([key, path]) => h('li', {}, h('a', { href: href(path) }, t(key)))),
  ),
);
