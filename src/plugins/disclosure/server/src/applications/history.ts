// Between the stored audit trail and the pure clock: rows → clock events, an admin's input → an event and the payload
// kept with it, and the status (due date, urgency) derived from a history. Pure: no Strapi here.
import {
  ClockError,
  EVENT_TYPES,
  NO_CORRECTION_OUTCOME,
  compareDates,
  replay,
  urgency,
  type ApplicationEvent,
  type ApplicationState,
  type ClockMessages,
  type ClockStatus,
  type EventType,
  type IsoDate,
  type Urgency,
  type WorkingCalendar,
} from '../clock';
import { OUTCOME_LABELS, OUTCOMES } from '../format';
import { isoDateOf } from './dates';

/** A row of plugin::disclosure.application-event as the database returns it. */
export interface StoredEvent {
  id?: number;
  documentId?: string;
  applicationDocumentId: string;
  sequence: number;
  eventType: EventType;
  occurredOn: unknown;
  fromState: ApplicationState;
  toState: ApplicationState;
  byId: number | null;
  byName: string | null;
  note: string | null;
  payload: Record<string, unknown> | null;
  createdAt?: unknown;
}

/** The fields each event type carries besides date and note; they are stored as the event's payload. */
export const PAYLOAD_FIELDS: Record<EventType, readonly string[]> = {
  requestCorrection: [],
  receiveCorrection: [],
  correctionExpired: [],
  startConsultation: ['party'],
  endConsultation: [],
  extend: ['days', 'approver'],
  conclude: ['outcome'],
  withdraw: [],
};

export const MAX_NOTE_LENGTH = 2000;

export function whoLabel(row: Pick<StoredEvent, 'byId' | 'byName'>): string {
  return row.byName?.trim() || (row.byId !== null && row.byId !== undefined ? `#${row.byId}` : 'unknown');
}

/** The clock's view of a stored event. */
export function toClockEvent(row: StoredEvent): ApplicationEvent {
  const payload = row.payload && typeof row.payload === 'object' ? row.payload : {};
  const event: Record<string, unknown> = {
    ...payload,
    type: row.eventType,
    on: isoDateOf(row.occurredOn),
    by: whoLabel(row),
  };
  if (row.note) event.note = row.note;
  return event as unknown as ApplicationEvent;
}

export interface EventInputProblem {
  field: string;
  messages: ClockMessages;
}

export interface EventInput {
  type: EventType;
  on: IsoDate;
  note: string | undefined;
  payload: Record<string, unknown>;
}

/**
 * Reads what the admin posted for a new event: its type, date (today when left out), note and the fields of its type.
 * Only the shape is checked here; whether the event is allowed is the clock's to say. Fields that belong to another
 * type are refused rather than dropped, so a form bug cannot silently lose what the officer typed.
 */
export function readEventInput(body: unknown, today: IsoDate): { input?: EventInput; problems: EventInputProblem[] } {
  const problems: EventInputProblem[] = [];
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return {
      problems: [
        { field: 'body', messages: { zh: '请求体应为 JSON 对象', en: 'The request body must be a JSON object' } },
      ],
    };
  }
  const raw = body as Record<string, unknown>;
  const type = raw.type;
  if (typeof type !== 'string' || !(EVENT_TYPES as readonly string[]).includes(type)) {
    problems.push({
      field: 'type',
      messages: {
        zh: `未知的事件“${String(type)}”`,
        en: `type must be one of ${EVENT_TYPES.join(', ')}, got ${JSON.stringify(type ?? null)}`,
      },
    });
    return { problems };
  }
  const t = type as EventType;
  const allowed = new Set(['type', 'on', 'note', ...PAYLOAD_FIELDS[t]]);
  for (const key of Object.keys(raw)) {
    if (!allowed.has(key)) {
      problems.push({
        field: key,
        messages: {
          zh: `“${t}”事件没有字段 ${key}`,
          en: `${key} is not a field of a ${t} event (fields: ${[...allowed].join(', ')})`,
        },
      });
    }
  }
  const on = raw.on === undefined || raw.on === null || raw.on === '' ? today : raw.on;
  if (typeof on === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(on) && compareDates(on, today) > 0) {
    problems.push({
      field: 'on',
      messages: {
        zh: `事件日期 ${on} 晚于今天（${today}），不能记录尚未发生的事件`,
        en: `on (${on}) is after today (${today}): an event is recorded once it has happened`,
      },
    });
  }
  let note: string | undefined;
  if (raw.note !== undefined && raw.note !== null) {
    if (typeof raw.note !== 'string') {
      problems.push({ field: 'note', messages: { zh: '备注应为文字', en: 'note must be text' } });
    } else if (raw.note.length > MAX_NOTE_LENGTH) {
      problems.push({
        field: 'note',
        messages: {
          zh: `备注最多 ${MAX_NOTE_LENGTH} 字，实际 ${raw.note.length} 字`,
          en: `note is at most ${MAX_NOTE_LENGTH} characters, got ${raw.note.length}`,
        },
      });
    } else if (raw.note.trim() !== '') {
      note = raw.note.trim();
    }
  }
  const payload: Record<string, unknown> = {};
  for (const field of PAYLOAD_FIELDS[t]) {
    const value = raw[field];
    if (value !== undefined) payload[field] = typeof value === 'string' && field === 'approver' ? value.trim() : value;
  }
  if (problems.length) return { problems };
  return { input: { type: t, on: on as IsoDate, note, payload }, problems };
}

