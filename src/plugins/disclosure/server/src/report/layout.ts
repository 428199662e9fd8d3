// The national layout of one block as a grid with merged cells, shared by the HTML and the Excel renderers.
import { fillTemplate, labelIn, pathIn } from '../format';
import type { BlockDef, ColumnDef, Locale, TableDef } from '../format/types';
import { type CellId, type Cells, cellId } from './cells';
import { formatWan, isDecimalString } from './money';

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
  /** The cell's stored value (a count, or the exact 万元 string). */
  value?: number | string;
}

export interface BlockLayout {
  block: BlockDef;
  caption: string | null;
  headerRows: number;
  rowLabelColumns: number;
  width: number;
  height: number;
  /** Sorted by row, then column; cells covered by a merge are absent. */
  cells: GridCell[];
}

export interface LayoutOptions {
  locale: Locale;
  cells: Cells;
  feeDecimals: number;
}

/**
 * The one rule for printing a cell, used by every rendering (printable page, Excel, the public JSON's `display` that
 * the site prints): counts as they are, the fee in 万元 with the report's fee decimals ("0" → "0.0000"). Invalid
 * values are printed as they are so that a preview shows what the checks complain about.
 */
export function printedValue(kind: 'count' | 'money', value: number | string, feeDecimals: number): string {
  return kind === 'money' && isDecimalString(value) ? formatWan(value, feeDecimals) : String(value);
}

const samePrefix = (a: readonly string[], b: readonly string[], depth: number) =>
  a.length > depth && b.length > depth && a.slice(0, depth + 1).every((x, i) => x === b[i]);

/** Header text of a column's own label: the fee column states its printed precision. */
export function columnLabel(column: ColumnDef, locale: Locale, feeDecimals: number): string {
  return column.decimalsLabel
    ? fillTemplate(labelIn(column.decimalsLabel, locale), { decimals: feeDecimals })
    : labelIn(column, locale);
}

/**
 * Merges like the national format: a group label spans the items under it (colspan over columns, rowspan over
 * rows); a label with nothing under it stretches down (columns) or right (rows) to the grid's edge.
 */
export function layoutBlock(table: TableDef, block: BlockDef, opts: LayoutOptions): BlockLayout {
  const { locale } = opts;
  const D = Math.max(...block.columns.map((c) => c.path.length));
  const R = block.showRowLabels ? Math.max(...block.rows.map((r) => r.path.length)) : 0;
  const out: GridCell[] = [];

  const corner = block.note ?? block.rowHeader;
  if (R > 0)
    out.push({ row: 0, col: 0, rowspan: D, colspan: R, role: 'corner', text: corner ? labelIn(corner, locale) : '' });

  block.columns.forEach((column, j) => {
    for (let d = 0; d < column.path.length; d++) {
      if (j > 0 && samePrefix(block.columns[j - 1].path, column.path, d)) continue;
      const leaf = d === column.path.length - 1;
      let span = 1;
      while (j + span < block.columns.length && samePrefix(block.columns[j + span].path, column.path, d)) span++;
      out.push({
        row: d,
        col: R + j,
        rowspan: leaf ? D - d : 1,
        colspan: leaf ? 1 : span,
        role: leaf ? 'column' : 'columnGroup',
        text: leaf ? columnLabel(column, locale, opts.feeDecimals) : pathIn(column, locale)[d],
      });
    }
  });

  block.rows.forEach((row, i) => {
    for (let d = 0; d < Math.min(R, row.path.length); d++) {
      if (i > 0 && samePrefix(block.rows[i - 1].path, row.path, d)) continue;
      const leaf = d === row.path.length - 1;
      let span = 1;
      while (i + span < block.rows.length && samePrefix(block.rows[i + span].path, row.path, d)) span++;
      out.push({
        row: D + i,
        col: d,
        rowspan: leaf ? 1 : span,
        colspan: leaf ? R - d : 1,
        role: leaf ? 'row' : 'rowGroup',
        text: pathIn(row, locale)[d],
      });
    }
    block.columns.forEach((column, j) => {
      const id = cellId(table.code, block.code, row.code, column.code);
      const value = opts.cells[id];
      if (value === undefined) throw new Error(`Cannot render report: cell ${id} is missing`);
      const kind = row.source.records === 'fees' ? 'money' : 'count';
      const text = printedValue(kind, value, opts.feeDecimals);
      out.push({ row: D + i, col: R + j, rowspan: 1, colspan: 1, role: 'value', text, cellId: id, kind, value });
    });
  });

  out.sort((a, b) => a.row - b.row || a.col - b.col);
  return {
    block,
    caption: block.caption ? labelIn(block.caption, locale) : null,
    headerRows: D,
    rowLabelColumns: R,
    width: R + block.columns.length,
    height: D + block.rows.length,
    cells: out,
  };
}

export function layoutTable(table: TableDef, opts: LayoutOptions): BlockLayout[] {
  return table.blocks.map((b) => layoutBlock(table, b, opts));
}
