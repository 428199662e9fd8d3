// The life of one disclosure application (依申请公开) as a history of events, and the reply due date derived from it
// (条例 第三十条–第三十三条). The history is the truth; state and due date are recomputed from it by replay().
//
// Counting conventions (all in working days of the official calendar, see calendar.ts):
// - The day the clock starts is not counted: dueOn = addWorkingDays(clockStartsOn, 20 + extensionDays + paused).
//   A receipt on a weekend therefore counts from the next working day, like a receipt after hours.
// - The clock starts on receipt, or restarts on the day the correction (补正) is received. While a correction is
//   requested the clock is stopped and dueOn is null (the start is not known yet); if it never comes, it stays null.
// - A consultation from S to E pauses the clock for the working days in [S, E): the day the request goes out and the
//   days until the answer arrives do not count; the day the answer arrives counts again. So a consultation started
//   on the due date itself still leaves the answer's day to reply, and the due date never falls inside a consultation
//   (with (S, E] it could: started on the due date and ended on a Saturday, it would be due the Friday before).
//   While consulting, dueOn is null (the length of the pause is not known yet); a withdrawal during a consultation
//   ends the pause on the day of withdrawal.
// - The correction notice must go out within 7 working days: on or before addWorkingDays(receivedOn, 7), and before
//   anything else happens (the law asks for one notice, 一次性告知, at the start).
// - An extension (≤ 20 working days, once, approved by the head of the office) and a consultation must start on or
//   before the current due date: once the period has lapsed, neither can stop or lengthen it.
// - Withdrawal by the applicant is recorded as 其他处理 3.其他 (otherDisposal.other): it is none of the named results
//   of table 三, and rows 1–2 of 其他处理 are the agency ending the case for a missing correction or fee. No correction
//   in time is 其他处理 1 (otherDisposal.noCorrection), through correctionExpired only.
// - Events on the same day as the previous one are allowed; earlier ones are not.

import type { WorkingCalendar } from './calendar';
import { addDays, compareDates, toDayNumber, type IsoDate } from './dates';
import { CalendarInputError, InvalidDateError, TransitionError, type TransitionErrorCode } from './errors';
import { isOutcomeCode, type OutcomeCode } from './outcomes';

export { TransitionError } from './errors';
export type { TransitionErrorCode } from './errors';

export const REPLY_WORKING_DAYS = 20;
export const MAX_EXTENSION_WORKING_DAYS = 20;
export const CORRECTION_NOTICE_WORKING_DAYS = 7;

export const WITHDRAWAL_OUTCOME: OutcomeCode = 'otherDisposal.other';
export const NO_CORRECTION_OUTCOME: OutcomeCode = 'otherDisposal.noCorrection';
/** 补正后申请内容仍不明确: only possible after a correction was received. */
const UNCLEAR_AFTER_CORRECTION: OutcomeCode = 'unavailable.unclearAfterCorrection';

/** extended is received with its one extension used (the content model stores it as a state of its own). */
export type ApplicationState = 'received' | 'correctionRequested' | 'consulting' | 'extended' | 'concluded';
export type ConsultationParty = 'thirdParty' | 'otherAgency';

interface EventBase {
  on: IsoDate;
  /** Who recorded the event (user id or name). */
  by: string;
  note?: string;
}

export type ApplicationEvent =
  | (EventBase & { type: 'requestCorrection' })
  | (EventBase & { type: 'receiveCorrection' })
  | (EventBase & { type: 'startConsultation'; party: ConsultationParty })
  | (EventBase & { type: 'endConsultation' })
  | (EventBase & { type: 'extend'; days: number; approver: string })
  | (EventBase & { type: 'conclude'; outcome: OutcomeCode })
  | (EventBase & { type: 'withdraw' })
  | (EventBase & { type: 'correctionExpired' });

export type EventType = ApplicationEvent['type'];

/** In the order the admin shows the buttons. */
export const EVENT_TYPES: readonly EventType[] = Object.freeze([
  'requestCorrection',
  'receiveCorrection',
  'correctionExpired',
  'startConsultation',
  'endConsultation',
  'extend',
  'conclude',
  'withdraw',
] as const);

