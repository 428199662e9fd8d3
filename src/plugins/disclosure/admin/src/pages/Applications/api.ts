// Shapes of the admin API of applications (server: services/applications.ts) and the calls the pages make.
import { isFetchError } from '@strapi/strapi/admin';

export type State = 'received' | 'correctionRequested' | 'consulting' | 'extended' | 'concluded';
export type EventType =
  | 'requestCorrection'
  | 'receiveCorrection'
  | 'correctionExpired'
  | 'startConsultation'
  | 'endConsultation'
  | 'extend'
  | 'conclude'
  | 'withdraw';
/** provisionalPassed: a provisional due date has passed; never called overdue before its year is complete. */
export type Urgency = 'overdue' | 'dueSoon' | 'onTime' | 'provisionalPassed';

export const STATES: State[] = ['received', 'correctionRequested', 'consulting', 'extended', 'concluded'];

export interface Bilingual {
  zh: string;
  en: string;
}
export interface Outcome {
  code: string;
  label: string;
  labelEn: string;
}
export interface Problem {
  code: string;
  messages: Bilingual;
}
export interface YearCoverage {
  year: number;
  /** From the holiday package, or marked complete by an officer (calendar year). */
  known: boolean;
  fromPackage: boolean;
  markedComplete: boolean;
  enteredDays: number;
  holidays: number;
  makeUpWorkdays: number;
}

export interface WorklistItem {
  documentId: string;
  trackingNumber: string;
  applicantName: string;
  applicantType: string;
  channel: string;
  organization: { documentId: string; name: string } | null;
  receivedOn: string;
  state: State;
  dueOn: string | null;
  urgency: Urgency | null;
  workingDaysLeft: number | null;
  /** The due date counts days of a year whose schedule is not complete: weekends only, may still move. */
  dueOnProvisional: boolean;
  provisionalYears: number[];
  correctionRequestedOn: string | null;
  consultingSince: string | null;
  events: number;
  problem: Problem | null;
}

export interface Worklist {
  today: string;
  dueSoonWorkingDays: number;
  counts: { byState: Record<State, number>; open: number; overdue: number; dueSoon: number };
  calendar: YearCoverage[];
  /** Years whose schedule is not complete: some due date is provisional for them, or they are this year or next. */
  missingYears: number[];
  /** One page of the filtered (and searched) applications; counts are over all of them. */
  items: WorklistItem[];
  pagination: { page: number; pageSize: number; pageCount: number; total: number };
}

export interface HistoryEvent {
  documentId: string;
  sequence: number;
  type: EventType;
  on: string;
  fromState: State;
  toState: State;
  by: { id: number | null; name: string };
  note: string | null;
  payload: Record<string, unknown>;
  recordedAt: string;
}

export interface ApplicationDetail {
  today: string;
  dueSoonWorkingDays: number;
  application: Record<string, any> & {
    documentId: string;
    trackingNumber: string;
    organization: { documentId: string; name: string } | null;
    outcome: Outcome | null;
  };
  status:
    | (Record<string, any> & {
        state: State;
        receivedOn: string;
        clockStartsOn: string | null;
        dueOn: string | null;
        concludedOn: string | null;
        outcome: Outcome | null;
        extensionDays: number;
        extendedBy: string | null;
        pausedWorkingDays: number;
        correctionRequestedOn: string | null;
        consultingSince: string | null;
        consultationParty: string | null;
        dueOnProvisional: boolean;
        provisionalYears: number[];
        urgency: Urgency | null;
        workingDaysLeft: number | null;
        concludedOutsideWorkflow: boolean;
      })
    | null;
  problem: Problem | null;
  events: HistoryEvent[];
  allowedEvents: EventType[];
  allowedToday: EventType[];
  outcomes: Outcome[];
}

export const API = {
  worklist: '/disclosure/applications',
  detail: (documentId: string) => `/disclosure/applications/${encodeURIComponent(documentId)}`,
  events: (documentId: string) => `/disclosure/applications/${encodeURIComponent(documentId)}/events`,
};

/** Where the Content Manager edits the calendar days (节假日调整). */
export const CALENDAR_DAYS_PATH = '/content-manager/collection-types/plugin::disclosure.calendar-day';
/** Where the officer marks a year's schedule complete, with its notice (节假日安排年度). */
export const CALENDAR_YEARS_PATH = '/content-manager/collection-types/plugin::disclosure.calendar-year';

export interface ApiFailure {
  message: string;
  /** Messages by field (the `path` of each problem the server named). */
  fields: Record<string, string>;
}

/** The server's refusal in the reader's language: the clock sends zh and en, other errors one message. */
export function failureOf(error: unknown, zh: boolean): ApiFailure {
  if (!isFetchError(error)) return { message: error instanceof Error ? error.message : String(error), fields: {} };
  const body = error.response?.data?.error as { message?: string; details?: any } | undefined;
  const details = body?.details ?? {};
  const pick = (message: string) => {
    // Clock messages are "zh / en"; show one language.
    const parts = message.split(' / ');
    return parts.length === 2 ? parts[zh ? 0 : 1]! : message;
  };
  const message = details.messages
    ? zh
      ? details.messages.zh
      : details.messages.en
    : pick(body?.message ?? error.message);
  const fields: Record<string, string> = {};
  for (const problem of details.errors ?? []) {
    const field = Array.isArray(problem.path) ? problem.path.join('.') : String(problem.path ?? '');
    if (field && !fields[field]) fields[field] = pick(problem.message);
  }
  if (details.field && !fields[details.field]) fields[details.field] = message;
  return { message, fields };
}
