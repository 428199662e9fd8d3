/** Calendar dates of the sample data as 'YYYY-MM-DD' strings (China time), with UTC arithmetic so no day shifts. */
import type { Random } from './random';

const DAY = 86_400_000;

const toTime = (date: string) => Date.parse(`${date}T00:00:00Z`);
const fromTime = (time: number) => new Date(time).toISOString().slice(0, 10);

export function addDays(date: string, days: number): string {
  return fromTime(toTime(date) + days * DAY);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toTime(to) - toTime(from)) / DAY);
}

/** A date between `from` and `to`, both included. */
export function randomDate(rng: Random, from: string, to: string): string {
  return addDays(from, rng.int(0, daysBetween(from, to)));
}

/** Moves a Saturday or Sunday to the next Monday (official make-up days are not modelled: sample data). */
export function weekday(date: string): string {
  const dow = new Date(toTime(date)).getUTCDay();
  return dow === 6 ? addDays(date, 2) : dow === 0 ? addDays(date, 1) : date;
}

export const yearOf = (date: string) => Number(date.slice(0, 4));

export { todayInChina } from '../validation/dates';

/** A wall-clock time in China as an ISO instant, e.g. ('2024-03-05', 9, 30) → '2024-03-05T01:30:00.000Z'. */
export function chinaTime(date: string, hour: number, minute = 0): string {
  return new Date(toTime(date) + (hour - 8) * 3_600_000 + minute * 60_000).toISOString();
}
