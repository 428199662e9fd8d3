// The application's history, hand-made: each allowed and refused transition, and the due dates on real 2024 calendars.
import { createCalendar, PACKAGE_YEARS } from '../calendar';
import {
  allowedEvents,
  applyEvent,
  replay,
  TransitionError,
  urgency,
  type ApplicationEvent,
  type ApplicationHistory,
  type EventType,
} from '../lifecycle';
import { OUTCOME_CODES } from '../outcomes';

const calendar = createCalendar();
const by = 'officer-1';
// Mon 2 Sep 2024. 20 working days later is Mon 30 Sep: Mid-autumn (15–17 Sep) is off, Sat 14 and Sun 29 Sep are
// make-up working days. The 7th working day (last day for a correction notice) is Wed 11 Sep.
const RECEIVED = '2024-09-02';

const ev = {
  requestCorrection: (on: string): ApplicationEvent => ({ type: 'requestCorrection', on, by }),
  receiveCorrection: (on: string): ApplicationEvent => ({ type: 'receiveCorrection', on, by }),
  correctionExpired: (on: string): ApplicationEvent => ({ type: 'correctionExpired', on, by }),
  startConsultation: (on: string, party: 'thirdParty' | 'otherAgency' = 'thirdParty'): ApplicationEvent => ({
    type: 'startConsultation',
    on,
    by,
    party,
  }),
  endConsultation: (on: string): ApplicationEvent => ({ type: 'endConsultation', on, by }),
  extend: (on: string, days = 20, approver = '主任 张三'): ApplicationEvent => ({
    type: 'extend',
    on,
    by,
    days,
    approver,
  }),
  conclude: (on: string, outcome = 'granted'): ApplicationEvent => ({ type: 'conclude', on, by, outcome }),
  withdraw: (on: string): ApplicationEvent => ({ type: 'withdraw', on, by }),
};

/** Builds a history through applyEvent, so every step is checked. */
function history(events: ApplicationEvent[], receivedOn = RECEIVED): ApplicationHistory {
  return events.reduce<ApplicationHistory>((h, e) => applyEvent(h, e, calendar), { receivedOn, events: [] });
}

const status = (h: ApplicationHistory) => replay(h.receivedOn, h.events, calendar);

