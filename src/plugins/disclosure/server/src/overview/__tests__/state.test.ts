// The overview's state and timeliness rules, on plain aggregates.
import { dateInChina, reportState, timeliness, type ReportAggregate } from '../state';

const agg = (a: Partial<ReportAggregate>): ReportAggregate => ({
  drafts: 1,
  published: 0,
  errors: 0,
  warnings: 0,
  acknowledged: false,
  corrections: 0,
  firstPublishedAt: null,
  ...a,
});

describe('reportState', () => {
  test.each([
    ['no row', undefined, 'none'],
    ['not computed', agg({ errors: null, warnings: null }), 'draft'],
    ['errors win over warnings', agg({ errors: 2, warnings: 3 }), 'errors'],
    ['warnings unacknowledged', agg({ warnings: 1 }), 'warnings'],
    ['warnings acknowledged', agg({ warnings: 1, acknowledged: true }), 'draft'],
    [
      'published, draft now has errors',
      agg({ published: 1, errors: 1, firstPublishedAt: '2025-01-10T00:00:00.000Z' }),
      'published',
    ],
    ['corrected', agg({ published: 1, corrections: 2, firstPublishedAt: '2025-01-10T00:00:00.000Z' }), 'corrected'],
  ])('%s', (_name, a, expected) => expect(reportState(a)).toBe(expected));
});

describe('timeliness: by 31 January of the next year, in China', () => {
  test.each([
    ['23:59:59 on 31 January in China', '2025-01-31T15:59:59.999Z', 'onTime'],
    ['midnight after, in China', '2025-01-31T16:00:00.000Z', 'late'],
  ])('%s', (_name, at, expected) =>
    expect(timeliness(2024, agg({ published: 1, firstPublishedAt: at }), '2026-11-30', 2024)).toBe(expected),
  );
  test('not published: pending until the deadline, missing after', () => {
    expect(timeliness(2024, undefined, '2025-01-31', 2024)).toBe('pending');
    expect(timeliness(2024, agg({}), '2025-02-01', 2020)).toBe('missing');
  });
  test('no report in a year before the organization’s first report or application: no records, never overdue', () => {
    expect(timeliness(2023, undefined, '2026-11-30', 2024)).toBe('noRecords');
    expect(timeliness(2023, undefined, '2026-11-30', null)).toBe('noRecords');
    expect(timeliness(2024, undefined, '2026-11-30', 2024)).toBe('missing');
    expect(timeliness(2025, undefined, '2026-01-31', 2024)).toBe('pending');
    // A draft is a record: its year counts even when the first year is somehow later.
    expect(timeliness(2023, agg({ drafts: 1 }), '2026-11-30', 2024)).toBe('missing');
  });
  test('dateInChina', () => expect(dateInChina('2025-01-31T16:00:00.000Z')).toBe('2025-02-01'));
});
