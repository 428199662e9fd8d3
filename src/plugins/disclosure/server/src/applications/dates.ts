// Dates of the workflow: today in China, and dates read back from either database as 'YYYY-MM-DD'.
import type { IsoDate } from '../clock';

export { todayInChina } from '../clock/dates';

/**
 * A date column as 'YYYY-MM-DD'. Strapi returns date columns as strings on both databases; a Date (a raw driver
 * value) is read in the server's zone, which is how the driver built it from the stored day.
 */
export function isoDateOf(value: unknown): IsoDate | null {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
  }
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) return value.slice(0, 10);
  return null;
}
