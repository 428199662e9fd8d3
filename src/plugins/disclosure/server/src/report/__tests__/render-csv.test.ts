// Long-format CSV: RFC 4180, BOM, CRLF, one line per cell, exact values.
import fc from 'fast-check';
import { getFormat, labelIn } from '../../format';
import { cellId, cellsFromRecords, listCells } from '../cells';
import { CSV_COLUMNS, renderReportCsv } from '../render-csv';
import { YEAR, recordSetsArb } from './arbitraries';

const format = getFormat('gov-2021');

/** A strict RFC 4180 reader for the test: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field || row.length) throw new Error('CSV does not end with CRLF');
  return rows;
}

describe('renderReportCsv', () => {
  it('writes a BOM, a header and one CRLF line per cell, and round-trips the values', () => {
    fc.assert(
      fc.property(recordSetsArb, fc.constantFrom('zh-Hans' as const, 'en' as const), (records, locale) => {
        const cells = cellsFromRecords(format, records, YEAR);
        const csv = renderReportCsv({ format, cells, locale });
        expect(csv.startsWith('\uFEFF')).toBe(true);
        expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
        const [header, ...lines] = parseCsv(csv.slice(1));
        expect(header).toEqual([...CSV_COLUMNS]);
        expect(lines).toHaveLength(listCells(format).length);
        for (const [table, , block, row, , column, , value] of lines) {
          const id = cellId(table, block, row, column);
          expect(value).toBe(String(cells[id]));
        }
      }),
      { numRuns: 30 },
    );
  });

  it('uses the labels of the locale, quoted where needed, and the exact fee', () => {
    const cells = { ...cellsFromRecords(format, {}, YEAR), 'proactive.fees.fee.amount': '24252.311082' };
    const rows = parseCsv(renderReportCsv({ format, cells, locale: 'en' }).slice(1));
    const ref = listCells(format).find((r) => r.id === 'applications.main.withheld.threeSecurities.total')!;
    const line = rows.find((r) => r[3] === 'withheld.threeSecurities' && r[5] === 'total')!;
    expect(line[1]).toBe('III');
    expect(line[4]).toContain(labelIn(ref.row, 'en'));
    expect(rows.find((r) => r[3] === 'fee')![7]).toBe('24252.311082');
    const zh = parseCsv(renderReportCsv({ format, cells, locale: 'zh-Hans' }).slice(1));
    expect(zh.find((r) => r[3] === 'withheld.threeSecurities' && r[5] === 'total')![4]).toBe(ref.row.path.join(' / '));
  });
});