export interface ApplicationHistory {
  receivedOn: IsoDate;
  events: readonly ApplicationEvent[];
}

export interface ClockStatus {
  state: ApplicationState;
  receivedOn: IsoDate;
  /** Receipt, or receipt of the correction; null while a correction is requested (or was never received). */
  clockStartsOn: IsoDate | null;
  /** Working days spent in consultations, which do not count. */
  pausedWorkingDays: number;
  extensionDays: number;
  /** The approver of the extension (the head of the disclosure office), null without one. */
  extendedBy: string | null;
  /** Null while the clock is stopped (correction requested, consulting). */
  dueOn: IsoDate | null;
  /**
   * The due date counts days of a year whose official schedule is not known yet (see calendar.ts): it was computed
   * with the week rule (and the days entered so far) and may move once the year is completed.
   */
  dueOnProvisional: boolean;
  /** Those years, ascending; empty when dueOn is official or null. */
  provisionalYears: number[];
  concludedOn: IsoDate | null;
  outcome: OutcomeCode | null;
  /** Date of the pending correction notice, while state is correctionRequested. */
  correctionRequestedOn: IsoDate | null;
  /** Start of the open consultation and with whom, while state is consulting. */
  consultingSince: IsoDate | null;
  consultationParty: ConsultationParty | null;
  /** Date of the last event (receipt if none): the earliest date the next event may have. */
  lastEventOn: IsoDate;
}

/** Chinese names of the states and events, for messages and the admin's buttons. */
export const STATE_LABELS: Record<ApplicationState, string> = {
  received: '办理中',
  correctionRequested: '待补正',
  consulting: '征求意见中',
  extended: '已延期',
  concluded: '已办结',
};

export const EVENT_LABELS: Record<EventType, string> = {
  requestCorrection: '发出补正通知',
  receiveCorrection: '收到补正',
  correctionExpired: '逾期未补正',
  startConsultation: '征求意见',
  endConsultation: '结束征求意见',
  extend: '延长答复期限',
  conclude: '办结',
  withdraw: '申请人撤回',
};

const PARTIES: readonly ConsultationParty[] = ['thirdParty', 'otherAgency'];

/** Everything replay keeps between events; the public ClockStatus is derived from it. */
interface Progress {
  receivedOn: IsoDate;
  state: ApplicationState;
  clockStartsOn: IsoDate | null;
  pausedWorkingDays: number;
  extensionDays: number;
  extendedBy: string | null;
  concludedOn: IsoDate | null;
  outcome: OutcomeCode | null;
  correctionRequestedOn: IsoDate | null;
  correctionEverRequested: boolean;
  correctionReceived: boolean;
  consultingSince: IsoDate | null;
  consultationParty: ConsultationParty | null;
  lastEventOn: IsoDate;
  eventCount: number;
}

interface Refusal {
  code: TransitionErrorCode;
  field: string;
  zh: string;
  en: string;
  expected?: string;
  actual?: string;
}

const refuse = (r: Refusal, index: number): TransitionError =>
  new TransitionError(r.code, r.field, { zh: r.zh, en: r.en }, index, r.expected, r.actual);

const isBlank = (value: unknown) => typeof value !== 'string' || value.trim() === '';

function start(receivedOn: unknown): Progress {
  try {
    toDayNumber(receivedOn, 'receivedOn');
  } catch (error) {
    if (!(error instanceof InvalidDateError)) throw error;
    throw new TransitionError(
      'dateInvalid',
      'receivedOn',
      {
        zh: `收到申请日期“${String(receivedOn)}”无效，应为 YYYY-MM-DD`,
        en: `receivedOn "${String(receivedOn)}" is not a date written YYYY-MM-DD`,
      },
      null,
      'YYYY-MM-DD',
      String(receivedOn),
    );
  }
  const on = receivedOn as IsoDate;
  return {
    receivedOn: on,
    state: 'received',
    clockStartsOn: on,
    pausedWorkingDays: 0,
    extensionDays: 0,
    extendedBy: null,
    concludedOn: null,
    outcome: null,
    correctionRequestedOn: null,
    correctionEverRequested: false,
    correctionReceived: false,
    consultingSince: null,
    consultationParty: null,
    lastEventOn: on,
    eventCount: 0,
  };
}