/** Applies an event that must be refused; checks the error and that the history is left as it was. */
function refused(h: ApplicationHistory, event: unknown): TransitionError {
  const before = structuredClone(h);
  let caught: unknown;
  try {
    applyEvent(h, event as ApplicationEvent, calendar);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(TransitionError);
  expect(h).toEqual(before);
  return caught as TransitionError;
}

describe('outcome codes', () => {
  it('come from the report format: the 21 result rows of table 三, withdrawal and no-correction among them', () => {
    expect(OUTCOME_CODES).toHaveLength(21);
    expect(OUTCOME_CODES).toEqual(
      expect.arrayContaining(['granted', 'otherDisposal.other', 'otherDisposal.noCorrection']),
    );
  });
});

describe('due date', () => {
  it('is 20 working days after receipt, the day of receipt not counted', () => {
    expect(status(history([]))).toEqual({
      state: 'received',
      receivedOn: RECEIVED,
      clockStartsOn: RECEIVED,
      pausedWorkingDays: 0,
      extensionDays: 0,
      extendedBy: null,
      dueOn: '2024-09-30',
      dueOnProvisional: false,
      provisionalYears: [],
      concludedOn: null,
      outcome: null,
      correctionRequestedOn: null,
      consultingSince: null,
      consultationParty: null,
      lastEventOn: RECEIVED,
    });
  });

  it('is null while a correction is requested, and restarts from the correction’s receipt', () => {
    const requested = history([ev.requestCorrection('2024-09-11')]);
    expect(status(requested)).toMatchObject({
      state: 'correctionRequested',
      clockStartsOn: null,
      dueOn: null,
      correctionRequestedOn: '2024-09-11',
    });
    // Fri 20 Sep + 20 working days: National Day (1–7 Oct) is off, Sun 29 Sep and Sat 12 Oct are worked.
    const received = history([ev.requestCorrection('2024-09-11'), ev.receiveCorrection('2024-09-20')]);
    expect(status(received)).toMatchObject({ state: 'received', clockStartsOn: '2024-09-20', dueOn: '2024-10-23' });
  });

  it('moves by the working days spent consulting: [start, end)', () => {
    const consulting = history([ev.startConsultation('2024-09-09', 'otherAgency')]);
    expect(status(consulting)).toMatchObject({
      state: 'consulting',
      dueOn: null,
      consultingSince: '2024-09-09',
      consultationParty: 'otherAgency',
    });
    const ended = history([ev.startConsultation('2024-09-09'), ev.endConsultation('2024-09-13')]);
    expect(status(ended)).toMatchObject({ state: 'received', pausedWorkingDays: 4, dueOn: '2024-10-11' });
  });

  it('a consultation started on the due date leaves the day of the answer (or the next working day) to reply', () => {
    // Due Mon 30 Sep; answer on Sat 19 Oct. Paused: 30 Sep, 8–11 Oct, Sat 12 Oct (make-up day), 14–18 Oct = 11.
    const h = history([ev.startConsultation('2024-09-30'), ev.endConsultation('2024-10-19')]);
    expect(status(h)).toMatchObject({ pausedWorkingDays: 11, dueOn: '2024-10-21' });
  });

  it('a consultation answered on a working day leaves that day counted', () => {
    // Paused: Thu 12 and Fri 13 Sep. The answer comes on Sat 14 Sep, a make-up working day, which counts again.
    const h = history([ev.startConsultation('2024-09-12'), ev.endConsultation('2024-09-14')]);
    expect(status(h)).toMatchObject({ pausedWorkingDays: 2, dueOn: calendar.addWorkingDays('2024-09-30', 2) });
  });

  it('a consultation started and ended on the same day pauses nothing', () => {
    const h = history([ev.startConsultation('2024-09-09'), ev.endConsultation('2024-09-09')]);
    expect(status(h)).toMatchObject({ pausedWorkingDays: 0, dueOn: '2024-09-30' });
  });

  it('moves by the extension', () => {
    const h = history([ev.extend('2024-09-27', 20, ' 主任 张三 ')]);
    expect(status(h)).toMatchObject({
      state: 'extended',
      extensionDays: 20,
      extendedBy: '主任 张三',
      dueOn: '2024-11-01',
    });
  });

  it('an extension and consultations add up, in any order', () => {
    const a = history([
      ev.startConsultation('2024-09-09'),
      ev.endConsultation('2024-09-13'),
      ev.extend('2024-09-20', 5),
      ev.startConsultation('2024-09-23'),
      ev.endConsultation('2024-09-24'),
    ]);
    expect(status(a)).toMatchObject({ state: 'extended', pausedWorkingDays: 5, extensionDays: 5 });
    expect(status(a).dueOn).toBe(calendar.addWorkingDays(RECEIVED, 30));
  });

  it('is kept after conclusion, to tell whether the reply was on time', () => {
    const h = history([ev.conclude('2024-09-25', 'withheld.stateSecret')]);
    expect(status(h)).toMatchObject({
      state: 'concluded',
      concludedOn: '2024-09-25',
      outcome: 'withheld.stateSecret',
      dueOn: '2024-09-30',
    });
  });

  it('counts a receipt on a weekend from the next working day', () => {
    // Sat 7 Sep: Mon 9 Sep is working day 1, as for a receipt on Fri 6 Sep after hours.
    expect(status(history([], '2024-09-07')).dueOn).toBe(status(history([], '2024-09-06')).dueOn);
  });

  it('over a year without known schedule is computed with weekends only and marked provisional, never refused', () => {
    const lastYear = Math.max(...PACKAGE_YEARS);
    expect(lastYear).toBe(2026);
    const late = { receivedOn: '2026-12-10', events: [] };
    expect(replay(late.receivedOn, late.events, calendar)).toMatchObject({
      dueOn: '2027-01-07',
      dueOnProvisional: true,
      provisionalYears: [2027],
    });
    // Every event stays possible (a consultation or an extension is not refused as late over a provisional date).
    expect(allowedEvents(late, { calendar, today: '2026-12-11' })).toEqual([
      'requestCorrection',
      'startConsultation',
      'extend',
      'conclude',
      'withdraw',
    ]);
    const extended = applyEvent(late, ev.extend('2026-12-11'), calendar);
    expect(replay(extended.receivedOn, extended.events, calendar)).toMatchObject({
      dueOn: '2027-02-04',
      dueOnProvisional: true,
    });
    // A provisional date that has passed is not "overdue": that depends on the year's schedule.
    expect(urgency('2027-01-07', '2027-01-08', calendar, 3, true).level).toBe('provisionalPassed');
    expect(urgency('2027-01-07', '2027-01-08', calendar, 3, false).level).toBe('overdue');
    // The officer enters 元旦 and marks 2027 complete: the official date, no longer provisional.
    const entered = createCalendar({ overrides: [{ date: '2027-01-01', kind: 'holiday' }], knownYears: [2027] });
    expect(replay(late.receivedOn, late.events, entered)).toMatchObject({
      dueOn: '2027-01-08',
      dueOnProvisional: false,
      provisionalYears: [],
    });
  });

  it('a provisional deadline does not refuse an event dated after it', () => {
    // Weekends only, the period of an application received 2026-12-10 ends 2027-01-07; an extension dated 2027-01-08
    // is allowed while 2027 is unknown (officially, with 元旦 off, the period ends 2027-01-08), refused once known.
    const late = { receivedOn: '2026-12-10', events: [] };
    expect(() => applyEvent(late, ev.extend('2027-01-08'), calendar)).not.toThrow();
    const known = createCalendar({ knownYears: [2027] });
    expect(() => applyEvent(late, ev.extend('2027-01-08'), known)).toThrow(
      expect.objectContaining({ code: 'periodLapsed' }),
    );
  });
});

describe('conclusions', () => {
  it('conclude records the outcome and date', () => {
    expect(status(history([ev.conclude('2024-09-10', 'partiallyGranted')]))).toMatchObject({
      state: 'concluded',
      outcome: 'partiallyGranted',
      concludedOn: '2024-09-10',
    });
  });

  it('withdrawal is 其他处理 3.其他, from any open state', () => {
    const fromReceived = history([ev.withdraw('2024-09-03')]);
    expect(status(fromReceived)).toMatchObject({
      state: 'concluded',
      outcome: 'otherDisposal.other',
      dueOn: '2024-09-30',
    });

    const fromCorrection = history([ev.requestCorrection('2024-09-03'), ev.withdraw('2024-09-05')]);
    expect(status(fromCorrection)).toMatchObject({
      state: 'concluded',
      outcome: 'otherDisposal.other',
      clockStartsOn: null,
      dueOn: null,
      correctionRequestedOn: null,
    });

    // A withdrawal ends an open consultation on its day: [9 Sep, 11 Sep) = 2 working days paused.
    const fromConsulting = history([ev.startConsultation('2024-09-09'), ev.withdraw('2024-09-11')]);
    expect(status(fromConsulting)).toMatchObject({
      state: 'concluded',
      outcome: 'otherDisposal.other',
      pausedWorkingDays: 2,
      consultingSince: null,
      dueOn: calendar.addWorkingDays(RECEIVED, 22),
    });
  });

  it('no correction in time is 其他处理 1, and the clock never restarted', () => {
    const h = history([ev.requestCorrection('2024-09-03'), ev.correctionExpired('2024-10-15')]);
    expect(status(h)).toMatchObject({
      state: 'concluded',
      outcome: 'otherDisposal.noCorrection',
      concludedOn: '2024-10-15',
      clockStartsOn: null,
      dueOn: null,
    });
  });

  it('补正后申请内容仍不明确 is possible after a correction was received', () => {
    const h = history([
      ev.requestCorrection('2024-09-03'),
      ev.receiveCorrection('2024-09-10'),
      ev.conclude('2024-09-20', 'unavailable.unclearAfterCorrection'),
    ]);
    expect(status(h).outcome).toBe('unavailable.unclearAfterCorrection');
  });

  it('every outcome code but noCorrection and unclearAfterCorrection can conclude a fresh application', () => {
    for (const outcome of OUTCOME_CODES.filter(
      (o) => o !== 'otherDisposal.noCorrection' && o !== 'unavailable.unclearAfterCorrection',
    )) {
      expect(status(history([ev.conclude('2024-09-10', outcome)])).outcome).toBe(outcome);
    }
  });
});

describe('refused transitions', () => {
  const fresh = history([]);
  const concluded = history([ev.conclude('2024-09-10')]);

  it('concluding twice', () => {
    expect(refused(concluded, ev.conclude('2024-09-11'))).toMatchObject({
      code: 'alreadyConcluded',
      field: 'type',
      index: 1,
    });
  });

  it.each<EventType>([
    'requestCorrection',
    'receiveCorrection',
    'correctionExpired',
    'startConsultation',
    'endConsultation',
    'extend',
    'conclude',
    'withdraw',
  ])('anything after conclusion: %s', (type) => {
    const event = { ...ev.conclude('2024-09-11'), type, party: 'thirdParty', days: 5, approver: 'x' };
    expect(refused(concluded, event).code).toBe('alreadyConcluded');
  });

  it('anything after a withdrawal or an expired correction', () => {
    expect(refused(history([ev.withdraw('2024-09-03')]), ev.conclude('2024-09-04')).code).toBe('alreadyConcluded');
    const expired = history([ev.requestCorrection('2024-09-03'), ev.correctionExpired('2024-10-15')]);
    expect(refused(expired, ev.receiveCorrection('2024-10-16')).code).toBe('alreadyConcluded');
  });

  it('extending twice', () => {
    const extended = history([ev.extend('2024-09-20', 10)]);
    const error = refused(extended, ev.extend('2024-09-23', 5));
    expect(error).toMatchObject({ code: 'alreadyExtended', field: 'type' });
    expect(error.messages.zh).toContain('只能延长一次');
    // Also after a consultation brought the application back to 'extended', and while consulting.
    const again = history([ev.extend('2024-09-20', 10), ev.startConsultation('2024-09-23')]);
    expect(refused(again, ev.extend('2024-09-24', 5)).code).toBe('alreadyExtended');
  });

  it('conclude without an outcome, or with an unknown or inapplicable one', () => {
    const { outcome: _omitted, ...noOutcome } = ev.conclude('2024-09-10') as ApplicationEvent & { outcome: string };
    expect(refused(fresh, noOutcome)).toMatchObject({ code: 'outcomeMissing', field: 'outcome' });
    expect(refused(fresh, ev.conclude('2024-09-10', ''))).toMatchObject({ code: 'outcomeMissing' });
    expect(refused(fresh, ev.conclude('2024-09-10', 'approved'))).toMatchObject({
      code: 'outcomeUnknown',
      actual: 'approved',
    });
    expect(refused(fresh, ev.conclude('2024-09-10', 'concluded'))).toMatchObject({ code: 'outcomeUnknown' });
    expect(refused(fresh, ev.conclude('2024-09-10', 'otherDisposal.noCorrection'))).toMatchObject({
      code: 'outcomeNotApplicable',
    });
    expect(refused(fresh, ev.conclude('2024-09-10', 'unavailable.unclearAfterCorrection'))).toMatchObject({
      code: 'outcomeNotApplicable',
    });
  });

  it('a date before receipt or before the previous event; a malformed date', () => {
    expect(refused(fresh, ev.conclude('2024-09-01'))).toMatchObject({
      code: 'dateBeforeReceipt',
      field: 'on',
      expected: '≥ 2024-09-02',
    });
    const consulted = history([ev.startConsultation('2024-09-09'), ev.endConsultation('2024-09-13')]);
    expect(refused(consulted, ev.conclude('2024-09-12'))).toMatchObject({
      code: 'dateBeforePreviousEvent',
      field: 'on',
      index: 2,
    });
    expect(refused(fresh, ev.conclude('2024-09-31'))).toMatchObject({ code: 'dateInvalid', field: 'on' });
    expect(refused(fresh, { ...ev.conclude('x'), on: undefined })).toMatchObject({ code: 'dateInvalid' });
  });

  it('an event on the same day as the previous one is fine', () => {
    const h = history([
      ev.startConsultation('2024-09-09'),
      ev.endConsultation('2024-09-09'),
      ev.conclude('2024-09-09'),
    ]);
    expect(status(h).state).toBe('concluded');
  });

  it('an extension over 20 days, of no whole days, or without approver', () => {
    expect(refused(fresh, ev.extend('2024-09-20', 21))).toMatchObject({ code: 'extensionTooLong', field: 'days' });
    expect(refused(fresh, ev.extend('2024-09-20', 0))).toMatchObject({ code: 'extensionDaysInvalid', field: 'days' });
    expect(refused(fresh, ev.extend('2024-09-20', 2.5))).toMatchObject({ code: 'extensionDaysInvalid' });
    expect(refused(fresh, { ...ev.extend('2024-09-20', 5), days: '5' })).toMatchObject({
      code: 'extensionDaysInvalid',
    });
    expect(refused(fresh, ev.extend('2024-09-20', 5, '  '))).toMatchObject({
      code: 'approverMissing',
      field: 'approver',
    });
    const { approver: _omitted, ...noApprover } = ev.extend('2024-09-20', 5) as ApplicationEvent & { approver: string };
    expect(refused(fresh, noApprover)).toMatchObject({ code: 'approverMissing' });
  });

  it('an extension or a consultation after the period lapsed (the due day itself is fine)', () => {
    expect(refused(fresh, ev.extend('2024-10-08'))).toMatchObject({ code: 'periodLapsed', expected: '≤ 2024-09-30' });
    expect(refused(fresh, ev.startConsultation('2024-10-01'))).toMatchObject({ code: 'periodLapsed' });
    expect(status(history([ev.extend('2024-09-30')])).dueOn).toBe('2024-11-01');
    expect(status(history([ev.startConsultation('2024-09-30')])).state).toBe('consulting');
  });

  it('a correction notice later than 7 working days after receipt', () => {
    expect(status(history([ev.requestCorrection('2024-09-11')])).state).toBe('correctionRequested');
    const error = refused(fresh, ev.requestCorrection('2024-09-12'));
    expect(error).toMatchObject({
      code: 'correctionTooLate',
      field: 'on',
      expected: '≤ 2024-09-11',
      actual: '2024-09-12',
    });
    expect(error.messages.zh).toContain('7 个工作日');
  });

  it('a second correction notice, or one after the processing started', () => {
    const corrected = history([ev.requestCorrection('2024-09-03'), ev.receiveCorrection('2024-09-05')]);
    expect(refused(corrected, ev.requestCorrection('2024-09-06')).code).toBe('correctionAlreadyRequested');
    const requested = history([ev.requestCorrection('2024-09-03')]);
    expect(refused(requested, ev.requestCorrection('2024-09-04')).code).toBe('correctionAlreadyRequested');
    const consulted = history([ev.startConsultation('2024-09-03'), ev.endConsultation('2024-09-04')]);
    expect(refused(consulted, ev.requestCorrection('2024-09-05')).code).toBe('correctionNotFirst');
    expect(refused(history([ev.extend('2024-09-03', 5)]), ev.requestCorrection('2024-09-04')).code).toBe(
      'correctionNotFirst',
    );
  });

  it('endConsultation without startConsultation; a second consultation while one is open', () => {
    expect(refused(fresh, ev.endConsultation('2024-09-05'))).toMatchObject({ code: 'consultationNotStarted' });
    const ended = history([ev.startConsultation('2024-09-03'), ev.endConsultation('2024-09-04')]);
    expect(refused(ended, ev.endConsultation('2024-09-05')).code).toBe('consultationNotStarted');
    const open = history([ev.startConsultation('2024-09-03')]);
    expect(refused(open, ev.startConsultation('2024-09-05', 'otherAgency')).code).toBe('alreadyConsulting');
  });

  it('events the state does not allow, with the allowed ones in the message', () => {
    expect(refused(fresh, ev.receiveCorrection('2024-09-05'))).toMatchObject({
      code: 'notAllowedInState',
      actual: 'received',
    });
    expect(refused(fresh, ev.correctionExpired('2024-09-05')).code).toBe('notAllowedInState');
    const open = history([ev.startConsultation('2024-09-03')]);
    const error = refused(open, ev.conclude('2024-09-05'));
    expect(error.code).toBe('notAllowedInState');
    expect(error.messages.en).toContain('allowed now: endConsultation, withdraw');
    expect(error.messages.zh).toContain('结束征求意见');
    expect(refused(open, ev.extend('2024-09-05')).code).toBe('notAllowedInState');
    const requested = history([ev.requestCorrection('2024-09-03')]);
    expect(refused(requested, ev.conclude('2024-09-05')).code).toBe('notAllowedInState');
    expect(refused(requested, ev.startConsultation('2024-09-05')).code).toBe('notAllowedInState');
    expect(refused(requested, ev.extend('2024-09-05')).code).toBe('notAllowedInState');
  });

  it('malformed events: unknown type, no author, bad party, bad note', () => {
    expect(refused(fresh, { ...ev.conclude('2024-09-05'), type: 'approve' })).toMatchObject({
      code: 'eventUnknown',
      field: 'type',
    });
    expect(refused(fresh, null)).toMatchObject({ code: 'eventUnknown' });
    expect(refused(fresh, { ...ev.conclude('2024-09-05'), by: '' })).toMatchObject({ code: 'byMissing', field: 'by' });
    expect(refused(fresh, { ...ev.startConsultation('2024-09-05'), party: 'applicant' })).toMatchObject({
      code: 'partyInvalid',
      field: 'party',
    });
    expect(refused(fresh, { ...ev.conclude('2024-09-05'), note: 42 })).toMatchObject({ code: 'noteInvalid' });
  });

  it('an invalid receipt date', () => {
    expect(() => applyEvent({ receivedOn: '2024/09/02', events: [] }, ev.conclude('2024-09-05'), calendar)).toThrow(
      expect.objectContaining({ code: 'dateInvalid', field: 'receivedOn' }),
    );
  });

  it('replay names the bad event of a stored history', () => {
    const stored = [ev.conclude('2024-09-05'), ev.withdraw('2024-09-06')];
    expect(() => replay(RECEIVED, stored, calendar)).toThrow(
      expect.objectContaining({ code: 'alreadyConcluded', index: 1 }),
    );
  });

  it('errors carry both languages in the message', () => {
    const error = refused(fresh, ev.extend('2024-09-20', 21));
    expect(error.message).toBe(`${error.messages.zh} / ${error.messages.en}`);
    expect(error.name).toBe('TransitionError');
  });
});

describe('applyEvent is pure', () => {
  it('returns a new history and touches neither the old one nor the event', () => {
    const h = Object.freeze({ receivedOn: RECEIVED, events: Object.freeze([]) as readonly ApplicationEvent[] });
    const event = Object.freeze(ev.conclude('2024-09-05', 'granted'));
    const next = applyEvent(h, event, calendar);
    expect(h.events).toHaveLength(0);
    expect(next).toEqual({ receivedOn: RECEIVED, events: [event] });
    expect(next.events[0]).not.toBe(event);
  });
});

describe('allowedEvents', () => {
  it.each<[string, ApplicationEvent[], EventType[]]>([
    ['received', [], ['requestCorrection', 'startConsultation', 'extend', 'conclude', 'withdraw']],
    [
      'correctionRequested',
      [ev.requestCorrection('2024-09-03')],
      ['receiveCorrection', 'correctionExpired', 'withdraw'],
    ],
    [
      'received after a correction',
      [ev.requestCorrection('2024-09-03'), ev.receiveCorrection('2024-09-05')],
      ['startConsultation', 'extend', 'conclude', 'withdraw'],
    ],
    ['consulting', [ev.startConsultation('2024-09-03')], ['endConsultation', 'withdraw']],
    ['extended', [ev.extend('2024-09-03', 5)], ['startConsultation', 'conclude', 'withdraw']],
    [
      'extended, after a consultation',
      [ev.extend('2024-09-03', 5), ev.startConsultation('2024-09-04'), ev.endConsultation('2024-09-05')],
      ['startConsultation', 'conclude', 'withdraw'],
    ],
    ['concluded', [ev.conclude('2024-09-03')], []],
  ])('%s', (_name, events, expected) => {
    expect(allowedEvents(history(events))).toEqual(expected);
  });

  it('with a date, leaves out what that date would refuse', () => {
    const fresh = history([]);
    expect(allowedEvents(fresh, { calendar, today: '2024-09-11' })).toContain('requestCorrection');
    expect(allowedEvents(fresh, { calendar, today: '2024-09-12' })).toEqual([
      'startConsultation',
      'extend',
      'conclude',
      'withdraw',
    ]);
    expect(allowedEvents(fresh, { calendar, today: '2024-10-08' })).toEqual(['conclude', 'withdraw']);
    const later = history([ev.startConsultation('2024-09-09'), ev.endConsultation('2024-09-13')]);
    expect(allowedEvents(later, { calendar, today: '2024-09-12' })).toEqual([]);
  });
});

describe('urgency', () => {
  // Due Mon 30 Sep 2024; Sun 29 Sep is a make-up working day.
  const due = '2024-09-30';
  it.each([
    ['2024-09-20', 3, 'onTime', 7],
    ['2024-09-27', 3, 'dueSoon', 2],
    ['2024-09-27', 1, 'onTime', 2],
    ['2024-09-30', 0, 'dueSoon', 0],
    ['2024-10-01', 3, 'overdue', 0],
    ['2024-10-08', 3, 'overdue', -1],
  ])('on %s with soonDays %i: %s, %i working days left', (today, soonDays, level, left) => {
    expect(urgency(due, today, calendar, soonDays)).toEqual({ level, workingDaysLeft: left });
  });

  it('is null without a running due date', () => {
    expect(urgency(null, '2024-09-20', calendar, 3)).toEqual({ level: null, workingDaysLeft: null });
  });

  it('rejects a bad soonDays or today', () => {
    expect(() => urgency(due, '2024-09-20', calendar, -1)).toThrow(expect.objectContaining({ field: 'soonDays' }));
    expect(() => urgency(due, '20.09.2024', calendar, 3)).toThrow(expect.objectContaining({ code: 'invalidDate' }));
  });
});
