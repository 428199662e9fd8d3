/**
 * The admin page's view of the report grid: the server's one layout module (server/src/report/layout.ts, pure and
 * free of decimal.js), with a missing cell shown blank so that the page shows a broken snapshot as it is, plus the
 * cell index and names the problems and the records panel use.
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
import { fillTemplate } from '../../../../server/src/format';
import { cellId } from '../../../../server/src/report/ids';
import {
  type BlockLayout as ServerBlockLayout,
  type GridCell,
  gridRows,
  layoutBlock as serverLayoutBlock,
  printedValue,
} from '../../../../server/src/report/layout';

export type { GridCell, GridRole } from '../../../../server/src/report/layout';
export type CellValue = number | string;
export type Cells = Record<string, CellValue>;

export interface BlockLayout extends ServerBlockLayout {
  /** Grid rows, each sorted by column; cells covered by a merge are absent. */
  rows: GridCell[][];
}

export const labelIn = (item: Labelled, en: boolean) => (en ? item.labelEn : item.label);
export const textIn = (text: Bilingual, en: boolean) => (en ? text.en : text.zh);
const pathIn = (item: { path: readonly string[]; pathEn: readonly string[] }, en: boolean) =>
  en ? item.pathEn : item.path;

/** A value as printed (the server's rule); a value the snapshot lacks prints empty. */
export function printValue(value: CellValue | undefined, kind: 'count' | 'money', feeDecimals: number): string {
  return value === undefined || value === null ? '' : printedValue(kind, value, feeDecimals);
}

/** An amount printed with fixed decimals; anything that is not a decimal string is printed as it is. */
export const formatWan = (value: CellValue, decimals: number): string => printedValue('money', value, decimals);

export function layoutBlock(
  table: TableDef,
  block: BlockDef,
  opts: { en: boolean; cells: Cells; feeDecimals: number },
): BlockLayout {
  const layout = serverLayoutBlock(table, block, {
    locale: opts.en ? 'en' : 'zh-Hans',
    cells: opts.cells,
    feeDecimals: opts.feeDecimals,
    missing: 'blank',
  });
  return { ...layout, rows: gridRows(layout) };
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
