// One transaction notice: type, dates, body (Markdown), attachments, and the way to its project's process.
// Request: GET /api/transaction-notices/:documentId with fields and populate (project, attachments).
import { get } from './api.js';
import { mountChrome } from './chrome.js';
import { href, isEn, pick, t } from './i18n.js';
import { CATEGORY_LABELS, NOTICE_TYPE_LABELS } from './labels.js';
import { renderMarkdown } from './markdown.js';
import { paramsOf } from './query.js';
import { attachmentList, badge, breadcrumbs, errorBox, facts, h, section, setTitle, time, zh } from './ui.js';

const main = mountChrome('notices');
setTitle(t('tradingInfo'));
const { id } = paramsOf(location.search);
const crumbs = h('div', {}, breadcrumbs([t('tradingInfo'), href('notices.html')]));
const article = h('article', { class: 'notice' });
main.append(crumbs, article);

section(
  article,
  () => {
    if (!id || !/^[A-Za-z0-9]{1,64}$/.test(id)) return Promise.reject({ kind: 'notFound', status: 404 });
    return get(`transaction-notices/${encodeURIComponent(id)}`, {
      fields: ['title', 'noticeType', 'releasedAt', 'publicityStart', 'publicityEnd', 'body'],
      populate: {
        project: { fields: ['name', 'projectCode', 'category'] },
        attachments: { fields: ['name', 'url', 'ext', 'size', 'mime'] },
      },
    });
  },
  ({ data: n }) => {
    setTitle(n.title, t('tradingInfo'));
    const category = n.project?.category;
    if (category) {
      crumbs.replaceChildren(breadcrumbs([t('tradingInfo'), href('notices.html')], [pick(CATEGORY_LABELS[category]), href('notices.html', { category })], [pick(NOTICE_TYPE_LABELS[n.noticeType])]));
    }
    return [
      zh('h1', {}, n.title),
      h('p', { class: 'meta' },
        category ? badge(pick(CATEGORY_LABELS[category]), 'category') : null,
        badge(pick(NOTICE_TYPE_LABELS[n.noticeType]) || n.noticeType, 'type')),
      isEn ? h('p', { class: 'muted' }, t('zhOnly')) : null,
      facts([
        [t('releasedAt'), time(n.releasedAt, true)],
        [t('publicityPeriod'), n.publicityStart || n.publicityEnd ? [time(n.publicityStart), ' – ', time(n.publicityEnd)] : null],
        [t('project'), n.project ? [zh('a', { href: href('project.html', { id: n.project.documentId }) }, n.project.name), n.project.projectCode ? ` (${n.project.projectCode})` : ''] : null],
      ]),
      n.body ? zh('div', { class: 'prose', html: renderMarkdown(n.body) }) : null,
      attachmentList(n.attachments),
      n.project ? h('p', {}, h('a', { class: 'button', href: href('project.html', { id: n.project.documentId }) }, t('viewProject'))) : null,
    ];
  },
  { onError: (error, retry) => [h('h1', {}, t('tradingInfo')), errorBox(error, { retry: error.kind === 'notFound' ? null : retry })] },
);
