// Working days of China's official calendar (法定节假日 and 调休上班日) for the statutory clock of disclosure applications.
// Data comes from the chinese-days package; admin-entered overrides win, so a year the package lacks can still be used.
//
// Conventions:
// - A working day is Monday–Friday unless it is an official holiday, plus weekend days declared make-up working days.
// - A year is *known* when the package lists holidays for it, or when an officer marked its schedule complete
//   (`knownYears`, from plugin::disclosure.calendar-year). Entering days of a year does not make it known: a
//   half-entered year (New Year's Day typed in, Spring Festival not yet) must not pass for the official schedule.
// - Days of an unknown year are still classified, by the week rule plus whatever overrides were entered, and flagged
//   `provisional`: due dates stay computable, and callers ask unknownYearsIn(a, b) to mark a result as provisional.
// - addWorkingDays(d, n) is the n-th working day after d; d itself is never counted (n = 0 returns d).
// - workingDaysBetween(a, b) counts the working days in (a, b]: after a, up to and including b (negative if b < a).

// The package's functions parse dates in the server's local zone (west of UTC they answer for the previous day), so we
// read its data file (documented in its README for non-JS use) and do the date arithmetic ourselves, in UTC.
import packageData from 'chinese-days/dist/chinese-days.json';
import { fromDayNumber, toDayNumber, weekdayOf, yearOf, type IsoDate } from './dates';
import { CalendarInputError } from './errors';

export { CalendarInputError, InvalidDateError } from './errors';

export interface CalendarOverride {
  date: IsoDate;
  /** holiday: not a working day even on a weekday; workday: a working day even on a weekend (调休上班). */
  kind: 'holiday' | 'workday';
  name?: string;
}

export interface CalendarOptions {
  overrides?: readonly CalendarOverride[];
  /** Years whose official schedule an officer marked complete: as reliable as the package's years. */
  knownYears?: readonly number[];
}

/** weekday/weekend: the ordinary week rule; holiday: an official day off; makeUpWorkday: a weekend day worked (调休). */
export type DayKind = 'weekday' | 'weekend' | 'holiday' | 'makeUpWorkday';

export interface DayInfo {
  date: IsoDate;
  working: boolean;
  kind: DayKind;
  /** The holiday's name (e.g. 国庆节) when the day is a holiday or make-up day, else null. */
  name: string | null;
  source: 'override' | 'package' | 'weekRule';
  /** The day's year is not known (see the conventions above): the answer may change once the year is completed. */
  provisional: boolean;
}

export interface YearCoverage {
  year: number;
  /** fromPackage or markedComplete: due dates in the year are official, not provisional. */
  known: boolean;
  fromPackage: boolean;
  markedComplete: boolean;
  /** Days of the year entered by an admin (holidays and make-up working days). */
  enteredDays: number;
  /** Official days off in the year (weekend days inside a holiday period included), after overrides. */
  holidays: number;
  /** Weekend days worked in the year (调休上班), after overrides. */
  makeUpWorkdays: number;
}

export interface WorkingCalendar {
  isWorkingDay(date: IsoDate): boolean;
  addWorkingDays(date: IsoDate, n: number): IsoDate;
  workingDaysBetween(a: IsoDate, b: IsoDate): number;
  coverage(year: number): YearCoverage;
  dayInfo(date: IsoDate): DayInfo;
  isKnownYear(year: number): boolean;
  /** The unknown years among the days in (a, b] (order of a and b does not matter), ascending. */
  unknownYearsIn(a: IsoDate, b: IsoDate): number[];
}

interface PackageData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const PACKAGE: PackageData = packageData;

/** Years for which chinese-days lists official holidays, ascending. */
export const PACKAGE_YEARS: readonly number[] = Object.freeze(
  [...new Set(Object.keys(PACKAGE.holidays).map((d) => Number(d.slice(0, 4))))].sort((a, b) => a - b),
);
const PACKAGE_YEAR_SET = new Set(PACKAGE_YEARS);

/** The package writes names as "National Day,国庆节,3"; keep the Chinese one. */
function packageName(raw: string): string {
  const parts = raw.split(',');
  return parts[1] ?? raw;
}

function assertInteger(value: unknown, field: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new CalendarInputError(
      { zh: `${field} 应为整数，实际为 ${String(value)}`, en: `${field} must be an integer, got ${String(value)}` },
      field,
    );
  }
}

function assertYear(value: unknown, field: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1000 || value > 9999) {
    throw new CalendarInputError(
      {
        zh: `${field} 应为四位年份，实际为 ${String(value)}`,
        en: `${field} must be a four-digit year, got ${String(value)}`,
      },
      field,
    );
  }
}

