// One transaction project and its process (交易流程可视化): stages done, current and to come, each linked to its
// notices, and the branches (流标, 终止, 异议投诉). The process is derived by the server on every read.
// Request: GET /api/transaction-projects/:documentId with fields and populate (budget, keyTimes, candidates,
// winningAmount); the answer carries `process`.
import { get } from './api.js';
import { mountChrome } from './chrome.js';
import { href, isEn, pick, t } from './i18n.js';
import { CATEGORY_LABELS, METHOD_LABELS, PRINCIPAL_LABELS } from './labels.js';
import { paramsOf } from './query.js';
import { candidatesTable, money } from './trading.js';
import { badge, breadcrumbs, errorBox, facts, h, section, setTitle, time, zh } from './ui.js';

const main = mountChrome('notices');
setTitle(t('tradingInfo'));
const { id } = paramsOf(location.search);
const crumbs = h('div', {}, breadcrumbs([t('tradingInfo'), href('notices.html')]));
const article = h('article', { class: 'project' });
main.append(crumbs, article);

const when = (value) => (value ? time(value, /T/.test(value)) : null);

const STATUS = {
  done: { text: 'stepDone', mark: '✓' },
  current: { text: 'stepCurrent', mark: '●' },
  upcoming: { text: 'stepUpcoming', mark: '' },
};

function noticeLinks(notices) {
  if (!notices?.length) return null;
  return h(
    'ul',
    { class: 'step-notices' },
    notices.map((n) =>
      h(
        'li',
        {},
        zh('a', { href: href('notice.html', { id: n.documentId }) }, n.title),
        ' ',
        h('span', { class: 'muted' }, time(n.releasedAt)),
      ),
    ),
  );
}

function step(s) {
  const status = STATUS[s.status] ?? STATUS.upcoming;
  return h(
    'li',
    {
      class: `step step-${s.status}`,
      'aria-current': s.status === 'current' ? 'step' : undefined,
      'data-stage': s.stage,
    },
    h('span', { class: 'step-marker', 'aria-hidden': 'true' }, status.mark),
    h(
      'div',
      { class: 'step-body' },
      h(
        'p',
        { class: 'step-label' },
        h('span', { class: 'step-name' }, pick(s.label)),
        ' ',
        h('span', { class: 'step-status' }, t(status.text)),
      ),
      s.date ? h('p', { class: 'step-date' }, when(s.date)) : null,
      noticeLinks(s.notices),
    ),
  );
}

function processSection(process) {
  const heading = h('h2', { id: 'process-heading' }, t('process'));
  if (!process)
    return h(
      'section',
      { class: 'process', 'aria-labelledby': 'process-heading' },
      heading,
      h('p', { class: 'muted' }, t('noProcess')),
    );
  const endedBranch = process.ended ? process.branches.find((b) => b.stage === process.stage) : null;
  return h(
    'section',
    { class: 'process', 'aria-labelledby': 'process-heading' },
    heading,
    h('p', { class: 'muted' }, t('processIntro')),
    endedBranch
      ? h('p', { class: 'alert alert-warning' }, t('processEnded', { stage: pick(endedBranch.label) }))
      : null,
    h('ol', { class: 'timeline' }, process.timeline.map(step)),
    process.branches.length
      ? [
          h('h3', {}, t('branches')),
          h(
            'ul',
            { class: 'branches' },
            process.branches.map((b) =>
              h(
                'li',
                { class: `branch branch-${b.stage}`, 'data-stage': b.stage },
                h('p', { class: 'step-label' }, pick(b.label), b.date ? [' ', when(b.date)] : null),
                noticeLinks(b.notices),
              ),
            ),
          ),
        ]
      : null,
  );
}

section(
  article,
  () => {
    if (!id || !/^[A-Za-z0-9]{1,64}$/.test(id)) return Promise.reject({ kind: 'notFound', status: 404 });
    return get(`transaction-projects/${encodeURIComponent(id)}`, {
      fields: [
        'name',
        'category',
        'dealCode',
        'projectCode',
        'sectionCode',
        'registeredOn',
        'principal',
        'agency',
        'method',
        'region',
        'winner',
        'contractSignedOn',
        'hasComplaint',
      ],
      populate: {
        budget: { fields: ['amount', 'unit'] },
        keyTimes: { fields: ['documentsFrom', 'documentsUntil', 'bidDeadline', 'bidOpeningAt', 'bidOpeningPlace'] },
        candidates: { fields: ['rank', 'name', 'bidAmount', 'bidUnit'] },
        winningAmount: { fields: ['amount', 'unit'] },
      },
    });
  },
  ({ data: p }) => {
    setTitle(p.name, t('tradingInfo'));
    const category = p.category;
    crumbs.replaceChildren(
      breadcrumbs(
        [t('tradingInfo'), href('notices.html')],
        [pick(CATEGORY_LABELS[category]), href('notices.html', { category })],
        [t('projectInfo')],
      ),
    );
    const k = p.keyTimes ?? {};
    return [
      zh('h1', {}, p.name),
      h(
        'p',
        { class: 'meta' },
        badge(pick(CATEGORY_LABELS[category]), 'category'),
        p.method ? badge(pick(METHOD_LABELS[p.method])) : null,
      ),
      isEn ? h('p', { class: 'muted' }, t('zhOnly')) : null,
      processSection(p.process),
      h(
        'section',
        { 'aria-labelledby': 'info-heading' },
        h('h2', { id: 'info-heading' }, t('projectInfo')),
        facts([
          [t('projectCode'), p.projectCode],
          [t('sectionCode'), p.sectionCode],
          [t('dealCode'), p.dealCode],
          [pick(PRINCIPAL_LABELS[category]) || t('organization'), p.principal ? zh('span', {}, p.principal) : null],
          [t('agency'), p.agency ? zh('span', {}, p.agency) : null],
          [t('method'), pick(METHOD_LABELS[p.method])],
          [t('region'), p.region ? zh('span', {}, p.region) : null],
          [t('budget'), money(p.budget)],
          [t('registeredOn'), time(p.registeredOn)],
        ]),
      ),
      k.documentsFrom || k.bidDeadline || k.bidOpeningAt
        ? h(
            'section',
            { 'aria-labelledby': 'times-heading' },
            h('h2', { id: 'times-heading' }, t('keyTimes')),
            facts([
              [
                t('documentsPeriod'),
                k.documentsFrom || k.documentsUntil ? [when(k.documentsFrom), ' – ', when(k.documentsUntil)] : null,
              ],
              [t('bidDeadline'), when(k.bidDeadline)],
              [t('bidOpeningAt'), when(k.bidOpeningAt)],
              [t('bidOpeningPlace'), k.bidOpeningPlace ? zh('span', {}, k.bidOpeningPlace) : null],
            ]),
          )
        : null,
      p.candidates?.length || p.winner || p.contractSignedOn
        ? h(
            'section',
            { 'aria-labelledby': 'result-heading' },
            h('h2', { id: 'result-heading' }, t('result')),
            candidatesTable(p.candidates),
            facts([
              [t('winner'), p.winner ? zh('span', {}, p.winner) : null],
              [t('winningAmount'), money(p.winningAmount)],
              [t('contractSignedOn'), p.contractSignedOn ? time(p.contractSignedOn) : null],
            ]),
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