/** The due date while the clock runs (or after conclusion); null while it is stopped. */
function dueOf(p: Progress, calendar: WorkingCalendar): IsoDate | null {
  if (p.clockStartsOn === null || p.state === 'correctionRequested' || p.state === 'consulting') return null;
  return calendar.addWorkingDays(p.clockStartsOn, REPLY_WORKING_DAYS + p.extensionDays + p.pausedWorkingDays);
}

/** Which rule of the state machine refuses the event type now, if any; no messages, so it can be asked freely. */
function stateRule(p: Progress, type: EventType): TransitionErrorCode | null {
  if (p.state === 'concluded') return 'alreadyConcluded';
  const unless = (...allowed: ApplicationState[]) => (allowed.includes(p.state) ? null : 'notAllowedInState');
  switch (type) {
    case 'requestCorrection':
      if (p.correctionEverRequested) return 'correctionAlreadyRequested';
      return p.eventCount > 0 ? 'correctionNotFirst' : null;
    case 'receiveCorrection':
    case 'correctionExpired':
      return unless('correctionRequested');
    case 'startConsultation':
      return p.state === 'consulting' ? 'alreadyConsulting' : unless('received', 'extended');
    case 'endConsultation':
      return p.state === 'consulting' ? null : 'consultationNotStarted';
    case 'extend':
      return p.extensionDays > 0 ? 'alreadyExtended' : unless('received');
    case 'conclude':
      return unless('received', 'extended');
    case 'withdraw':
      return null;
  }
}

/** The events the state allows, without dates or payloads: all allowedEvents() knows without a calendar. */
const allowedByState = (p: Progress): EventType[] => EVENT_TYPES.filter((t) => stateRule(p, t) === null);

/** The state rule's refusal, worded for a person. */
function refusalByState(p: Progress, type: EventType): Refusal | null {
  const code = stateRule(p, type);
  switch (code) {
    case null:
      return null;
    case 'alreadyConcluded':
      return {
        code,
        field: 'type',
        zh: `申请已于 ${p.concludedOn} 办结，不能再“${EVENT_LABELS[type]}”`,
        en: `The application was concluded on ${p.concludedOn}; no ${type} after conclusion`,
      };
    case 'correctionAlreadyRequested':
      return {
        code,
        field: 'type',
        zh: '已发出过补正通知；补正应一次性告知，不能再次要求补正',
        en: 'A correction was already requested; the law allows one correction notice only',
      };
    case 'correctionNotFirst':
      return {
        code,
        field: 'type',
        zh: '补正通知应在办理开始时一次性发出，已征求意见或延期的申请不能再要求补正',
        en: 'A correction notice must come first: not after a consultation or an extension',
      };
    case 'alreadyConsulting':
      return {
        code,
        field: 'type',
        zh: `自 ${p.consultingSince} 起的征求意见尚未结束，请先结束征求意见`,
        en: `A consultation is open since ${p.consultingSince}; end it first`,
      };
    case 'consultationNotStarted':
      return {
        code,
        field: 'type',
        zh: '没有进行中的征求意见，不能结束征求意见',
        en: 'No consultation is open: endConsultation needs a startConsultation first',
      };
    case 'alreadyExtended':
      return {
        code,
        field: 'type',
        zh: `答复期限已延长 ${p.extensionDays} 个工作日（批准人：${p.extendedBy}），只能延长一次`,
        en: `The reply period was already extended by ${p.extensionDays} working days; one extension only`,
      };
    default: {
      const now = allowedByState(p);
      return {
        code,
        field: 'type',
        zh: `“${STATE_LABELS[p.state]}”状态下不能“${EVENT_LABELS[type]}”；当前可以：${now.map((t) => EVENT_LABELS[t]).join('、') || '无'}`,
        en: `${type} is not allowed in state ${p.state}; allowed now: ${now.join(', ') || 'none'}`,
        actual: p.state,
      };
    }
  }
}

