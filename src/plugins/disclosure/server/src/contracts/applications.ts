// The contract of the applications admin API (server: services/applications.ts, admin: pages/Applications): the codes
// of states and events, and the shapes of the answers. Pure types and constants, imported by the admin bundle.

/** extended is received with its one extension used (the content model stores it as a state of its own). */
export const APPLICATION_STATES = ['received', 'correctionRequested', 'consulting', 'extended', 'concluded'] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

/** In the order the admin shows the buttons. */
export const EVENT_TYPES = [
  'requestCorrection',
  'receiveCorrection',
  'correctionExpired',
  'startConsultation',
  'endConsultation',
  'extend',
  'conclude',
  'withdraw',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const CONSULTATION_PARTIES = ['thirdParty', 'otherAgency'] as const;
export type ConsultationParty = (typeof CONSULTATION_PARTIES)[number];

export interface Bilingual {
  zh: string;
  en: string;
}

/** Names of the states and events, for messages (server), the buttons and badges (admin). */
export const STATE_NAMES: Record<ApplicationState, Bilingual> = {
  received: { zh: '办理中', en: 'In progress' },
  correctionRequested: { zh: '待补正', en: 'Awaiting correction' },
  consulting: { zh: '征求意见中', en: 'Consulting' },
  extended: { zh: '已延期', en: 'Extended' },
  concluded: { zh: '已办结', en: 'Concluded' },
};

export const EVENT_NAMES: Record<EventType, Bilingual> = {
  requestCorrection: { zh: '发出补正通知', en: 'Request correction' },
  receiveCorrection: { zh: '收到补正', en: 'Correction received' },
  correctionExpired: { zh: '逾期未补正', en: 'No correction in time' },
  startConsultation: { zh: '征求意见', en: 'Start consultation' },
  endConsultation: { zh: '结束征求意见', en: 'End consultation' },
  extend: { zh: '延长答复期限', en: 'Extend the period' },
  conclude: { zh: '办结', en: 'Conclude' },
  withdraw: { zh: '申请人撤回', en: 'Withdrawn by applicant' },
};

/** provisionalPassed: a provisional due date has passed; never called overdue before its year is complete. */
export type Urgency = 'overdue' | 'dueSoon' | 'onTime' | 'provisionalPassed';

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
  state: ApplicationState;
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

/** GET /disclosure/applications */
export interface Worklist {
  today: string;
  dueSoonWorkingDays: number;
  counts: { byState: Record<ApplicationState, number>; open: number; overdue: number; dueSoon: number };
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
  fromState: ApplicationState;
  toState: ApplicationState;
  by: { id: number | null; name: string };
  note: string | null;
  payload: Record<string, unknown>;
  recordedAt: string;
}

/** GET /disclosure/applications/:documentId, and the answer of POST …/events. */
export interface ApplicationDetail {
  today: string;
  dueSoonWorkingDays: number;
  /** The application's fields (DETAIL_FIELDS of the service); personal data, for the officers who hold the permission. */
  application: {
    documentId: string;
    trackingNumber: string;
    receivedOn: string | null;
    channel: string | null;
    applicantType: string | null;
    applicantName: string;
    state: ApplicationState;
    concludedOn: string | null;
    outcome: Outcome | null;
    idType: string | null;
    idNumber: string | null;
    contactPerson: string | null;
    phone: string | null;
    email: string | null;
    address: string | null;
    postalCode: string | null;
    requestedInformation: string;
    preferredForm: string | null;
    deliveryMethod: string | null;
    notes: string | null;
    createdAt: string;
    updatedAt: string;
    organization: { documentId: string; name: string } | null;
  };
  status:
    | (Record<string, unknown> & {
        state: ApplicationState;
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
        consultationParty: ConsultationParty | null;
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

/** POST /disclosure/applications/:documentId/events: the event's type, date (today when left out), note, own fields. */
export interface EventRequest {
  type: EventType;
  on?: string;
  note?: string;
  party?: ConsultationParty;
  days?: number;
  approver?: string;
  outcome?: string;
}
