// The Excel workbook, loaded back with exceljs: sheets, numbers, merges, fee format.
import ExcelJS from 'exceljs';
import { getFormat } from '../../format';
import { type Cells, emptyCells, listCells } from '../cells';
import { renderReportXlsx } from '../render-xlsx';

const format = getFormat('gov-2021');
const FEE = 'proactive.fees.fee.amount';

/** Distinct values, so that each one can be found again in the sheet. */
function distinctCells(): Cells {
  const cells: Cells = { ...emptyCells(format) };
  listCells(format).forEach((r, i) => (cells[r.id] = r.kind === 'money' ? '24252.311082' : i + 1));
  return cells;
}

async function load(buffer: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

describe('renderReportXlsx', () => {
  const cells = distinctCells();
  const options = {
    format,
    cells,
    organizationName: '驻马店市公共资源交易中心',
    year: 2021,
    locale: 'zh-Hans' as const,
    feeDecimals: 4,
  };

  it('writes one worksheet per table, named from the declaration', async () => {
    const wb = await load(await renderReportXlsx(options));
    expect(wb.worksheets.map((w) => w.name)).toEqual(format.tables.map((t) => t.sheetName));
    const en = await load(await renderReportXlsx({ ...options, locale: 'en' }));
    expect(en.worksheets.map((w) => w.name)).toEqual(format.tables.map((t) => t.sheetNameEn));
  });

  it('stores every value as a number, in the row of its label and the order of the columns', async () => {
    const wb = await load(await renderReportXlsx(options));
    for (const table of format.tables) {
      const ws = wb.getWorksheet(table.sheetName)!;
      const numbers: number[] = [];
      ws.eachRow((row) => row.eachCell((c) => typeof c.value === 'number' && numbers.push(c.value)));
      const expected = listCells(format)
        .filter((r) => r.table === table)
        .map((r) => Number(cells[r.id]));
      expect(numbers.sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
    }
    const [block] = format.tables[1].blocks;
    const ws = wb.getWorksheet(format.tables[1].sheetName)!;
    for (const row of block.rows) {
      let found = false;
      ws.eachRow((r) => {
        const values = (r.values as unknown[]).slice(1);
        if (!values.includes(row.label)) return;
        found = true;
        expect(values.slice(-7)).toEqual(block.columns.map((c) => cells[`applications.main.${row.code}.${c.code}`]));
      });
      expect(found).toBe(true);
    }
  });

  it('merges the headers like the national format and formats the fee with the chosen decimals', async () => {
    const wb = await load(await renderReportXlsx({ ...options, feeDecimals: 2 }));
    const three = wb.getWorksheet(format.tables[1].sheetName)!;
    const merges = (three.model as unknown as { merges: string[] }).merges;
    // Corner (3×3 over the row labels), 申请人情况 (7 wide), 法人或其他组织 (5 wide), 三、本年度办理结果 (22 high).
    expect(merges).toEqual(expect.arrayContaining(['A4:C6', 'D4:J4', 'E5:I5', 'A9:A30']));
    const four = wb.getWorksheet(format.tables[2].sheetName)!;
    expect((four.model as unknown as { merges: string[] }).merges).toEqual(
      expect.arrayContaining(['A4:E4', 'F4:O4', 'F5:J5', 'K5:O5', 'A5:A6']),
    );
    const two = wb.getWorksheet(format.tables[0].sheetName)!;
    let fee: ExcelJS.Cell | undefined;
    two.eachRow((r) => r.eachCell((c) => c.value === Number(cells[FEE]) && (fee = c)));
    expect(fee?.numFmt).toBe('0.00');
    expect(three.getColumn(3).width).toBeGreaterThan(three.getColumn(4).width!);
  });
});