function refusalByPayload(p: Progress, e: Record<string, unknown>, type: EventType): Refusal | null {
  switch (type) {
    case 'conclude': {
      const outcome = e.outcome;
      if (outcome === undefined || outcome === null || outcome === '') {
        return {
          code: 'outcomeMissing',
          field: 'outcome',
          zh: '办结时必须选择办理结果（表三中的一项）',
          en: 'conclude needs an outcome (one of the result rows of table 三)',
        };
      }
      if (!isOutcomeCode(outcome)) {
        return {
          code: 'outcomeUnknown',
          field: 'outcome',
          zh: `未知的办理结果“${String(outcome)}”`,
          en: `Unknown outcome "${String(outcome)}"`,
          actual: String(outcome),
        };
      }
      if (outcome === NO_CORRECTION_OUTCOME) {
        return {
          code: 'outcomeNotApplicable',
          field: 'outcome',
          zh: '“逾期不补正”不能直接办结：请在待补正状态下记录“逾期未补正”',
          en: `${NO_CORRECTION_OUTCOME} is recorded with correctionExpired, while a correction is requested`,
          actual: outcome,
        };
      }
      if (outcome === UNCLEAR_AFTER_CORRECTION && !p.correctionReceived) {
        return {
          code: 'outcomeNotApplicable',
          field: 'outcome',
          zh: '“补正后申请内容仍不明确”只适用于已收到补正的申请',
          en: `${UNCLEAR_AFTER_CORRECTION} needs a correction received first`,
          actual: outcome,
        };
      }
      return null;
    }
    case 'extend': {
      const days = e.days;
      if (typeof days !== 'number' || !Number.isInteger(days) || days < 1) {
        return {
          code: 'extensionDaysInvalid',
          field: 'days',
          zh: `延长天数应为 1 至 ${MAX_EXTENSION_WORKING_DAYS} 的整数（工作日），实际为 ${String(days)}`,
          en: `days must be a whole number of working days from 1 to ${MAX_EXTENSION_WORKING_DAYS}, got ${String(days)}`,
          expected: `1..${MAX_EXTENSION_WORKING_DAYS}`,
          actual: String(days),
        };
      }
      if (days > MAX_EXTENSION_WORKING_DAYS) {
        return {
          code: 'extensionTooLong',
          field: 'days',
          zh: `延长答复期限最长不超过 ${MAX_EXTENSION_WORKING_DAYS} 个工作日，实际为 ${days}`,
          en: `An extension is at most ${MAX_EXTENSION_WORKING_DAYS} working days, got ${days}`,
          expected: `≤ ${MAX_EXTENSION_WORKING_DAYS}`,
          actual: String(days),
        };
      }
      if (isBlank(e.approver)) {
        return {
          code: 'approverMissing',
          field: 'approver',
          zh: '延长答复期限须经政府信息公开工作机构负责人同意：请填写批准人',
          en: 'An extension needs its approver (the head of the disclosure office)',
        };
      }
      return null;
    }
    case 'startConsultation':
      if (!PARTIES.includes(e.party as ConsultationParty)) {
        return {
          code: 'partyInvalid',
          field: 'party',
          zh: `征求意见对象应为 thirdParty（第三方）或 otherAgency（其他机关），实际为 ${String(e.party)}`,
          en: `party must be thirdParty or otherAgency, got ${String(e.party)}`,
          expected: PARTIES.join(' | '),
          actual: String(e.party),
        };
      }
      return null;
    default:
      return null;
  }
}

