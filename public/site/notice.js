// One transaction notice: type, dates, the project's bid deadline, body (Markdown), attachments, the way to its
// project's process, and on candidate/result notices the candidates and winner as entered once on the project.
// Request: GET /api/transaction-notices/:documentId with fields and populate (project, attachments).
import { get } from './api.js';
import { mountChrome } from './chrome.js';
import { href, isEn, pick, t } from './i18n.js';
import { CATEGORY_LABELS, NOTICE_TYPE_LABELS } from './labels.js';
import { renderMarkdown } from './markdown.js';
import { paramsOf } from './query.js';
import { attachmentList, badge, breadcrumbs, errorBox, facts, h, section, setTitle, time, zh } from './ui.js';
import { candidatesTable, deadlineBadge, money } from './trading.js';

/** Notices that announce candidates or a result: they show the project's candidates and winner. */
const CANDIDATE_TYPES = ['candidatePublicity'];
const RESULT_TYPES = ['awardResult', 'procurementResult', 'dealPublicity', 'dealResult', 'contractNotice'];

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
        project: {
          fields: ['name', 'projectCode', 'category', 'winner'],
          populate: {
            keyTimes: { fields: ['bidDeadline', 'bidOpeningAt', 'bidOpeningPlace'] },
            candidates: { fields: ['rank', 'name', 'bidAmount', 'bidUnit'] },
            winningAmount: { fields: ['amount', 'currency', 'unit'] },
          },
        },
        attachments: { fields: ['name', 'url', 'ext', 'size', 'mime'] },
      },
    });
  },
  ({ data: n }) => {
    setTitle(n.title, t('tradingInfo'));
    const category = n.project?.category;
    if (category) {
      crumbs.replaceChildren(
        breadcrumbs(
          [t('tradingInfo'), href('notices.html')],
          [pick(CATEGORY_LABELS[category]), href('notices.html', { category })],
          [pick(NOTICE_TYPE_LABELS[n.noticeType])],
        ),
      );
    }
    return [
      zh('h1', {}, n.title),
      h(
        'p',
        { class: 'meta' },
        category ? badge(pick(CATEGORY_LABELS[category]), 'category') : null,
        badge(pick(NOTICE_TYPE_LABELS[n.noticeType]) || n.noticeType, 'type'),
      ),
      isEn ? h('p', { class: 'muted' }, t('zhOnly')) : null,
      facts([
        [t('releasedAt'), time(n.releasedAt, true)],
        [
          t('publicityPeriod'),
          n.publicityStart || n.publicityEnd ? [time(n.publicityStart), ' – ', time(n.publicityEnd)] : null,
        ],
        [
          t('bidDeadline'),
          n.project?.keyTimes?.bidDeadline
            ? [time(n.project.keyTimes.bidDeadline, true), ' ', deadlineBadge(n.project.keyTimes.bidDeadline)]
            : null,
        ],
        [t('bidOpeningAt'), n.project?.keyTimes?.bidOpeningAt ? time(n.project.keyTimes.bidOpeningAt, true) : null],
        [
          t('bidOpeningPlace'),
          n.project?.keyTimes?.bidOpeningPlace ? zh('span', {}, n.project.keyTimes.bidOpeningPlace) : null,
        ],
        [
          t('project'),
          n.project
            ? [
                zh('a', { href: href('project.html', { id: n.project.documentId }) }, n.project.name),
                n.project.projectCode ? ` (${n.project.projectCode})` : '',
              ]
            : null,
        ],
      ]),
      n.body ? zh('div', { class: 'prose', html: renderMarkdown(n.body) }) : null,
      outcome(n),
      attachmentList(n.attachments),
      n.project
        ? h(
            'p',
            {},
            h('a', { class: 'button', href: href('project.html', { id: n.project.documentId }) }, t('viewProject')),
          )
        : null,
    ];
  },
  {
    onError: (error, retry) => [
      h('h1', {}, t('tradingInfo')),
      errorBox(error, { retry: error.kind === 'notFound' ? null : retry }),
    ],
  },
);

/** Candidates and winner of the notice's project, on the notices that announce them (entered once, on the project). */
function outcome(n) {
  const p = n.project;
  if (!p) return null;
  const showCandidates = CANDIDATE_TYPES.includes(n.noticeType) || RESULT_TYPES.includes(n.noticeType);
  const showWinner = RESULT_TYPES.includes(n.noticeType) && (p.winner || p.winningAmount?.amount);
  const table = showCandidates ? candidatesTable(p.candidates) : null;
  if (!table && !showWinner) return null;
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'outcome-heading', 'data-outcome': '' },
    h('h2', { id: 'outcome-heading' }, showWinner ? t('winnerTitle') : t('candidates')),
    table,
    showWinner
      ? facts(
          [
            [t('winner'), p.winner ? zh('span', {}, p.winner) : null],
            [t('winningAmount'), money(p.winningAmount)],
          ],
          { 'data-winner': '' },
        )
      : null,
    h('p', { class: 'muted' }, t('fromProjectData')),
  );
}
