// Cell ids, built from the declaration's codes. Pure (no decimal.js), shared with the admin bundle.

/**
 * A cell id is `${table}.${block}.${row}.${column}`, built from the declaration's codes, e.g.
 * `applications.main.withheld.stateSecret.total` or `proactive.fees.fee.amount`. Table, block and column codes
 * contain no dot; row codes may (withheld.stateSecret), so the row is everything between the 2nd and the last dot.
 */
export type CellId = string;
/** Counts are whole numbers; the fee cell is an exact decimal string in 万元 ("0.0003"). */
export type Cells = Record<CellId, number | string>;

export const cellId = (table: string, block: string, row: string, column: string): CellId =>
  `${table}.${block}.${row}.${column}`;

export function parseCellId(id: CellId): { table: string; block: string; row: string; column: string } {
  const parts = id.split('.');
  if (parts.length < 4) throw new Error(`Not a cell id: "${id}"`);
  return { table: parts[0], block: parts[1], row: parts.slice(2, -1).join('.'), column: parts[parts.length - 1] };
}