function refusalByDeadline(p: Progress, on: IsoDate, type: EventType, calendar: WorkingCalendar): Refusal | null {
  if (type === 'requestCorrection') {
    const last = calendar.addWorkingDays(p.receivedOn, CORRECTION_NOTICE_WORKING_DAYS);
    // A deadline counted over an unknown year is provisional: the officer gets the benefit of the doubt.
    if (compareDates(on, last) > 0 && calendar.unknownYearsIn(p.receivedOn, last).length === 0) {
      return {
        code: 'correctionTooLate',
        field: 'on',
        zh: `补正通知应自收到申请之日起 ${CORRECTION_NOTICE_WORKING_DAYS} 个工作日内发出（最迟 ${last}），实际为 ${on}`,
        en: `A correction notice must go out within ${CORRECTION_NOTICE_WORKING_DAYS} working days of receipt (by ${last}), got ${on}`,
        expected: `≤ ${last}`,
        actual: on,
      };
    }
  }
  if (type === 'extend' || type === 'startConsultation') {
    const due = dueOf(p, calendar);
    const provisional =
      due !== null && p.clockStartsOn !== null && calendar.unknownYearsIn(p.clockStartsOn, due).length > 0;
    if (due !== null && !provisional && compareDates(on, due) > 0) {
      return {
        code: 'periodLapsed',
        field: 'on',
        zh: `答复期限已于 ${due} 届满，之后不能再${type === 'extend' ? '延期' : '征求意见以中止计时'}`,
        en: `The reply period ended on ${due}; ${type} must be on or before it, got ${on}`,
        expected: `≤ ${due}`,
        actual: on,
      };
    }
  }
  return null;
}

/**
 * Checks one event against the progress so far and returns the progress after it. Never mutates its inputs.
 * With calendar null, only what needs no calendar is checked (allowedEvents without a date).
 */
function step(p: Progress, event: unknown, index: number, calendar: WorkingCalendar | null): Progress {
  const e = (typeof event === 'object' && event !== null ? event : {}) as Record<string, unknown>;
  const type = e.type;
  if (typeof type !== 'string' || !(EVENT_TYPES as readonly string[]).includes(type)) {
    throw refuse(
      {
        code: 'eventUnknown',
        field: 'type',
        zh: `未知的事件“${String(type)}”`,
        en: `Unknown event type "${String(type)}"; expected one of ${EVENT_TYPES.join(', ')}`,
        expected: EVENT_TYPES.join(' | '),
        actual: String(type),
      },
      index,
    );
  }
  const t = type as EventType;
  let on: IsoDate;
  try {
    toDayNumber(e.on, 'on');
    on = e.on as IsoDate;
  } catch (error) {
    if (!(error instanceof InvalidDateError)) throw error;
    throw refuse(
      {
        code: 'dateInvalid',
        field: 'on',
        zh: `“${EVENT_LABELS[t]}”的日期“${String(e.on)}”无效，应为 YYYY-MM-DD`,
        en: `${t}: on "${String(e.on)}" is not a date written YYYY-MM-DD`,
        expected: 'YYYY-MM-DD',
        actual: String(e.on),
      },
      index,
    );
  }
  if (isBlank(e.by)) {
    throw refuse(
      { code: 'byMissing', field: 'by', zh: '请记录经办人', en: `${t}: by (who recorded the event) is required` },
      index,
    );
  }
  if (e.note !== undefined && typeof e.note !== 'string') {
    throw refuse({ code: 'noteInvalid', field: 'note', zh: '备注应为文字', en: `${t}: note must be text` }, index);
  }

  const byState = refusalByState(p, t);
  if (byState) throw refuse(byState, index);

  if (compareDates(on, p.receivedOn) < 0) {
    throw refuse(
      {
        code: 'dateBeforeReceipt',
        field: 'on',
        zh: `“${EVENT_LABELS[t]}”的日期 ${on} 早于收到申请日期 ${p.receivedOn}`,
        en: `${t} on ${on} is before the application was received (${p.receivedOn})`,
        expected: `≥ ${p.receivedOn}`,
        actual: on,
      },
      index,
    );
  }
  if (compareDates(on, p.lastEventOn) < 0) {
    throw refuse(
      {
        code: 'dateBeforePreviousEvent',
        field: 'on',
        zh: `“${EVENT_LABELS[t]}”的日期 ${on} 早于上一事件的日期 ${p.lastEventOn}`,
        en: `${t} on ${on} is before the previous event (${p.lastEventOn})`,
        expected: `≥ ${p.lastEventOn}`,
        actual: on,
      },
      index,
    );
  }

  const byPayload = refusalByPayload(p, e, t);
  if (byPayload) throw refuse(byPayload, index);

  if (calendar) {
    const byDeadline = refusalByDeadline(p, on, t, calendar);
    if (byDeadline) throw refuse(byDeadline, index);
  }

  const next: Progress = { ...p, lastEventOn: on, eventCount: p.eventCount + 1 };
  const closePause = () => {
    if (calendar && p.consultingSince !== null) {
      // workingDaysBetween counts (a, b]; shifting both ends back a day counts [S, E).
      next.pausedWorkingDays =
        p.pausedWorkingDays + calendar.workingDaysBetween(addDays(p.consultingSince, -1), addDays(on, -1));
    }
    next.consultingSince = null;
    next.consultationParty = null;
  };
  switch (t) {
    case 'requestCorrection':
      return {
        ...next,
        state: 'correctionRequested',
        clockStartsOn: null,
        correctionRequestedOn: on,
        correctionEverRequested: true,
      };
    case 'receiveCorrection':
      return { ...next, state: 'received', clockStartsOn: on, correctionRequestedOn: null, correctionReceived: true };
    case 'correctionExpired':
      return {
        ...next,
        state: 'concluded',
        concludedOn: on,
        outcome: NO_CORRECTION_OUTCOME,
        correctionRequestedOn: null,
      };
    case 'startConsultation':
      return { ...next, state: 'consulting', consultingSince: on, consultationParty: e.party as ConsultationParty };
    case 'endConsultation':
      closePause();
      return { ...next, state: p.extensionDays > 0 ? 'extended' : 'received' };
    case 'extend':
      return { ...next, state: 'extended', extensionDays: e.days as number, extendedBy: (e.approver as string).trim() };
    case 'conclude':
      return { ...next, state: 'concluded', concludedOn: on, outcome: e.outcome as OutcomeCode };
    case 'withdraw':
      closePause();
      return { ...next, state: 'concluded', concludedOn: on, outcome: WITHDRAWAL_OUTCOME, correctionRequestedOn: null };
  }
}

