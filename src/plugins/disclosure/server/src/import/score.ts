/**
 * Compares an import and its audit with a fixture's expected.json (tables typed by hand, problems a careful reader
 * finds): the measure of the benchmark (`npm run bench:import`) and of the fixture tests.
 */
import { z } from 'zod';
import { getFormat } from '../format';
import type { FormatCode } from '../format/types';
import { cellId, type CellId } from '../report/cells';
import { Money } from '../report/money';
import type { AuditProblem } from './audit';
import type { ImportedReport, ImportedValue } from './parse';

const cellValue = z.union([z.number().int(), z.string().regex(/^-?\d+(\.\d+)?$/), z.null()]);

export const expectedSchema = z.object({
  title: z.string(),
  address: z.string(),
  source: z.string(),
  form: z.string(),
  format: z.enum(['gov-2021', 'gov-2019']),
  /** null when the source does not print it (an excerpt without its title). */
  organization: z.string().nullable(),
  year: z.number().int().nullable(),
  /** "table.block.row" → the row's cells in column order; null is a blank cell. */
  rows: z.record(z.string(), z.array(cellValue)),
  /** Cells a careful reader cannot read from this source: the import must report them, not fill them. */
  unreadable: z.array(z.string()),
  problems: z.array(
    z.object({
      rule: z.string(),
      cells: z.array(z.string()).optional(),
      /** One cells.valid problem for every blank cell of `rows`. */
      eachBlankCell: z.boolean().optional(),
      note: z.string().optional(),
    }),
  ),
  notes: z.string().optional(),
  previous: z.string().optional(),
});
export type Expected = z.infer<typeof expectedSchema>;

/** The expected cells by id, from the rows typed by hand. */
export function expectedCells(expected: Expected): Map<CellId, ImportedValue> {
  const format = getFormat(expected.format as FormatCode);
  const out = new Map<CellId, ImportedValue>();
  for (const [key, values] of Object.entries(expected.rows)) {
    const [table, block, ...row] = key.split('.');
    const def = format.tables.find((t) => t.code === table)?.blocks.find((b) => b.code === block);
    if (!def || !def.rows.some((r) => r.code === row.join('.'))) throw new Error(`expected.json: unknown row ${key}`);
    if (values.length !== def.columns.length)
      throw new Error(`expected.json: row ${key} has ${values.length} cells, the format ${def.columns.length}`);
    def.columns.forEach((c, i) => out.set(cellId(table, block, row.join('.'), c.code), values[i]));
  }
  return out;
}

const same = (a: ImportedValue | undefined, b: ImportedValue) => {
  if (a === undefined) return false;
  if (a === null || b === null) return a === b;
  if (typeof b === 'string' && typeof a === 'string') return new Money(a).eq(new Money(b));
  return a === b;
};

export interface Score {
  cells: number;
  exact: number;
  wrong: Array<{ id: CellId; expected: ImportedValue | 'unreadable'; actual: ImportedValue | undefined }>;
  problemsExpected: number;
  problemsFound: number;
  missed: Array<{ rule: string; cells?: string[] }>;
  falseErrors: AuditProblem[];
  otherWarnings: AuditProblem[];
}

export function score(expected: Expected, report: ImportedReport, problems: AuditProblem[]): Score {
  const cells = expectedCells(expected);
  const uncertain = new Set(report.issues.filter((i) => i.severity === 'uncertain').flatMap((i) => i.cells));
  const wrong: Score['wrong'] = [];
  let exact = 0;
  for (const [id, value] of cells) {
    if (same(report.cells[id]?.value, value)) exact++;
    else wrong.push({ id, expected: value, actual: report.cells[id]?.value });
  }
  for (const id of expected.unreadable) {
    if (!report.cells[id] && uncertain.has(id)) exact++;
    else wrong.push({ id, expected: 'unreadable', actual: report.cells[id]?.value });
  }
  const wanted = expected.problems.flatMap((p) =>
    p.eachBlankCell
      ? [...cells.entries()].filter(([, v]) => v === null).map(([id]) => ({ rule: p.rule, cells: [id] }))
      : [{ rule: p.rule, cells: p.cells }],
  );
  const matches = (w: { rule: string; cells?: string[] }, p: AuditProblem) =>
    p.rule === w.rule && (!w.cells?.length || w.cells.every((c) => p.cells.includes(c)));
  const missed = wanted.filter((w) => !problems.some((p) => matches(w, p)));
  const real = problems.filter((p) => p.severity === 'error' || p.severity === 'warning');
  const explained = (p: AuditProblem) => wanted.some((w) => matches(w, p));
  return {
    cells: cells.size + expected.unreadable.length,
    exact,
    wrong,
    problemsExpected: wanted.length,
    problemsFound: wanted.length - missed.length,
    missed,
    falseErrors: real.filter((p) => p.severity === 'error' && !explained(p)),
    otherWarnings: real.filter((p) => p.severity === 'warning' && !explained(p)),
  };
}
