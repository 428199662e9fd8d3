// Random valid histories of an application, built through applyEvent: shared by the property tests of the clock and of
// the report (table 三 stays balanced whatever the histories).
import fc from 'fast-check';
import { createCalendar } from '../calendar';
import { addDays, fromDayNumber, toDayNumber } from '../dates';
import {
  allowedEvents,
  applyEvent,
  replay,
  TransitionError,
  type ApplicationEvent,
  type ApplicationHistory,
  type ClockStatus,
} from '../lifecycle';
import { OUTCOME_CODES } from '../outcomes';

export const calendar = createCalendar();
export const status = (h: ApplicationHistory): ClockStatus => replay(h.receivedOn, h.events, calendar);

// Receipts up to mid-2025 keep every due date (≤ 12 events × 12 days + 40 working days + pauses) inside 2026, the
// package's last year.
export const receivedOnArb = fc
  .integer({ min: toDayNumber('2005-01-01'), max: toDayNumber('2025-06-30') })
  .map(fromDayNumber);

const TERMINAL: readonly string[] = ['conclude', 'withdraw', 'correctionExpired'];

/** One step of a random history: which allowed event to try, how many days later, and its payload. */
export const stepArb = fc.record({
  pick: fc.nat(),
  /** Concluding is allowed at almost every step; trying it at one step in five gives longer histories. */
  mayFinish: fc.nat(4).map((n) => n === 0),
  gap: fc.nat(12),
  days: fc.integer({ min: 1, max: 20 }),
  party: fc.constantFrom('thirdParty' as const, 'otherAgency' as const),
  outcome: fc.constantFrom(...OUTCOME_CODES),
});

export type Step = typeof stepArb extends fc.Arbitrary<infer T> ? T : never;

export function eventOf(type: ApplicationEvent['type'], on: string, s: Step): ApplicationEvent {
  const base = { on, by: 'officer', note: 'generated' };
  switch (type) {
    case 'startConsultation':
      return { ...base, type, party: s.party };
    case 'extend':
      return { ...base, type, days: s.days, approver: 'head of office' };
    case 'conclude':
      return { ...base, type, outcome: s.outcome };
    default:
      return { ...base, type };
  }
}

/**
 * Valid histories, built through applyEvent: each step tries one of the events the state allows, on a later date;
 * a step its date or payload makes invalid (a late correction notice, a lapsed period, …) is dropped.
 */
export const historyArb: fc.Arbitrary<ApplicationHistory> = fc
  .tuple(receivedOnArb, fc.array(stepArb, { maxLength: 12 }))
  .map(([receivedOn, steps]) =>
    steps.reduce<ApplicationHistory>(
      (h, s) => {
        const all = allowedEvents(h);
        const open = all.filter((t) => !TERMINAL.includes(t));
        const allowed = s.mayFinish || open.length === 0 ? all : open;
        if (allowed.length === 0) return h;
        const on = addDays(status(h).lastEventOn, s.gap);
        try {
          return applyEvent(h, eventOf(allowed[s.pick % allowed.length]!, on, s), calendar);
        } catch (error) {
          if (error instanceof TransitionError) return h;
          throw error;
        }
      },
      { receivedOn, events: [] },
    ),
  );
