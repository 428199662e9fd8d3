/**
 * The national layout of one block as a grid of merged cells, for the admin page. It mirrors
 * server/src/report/layout.ts (same merge rules, same order) but is reimplemented here because layout.ts pulls
 * decimal.js through report/money.ts and throws on a missing cell, whereas the page must show a broken snapshot as
 * it is. Only types are imported from the server (erased at build time).
 */
import type {
  Bilingual,
  BlockDef,
  ColumnDef,
  Labelled,
  ReportFormat,
  RowDef,
  TableDef,
} from '../../../../server/src/format/types';

export type CellValue = number | string;
export type Cells = Record<string, CellValue>;

export type GridRole = 'corner' | 'columnGroup' | 'column' | 'rowGroup' | 'row' | 'value';

export interface GridCell {
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
  role: GridRole;
  text: string;
  /** Value cells only. */
  cellId?: string;
  kind?: 'count' | 'money';
  /** The stored value; undefined when the snapshot lacks the cell. */
  value?: CellValue;
}

export interface BlockLayout {
  block: BlockDef;
  caption: string | null;
  headerRows: number;
  rowLabelColumns: number;
  /** Grid rows, each sorted by column; cells covered by a merge are absent. */
  rows: GridCell[][];
}

export const labelIn = (item: Labelled, en: boolean) => (en ? item.labelEn : item.label);
export const textIn = (text: Bilingual, en: boolean) => (en ? text.en : text.zh);
const pathIn = (item: { path: readonly string[]; pathEn: readonly string[] }, en: boolean) => (en ? item.pathEn : item.path);

/** Replaces {name} placeholders; unknown ones are left as they are. */
export function fillTemplate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export const cellId = (table: string, block: string, row: string, column: string) => `${table}.${block}.${row}.${column}`;

const DECIMAL = /^\d+(\.\d+)?$/;

/**
 * Prints an exact decimal string in 万元 with a fixed number of decimals, rounding half up, without floats
 * ("0" → "0.0000", "24252.311082" with 4 → "24252.3111"). Anything that is not a decimal string is printed as it is.
 */
export function formatWan(value: CellValue, decimals: number): string {
  const text = String(value);
  if (!DECIMAL.test(text) || !Number.isInteger(decimals) || decimals < 0) return text;
  const [whole, fraction = ''] = text.split('.');
  if (fraction.length <= decimals) {
    return decimals === 0 ? whole : `${whole}.${fraction.padEnd(decimals, '0')}`;
  }
  let digits = BigInt(whole + fraction.slice(0, decimals));
  if (fraction.charCodeAt(decimals) >= '5'.charCodeAt(0)) digits += BigInt(1);
  const out = digits.toString().padStart(decimals + 1, '0');
  return decimals === 0 ? out : `${out.slice(0, -decimals)}.${out.slice(-decimals)}`;
}

const samePrefix = (a: readonly string[], b: readonly string[], depth: number) =>
  a.length > depth && b.length > depth && a.slice(0, depth + 1).every((x, i) => x === b[i]);

function columnLabel(column: ColumnDef, en: boolean, feeDecimals: number) {
  return column.decimalsLabel
    ? fillTemplate(labelIn(column.decimalsLabel, en), { decimals: feeDecimals })
    : labelIn(column, en);
}

const isMoney = (row: RowDef) => row.source.records === 'fees';

/** Value as printed: counts as they are (0 stays 0), the fee in 万元 with the configured decimals. */
export function printValue(value: CellValue | undefined, kind: 'count' | 'money', feeDecimals: number): string {
  if (value === undefined || value === null) return '';
  return kind === 'money' ? formatWan(value, feeDecimals) : String(value);
}

export function layoutBlock(
  table: TableDef,
  block: BlockDef,
  opts: { en: boolean; cells: Cells; feeDecimals: number },
): BlockLayout {
  const { en } = opts;
  const D = Math.max(...block.columns.map((c) => c.path.length));
  const R = block.showRowLabels ? Math.max(...block.rows.map((r) => r.path.length)) : 0;
  const out: GridCell[] = [];

  const corner = block.note ?? block.rowHeader;
  if (R > 0) out.push({ row: 0, col: 0, rowspan: D, colspan: R, role: 'corner', text: corner ? labelIn(corner, en) : '' });

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
        text: leaf ? columnLabel(column, en, opts.feeDecimals) : pathIn(column, en)[d],
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
        text: pathIn(row, en)[d],
      });
    }
    block.columns.forEach((column, j) => {
      const id = cellId(table.code, block.code, row.code, column.code);
      const value = opts.cells[id];
      const kind = isMoney(row) ? 'money' : 'count';
      out.push({
        row: D + i,
        col: R + j,
        rowspan: 1,
        colspan: 1,
        role: 'value',
        text: printValue(value, kind, opts.feeDecimals),
        cellId: id,
        kind,
        value,
      });
    });
  });

  const rows: GridCell[][] = Array.from({ length: D + block.rows.length }, () => []);
  for (const cell of out) rows[cell.row].push(cell);
  for (const r of rows) r.sort((a, b) => a.col - b.col);
  return { block, caption: block.caption ? labelIn(block.caption, en) : null, headerRows: D, rowLabelColumns: R, rows };
}

export interface CellInfo {
  id: string;
  table: TableDef;
  block: BlockDef;
  row: RowDef;
  column: ColumnDef;
}

/** Every cell of the format by id, to name cells in problems and in the records panel. */
export function indexCells(format: ReportFormat): Map<string, CellInfo> {
  const out = new Map<string, CellInfo>();
  for (const table of format.tables)
    for (const block of table.blocks)
      for (const row of block.rows)
        for (const column of block.columns) {
          const id = cellId(table.code, block.code, row.code, column.code);
          out.set(id, { id, table, block, row, column });
        }
  return out;
}

/** "表三「一、本年新收…」行「申请人情况 · 自然人」列", as the server's checks name cells. */
export function describeCell(format: ReportFormat, info: CellInfo | undefined, id: string, en: boolean): string {
  if (!info) return id;
  return fillTemplate(textIn(format.texts.cellReference, en), {
    table: en ? info.table.numberEn : info.table.number,
    row: pathIn(info.row, en).join(' · '),
    column: pathIn(info.column, en).join(' · '),
  });
}