export interface StoredApplication {
  receivedOn: unknown;
  state: ApplicationState;
  concludedOn: unknown;
  outcome: string | null;
}

export interface DerivedStatus extends ClockStatus {
  urgency: Urgency | null;
  workingDaysLeft: number | null;
  /** Concluded by hand in the Content Manager before any event was recorded: the stored conclusion stands. */
  concludedOutsideWorkflow: boolean;
}

export interface Derivation {
  status: DerivedStatus | null;
  /** Why no status could be derived (a past event in a year without calendar, or a broken history). */
  problem: { code: string; messages: ClockMessages } | null;
}

/**
 * The status of a stored application: replayed from its events (the truth), never read from stored columns, except
 * for an application entered as concluded in the Content Manager with no event, whose stored conclusion is all we have.
 */
export function deriveStatus(
  app: StoredApplication,
  rows: readonly StoredEvent[],
  calendar: WorkingCalendar,
  today: IsoDate,
  soonDays: number,
): Derivation {
  const receivedOn = isoDateOf(app.receivedOn) ?? String(app.receivedOn);
  const storedConclusion = isoDateOf(app.concludedOn);
  try {
    if (rows.length === 0 && storedConclusion) {
      const base = replay(receivedOn, [], calendar);
      return {
        status: {
          ...base,
          state: 'concluded',
          concludedOn: storedConclusion,
          outcome: app.outcome,
          lastEventOn: storedConclusion,
          urgency: null,
          workingDaysLeft: null,
          concludedOutsideWorkflow: true,
        },
        problem: null,
      };
    }
    const status = replay(receivedOn, rows.map(toClockEvent), calendar);
    const running = status.state !== 'concluded';
    const u = running
      ? urgency(status.dueOn, today, calendar, soonDays, status.dueOnProvisional)
      : { level: null, workingDaysLeft: null };
    return {
      status: { ...status, urgency: u.level, workingDaysLeft: u.workingDaysLeft, concludedOutsideWorkflow: false },
      problem: null,
    };
  } catch (error) {
    if (error instanceof ClockError) {
      return {
        status: null,
        problem: { code: (error as ClockError & { code: string }).code, messages: error.messages },
      };
    }
    throw error;
  }
}

export interface OutcomeOption {
  code: string;
  label: string;
  labelEn: string;
}

/**
 * The outcomes a conclude form may offer: every result row of table 三 but 逾期不补正 (recorded with correctionExpired),
 * and 补正后仍不明确 only once a correction was received.
 */
export function concludeOutcomes(rows: readonly StoredEvent[]): OutcomeOption[] {
  const correctionReceived = rows.some((r) => r.eventType === 'receiveCorrection');
  return OUTCOMES.filter(
    (code) => code !== NO_CORRECTION_OUTCOME && (code !== 'unavailable.unclearAfterCorrection' || correctionReceived),
  ).map((code) => ({ code, ...OUTCOME_LABELS[code]! }));
}

export function outcomeView(code: string | null): OutcomeOption | null {
  if (!code) return null;
  const labels = OUTCOME_LABELS[code];
  return labels ? { code, label: labels.label, labelEn: labels.labelEn } : { code, label: code, labelEn: code };
}
