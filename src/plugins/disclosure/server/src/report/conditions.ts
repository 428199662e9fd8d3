/**
 * DOMAIN.md's definitions of how records become cells, declared once as small conditions on a record's dates and
 * compiled twice: to a predicate for the in-memory reference computation (cells.ts) and to SQL for the GROUP BY
 * queries and the drill-down (report-db/conditions.ts). Neither side writes a comparison of its own, so the two
 * cannot drift apart. Pure: no Strapi, no database.
 */
import type { ApplicationMeasure, DocumentMeasure } from '../format/types';

/** The first and the last day of the report year ('YYYY-MM-DD'). */
export type Bound = 'start' | 'end';

/**
 * A condition on date fields ('YYYY-MM-DD' strings, or null when not set). As in SQL, a comparison with a null field
 * is false; `nullOr` is how a condition says "not set, or …".
 */
export type Condition<F extends string = string> =
  | { op: '<' | '<=' | '>' | '>='; field: F; bound: Bound }
  | { op: 'inYear'; field: F }
  | { op: 'set'; field: F }
  | { op: 'nullOr'; field: F; then: Condition<F> }
  | { op: 'and'; of: ReadonlyArray<Condition<F>> };

const cmp =
  (op: '<' | '<=' | '>' | '>=') =>
  <F extends string>(field: F, bound: Bound): Condition<F> => ({ op, field, bound });
const lt = cmp('<');
const le = cmp('<=');
const gt = cmp('>');
const ge = cmp('>=');
const inYear = <F extends string>(field: F): Condition<F> => ({ op: 'inYear', field });
const set = <F extends string>(field: F): Condition<F> => ({ op: 'set', field });
const nullOr = <F extends string>(field: F, then: Condition<F>): Condition<F> => ({ op: 'nullOr', field, then });
const and = <F extends string>(...of: Condition<F>[]): Condition<F> => ({ op: 'and', of });

export type ApplicationDate = 'receivedOn' | 'concludedOn';
export type DocumentDate = 'issuedOn' | 'repealedOn';
export type CaseDate = 'filedOn' | 'concludedOn';

/**
 * received = received in the year; carriedOver = received before the year and not concluded before its first day;
 * concluded (by outcome) = concluded in the year; carriedForward = received by 31 December and not concluded by then.
 * Hence received + carriedOver = concluded + carriedForward for every set of valid records.
 */
export const APPLICATION_MEASURES: Readonly<Record<ApplicationMeasure, Condition<ApplicationDate>>> = {
  received: inYear('receivedOn'),
  carriedOver: and(lt('receivedOn', 'start'), nullOr('concludedOn', ge('concludedOn', 'start'))),
  concluded: inYear('concludedOn'),
  carriedForward: and(le('receivedOn', 'end'), nullOr('concludedOn', gt('concludedOn', 'end'))),
};

/** Applications that can count anywhere in the year's table: alive at some point in it (a filter, not a cell). */
export const APPLICATION_IN_YEAR: Condition<ApplicationDate> = and(
  le('receivedOn', 'end'),
  nullOr('concludedOn', ge('concludedOn', 'start')),
);

/** issued / repealed in the year; inForce = issued on or before 31 December and not repealed by then. */
export const DOCUMENT_MEASURES: Readonly<Record<DocumentMeasure, Condition<DocumentDate>>> = {
  issued: inYear('issuedOn'),
  repealed: inYear('repealedOn'),
  inForce: and(le('issuedOn', 'end'), nullOr('repealedOn', gt('repealedOn', 'end'))),
};

/** A case counts in the year it was filed… */
export const CASE_COUNTED: Condition<CaseDate> = inYear('filedOn');
/** …with its result if concluded by 31 December, else as pending. */
export const CASE_CONCLUDED_BY_YEAR_END: Condition<CaseDate> = and(set('concludedOn'), le('concludedOn', 'end'));

/** Decisions made in the year; fees collected in the year. */
export const DECISION_COUNTED: Condition<'decidedOn'> = inYear('decidedOn');
export const FEE_COUNTED: Condition<'collectedOn'> = inYear('collectedOn');

export function yearBounds(year: number): Record<Bound, string> {
  return { start: `${year}-01-01`, end: `${year}-12-31` };
}

/** The condition as a predicate over a record's fields. */
export function holds<F extends string>(
  cond: Condition<F>,
  record: Readonly<Record<F, string | null>>,
  bounds: Record<Bound, string>,
): boolean {
  switch (cond.op) {
    case 'inYear': {
      const d = record[cond.field];
      return d !== null && d >= bounds.start && d <= bounds.end;
    }
    case 'set':
      return record[cond.field] !== null;
    case 'nullOr':
      return record[cond.field] === null || holds(cond.then, record, bounds);
    case 'and':
      return cond.of.every((c) => holds(c, record, bounds));
    default: {
      const d = record[cond.field];
      if (d === null) return false;
      const b = bounds[cond.bound];
      return cond.op === '<' ? d < b : cond.op === '<=' ? d <= b : cond.op === '>' ? d > b : d >= b;
    }
  }
}

export type SqlCondition = { sql: string; bindings: string[] };

/**
 * The condition as SQL with `?` bindings; `column` gives a field's qualified column (e.g. `a.received_on`). Dates are
 * stored as DATE (PostgreSQL) or 'YYYY-MM-DD' text (SQLite): both compare with a bound date string as the predicate does.
 */
export function toSql<F extends string>(
  cond: Condition<F>,
  bounds: Record<Bound, string>,
  column: (field: F) => string,
): SqlCondition {
  switch (cond.op) {
    case 'inYear': {
      const c = column(cond.field);
      return { sql: `${c} >= ? AND ${c} <= ?`, bindings: [bounds.start, bounds.end] };
    }
    case 'set':
      return { sql: `${column(cond.field)} IS NOT NULL`, bindings: [] };
    case 'nullOr': {
      const then = toSql(cond.then, bounds, column);
      return { sql: `(${column(cond.field)} IS NULL OR ${then.sql})`, bindings: then.bindings };
    }
    case 'and': {
      const parts = cond.of.map((c) => toSql(c, bounds, column));
      return { sql: parts.map((p) => p.sql).join(' AND '), bindings: parts.flatMap((p) => p.bindings) };
    }
    default:
      return { sql: `${column(cond.field)} ${cond.op} ?`, bindings: [bounds[cond.bound]] };
  }
}
