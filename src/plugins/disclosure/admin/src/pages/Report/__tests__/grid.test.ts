/**
 * The admin page's grid builder and fee printing are reimplemented (the server's pull decimal.js and throw on a
 * missing cell): they must lay out and print exactly like the server's renderers.
 */
import fc from 'fast-check';
import { formatWan, layoutBlock, printValue } from '../grid';
import { formatWan as serverFormatWan } from '../../../../../server/src/report/money';
import { layoutBlock as serverLayoutBlock } from '../../../../../server/src/report/layout';
import { emptyCells } from '../../../../../server/src/report/cells';
import { getFormat } from '../../../../../server/src/format';

const format = getFormat('gov-2021');

test('fees print like the server: exact, half up, the configured decimals', () => {
  fc.assert(
    fc.property(fc.bigInt({ min: 0n, max: 10n ** 14n }), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 6 }), (n, scale, decimals) => {
      const digits = n.toString().padStart(scale + 1, '0');
      const value = scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
      expect(formatWan(value, decimals)).toBe(serverFormatWan(value, decimals));
    }),
    { numRuns: 2000 },
  );
  expect(formatWan('24252.311082', 4)).toBe('24252.3111');
  expect(formatWan('0', 4)).toBe('0.0000');
  // Invalid values are shown as they are, so that the page shows what the checks complain about.
  expect(printValue(-1, 'count', 4)).toBe('-1');
  expect(printValue('abc', 'money', 4)).toBe('abc');
  expect(printValue(0, 'count', 4)).toBe('0');
});

test('every block is laid out like the server renderers (merges, order, labels), in both languages', () => {
  const cells = emptyCells(format);
  for (const en of [false, true])
    for (const table of format.tables)
      for (const block of table.blocks) {
        const pick = ({ row, col, rowspan, colspan, role, text, cellId }: any) => ({ row, col, rowspan, colspan, role, text, cellId });
        const ours = layoutBlock(table, block, { en, cells, feeDecimals: 4 }).rows.flat().map(pick);
        const theirs = serverLayoutBlock(table, block, { locale: en ? 'en' : 'zh-Hans', cells, feeDecimals: 4 }).cells.map(pick);
        expect(ours).toEqual(theirs);
      }
});

test('a missing cell is laid out empty instead of failing the page', () => {
  const cells = emptyCells(format);
  delete cells['applications.main.received.total'];
  const table = format.tables.find((t) => t.code === 'applications')!;
  const cell = layoutBlock(table, table.blocks[0], { en: false, cells, feeDecimals: 4 })
    .rows.flat()
    .find((c) => c.cellId === 'applications.main.received.total');
  expect(cell).toMatchObject({ role: 'value', text: '', value: undefined });
});
