// The report as long-format CSV, one line per cell (RFC 4180, UTF-8 with BOM so that Excel reads Chinese, CRLF).
import { pathIn } from '../format';
import type { Locale, ReportFormat } from '../format/types';
import { type Cells, listCells } from './cells';

export const CSV_COLUMNS = [
  'table',
  'tableNumber',
  'block',
  'row',
  'rowLabel',
  'column',
  'columnLabel',
  'value',
] as const;

const quote = (field: string) => (/[",\r\n]|^\s|\s$/.test(field) ? `"${field.replace(/"/g, '""')}"` : field);

/** Values are exact: counts as integers, the fee in 万元 as stored (not rounded to the printed decimals). */
export function renderReportCsv(o: { format: ReportFormat; cells: Cells; locale: Locale }): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const ref of listCells(o.format)) {
    const value = o.cells[ref.id];
    if (value === undefined) throw new Error(`Cannot export report: cell ${ref.id} is missing`);
    lines.push(
      [
        ref.table.code,
        o.locale === 'en' ? ref.table.numberEn : ref.table.number,
        ref.block.code,
        ref.row.code,
        pathIn(ref.row, o.locale).join(' / '),
        ref.column.code,
        pathIn(ref.column, o.locale).join(' / '),
        String(value),
      ]
        .map(quote)
        .join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