function fold(history: ApplicationHistory, calendar: WorkingCalendar | null): Progress {
  const events: unknown = history?.events;
  if (!Array.isArray(events)) {
    throw new TransitionError('eventUnknown', 'events', {
      zh: '事件记录应为数组',
      en: 'events must be an array of events',
    });
  }
  return events.reduce<Progress>((p, event, i) => step(p, event, i, calendar), start(history.receivedOn));
}

function statusOf(p: Progress, calendar: WorkingCalendar): ClockStatus {
  const dueOn = dueOf(p, calendar);
  // Every day counted towards dueOn (consultation pauses included) lies in (clockStartsOn, dueOn].
  const provisionalYears =
    dueOn !== null && p.clockStartsOn !== null ? calendar.unknownYearsIn(p.clockStartsOn, dueOn) : [];
  return {
    state: p.state,
    receivedOn: p.receivedOn,
    clockStartsOn: p.clockStartsOn,
    pausedWorkingDays: p.pausedWorkingDays,
    extensionDays: p.extensionDays,
    extendedBy: p.extendedBy,
    dueOn,
    dueOnProvisional: provisionalYears.length > 0,
    provisionalYears,
    concludedOn: p.concludedOn,
    outcome: p.outcome,
    correctionRequestedOn: p.correctionRequestedOn,
    consultingSince: p.consultingSince,
    consultationParty: p.consultationParty,
    lastEventOn: p.lastEventOn,
  };
}

/**
 * Recomputes the status of an application from its history, checking every event as applyEvent would.
 * Throws TransitionError (with the index of the bad event) for an invalid history. A due date counted over a year
 * whose schedule is not known is still given, marked dueOnProvisional.
 */
