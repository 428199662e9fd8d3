// Properties of the application clock over random histories: due-date arithmetic, determinism and pure refusals.
import fc from 'fast-check';
import { addDays, compareDates } from '../dates';
import {
  allowedEvents,
  applyEvent,
  EVENT_TYPES,
  REPLY_WORKING_DAYS,
  TransitionError,
  type ApplicationEvent,
  type ApplicationHistory,
} from '../lifecycle';
import { OUTCOME_CODES } from '../outcomes';
import { calendar, eventOf, historyArb, status, stepArb } from './histories';

/** Any event at all, mostly wrong: unknown types, odd dates, missing or bad payloads. */
const anyEventArb = fc.record(
  {
    type: fc.constantFrom<string>(...EVENT_TYPES, 'approve', ''),
    offset: fc.integer({ min: -5, max: 60 }),
    badDate: fc.constantFrom(null, '2024-02-30', '2024-9-1', ''),
    by: fc.constantFrom('officer', '', '  '),
    outcome: fc.option(fc.constantFrom<unknown>(...OUTCOME_CODES, 'approved', '', 3), { nil: undefined }),
    days: fc.option(fc.constantFrom<unknown>(-1, 0, 1, 5, 19.5, 20, 21, 40, '5'), { nil: undefined }),
    approver: fc.option(fc.constantFrom('head', '', ' '), { nil: undefined }),
    party: fc.option(fc.constantFrom<unknown>('thirdParty', 'otherAgency', 'applicant'), { nil: undefined }),
  },
  { requiredKeys: ['type', 'offset', 'by'] },
);

