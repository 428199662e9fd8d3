// Errors of the statutory clock. Each carries a stable code, the field at fault and a message in Chinese and English,
// so the admin can show it to a person (zh) and logs stay readable (en).

export interface ClockMessages {
  zh: string;
  en: string;
}

export abstract class ClockError extends Error {
  abstract readonly code: string;
  readonly messages: Readonly<ClockMessages>;
  readonly field: string | null;

  protected constructor(messages: ClockMessages, field: string | null) {
    super(`${messages.zh} / ${messages.en}`);
    this.messages = Object.freeze({ ...messages });
    this.field = field;
  }
}

/** A date or number given to the calendar is not what it should be (not 'YYYY-MM-DD', not a real day, …). */
export class InvalidDateError extends ClockError {
  readonly code = 'invalidDate';
  override readonly name = 'InvalidDateError';
  constructor(
    readonly value: unknown,
    field: string | null = null,
    expected = "a date written 'YYYY-MM-DD' (e.g. 2024-10-08)",
  ) {
    super(
      {
        zh: `${field ? `${field}：` : ''}日期“${String(value)}”无效，应为 YYYY-MM-DD 格式的真实日期`,
        en: `${field ? `${field}: ` : ''}invalid date "${String(value)}", expected ${expected}`,
      },
      field,
    );
  }
}

/** The calendar was given bad settings or arguments (two overrides that disagree about one day, a bad year, n = 1.5). */
export class CalendarInputError extends ClockError {
  readonly code = 'calendarInput';
  override readonly name = 'CalendarInputError';
  constructor(messages: ClockMessages, field: string) {
    super(messages, field);
  }
}

export type TransitionErrorCode =
  | 'eventUnknown'
  | 'dateInvalid'
  | 'byMissing'
  | 'noteInvalid'
  | 'dateBeforeReceipt'
  | 'dateBeforePreviousEvent'
  | 'alreadyConcluded'
  | 'notAllowedInState'
  | 'alreadyExtended'
  | 'alreadyConsulting'
  | 'consultationNotStarted'
  | 'correctionAlreadyRequested'
  | 'correctionNotFirst'
  | 'correctionTooLate'
  | 'outcomeMissing'
  | 'outcomeUnknown'
  | 'outcomeNotApplicable'
  | 'partyInvalid'
  | 'extensionDaysInvalid'
  | 'extensionTooLong'
  | 'approverMissing'
  | 'periodLapsed';

/** An event that the application's history does not allow; the history it was applied to is left as it was. */
export class TransitionError extends ClockError {
  override readonly name = 'TransitionError';
  constructor(
    readonly code: TransitionErrorCode,
    field: string,
    messages: ClockMessages,
    /** Position of the offending event in the history (events.length for an event being added). */
    readonly index: number | null = null,
    /** What the rule expected and what it got, when that helps (e.g. the last allowed date). */
    readonly expected?: string,
    readonly actual?: string,
  ) {
    super(messages, field);
  }
}
