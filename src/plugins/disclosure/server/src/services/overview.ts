/**
 * The compliance overview: every organization × year, from three GROUP BY queries (organizations, reports per
 * organization and year, open applications per organization) and the exact overdue count of the few applications
 * that can be overdue. State, sort, filter and paging are done on the aggregated rows (at most organizations × years).
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { todayInChina } from '../applications/dates';
import { APPLICATION_UID, SERVICES } from '../applications/constants';
import type { WorkingCalendar } from '../clock';
import { UIDS } from '../report-db/tables';
import {
  REPORT_STATES,
  TIMELINESS,
  type OverviewAnswer,
  type OverviewRow,
  type OverviewSort,
  type ReportState,
  type Timeliness,
} from '../overview/contract';
import { deadlineOf, reportState, timeliness, type ReportAggregate } from '../overview/state';
import { eventsOf, OPEN_STATES, statusDeriver, withEvents } from './applications';
import { HISTORICAL } from './imports';

export const DEFAULT_LOCALE = 'zh-Hans';
/** States whose clock runs: only they have a due date (a correction or a consultation stops it). */
const RUNNING_STATES = ['received', 'extended'];
/**
 * A due date is at least 20 working days after the clock starts, and the clock never starts before receipt: an
 * application received fewer than 21 calendar days ago cannot be overdue. Only older ones are replayed.
 */
const MIN_DAYS_TO_OVERDUE = 21;

export interface OverviewQuery {
  year?: number;
  state?: ReportState;
  timeliness?: Timeliness;
  sort: OverviewSort;
  order: 'asc' | 'desc';
  page: number;
  /** 0: every row (the export). */
  pageSize: number;
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
/** A datetime column as ISO: PostgreSQL gives a Date, SQLite the stored epoch milliseconds or a string. */
const isoInstant = (v: unknown): string | null => {
  if (v === null || v === undefined || v === '') return null;
  const d =
    v instanceof Date ? v : new Date(typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : (v as string | number));
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
};
/** The year of a date column: PostgreSQL gives a Date (local midnight) or a string, SQLite the stored text. */
const yearOf = (v: unknown) => (v instanceof Date ? v.getFullYear() : Number(String(v).slice(0, 4)));
const minusDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) - days * 86400_000).toISOString().slice(0, 10);

const STATE_ORDER = Object.fromEntries(REPORT_STATES.map((s, i) => [s, i])) as Record<ReportState, number>;
const TIMELINESS_ORDER = Object.fromEntries(TIMELINESS.map((s, i) => [s, i])) as Record<Timeliness, number>;

