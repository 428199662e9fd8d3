/**
 * The national layout of a block as a grid with merged cells: the one implementation, used by the HTML and Excel
 * renderers, the public JSON (whose `grid` the site prints as it is) and the admin page. Pure and free of
 * decimal.js, so that the admin bundle imports it too.
 */
import { fillTemplate, labelIn, pathIn } from '../format';
import type { BlockDef, ColumnDef, Locale, TableDef } from '../format/types';
import { type CellId, type Cells, cellId } from './ids';
import { printedValue } from './print';

export { formatWan, isDecimalString, printedValue } from './print';

export type GridRole = 'corner' | 'columnGroup' | 'column' | 'rowGroup' | 'row' | 'value';

export interface GridCell {
  /** Zero-based position in the block's grid; header rows first, row labels on the left. */
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
  role: GridRole;
  text: string;
  cellId?: CellId;
  kind?: 'count' | 'money';
  /** The cell's stored value (a count, or the exact 万元 string); undefined when a snapshot lacks it. */
  value?: number | string;
}

/** What the merges are computed from: label paths as printed, in one language. */
export interface GridSpec {
  /** Text over the row labels (a block's note, else its row header); only printed when row labels are. */
  corner: string | null;
  showRowLabels: boolean;
  /** Header path of each column; the last element is the column's own label as printed. */
  columns: ReadonlyArray<readonly string[]>;
  rows: ReadonlyArray<readonly string[]>;
}

export interface Grid<C> {
  headerRows: number;
  rowLabelColumns: number;
  width: number;
  height: number;
  /** Sorted by row, then column; cells covered by a merge are absent. */
  cells: C[];
}

const samePrefix = (a: readonly string[], b: readonly string[], depth: number) =>
  a.length > depth && b.length > depth && a.slice(0, depth + 1).every((x, i) => x === b[i]);

/**
 * Merges like the national format: a group label spans the items under it (colspan over columns, rowspan over
 * rows); a label with nothing under it stretches down (columns) or right (rows) to the grid's edge. `value(i, j)`
 * gives the value cell of row i and column j.
 */
export function gridOf<V extends { text: string }>(
  spec: GridSpec,
  value: (i: number, j: number) => V,
): Grid<GridCell | (V & { row: number; col: number; rowspan: 1; colspan: 1; role: 'value' })> {
  const { columns, rows } = spec;
  const D = Math.max(...columns.map((path) => path.length));
  const R = spec.showRowLabels ? Math.max(...rows.map((path) => path.length)) : 0;
  const out: Array<GridCell | (V & { row: number; col: number; rowspan: 1; colspan: 1; role: 'value' })> = [];

  if (R > 0) out.push({ row: 0, col: 0, rowspan: D, colspan: R, role: 'corner', text: spec.corner ?? '' });

  columns.forEach((path, j) => {
    for (let d = 0; d < path.length; d++) {
      if (j > 0 && samePrefix(columns[j - 1], path, d)) continue;
      const leaf = d === path.length - 1;
      let span = 1;
      while (j + span < columns.length && samePrefix(columns[j + span], path, d)) span++;
      out.push({
        row: d,
        col: R + j,
        rowspan: leaf ? D - d : 1,
        colspan: leaf ? 1 : span,
        role: leaf ? 'column' : 'columnGroup',
        text: path[d],
      });
    }
  });

  rows.forEach((path, i) => {
    for (let d = 0; d < Math.min(R, path.length); d++) {
      if (i > 0 && samePrefix(rows[i - 1], path, d)) continue;
      const leaf = d === path.length - 1;
      let span = 1;
      while (i + span < rows.length && samePrefix(rows[i + span], path, d)) span++;
      out.push({
        row: D + i,
        col: d,
        rowspan: leaf ? 1 : span,
        colspan: leaf ? R - d : 1,
        role: leaf ? 'row' : 'rowGroup',
        text: path[d],
      });
    }
    columns.forEach((_, j) =>
      out.push({ ...value(i, j), row: D + i, col: R + j, rowspan: 1, colspan: 1, role: 'value' }),
    );
  });

  out.sort((a, b) => a.row - b.row || a.col - b.col);
  return { headerRows: D, rowLabelColumns: R, width: R + columns.length, height: D + rows.length, cells: out };
}

/** Rows of a grid, each sorted by column (for renderers that write <tr> by <tr>). */
export function gridRows<C extends { row: number }>(grid: Grid<C>): C[][] {
  const rows: C[][] = Array.from({ length: grid.height }, () => []);
  for (const cell of grid.cells) rows[cell.row].push(cell);
  return rows;
}

export interface BlockLayout extends Grid<GridCell> {
  block: BlockDef;
  caption: string | null;
}

export interface LayoutOptions {
  locale: Locale;
  cells: Cells;
  feeDecimals: number;
  /**
   * A cell the snapshot lacks: 'throw' (renderers of a publication: it cannot happen) or 'blank' (the admin page shows
   * a broken snapshot as it is, and the checks say what is wrong).
   */
  missing?: 'throw' | 'blank';
}

/** Header text of a column's own label: the fee column states its printed precision. */
export function columnLabel(column: ColumnDef, locale: Locale, feeDecimals: number): string {
  return column.decimalsLabel
    ? fillTemplate(labelIn(column.decimalsLabel, locale), { decimals: feeDecimals })
    : labelIn(column, locale);
}

/** A column's header path as printed: its own label last (with the fee's precision). */
export function columnPath(column: ColumnDef, locale: Locale, feeDecimals: number): string[] {
  const path = [...pathIn(column, locale)];
  path[path.length - 1] = columnLabel(column, locale, feeDecimals);
  return path;
}

/** The text over a block's row labels: its note (table 三's 勾稽关系) or its row header (信息内容). */
export function cornerText(block: BlockDef, locale: Locale): string | null {
  const corner = block.note ?? block.rowHeader;
  return corner ? labelIn(corner, locale) : null;
}

export const cellKind = (block: BlockDef, rowIndex: number): 'count' | 'money' =>
  block.rows[rowIndex].source.records === 'fees' ? 'money' : 'count';

export function layoutBlock(table: TableDef, block: BlockDef, opts: LayoutOptions): BlockLayout {
  const { locale, feeDecimals } = opts;
  const grid = gridOf(
    {
      corner: cornerText(block, locale),
      showRowLabels: block.showRowLabels,
      columns: block.columns.map((c) => columnPath(c, locale, feeDecimals)),
      rows: block.rows.map((r) => pathIn(r, locale)),
    },
    (i, j) => {
      const id = cellId(table.code, block.code, block.rows[i].code, block.columns[j].code);
      const value = opts.cells[id];
      const kind = cellKind(block, i);
      if (value === undefined || value === null) {
        if (opts.missing !== 'blank') throw new Error(`Cannot render report: cell ${id} is missing`);
        return { text: '', cellId: id, kind, value: undefined };
      }
      return { text: printedValue(kind, value, feeDecimals), cellId: id, kind, value };
    },
  );
  return { ...grid, block, caption: block.caption ? labelIn(block.caption, locale) : null };
}

export function layoutTable(table: TableDef, opts: LayoutOptions): BlockLayout[] {
  return table.blocks.map((b) => layoutBlock(table, b, opts));
}
