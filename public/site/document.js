// One policy document: its facts, validity, summary, body (Markdown) and attachments.
// Request: GET /api/policy-documents/:documentId with fields, populate (attachments, organization) and locale.
import { get } from './api.js';
import { mountChrome } from './chrome.js';
import { href, isEn, locale, pick, t } from './i18n.js';
import { DOCUMENT_KIND_LABELS, VALIDITY_LABELS } from './labels.js';
import { renderMarkdown } from './markdown.js';
import { paramsOf } from './query.js';
import { attachmentList, badge, breadcrumbs, errorBox, facts, h, section, setTitle, time } from './ui.js';

const main = mountChrome('documents');
setTitle(t('policyDocuments'));
const { id } = paramsOf(location.search);
const crumbs = breadcrumbs(
  [t('govAffairs'), href('/site/documents.html')],
  [t('policyDocuments'), href('documents.html')],
);
const body = h('article', { class: 'document' });
main.append(crumbs, body);

const notFound = { kind: 'notFound', status: 404 };

section(
  body,
  () => {
    if (!id || !/^[A-Za-z0-9]{1,64}$/.test(id)) return Promise.reject(notFound);
    return get(`policy-documents/${encodeURIComponent(id)}`, {
      fields: [
        'title',
        'documentNumber',
        'kind',
        'issuingBody',
        'issuedOn',
        'effectiveOn',
        'repealedOn',
        'summary',
        'body',
      ],
      populate: { attachments: { fields: ['name', 'url', 'ext', 'size', 'mime'] }, organization: { fields: ['name'] } },
      locale,
    });
  },
  ({ data: d }) => {
    setTitle(d.title, t('policyDocuments'));
    return [
      h('h1', {}, d.title),
      h(
        'p',
        { class: 'meta' },
        badge(pick(DOCUMENT_KIND_LABELS[d.kind]), 'kind'),
        d.validity ? badge(pick(VALIDITY_LABELS[d.validity]), d.validity) : null,
      ),
      facts([
        [t('documentNumber'), d.documentNumber],
        [t('issuingBody'), d.issuingBody],
        [t('issuedOn'), time(d.issuedOn)],
        [t('effectiveOn'), d.effectiveOn ? time(d.effectiveOn) : null],
        [t('repealedOn'), d.repealedOn ? time(d.repealedOn) : null],
        [t('validity'), d.validity ? pick(VALIDITY_LABELS[d.validity]) : null],
        [t('organization'), d.organization?.name],
      ]),
      d.summary ? h('section', { class: 'summary-box', 'aria-label': t('summary') }, h('p', {}, d.summary)) : null,
      d.body ? h('div', { class: 'prose', html: renderMarkdown(d.body) }) : null,
      attachmentList(d.attachments),
      h('p', {}, h('a', { href: href('documents.html') }, t('backToList'))),
    ];
  },
  {
    onError: (error, retry) => [
      h('h1', {}, t('policyDocuments')),
      errorBox(error, {
        retry: error.kind === 'notFound' ? null : retry,
        // A document may exist in Chinese only: offer that version from the English page.
        extra:
          error.kind === 'notFound' && isEn && id
            ? h(
                'p',
                {},
                t('notInLocale'),
                ' ',
                h(
                  'a',
                  { href: href('document.html', { id }, 'zh-Hans'), lang: 'zh-Hans', hreflang: 'zh-Hans' },
                  t('readInChinese'),
                ),
              )
            : null,
      }),
    ],
  },
);
