// Pieces of a project shown on more than one page (project, notice, notice list): money, the bid deadline and the
// candidates table. The data is entered once, on the project; notices show it from there.
import { pick, t } from './i18n.js';
import { MONEY_UNIT_LABELS } from './labels.js';
import { groupDigits } from './query.js';
import { badge, h, zh } from './ui.js';

/** Exact money as entered: '1,234,567.50 元'. */
export const money = (m, unit = m?.unit) =>
  m?.amount ? `${groupDigits(m.amount)} ${pick(MONEY_UNIT_LABELS[unit ?? 'yuan'])}` : null;

/** "Open for bids" while the deadline is ahead, "closed" after it. */
export function deadlineBadge(deadline, now = new Date()) {
  const at = new Date(deadline);
  if (Number.isNaN(at.getTime())) return null;
  return at.getTime() > now.getTime() ? badge(t('openNow'), 'open') : badge(t('deadlinePassed'), 'closed');
}

export function candidatesTable(candidates) {
  if (!candidates?.length) return null;
  const sorted = [...candidates].sort((a, b) => a.rank - b.rank);
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: 'data-table', 'data-candidates': '' },
      h('caption', {}, t('candidates')),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, t('rank')),
          h('th', { scope: 'col' }, t('candidateName')),
          h('th', { scope: 'col' }, t('bidAmount')),
        ),
      ),
      h(
        'tbody',
        {},
        sorted.map((c) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, t('rankN', { rank: c.rank })),
            zh('td', {}, c.name),
            h('td', { class: 'num' }, c.bidAmount ? money({ amount: c.bidAmount }, c.bidUnit) : '—'),
          ),
        ),
      ),
    ),
  );
}
