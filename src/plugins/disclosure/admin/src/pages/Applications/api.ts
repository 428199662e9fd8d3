// The calls the applications pages make; the shapes of the answers are the contract shared with the server
// (server/src/contracts/applications.ts).
import { isFetchError } from '@strapi/strapi/admin';

export {
  APPLICATION_STATES as STATES,
  type ApplicationDetail,
  type ApplicationState as State,
  type Bilingual,
  type EventRequest,
  type EventType,
  type HistoryEvent,
  type Outcome,
  type Problem,
  type Urgency,
  type Worklist,
  type WorklistItem,
  type YearCoverage,
} from '../../../../server/src/contracts/applications';

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
