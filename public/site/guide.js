// 政府信息公开指南: the single type `disclosure-guide` (editors write it in the admin, zh-Hans and en); contacts the
// guide leaves empty come from the organization hosting the site.
// Requests: GET /api/disclosure-guide (populate organization) and the site host of the footer.
import { get } from './api.js';
import { loadSiteHost, mountChrome } from './chrome.js';
import { href, isEn, locale, t } from './i18n.js';
import { renderMarkdown } from './markdown.js';
import { breadcrumbs, errorBox, facts, h, section, setTitle } from './ui.js';

const main = mountChrome('guide');
setTitle(t('disclosureGuide'));
const article = h('article', { class: 'guide' });
main.append(breadcrumbs([t('govAffairs'), null], [t('disclosureGuide')]), article);

const load = (loc) =>
  get('disclosure-guide', {
    locale: loc,
    populate: { organization: { fields: ['name', 'address', 'postcode', 'phone', 'email', 'workingHours'] } },
  });

section(
  article,
  async () => {
    const [guide, host] = await Promise.all([
      // An English page falls back to the Chinese guide until editors translate it.
      load(locale).catch((error) => (isEn && error?.kind === 'notFound' ? load('zh-Hans') : Promise.reject(error))),
      loadSiteHost().catch(() => null),
    ]);
    return { guide: guide.data, host };
  },
  ({ guide: g, host }) => {
    setTitle(g.title, t('disclosureGuide'));
    const org = g.organization ?? host ?? {};
    const email = g.email || org.email;
    return [
      h('h1', {}, g.title),
      h('div', { class: 'prose', html: renderMarkdown(g.body ?? '') }),
      h(
        'section',
        { class: 'panel', 'aria-labelledby': 'guide-contacts' },
        h('h2', { id: 'guide-contacts' }, t('guideContacts')),
        facts(
          [
            [t('acceptingOffice'), g.acceptingOffice || org.name],
            [t('contactAddress'), g.address || org.address],
            [t('contactPostalCode'), g.postcode || org.postcode],
            [t('contactPhone'), g.phone || org.phone],
            [t('contactFax'), g.fax],
            [t('contactEmail'), email ? h('a', { href: `mailto:${email}` }, email) : null],
            [t('workingHours'), g.workingHours || org.workingHours],
          ],
          { 'data-guide-contacts': '' },
        ),
      ),
      g.fees
        ? h(
            'section',
            { 'aria-labelledby': 'guide-fees' },
            h('h2', { id: 'guide-fees' }, t('guideFees')),
            h('div', { class: 'prose', html: renderMarkdown(g.fees) }),
          )
        : null,
      h('p', {}, h('a', { class: 'button button-primary', href: href('/site/apply.html') }, t('guideApply'))),
    ];
  },
  {
    onError: (error, retry) => [
      h('h1', {}, t('disclosureGuide')),
      error?.kind === 'notFound'
        ? h('p', { class: 'alert', role: 'status' }, t('guideMissing'))
        : errorBox(error, { retry }),
    ],
  },
);