export function replay(
  receivedOn: IsoDate,
  events: readonly ApplicationEvent[],
  calendar: WorkingCalendar,
): ClockStatus {
  return statusOf(fold({ receivedOn, events }, calendar), calendar);
}

/** The history with the event added, or a TransitionError; the given history and event are never modified. */
export function applyEvent(
  history: ApplicationHistory,
  event: ApplicationEvent,
  calendar: WorkingCalendar,
): ApplicationHistory {
  const p = fold(history, calendar);
  step(p, event, history.events.length, calendar);
  return { receivedOn: history.receivedOn, events: [...history.events, { ...event }] };
}

export interface AllowedEventsContext {
  calendar: WorkingCalendar;
  /** The date the event would carry; deadlines (correction notice, lapsed period) are checked against it. */
  today: IsoDate;
}

/**
 * The events the admin may offer now (its buttons). Without a context only the state rules apply; with one, an
 * event of each type dated `today` must pass every check, so a button is never shown for an event that would fail
 * on its date alone (payload mistakes, like a missing outcome, are the form's to catch).
 */
export function allowedEvents(history: ApplicationHistory, context?: AllowedEventsContext): EventType[] {
  const p = fold(history, context?.calendar ?? null);
  return allowedByState(p).filter((type) => {
    if (!context) return true;
    try {
      step(p, sampleEvent(type, context.today), history.events.length, context.calendar);
      return true;
    } catch (error) {
      if (error instanceof TransitionError) return false;
      throw error;
    }
  });
}

/** A well-formed event of the type, to test whether its type and date would pass. */
function sampleEvent(type: EventType, on: IsoDate): ApplicationEvent {
  const base = { on, by: 'allowedEvents' };
  switch (type) {
    case 'startConsultation':
      return { ...base, type, party: 'thirdParty' };
    case 'extend':
      return { ...base, type, days: 1, approver: 'allowedEvents' };
    case 'conclude':
      return { ...base, type, outcome: 'granted' };
    default:
      return { ...base, type };
  }
}

/**
 * provisionalPassed: a provisional due date (see ClockStatus.dueOnProvisional) has passed. Whether the reply is late
 * depends on the schedule of the unknown year, so it is never called overdue: the year must be completed first.
 */
export type Urgency = 'overdue' | 'dueSoon' | 'onTime' | 'provisionalPassed';

export interface UrgencyResult {
  /** null when there is no running due date (clock stopped, or concluded: pass null then). */
  level: Urgency | null;
  /**
   * Working days after today up to and including dueOn: 0 means due today. Negative when overdue (the working days
   * since the due date, today included). null with level null.
   */
  workingDaysLeft: number | null;
}

/**
 * How pressing a due date is on `today`: overdue after it (provisionalPassed when the due date is provisional),
 * dueSoon with soonDays working days left or fewer.
 */
export function urgency(
  dueOn: IsoDate | null,
  today: IsoDate,
  calendar: WorkingCalendar,
  soonDays: number,
  dueOnProvisional = false,
): UrgencyResult {
  if (!Number.isInteger(soonDays) || soonDays < 0) {
    throw new CalendarInputError(
      {
        zh: `soonDays 应为不小于 0 的整数，实际为 ${String(soonDays)}`,
        en: `soonDays must be a whole number ≥ 0, got ${String(soonDays)}`,
      },
      'soonDays',
    );
  }
  toDayNumber(today, 'today');
  if (dueOn === null) return { level: null, workingDaysLeft: null };
  const workingDaysLeft = calendar.workingDaysBetween(today, dueOn);
  // Compare dates, not counts: on a Saturday after a Friday due date no working day has passed, yet it is late.
  if (compareDates(today, dueOn) > 0)
    return { level: dueOnProvisional ? 'provisionalPassed' : 'overdue', workingDaysLeft };
  return { level: workingDaysLeft <= soonDays ? 'dueSoon' : 'onTime', workingDaysLeft };
}
