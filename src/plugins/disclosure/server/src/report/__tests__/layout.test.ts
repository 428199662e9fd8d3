// The merged-cell grid of every block: full coverage, and the spans of the national format.
import { getFormat, getTable } from '../../format';
import { emptyCells } from '../cells';
import { type BlockLayout, layoutBlock } from '../layout';

const format = getFormat('gov-2021');
const cells = emptyCells(format);
const layouts = format.tables.flatMap((t) =>
  t.blocks.map((b) => layoutBlock(t, b, { locale: 'zh-Hans', cells, feeDecimals: 4 })),
);
const at = (l: BlockLayout, text: string) => l.cells.find((c) => c.text === text);

describe('the national layout', () => {
  it.each(layouts.map((l) => [`${l.block.code} (${l.width}×${l.height})`, l]))(
    '%s covers every grid position exactly once',
    (_, l) => {
      const seen = Array.from({ length: l.height }, () => Array<number>(l.width).fill(0));
      for (const c of l.cells)
        for (let i = 0; i < c.rowspan; i++) for (let j = 0; j < c.colspan; j++) seen[c.row + i][c.col + j]++;
      expect(seen.flat().every((n) => n === 1)).toBe(true);
    },
  );

  it('merges table 三 like the national format', () => {
    const table = getTable(format, 'applications');
    const [block] = table.blocks;
    const l = layoutBlock(table, block, { locale: 'zh-Hans', cells, feeDecimals: 4 });
    const col = (code: string) => block.columns.find((c) => c.code === code)!;
    const row = (code: string) => block.rows.find((r) => r.code === code)!;
    expect([l.headerRows, l.rowLabelColumns, l.width, l.height]).toEqual([3, 3, 10, 28]);
    expect(l.cells[0]).toMatchObject({ role: 'corner', rowspan: 3, colspan: 3, text: block.note!.label });
    expect(at(l, col('total').path[0])).toMatchObject({ row: 0, colspan: 7, rowspan: 1 });
    expect(at(l, col('commercialEnterprise').path[1])).toMatchObject({ row: 1, colspan: 5, rowspan: 1 });
    expect(at(l, col('naturalPerson').label)).toMatchObject({ row: 1, rowspan: 2 });
    expect(at(l, row('received').label)).toMatchObject({ col: 0, colspan: 3, rowspan: 1 });
    expect(at(l, row('granted').path[0])).toMatchObject({ col: 0, rowspan: 22, role: 'rowGroup' });
    expect(at(l, row('granted').label)).toMatchObject({ col: 1, colspan: 2 });
    expect(at(l, row('withheld.stateSecret').path[1])).toMatchObject({ col: 1, rowspan: 8 });
    expect(at(l, row('unavailable.notHeld').path[1])).toMatchObject({ col: 1, rowspan: 3 });
    expect(at(l, row('concluded').label)).toMatchObject({ col: 1, colspan: 2 });
  });

  it('merges table 四 under 行政复议 and 行政诉讼, without row labels', () => {
    const table = getTable(format, 'reviewsAndLawsuits');
    const l = layoutBlock(table, table.blocks[0], { locale: 'zh-Hans', cells, feeDecimals: 4 });
    const [review, direct] = [table.blocks[0].columns[0], table.blocks[0].columns[5]];
    expect([l.headerRows, l.rowLabelColumns, l.width, l.height]).toEqual([3, 0, 15, 4]);
    expect(at(l, review.path[0])).toMatchObject({ row: 0, col: 0, colspan: 5 });
    expect(at(l, direct.path[0])).toMatchObject({ row: 0, col: 5, colspan: 10 });
    expect(at(l, direct.path[1])).toMatchObject({ row: 1, col: 5, colspan: 5 });
    expect(l.cells.filter((c) => c.role === 'column' && c.rowspan === 2)).toHaveLength(5);
    expect(l.cells.filter((c) => c.role === 'value')).toHaveLength(15);
  });
});