const STATE_CODES = [
  'alreadyConcluded',
  'notAllowedInState',
  'alreadyExtended',
  'alreadyConsulting',
  'consultationNotStarted',
  'correctionAlreadyRequested',
  'correctionNotFirst',
];

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('properties of random valid histories', () => {
  it('dueOn is never before receipt nor clock start, and is exactly 20 + extension + pause working days after the start', () => {
    fc.assert(
      fc.property(historyArb, (h) => {
        const s = status(h);
        if (s.dueOn === null) {
          expect(s.clockStartsOn === null || s.state === 'consulting' || s.state === 'correctionRequested').toBe(true);
          return;
        }
        expect(s.clockStartsOn).not.toBeNull();
        expect(compareDates(s.dueOn, s.receivedOn)).toBeGreaterThan(0);
        expect(compareDates(s.dueOn, s.clockStartsOn!)).toBeGreaterThan(0);
        expect(calendar.workingDaysBetween(s.clockStartsOn!, s.dueOn)).toBe(
          REPLY_WORKING_DAYS + s.extensionDays + s.pausedWorkingDays,
        );
        expect(calendar.isWorkingDay(s.dueOn)).toBe(true);
        // With the clock running, nothing has happened after the due date: late extensions and consultations are
        // refused, and a consultation never ends after the date it moves the due date to.
        if (s.state === 'received' || s.state === 'extended') {
          expect(compareDates(s.lastEventOn, s.dueOn)).toBeLessThanOrEqual(0);
        }
      }),
    );
  });

  it('replay is deterministic', () => {
    fc.assert(
      fc.property(historyArb, (h) => {
        expect(status(structuredClone(h))).toEqual(status(h));
      }),
    );
  });

  it('every prefix replays, and each next event moves its status exactly as the law says', () => {
    // An oracle written from DOMAIN.md, one event at a time: what each event does to the status of the prefix before it.
    const due = (from: string, n: number) => calendar.addWorkingDays(from, n);
    fc.assert(
      fc.property(historyArb, (h) => {
        let before = status({ receivedOn: h.receivedOn, events: [] });
        expect(before).toMatchObject({
          state: 'received',
          clockStartsOn: h.receivedOn,
          lastEventOn: h.receivedOn,
          pausedWorkingDays: 0,
          extensionDays: 0,
        });
        expect(before.dueOn).toBe(due(h.receivedOn, REPLY_WORKING_DAYS));
        h.events.forEach((e, i) => {
          const prefix: ApplicationHistory = { receivedOn: h.receivedOn, events: h.events.slice(0, i) };
          expect(allowedEvents(prefix)).toContain(e.type);
          const next = applyEvent(prefix, e, calendar);
          expect(next.events).toEqual(h.events.slice(0, i + 1));
          const after = status(next);
          expect(after.receivedOn).toBe(h.receivedOn);
          expect(after.lastEventOn).toBe(e.on);
          switch (e.type) {
            case 'requestCorrection':
              expect(after).toMatchObject({
                state: 'correctionRequested',
                clockStartsOn: null,
                dueOn: null,
                correctionRequestedOn: e.on,
              });
              break;
            case 'receiveCorrection':
              // The 20 working days start again from the corrected application.
              expect(after).toMatchObject({ state: 'received', clockStartsOn: e.on, correctionRequestedOn: null });
              expect(after.dueOn).toBe(due(e.on, REPLY_WORKING_DAYS + after.extensionDays + after.pausedWorkingDays));
              break;
            case 'startConsultation':
              expect(after).toMatchObject({
                state: 'consulting',
                dueOn: null,
                consultingSince: e.on,
                consultationParty: e.party,
              });
              expect([after.clockStartsOn, after.pausedWorkingDays, after.extensionDays]).toEqual([
                before.clockStartsOn,
                before.pausedWorkingDays,
                before.extensionDays,
              ]);
              break;
            case 'endConsultation': {
              // The working days from the start of the consultation to the day before its end do not count.
              const paused = calendar.workingDaysBetween(addDays(before.consultingSince!, -1), addDays(e.on, -1));
              expect(after).toMatchObject({
                state: before.extensionDays > 0 ? 'extended' : 'received',
                consultingSince: null,
                consultationParty: null,
              });
              expect(after.pausedWorkingDays).toBe(before.pausedWorkingDays + paused);
              expect(after.dueOn).toBe(
                due(after.clockStartsOn!, REPLY_WORKING_DAYS + after.extensionDays + after.pausedWorkingDays),
              );
              break;
            }
            case 'extend':
              expect(before.extensionDays).toBe(0);
              expect(after).toMatchObject({ state: 'extended', extensionDays: e.days, extendedBy: e.approver });
              expect(after.dueOn).toBe(due(before.dueOn!, e.days));
              break;
            case 'conclude':
              expect(after).toMatchObject({ state: 'concluded', concludedOn: e.on, outcome: e.outcome });
              break;
            case 'withdraw':
              expect(after).toMatchObject({ state: 'concluded', concludedOn: e.on, outcome: 'otherDisposal.other' });
              break;
            case 'correctionExpired':
              expect(before.state).toBe('correctionRequested');
              expect(after).toMatchObject({
                state: 'concluded',
                concludedOn: e.on,
                outcome: 'otherDisposal.noCorrection',
              });
              break;
          }
          if (before.state === 'concluded') throw new Error('an event after the conclusion was accepted');
          before = after;
        });
        expect(before).toEqual(status(h));
      }),
    );
  });

  it('a consultation of k working days moves the due date by exactly k working days', () => {
    fc.assert(
      fc.property(historyArb, fc.nat(1000), fc.nat(40), (h, startPick, length) => {
        const before = status(h);
        fc.pre((before.state === 'received' || before.state === 'extended') && before.dueOn !== null);
        // Any start from the last event up to the due date (later, the period has lapsed and is refused).
        const room = compareDates(before.dueOn!, before.lastEventOn);
        const start = addDays(before.lastEventOn, startPick % (room + 1));
        const end = addDays(start, length);
        // Paused: the working days in [start, end).
        const k = calendar.workingDaysBetween(addDays(start, -1), addDays(end, -1));
        const withConsultation = [
          { type: 'startConsultation', on: start, by: 'officer', party: 'thirdParty' },
          { type: 'endConsultation', on: end, by: 'officer' },
        ] as ApplicationEvent[];
        const after = status(withConsultation.reduce((acc, e) => applyEvent(acc, e, calendar), h));
        expect(after.state).toBe(before.state);
        expect(after.pausedWorkingDays).toBe(before.pausedWorkingDays + k);
        expect(after.dueOn).toBe(calendar.addWorkingDays(before.dueOn!, k));
        expect(calendar.workingDaysBetween(before.dueOn!, after.dueOn!)).toBe(k);
        // The due date never falls inside the consultation.
        expect(compareDates(after.dueOn!, end)).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('an extension of d days moves the due date by exactly d working days', () => {
    fc.assert(
      fc.property(historyArb, fc.nat(1000), fc.integer({ min: 1, max: 20 }), (h, datePick, d) => {
        const before = status(h);
        fc.pre(before.state === 'received' && before.dueOn !== null);
        const room = compareDates(before.dueOn!, before.lastEventOn);
        const on = addDays(before.lastEventOn, datePick % (room + 1));
        const extended = applyEvent(h, { type: 'extend', on, by: 'officer', days: d, approver: 'head' }, calendar);
        const after = status(extended);
        expect(after).toMatchObject({ state: 'extended', extensionDays: d, extendedBy: 'head' });
        expect(after.dueOn).toBe(calendar.addWorkingDays(before.dueOn!, d));
        expect(calendar.workingDaysBetween(before.dueOn!, after.dueOn!)).toBe(d);
      }),
    );
  });

  it('any event is either accepted as allowed, or refused with a TransitionError leaving the history as it was', () => {
    fc.assert(
      fc.property(historyArb, anyEventArb, fc.boolean(), (h, raw, useBadDate) => {
        const before = status(h);
        const on = useBadDate && raw.badDate !== undefined ? raw.badDate : addDays(before.lastEventOn, raw.offset);
        const event: Record<string, unknown> = { type: raw.type, on, by: raw.by };
        for (const key of ['outcome', 'days', 'approver', 'party'] as const) {
          if (raw[key] !== undefined) event[key] = raw[key];
        }
        const snapshot = structuredClone(h);
        const eventSnapshot = structuredClone(event);
        deepFreeze(h);
        deepFreeze(event);
        let next: ApplicationHistory | undefined;
        let refusal: TransitionError | undefined;
        try {
          next = applyEvent(h, event as unknown as ApplicationEvent, calendar);
        } catch (error) {
          expect(error).toBeInstanceOf(TransitionError);
          refusal = error as TransitionError;
        }
        expect(h).toEqual(snapshot);
        expect(event).toEqual(eventSnapshot);
        const type = raw.type as ApplicationEvent['type'];
        if (next) {
          expect(next.events).toEqual([...h.events, event]);
          expect(allowedEvents(h)).toContain(type);
          expect(allowedEvents(h, { calendar, today: on as string })).toContain(type);
          expect(status(next).lastEventOn).toBe(on);
        }
        const wellFormed =
          EVENT_TYPES.includes(type) &&
          typeof on === 'string' &&
          /^\d{4}-\d{2}-\d{2}$/.test(on) &&
          !on.endsWith('02-30') &&
          raw.by.trim() !== '';
        if (wellFormed && !allowedEvents(h).includes(type)) {
          // What the admin's buttons leave out is refused for the state, whatever else is wrong with the event.
          expect(STATE_CODES).toContain(refusal?.code);
        }
      }),
    );
  });

  it('a type allowedEvents offers for a date is accepted on that date when the payload is right', () => {
    fc.assert(
      fc.property(historyArb, fc.nat(40), stepArb, (h, gap, s) => {
        const today = addDays(status(h).lastEventOn, gap);
        for (const type of allowedEvents(h, { calendar, today })) {
          const event = eventOf(type, today, s);
          // The two outcome rules that depend on the path, not on the date, are the form's to respect.
          if (event.type === 'conclude' && event.outcome === 'otherDisposal.noCorrection') continue;
          if (event.type === 'conclude' && event.outcome === 'unavailable.unclearAfterCorrection') continue;
          expect(() => applyEvent(h, event, calendar)).not.toThrow();
        }
      }),
    );
  });

  it('concluded histories accept nothing more', () => {
    fc.assert(
      fc.property(historyArb, (h) => {
        const s = status(h);
        fc.pre(s.state === 'concluded');
        expect(allowedEvents(h)).toEqual([]);
        expect(s.outcome).not.toBeNull();
        expect(s.concludedOn).toBe(s.lastEventOn);
      }),
    );
  });
});
