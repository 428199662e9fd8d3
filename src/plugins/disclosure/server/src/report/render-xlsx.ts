// The report as an Excel workbook: one worksheet per table, merged headers like the national format, real numbers.
import ExcelJS from 'exceljs';
import { fillTemplate, headingIn, textIn } from '../format';
import type { Locale, ReportFormat } from '../format/types';
import type { Cells } from './cells';
import { type GridCell, layoutTable } from './layout';

export interface RenderXlsxOptions {
  format: ReportFormat;
  cells: Cells;
  organizationName: string;
  year: number;
  locale: Locale;
  /** Decimals of the fee's number format (0..6); the stored number keeps its exact digits. */
  feeDecimals?: number;
}

const THIN = { style: 'thin' as const };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };

/** Display width in Excel's units, counting CJK characters as two. */
const displayWidth = (s: string) => [...s].reduce((w, ch) => w + (/[\u0000-\u00ff]/.test(ch) ? 1 : 2), 0);

export async function renderReportXlsx(o: RenderXlsxOptions): Promise<Buffer> {
  const feeDecimals = o.feeDecimals ?? 4;
  const feeFormat = feeDecimals === 0 ? '0' : `0.${'0'.repeat(feeDecimals)}`;
  const wb = new ExcelJS.Workbook();
  const title = fillTemplate(textIn(o.format.texts.documentTitle, o.locale), {
    organization: o.organizationName,
    year: o.year,
  });
  wb.title = title;

  for (const table of o.format.tables) {
    const ws = wb.addWorksheet(o.locale === 'en' ? table.sheetNameEn : table.sheetName);
    const layouts = layoutTable(table, { locale: o.locale, cells: o.cells, feeDecimals });
    const width = Math.max(...layouts.map((l) => l.width));
    const widths: number[] = Array.from({ length: width }, () => 8);

    const banner = (rowNo: number, text: string, size: number) => {
      ws.mergeCells(rowNo, 1, rowNo, width);
      const cell = ws.getCell(rowNo, 1);
      cell.value = text;
      cell.font = { bold: true, size };
      cell.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
    };
    banner(1, title, 14);
    banner(2, headingIn(table, o.locale), 12);
    let top = 4;

    for (const layout of layouts) {
      if (layout.caption) banner(top++, layout.caption, 11);
      for (const g of layout.cells) {
        const r = top + g.row;
        const c = 1 + g.col;
        if (g.rowspan > 1 || g.colspan > 1) ws.mergeCells(r, c, r + g.rowspan - 1, c + g.colspan - 1);
        const cell = ws.getCell(r, c);
        writeCell(cell, g, feeFormat);
        // Borders on every cell of a merge, or Excel draws only the top-left one.
        for (let i = 0; i < g.rowspan; i++)
          for (let j = 0; j < g.colspan; j++) ws.getCell(r + i, c + j).border = BORDER;
        if (g.colspan === 1)
          widths[g.col] = Math.max(widths[g.col], Math.min(displayWidth(g.text) + 2, g.role === 'value' ? 16 : 44));
      }
      top += layout.height + 1;
    }
    widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function writeCell(cell: ExcelJS.Cell, g: GridCell, feeFormat: string) {
  if (g.role !== 'value') {
    cell.value = g.text;
    cell.fill = HEADER_FILL;
    const left = g.role === 'row' || g.role === 'rowGroup';
    cell.alignment = { horizontal: left ? 'left' : 'center', vertical: 'middle', wrapText: true };
    return;
  }
  cell.alignment = { horizontal: 'center', vertical: 'middle' };
  if (g.kind === 'money' && typeof g.value === 'string' && /^\d+(\.\d+)?$/.test(g.value)) {
    cell.value = Number(g.value);
    cell.numFmt = feeFormat;
  } else if (typeof g.value === 'number') {
    cell.value = g.value;
    cell.numFmt = '0';
  } else {
    cell.value = g.text;
  }
}