const overviewService = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = (): Knex => strapi.db.connection as unknown as Knex;
  const meta = (uid: string) => {
    const m = strapi.db.metadata.get(uid as any);
    const col = (attribute: string) => ((m.attributes[attribute] as any)?.columnName ?? attribute) as string;
    const join = (m.attributes.organization as any)?.joinTable;
    return {
      table: m.tableName,
      col,
      link: join
        ? {
            table: join.name as string,
            source: join.joinColumn.name as string,
            target: join.inverseJoinColumn.name as string,
          }
        : null,
    };
  };

  async function organizations() {
    const o = meta(UIDS.organization);
    const rows = await knex()(o.table)
      .select({
        documentId: 'document_id',
        name: o.col('name'),
        shortName: o.col('shortName'),
        displayOrder: o.col('displayOrder'),
      })
      .where('locale', DEFAULT_LOCALE);
    return rows.map((r: any) => ({
      documentId: String(r.documentId),
      name: String(r.name),
      shortName: r.shortName ?? null,
      displayOrder: num(r.displayOrder),
    }));
  }

  /** One row per organization and year: its default-locale draft and published rows folded together. */
  async function reports(year?: number) {
    const r = meta(UIDS.report);
    const o = meta(UIDS.organization);
    const k = knex();
    const draft = (expr: string) => `CASE WHEN r.published_at IS NULL THEN ${expr} END`;
    const q = k({ r: r.table })
      .join({ l: r.link!.table }, `l.${r.link!.source}`, 'r.id')
      .join({ o: o.table }, 'o.id', `l.${r.link!.target}`)
      .where('r.locale', DEFAULT_LOCALE)
      .groupBy('o.document_id', `r.${r.col('year')}`)
      .select({ organization: 'o.document_id', year: `r.${r.col('year')}` })
      .select(
        k.raw('MAX(r.document_id) AS report'),
        k.raw('SUM(CASE WHEN r.published_at IS NULL THEN 1 ELSE 0 END) AS drafts'),
        k.raw('SUM(CASE WHEN r.published_at IS NOT NULL THEN 1 ELSE 0 END) AS published'),
        k.raw(`MAX(${draft(`r.${r.col('errorCount')}`)}) AS errors`),
        k.raw(`MAX(${draft(`r.${r.col('warningCount')}`)}) AS warnings`),
        // SQLite stores booleans as 1/0, PostgreSQL as boolean: both are valid conditions.
        k.raw(
          `MAX(CASE WHEN r.published_at IS NULL AND r.${r.col('warningsAcknowledged')} THEN 1 ELSE 0 END) AS acknowledged`,
        ),
        // Reports published before the column existed have it backfilled at start; the publication time otherwise.
        k.raw(
          `MIN(CASE WHEN r.published_at IS NOT NULL THEN COALESCE(r.${r.col('firstPublishedAt')}, r.published_at) END) AS first_published_at`,
        ),
        k.raw(`MAX(CASE WHEN r.published_at IS NOT NULL THEN r.${r.col('correctionCount')} END) AS corrections`),
      );
    if (year) q.where(`r.${r.col('year')}`, year);
    const rows = await q;
    const byKey = new Map<string, ReportAggregate & { report: string }>();
    for (const row of rows as any[]) {
      byKey.set(`${row.organization}|${Number(row.year)}`, {
        report: String(row.report),
        drafts: Number(row.drafts),
        published: Number(row.published),
        errors: num(row.errors),
        warnings: num(row.warnings),
        acknowledged: Number(row.acknowledged) > 0,
        corrections: Number(row.corrections ?? 0),
        firstPublishedAt: isoInstant(row.first_published_at),
      });
    }
    const years = [...new Set((rows as any[]).map((row) => Number(row.year)))];
    return { byKey, years };
  }

  /** Open applications per organization (GROUP BY), and those overdue today (replayed: due dates are not stored). */
  async function applications(today: string) {
    const a = meta(APPLICATION_UID);
    const o = meta(UIDS.organization);
    const k = knex();
    const base = () =>
      k({ a: a.table })
        .join({ l: a.link!.table }, `l.${a.link!.source}`, 'a.id')
        .join({ o: o.table }, 'o.id', `l.${a.link!.target}`);
    const open = await base()
      .whereIn(`a.${a.col('state')}`, OPEN_STATES)
      .groupBy('o.document_id')
      .select({ organization: 'o.document_id' })
      .count({ n: '*' });
    const received = minusDays(today, MIN_DAYS_TO_OVERDUE);
    const candidates = (await base()
      .whereIn(`a.${a.col('state')}`, RUNNING_STATES)
      .where(`a.${a.col('receivedOn')}`, '<=', received)
      .select({
        organization: 'o.document_id',
        documentId: 'a.document_id',
        receivedOn: `a.${a.col('receivedOn')}`,
        concludedOn: `a.${a.col('concludedOn')}`,
        outcome: `a.${a.col('outcome')}`,
        state: `a.${a.col('state')}`,
      })) as any[];
    const overdue = new Map<string, number>();
    if (candidates.length) {
      const calendar = (await strapi.plugin('disclosure').service(SERVICES.workingCalendar).load()) as WorkingCalendar;
      const histories = await withEvents(
        strapi,
        k(a.table)
          .select('document_id')
          .whereIn(a.col('state'), RUNNING_STATES)
          .where(a.col('receivedOn'), '<=', received),
      );
      const events = await eventsOf(
        strapi,
        candidates.map((c) => c.documentId).filter((id) => histories.has(id)),
      );
      const derive = statusDeriver(calendar, today, 0);
      for (const c of candidates) {
        const { status } = derive(c, events.get(c.documentId) ?? []);
        if (status?.urgency === 'overdue') overdue.set(c.organization, (overdue.get(c.organization) ?? 0) + 1);
      }
    }
    return { open: new Map((open as any[]).map((r) => [String(r.organization), Number(r.n)])), overdue };
  }

  /**
   * Each organization's first year with any report (computed, any state or locale; or imported) or application
   * received: MIN per organization of each, folded.
   */
  async function firstYears() {
    const k = knex();
    const o = meta(UIDS.organization);
    const firsts = new Map<string, number>();
    const fold = (rows: any[]) => {
      for (const row of rows) {
        const year = num(row.first);
        if (year === null || Number.isNaN(year)) continue;
        const key = String(row.organization);
        firsts.set(key, Math.min(firsts.get(key) ?? year, year));
      }
    };
    for (const uid of [UIDS.report, HISTORICAL]) {
      const r = meta(uid);
      fold(
        await k({ r: r.table })
          .join({ l: r.link!.table }, `l.${r.link!.source}`, 'r.id')
          .join({ o: o.table }, 'o.id', `l.${r.link!.target}`)
          .groupBy('o.document_id')
          .select({ organization: 'o.document_id' })
          .min({ first: `r.${r.col('year')}` }),
      );
    }
    const a = meta(APPLICATION_UID);
    // receivedOn is a date: its year is its first four characters on both databases (SQLite keeps the text).
    const received = (await k({ a: a.table })
      .join({ l: a.link!.table }, `l.${a.link!.source}`, 'a.id')
      .join({ o: o.table }, 'o.id', `l.${a.link!.target}`)
      .groupBy('o.document_id')
      .select({ organization: 'o.document_id' })
      .min({ first: `a.${a.col('receivedOn')}` })) as any[];
    fold(
      received.map((row) => ({ organization: row.organization, first: row.first === null ? null : yearOf(row.first) })),
    );
    return firsts;
  }

  return {
    async overview(query: OverviewQuery): Promise<OverviewAnswer> {
      const today = todayInChina();
      const lastYear = Number(today.slice(0, 4)) - 1;
      // In sequence: on SQLite the queries share one connection anyway, and on PostgreSQL it keeps the pool free.
      const orgs = await organizations();
      const { byKey, years: reportYears } = await reports(query.year);
      const apps = await applications(today);
      const firsts = await firstYears();
      const years = query.year ? [query.year] : [...new Set([...reportYears, lastYear])].sort((x, y) => y - x);

      let rows: OverviewRow[] = [];
      for (const org of orgs) {
        for (const year of years) {
          const agg = byKey.get(`${org.documentId}|${year}`);
          rows.push({
            organization: { documentId: org.documentId, name: org.name, shortName: org.shortName },
            year,
            deadline: deadlineOf(year),
            state: reportState(agg),
            timeliness: timeliness(year, agg, today, firsts.get(org.documentId) ?? null),
            report: agg?.report ?? null,
            firstPublishedAt: agg && agg.published > 0 ? agg.firstPublishedAt : null,
            corrections: agg?.corrections ?? 0,
            errors: agg?.errors ?? null,
            warnings: agg?.warnings ?? null,
            warningsAcknowledged: agg?.acknowledged ?? false,
            openApplications: apps.open.get(org.documentId) ?? 0,
            overdueApplications: apps.overdue.get(org.documentId) ?? 0,
          });
        }
      }
      const counts = {
        states: Object.fromEntries(REPORT_STATES.map((s) => [s, 0])) as Record<ReportState, number>,
        timeliness: Object.fromEntries(TIMELINESS.map((s) => [s, 0])) as Record<Timeliness, number>,
      };
      if (query.state) rows = rows.filter((r) => r.state === query.state);
      if (query.timeliness) rows = rows.filter((r) => r.timeliness === query.timeliness);
      for (const r of rows) {
        counts.states[r.state] += 1;
        counts.timeliness[r.timeliness] += 1;
      }

      const orgOrder = new Map(
        [...orgs]
          .sort(
            (x, y) =>
              (x.displayOrder ?? Infinity) - (y.displayOrder ?? Infinity) ||
              x.name.localeCompare(y.name, 'zh-Hans-CN') ||
              x.documentId.localeCompare(y.documentId),
          )
          .map((o, i) => [o.documentId, i]),
      );
      const key: Record<OverviewSort, (r: OverviewRow) => number> = {
        organization: (r) => orgOrder.get(r.organization.documentId) ?? 0,
        year: (r) => r.year,
        state: (r) => STATE_ORDER[r.state],
        errors: (r) => r.errors ?? -1,
        warnings: (r) => r.warnings ?? -1,
        overdue: (r) => r.overdueApplications,
        timeliness: (r) => TIMELINESS_ORDER[r.timeliness],
      };
      const sign = query.order === 'desc' ? -1 : 1;
      const primary = key[query.sort];
      // Ties: organization order, then the latest year first.
      rows.sort(
        (x, y) => sign * (primary(x) - primary(y)) || key.organization(x) - key.organization(y) || y.year - x.year,
      );

      const total = rows.length;
      const pageSize = query.pageSize || Math.max(total, 1);
      const page = query.pageSize ? query.page : 1;
      return {
        data: rows.slice((page - 1) * pageSize, page * pageSize),
        meta: { today, years, counts, pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } },
      };
    },
  };
};

export type OverviewService = ReturnType<typeof overviewService>;
export default { overview: overviewService };
