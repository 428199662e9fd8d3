/**
 * The admin page lays out with the server's layout module; what is its own: a missing cell is shown blank instead of
 * failing the page, the grid comes as rows, and invalid values print as they are.
 */
import { layoutBlock, printValue, formatWan } from '../grid';
import { layoutBlock as serverLayoutBlock } from '../../../../../server/src/report/layout';
import { emptyCells } from '../../../../../server/src/report/cells';
import { getFormat } from '../../../../../server/src/format';

const format = getFormat('gov-2021');

test('values print as the server prints them; invalid ones as they are', () => {
  expect(formatWan('24252.311082', 4)).toBe('24252.3111');
  expect(formatWan('0', 4)).toBe('0.0000');
  expect(formatWan('12.3', 2)).toBe('12.30');
  // Invalid values are shown as they are, so that the page shows what the checks complain about.
  expect(printValue(-1, 'count', 4)).toBe('-1');
  expect(printValue('abc', 'money', 4)).toBe('abc');
  expect(printValue(0, 'count', 4)).toBe('0');
  expect(printValue(undefined, 'count', 4)).toBe('');
});

test('the rows hold exactly the server layout’s cells, in order', () => {
  const cells = emptyCells(format);
  for (const en of [false, true])
    for (const table of format.tables)
      for (const block of table.blocks) {
        const ours = layoutBlock(table, block, { en, cells, feeDecimals: 4 });
        const theirs = serverLayoutBlock(table, block, { locale: en ? 'en' : 'zh-Hans', cells, feeDecimals: 4 });
        expect(ours.rows.flat()).toEqual(theirs.cells);
        expect(ours.rows.length).toBe(theirs.height);
        ours.rows.forEach((r, i) => expect(r.every((c) => c.row === i)).toBe(true));
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
  expect(() => serverLayoutBlock(table, table.blocks[0], { locale: 'zh-Hans', cells, feeDecimals: 4 })).toThrow(
    'Cannot render report: cell applications.main.received.total is missing',
  );
});
