/** Pure: the state and timeliness of one organization × year from its aggregated report row. */
import type { ReportState, Timeliness } from './contract';

export interface ReportAggregate {
  drafts: number;
  published: number;
  errors: number | null;
  warnings: number | null;
  acknowledged: boolean;
  corrections: number;
  /** First publication, ISO; null when not published. */
  firstPublishedAt: string | null;
}

export const deadlineOf = (year: number) => `${year + 1}-01-31`;

/** The calendar date in China (UTC+8, no daylight saving) of an instant. */
export const dateInChina = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 10);

export function reportState(a: ReportAggregate | undefined): ReportState {
  if (!a || (a.drafts === 0 && a.published === 0)) return 'none';
  if (a.published > 0) return a.corrections > 0 ? 'corrected' : 'published';
  if ((a.errors ?? 0) > 0) return 'errors';
  if ((a.warnings ?? 0) > 0 && !a.acknowledged) return 'warnings';
  return 'draft';
}

/**
 * `firstYear`: the organization's first year with any report (computed or imported) or application, null when it has
 * none. A year without a report before it has no records to judge: not overdue.
 */
export function timeliness(
  year: number,
  a: ReportAggregate | undefined,
  today: string,
  firstYear: number | null,
): Timeliness {
  const deadline = deadlineOf(year);
  if (a && a.published > 0 && a.firstPublishedAt)
    return dateInChina(a.firstPublishedAt) <= deadline ? 'onTime' : 'late';
  if (reportState(a) === 'none' && (firstYear === null || year < firstYear)) return 'noRecords';
  return today > deadline ? 'missing' : 'pending';
}