export function createCalendar(options: CalendarOptions = {}): WorkingCalendar {
  const overrides = new Map<IsoDate, CalendarOverride>();
  const enteredPerYear = new Map<number, number>();
  (options.overrides ?? []).forEach((override, i) => {
    const field = `overrides[${i}]`;
    const day = toDayNumber(override?.date, `${field}.date`);
    if (override.kind !== 'holiday' && override.kind !== 'workday') {
      throw new CalendarInputError(
        {
          zh: `${field}.kind 应为 holiday（放假）或 workday（上班），实际为 ${String(override.kind)}`,
          en: `${field}.kind must be 'holiday' or 'workday', got ${String(override.kind)}`,
        },
        `${field}.kind`,
      );
    }
    const earlier = overrides.get(override.date);
    if (earlier && earlier.kind !== override.kind) {
      throw new CalendarInputError(
        {
          zh: `${override.date} 同时被录入为放假和上班，请删除其中一条`,
          en: `${override.date} is entered both as a holiday and as a working day; remove one of them`,
        },
        `${field}.date`,
      );
    }
    if (!earlier) enteredPerYear.set(yearOf(day), (enteredPerYear.get(yearOf(day)) ?? 0) + 1);
    overrides.set(override.date, { ...override });
  });
  const completedYears = new Set<number>();
  (options.knownYears ?? []).forEach((year, i) => {
    assertYear(year, `knownYears[${i}]`);
    completedYears.add(year);
  });

  const isKnown = (year: number) => PACKAGE_YEAR_SET.has(year) || completedYears.has(year);

  function classify(day: number): DayInfo {
    const date = fromDayNumber(day);
    const provisional = !isKnown(yearOf(day));
    const weekend = weekdayOf(day) === 0 || weekdayOf(day) === 6;
    const override = overrides.get(date);
    if (override) {
      if (override.kind === 'holiday') {
        return { date, working: false, kind: 'holiday', name: override.name ?? null, source: 'override', provisional };
      }
      return weekend
        ? { date, working: true, kind: 'makeUpWorkday', name: override.name ?? null, source: 'override', provisional }
        : { date, working: true, kind: 'weekday', name: override.name ?? null, source: 'override', provisional };
    }
    const workday = PACKAGE.workdays[date];
    if (workday !== undefined) {
      return { date, working: true, kind: 'makeUpWorkday', name: packageName(workday), source: 'package', provisional };
    }
    const holiday = PACKAGE.holidays[date];
    if (holiday !== undefined) {
      return { date, working: false, kind: 'holiday', name: packageName(holiday), source: 'package', provisional };
    }
    return weekend
      ? { date, working: false, kind: 'weekend', name: null, source: 'weekRule', provisional }
      : { date, working: true, kind: 'weekday', name: null, source: 'weekRule', provisional };
  }

  // Replaying thousands of histories (worklist, overview) asks the same days again and again: remember the answer.
  // The calendar is immutable once built (one per request), so the memo never goes stale.
  const working = new Map<number, boolean>();
  const isWorkingDayNumber = (day: number) => {
    let answer = working.get(day);
    if (answer === undefined) working.set(day, (answer = classify(day).working));
    return answer;
  };

  return {
    isWorkingDay(date) {
      return isWorkingDayNumber(toDayNumber(date, 'date'));
    },

    dayInfo(date) {
      return classify(toDayNumber(date, 'date'));
    },

    addWorkingDays(date, n) {
      let day = toDayNumber(date, 'date');
      assertInteger(n, 'n');
      const step = n < 0 ? -1 : 1;
      for (let left = Math.abs(n); left > 0;) {
        day += step;
        if (isWorkingDayNumber(day)) left -= 1;
      }
      return fromDayNumber(day);
    },

    workingDaysBetween(a, b) {
      const from = toDayNumber(a, 'a');
      const to = toDayNumber(b, 'b');
      const [low, high, sign] = from <= to ? [from, to, 1] : [to, from, -1];
      let count = 0;
      for (let day = low + 1; day <= high; day += 1) if (isWorkingDayNumber(day)) count += 1;
      // Avoid -0, which would show up as "-0" in a few formatters and fail Object.is checks.
      return count === 0 ? 0 : sign * count;
    },

    isKnownYear(year) {
      assertYear(year, 'year');
      return isKnown(year);
    },

    unknownYearsIn(a, b) {
      const [low, high] = [toDayNumber(a, 'a'), toDayNumber(b, 'b')].sort((x, y) => x - y) as [number, number];
      const years: number[] = [];
      if (low === high) return years;
      for (let year = yearOf(low + 1); year <= yearOf(high); year += 1) if (!isKnown(year)) years.push(year);
      return years;
    },

    coverage(year) {
      assertYear(year, 'year');
      const fromPackage = PACKAGE_YEAR_SET.has(year);
      const markedComplete = completedYears.has(year);
      let holidays = 0;
      let makeUpWorkdays = 0;
      const first = toDayNumber(`${year}-01-01`);
      const last = toDayNumber(`${year}-12-31`);
      for (let day = first; day <= last; day += 1) {
        const info = classify(day);
        if (info.kind === 'holiday') holidays += 1;
        if (info.kind === 'makeUpWorkday') makeUpWorkdays += 1;
      }
      return {
        year,
        known: fromPackage || markedComplete,
        fromPackage,
        markedComplete,
        enteredDays: enteredPerYear.get(year) ?? 0,
        holidays,
        makeUpWorkdays,
      };
    },
  };
}
