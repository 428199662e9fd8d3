// CA digital certificates (CA数字证书): each accepted provider's fees, service addresses, steps and materials.
// Request: one GET /api/ca-providers (fields, populate of the three components with their fields, sort, locale).
import { get } from './api.js';
import { mountChrome } from './chrome.js';
import { isEn, locale, t } from './i18n.js';
import { safeUrl } from './url.js';
import { badge, breadcrumbs, facts, h, section, setTitle } from './ui.js';

const main = mountChrome('ca');
setTitle(t('caCerts'));
const list = h('div', { class: 'providers' });
main.append(breadcrumbs([t('caCerts')]), h('h1', {}, t('caCerts')), h('p', { class: 'lead' }, t('caIntro')), list);

const lines = (text) =>
  String(text ?? '')
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean);

function feesTable(provider) {
  if (!provider.fees?.length) return null;
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: 'data-table fees' },
      h('caption', { class: 'visually-hidden' }, `${provider.shortName || provider.name} ${t('fees')}`),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ['feeItem', 'price', 'per', 'note'].map((k) => h('th', { scope: 'col' }, t(k))),
        ),
      ),
      h(
        'tbody',
        {},
        provider.fees.map((f) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, f.item),
            h('td', { class: 'num' }, f.price),
            h('td', {}, f.unit),
            h('td', {}, f.note ?? ''),
          ),
        ),
      ),
    ),
  );
}

function addressesTable(provider) {
  if (!provider.addresses?.length) return null;
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: 'data-table addresses' },
      h('caption', { class: 'visually-hidden' }, `${provider.shortName || provider.name} ${t('addresses')}`),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ['outlet', 'address', 'phone', 'hours'].map((k) => h('th', { scope: 'col' }, t(k))),
        ),
      ),
      h(
        'tbody',
        {},
        provider.addresses.map((a) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, a.name || a.address),
            h('td', {}, a.address),
            h('td', {}, h('a', { href: `tel:${a.phone.replace(/[^0-9+]/g, '')}` }, a.phone)),
            h('td', {}, a.hours ?? ''),
          ),
        ),
      ),
    ),
  );
}

function stepsList(provider, n) {
  if (!provider.steps?.length) return null;
  const steps = [...provider.steps].sort((a, b) => a.order - b.order);
  return h(
    'section',
    { 'aria-labelledby': `steps-${n}` },
    h('h3', { id: `steps-${n}` }, t('steps')),
    h(
      'ol',
      { class: 'steps' },
      steps.map((s) =>
        h(
          'li',
          {},
          h('h4', {}, s.title),
          s.description ? lines(s.description).map((l) => h('p', {}, l)) : null,
          s.materials
            ? h(
                'div',
                { class: 'materials' },
                h('p', { class: 'materials-title' }, `${t('materials')}${isEn ? ':' : '：'}`),
                h(
                  'ul',
                  {},
                  lines(s.materials).map((m) => h('li', {}, m.replace(/^[-*•·]\s*/, ''))),
                ),
              )
            : null,
        ),
      ),
    ),
  );
}

section(
  list,
  () =>
    get('ca-providers', {
      fields: ['name', 'shortName', 'introduction', 'website', 'hotline', 'provinceWide', 'displayOrder'],
      populate: {
        fees: { fields: ['item', 'price', 'unit', 'note'] },
        addresses: { fields: ['name', 'address', 'phone', 'hours'] },
        steps: { fields: ['order', 'title', 'description', 'materials'] },
      },
      sort: ['displayOrder:asc', 'name:asc'],
      pagination: { page: 1, pageSize: 50 },
      locale,
    }),
  ({ data }) => {
    if (!data.length) return h('p', { class: 'muted' }, t('none'));
    return [
      data.length > 1
        ? h(
            'nav',
            { class: 'toc', 'aria-labelledby': 'toc-heading' },
            h('h2', { id: 'toc-heading', class: 'toc-title' }, t('contents')),
            h(
              'ul',
              {},
              data.map((p, i) => h('li', {}, h('a', { href: `#provider-${i + 1}` }, p.name))),
            ),
          )
        : null,
      data.map((p, i) => {
        const n = i + 1;
        const website = safeUrl(p.website);
        return h(
          'section',
          { class: 'provider', id: `provider-${n}`, 'aria-labelledby': `provider-${n}-name` },
          h('h2', { id: `provider-${n}-name` }, p.name, ' ', p.provinceWide ? badge(t('provinceWide'), 'ok') : null),
          p.introduction ? h('p', {}, p.introduction) : null,
          facts([
            [t('website'), website ? h('a', { href: website, rel: 'noopener noreferrer' }, p.website) : null],
            [t('hotline'), p.hotline ? h('a', { href: `tel:${p.hotline.replace(/[^0-9+]/g, '')}` }, p.hotline) : null],
          ]),
          h('h3', {}, t('fees')),
          feesTable(p) ?? h('p', { class: 'muted' }, t('none')),
          h('h3', {}, t('addresses')),
          addressesTable(p) ?? h('p', { class: 'muted' }, t('none')),
          stepsList(p, n),
        );
      }),
    ];
  },
);
