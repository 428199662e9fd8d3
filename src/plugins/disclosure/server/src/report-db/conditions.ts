/**
 * The counting rules of report/conditions.ts compiled to SQL, for the GROUP BY queries (inside SUM(CASE WHEN …)) and
 * the drill-down that lists a cell's records (in WHERE). The rules themselves are declared there, once, and compiled
 * to the in-memory reference computation too.
 */
import {
  APPLICATION_IN_YEAR,
  APPLICATION_MEASURES,
  CASE_CONCLUDED_BY_YEAR_END,
  CASE_COUNTED,
  DECISION_COUNTED,
  DOCUMENT_MEASURES,
  FEE_COUNTED,
  type SqlCondition,
  toSql,
  yearBounds,
} from '../report/conditions';

export type Condition = SqlCondition;

/** Conditions on an application aliased `a`; `c` gives a column name of an attribute. */
export function applicationMeasure(
  measure: keyof typeof APPLICATION_MEASURES,
  year: number,
  c: (attribute: string) => string,
): Condition {
  return toSql(APPLICATION_MEASURES[measure], yearBounds(year), (f) => `a.${c(f)}`);
}

/** Applications that can count anywhere in the year's table: alive at some point in it. */
export function applicationInYear(year: number, c: (attribute: string) => string): Condition {
  return toSql(APPLICATION_IN_YEAR, yearBounds(year), (f) => `a.${c(f)}`);
}

/** Cases (aliased `k`) filed in the year. */
export function caseCounted(year: number, c: (attribute: string) => string): Condition {
  return toSql(CASE_COUNTED, yearBounds(year), (f) => `k.${c(f)}`);
}

/** A case's result as it stood on 31 December (aliased `k`): concluded later means still pending in this report. */
export function caseResultOnDec31(year: number, c: (attribute: string) => string): Condition {
  const concluded = toSql(CASE_CONCLUDED_BY_YEAR_END, yearBounds(year), (f) => `k.${c(f)}`);
  return { sql: `CASE WHEN ${concluded.sql} THEN k.${c('result')} ELSE 'pending' END`, bindings: concluded.bindings };
}

/** A policy document's measures, on the columns issuedOn / repealedOn of a row aliased `d`. */
export function documentMeasure(
  measure: keyof typeof DOCUMENT_MEASURES,
  year: number,
  issuedOn = 'd.issued_on',
  repealedOn = 'd.repealed_on',
): Condition {
  return toSql(DOCUMENT_MEASURES[measure], yearBounds(year), (f) => (f === 'issuedOn' ? issuedOn : repealedOn));
}

/** Decisions made in the year, on a row aliased `alias`. */
export function decisionCounted(year: number, c: (attribute: string) => string, alias = 'x'): Condition {
  return toSql(DECISION_COUNTED, yearBounds(year), (f) => `${alias}.${c(f)}`);
}

/** Fees collected in the year, on a row aliased `alias`. */
export function feeCounted(year: number, c: (attribute: string) => string, alias = 'f'): Condition {
  return toSql(FEE_COUNTED, yearBounds(year), (f) => `${alias}.${c(f)}`);
}
