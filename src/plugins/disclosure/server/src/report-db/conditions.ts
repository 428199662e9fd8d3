/**
 * DOMAIN.md's definitions of how records become cells, as SQL conditions: written once, used by the GROUP BY
 * queries (inside SUM(CASE WHEN …)) and by the drill-down that lists a cell's records (in WHERE).
 */
import { yearBounds } from './tables';

export type Condition = { sql: string; bindings: string[] };

/** Conditions on an application aliased `a`; `c` gives a column name of an attribute. */
export function applicationMeasure(measure: 'received' | 'carriedOver' | 'concluded' | 'carriedForward', year: number, c: (attribute: string) => string): Condition {
  const { start, end } = yearBounds(year);
  const received = `a.${c('receivedOn')}`;
  const concluded = `a.${c('concludedOn')}`;
  switch (measure) {
    case 'received':
      return { sql: `${received} >= ? AND ${received} <= ?`, bindings: [start, end] };
    case 'carriedOver':
      return { sql: `${received} < ? AND (${concluded} IS NULL OR ${concluded} >= ?)`, bindings: [start, start] };
    case 'concluded':
      return { sql: `${concluded} >= ? AND ${concluded} <= ?`, bindings: [start, end] };
    case 'carriedForward':
      return { sql: `${received} <= ? AND (${concluded} IS NULL OR ${concluded} > ?)`, bindings: [end, end] };
  }
}

/** Applications that can count anywhere in the year's table: alive at some point in it. */
export function applicationInYear(year: number, c: (attribute: string) => string): Condition {
  const { start, end } = yearBounds(year);
  return { sql: `a.${c('receivedOn')} <= ? AND (a.${c('concludedOn')} IS NULL OR a.${c('concludedOn')} >= ?)`, bindings: [end, start] };
}

/** A case's result as it stood on 31 December (aliased `k`): concluded later means still pending in this report. */
export function caseResultOnDec31(year: number, c: (attribute: string) => string): Condition {
  const { end } = yearBounds(year);
  return { sql: `CASE WHEN k.${c('concludedOn')} IS NOT NULL AND k.${c('concludedOn')} <= ? THEN k.${c('result')} ELSE 'pending' END`, bindings: [end] };
}

/** A policy document's measures, on the columns issuedOn / repealedOn of a row aliased `d`. */
export function documentMeasure(measure: 'issued' | 'repealed' | 'inForce', year: number, issuedOn = 'd.issued_on', repealedOn = 'd.repealed_on'): Condition {
  const { start, end } = yearBounds(year);
  switch (measure) {
    case 'issued':
      return { sql: `${issuedOn} >= ? AND ${issuedOn} <= ?`, bindings: [start, end] };
    case 'repealed':
      return { sql: `${repealedOn} >= ? AND ${repealedOn} <= ?`, bindings: [start, end] };
    case 'inForce':
      return { sql: `${issuedOn} <= ? AND (${repealedOn} IS NULL OR ${repealedOn} > ?)`, bindings: [end, end] };
  }
}
