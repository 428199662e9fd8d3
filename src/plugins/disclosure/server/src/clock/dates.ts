// Calendar dates as plain 'YYYY-MM-DD' strings (a day in China, no time, no zone) and day arithmetic on them.
// Everything goes through UTC day numbers so that the server's time zone can never shift a date by one.

import { InvalidDateError } from './errors';

/** A day in China's calendar, written 'YYYY-MM-DD'. */
export type IsoDate = string;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a valid date; throws InvalidDateError for anything else (2024-02-30, '2024-1-5', 20240105). */
export function toDayNumber(date: unknown, field: string | null = null): number {
  if (typeof date !== 'string') throw new InvalidDateError(date, field);
  const match = ISO_DATE.exec(date);
  if (!match) throw new InvalidDateError(date, field);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  // Date.UTC rolls 2024-02-30 over to 2024-03-01; a round trip catches it. Years below 100 are mapped to 19xx by
  // Date.UTC, and the round trip catches those too.
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    throw new InvalidDateError(date, field);
  }
  return ms / MS_PER_DAY;
}

export function fromDayNumber(dayNumber: number): IsoDate {
  const d = new Date(dayNumber * MS_PER_DAY);
  const y = String(d.getUTCFullYear()).padStart(4, '0');
  const m = String(d.getUTCMonth() + 1).padStart(2, '0');
  const day = String(d.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${day}`;
}

export function isIsoDate(value: unknown): value is IsoDate {
  try {
    toDayNumber(value);
    return true;
  } catch {
    return false;
  }
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(dayNumber: number): number {
  // 1970-01-01 was a Thursday (4).
  return (((dayNumber + 4) % 7) + 7) % 7;
}

export function yearOf(dayNumber: number): number {
  return new Date(dayNumber * MS_PER_DAY).getUTCFullYear();
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Negative when a is before b, 0 on the same day, positive after; throws on invalid dates. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return toDayNumber(a) - toDayNumber(b);
}

/** Today's date in China (Asia/Shanghai), whatever the server's zone. */
// Built once: constructing a formatter with a time zone costs milliseconds, and every admin request asks for today.
const CHINA_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function todayInChina(now: Date = new Date()): IsoDate {
  return CHINA_DATE.format(now);
}
