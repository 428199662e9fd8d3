// The rules of the report (declared in the format) implemented by id: cells → problems naming cells, expected, actual.
import { fillTemplate, labelIn, pathIn, textIn } from '../format';
import type { Bilingual, Locale, ReportFormat, RuleDef, Severity } from '../format/types';
import { type CellId, type CellRef, type Cells, listCells } from './cells';
import { isDecimalString } from './money';

export interface Problem {
  rule: string;
  severity: Severity;
  /** The cell that is wrong first, then the cells it was compared with. */
  cells: CellId[];
  expected: number | string;
  actual: number | string;
  message: Bilingual;
}

export interface CheckOptions {
  /**
   * Last year's published cells of the same organization, for the continuity warnings. `null` (as opposed to absent)
   * means "looked for and not found": with `year` given, that is a warning of its own (nothing to compare with).
   */
  previous?: Cells | null;
  /** The report's year; names the neighbouring years in messages. */
  year?: number;
  /** Next year's published cells, when that report is out: continuity is checked forwards too. */
  next?: { year: number; cells: Cells } | null;
  organization?: { canIssueRegulations?: boolean | null } | null;
}

interface Finding {
  cells: CellId[];
  expected: number | string;
  actual: number | string;
  /** Extra placeholders of the message (e.g. {year} of a neighbouring report). */
  vars?: Record<string, string | number>;
}

interface Context {
  refs: CellRef[];
  cells: Cells;
  options: CheckOptions;
}

/** A count cell's value when it is a whole number ≥ 0, else null (rule cells.valid reports it; sums skip it). */
function countOf(cells: Cells | null | undefined, id: CellId): number | null {
  const v = cells?.[id];
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : null;
}

/** Sums of counts; null as soon as one of them is invalid, so one bad cell does not cascade into arithmetic errors. */
function sumOf(cells: Cells, ids: CellId[]): number | null {
  let sum = 0;
  for (const id of ids) {
    const v = countOf(cells, id);
    if (v === null) return null;
    sum += v;
  }
  return sum;
}

/** Checks `ids[0]` = sum of `ids.slice(1)`. */
function total(cells: Cells, ids: CellId[]): Finding[] {
  const actual = countOf(cells, ids[0]);
  const expected = sumOf(cells, ids.slice(1));
  return actual !== null && expected !== null && actual !== expected ? [{ cells: ids, expected, actual }] : [];
}

function groupBy(refs: CellRef[], key: (r: CellRef) => string): CellRef[][] {
  const groups = new Map<string, CellRef[]>();
  for (const r of refs) {
    const k = key(r);
    const group = groups.get(k);
    if (group) group.push(r);
    else groups.set(k, [r]);
  }
  return [...groups.values()];
}
const byBlock = (refs: CellRef[]) => groupBy(refs, (r) => `${r.table.code}.${r.block.code}`);
const rowsOf = (block: CellRef[]) => groupBy(block, (r) => r.row.code);
const columnsOf = (block: CellRef[]) => groupBy(block, (r) => r.column.code);
const appMeasure = (r: CellRef) => (r.row.source.records === 'applications' ? r.row.source.measure : null);
const find = (refs: CellRef[], pred: (r: CellRef) => boolean) => refs.find(pred)?.id;

const RULES: Record<string, (ctx: Context) => Finding[]> = {
  'applications.balance': ({ refs, cells }) =>
    byBlock(refs).flatMap((block) =>
      columnsOf(block).flatMap((col) => {
        const [rec, over, done, fwd] = (['received', 'carriedOver', 'concludedTotal', 'carriedForward'] as const).map(
          (m) => find(col, (r) => appMeasure(r) === m),
        );
        if (!rec || !over || !done || !fwd) return [];
        const expected = sumOf(cells, [rec, over]);
        const actual = sumOf(cells, [done, fwd]);
        return expected !== null && actual !== null && expected !== actual
          ? [{ cells: [rec, over, done, fwd], expected, actual }]
          : [];
      }),
    ),

  'applications.concludedSum': ({ refs, cells }) =>
    byBlock(refs).flatMap((block) =>
      columnsOf(block).flatMap((col) => {
        const done = find(col, (r) => appMeasure(r) === 'concludedTotal');
        return done ? total(cells, [done, ...col.filter((r) => appMeasure(r) === 'concluded').map((r) => r.id)]) : [];
      }),
    ),

  'applications.applicantTotal': ({ refs, cells }) =>
    byBlock(refs).flatMap((block) =>
      rowsOf(block).flatMap((row) => {
        const sum = find(row, (r) => r.column.source.by === 'applicantTotal');
        return sum
          ? total(cells, [sum, ...row.filter((r) => r.column.source.by === 'applicantType').map((r) => r.id)])
          : [];
      }),
    ),

  'cases.groupTotal': ({ refs, cells }) =>
    byBlock(refs).flatMap((block) =>
      rowsOf(block).flatMap((row) =>
        groupBy(
          row.filter((r) => r.column.source.by === 'case'),
          (r) => (r.column.source.by === 'case' ? r.column.source.caseKind : ''),
        ).flatMap((group) => {
          const isTotal = (r: CellRef) => r.column.source.by === 'case' && r.column.source.result === 'total';
          const sum = find(group, isTotal);
          return sum ? total(cells, [sum, ...group.filter((r) => !isTotal(r)).map((r) => r.id)]) : [];
        }),
      ),
    ),

  'cells.valid': ({ refs, cells }) =>
    refs.flatMap((ref): Finding[] => {
      const v = cells[ref.id];
      const ok = ref.kind === 'money' ? isDecimalString(v) : countOf(cells, ref.id) !== null;
      if (ok) return [];
      const actual = v === undefined ? '(missing)' : typeof v === 'number' || typeof v === 'string' ? v : String(v);
      return [{ cells: [ref.id], expected: ref.kind === 'money' ? 'decimal ≥ 0' : 'integer ≥ 0', actual }];
    }),

  'continuity.carriedOver': ({ refs, cells, options }) =>
    options.previous
      ? byBlock(refs).flatMap((block) =>
          columnsOf(block).flatMap((col) => {
            const over = find(col, (r) => appMeasure(r) === 'carriedOver');
            const fwd = find(col, (r) => appMeasure(r) === 'carriedForward');
            if (!over || !fwd) return [];
            const expected = countOf(options.previous, fwd);
            const actual = countOf(cells, over);
            return expected !== null && actual !== null && expected !== actual
              ? [{ cells: [over], expected, actual }]
              : [];
          }),
        )
      : [],

  // The same equation seen from the earlier year: republishing year N must not contradict N+1 already out.
  'continuity.nextYear': ({ refs, cells, options }) => {
    const next = options.next;
    if (!next) return [];
    return byBlock(refs).flatMap((block) =>
      columnsOf(block).flatMap((col) => {
        const over = find(col, (r) => appMeasure(r) === 'carriedOver');
        const fwd = find(col, (r) => appMeasure(r) === 'carriedForward');
        if (!over || !fwd) return [];
        const expected = countOf(next.cells, over);
        const actual = countOf(cells, fwd);
        return expected !== null && actual !== null && expected !== actual
          ? [{ cells: [fwd], expected, actual, vars: { year: next.year } }]
          : [];
      }),
    );
  },

  // Continuity cannot be checked without last year's published figures: say so, do not pass silently.
  'continuity.noPreviousReport': ({ refs, options }) => {
    if (options.year === undefined || options.previous !== null) return [];
    const over = refs.find((r) => appMeasure(r) === 'carriedOver' && r.column.source.by === 'applicantTotal');
    return over
      ? [{ cells: [over.id], expected: options.year - 1, actual: '—', vars: { year: options.year - 1 } }]
      : [];
  },

  'continuity.inForce': ({ refs, cells, options }) =>
    options.previous
      ? byBlock(refs).flatMap((block) =>
          rowsOf(block).flatMap((row) => {
            const [issued, repealed, inForce] = (['issued', 'repealed', 'inForce'] as const).map((m) =>
              find(row, (r) => r.column.source.by === 'documentMeasure' && r.column.source.measure === m),
            );
            if (!issued || !repealed || !inForce) return [];
            const before = countOf(options.previous, inForce);
            const [i, r, actual] = [issued, repealed, inForce].map((id) => countOf(cells, id));
            if (before === null || i === null || r === null || actual === null) return [];
            const expected = before + i - r;
            return expected !== actual ? [{ cells: [inForce, issued, repealed], expected, actual }] : [];
          }),
        )
      : [],

  'plausibility.regulations': ({ refs, cells, options }) =>
    options.organization?.canIssueRegulations === false
      ? refs
          .filter(
            (r) =>
              r.row.source.records === 'policyDocuments' &&
              r.row.source.kind === 'regulation' &&
              r.column.source.by === 'documentMeasure' &&
              r.column.source.measure !== 'repealed',
          )
          .flatMap((r) => {
            const actual = countOf(cells, r.id);
            return actual !== null && actual > 0 ? [{ cells: [r.id], expected: 0, actual }] : [];
          })
      : [],
};

function describeRef(format: ReportFormat, ref: CellRef, locale: Locale): string {
  return fillTemplate(textIn(format.texts.cellReference, locale), {
    table: locale === 'en' ? ref.table.numberEn : ref.table.number,
    row: pathIn(ref.row, locale).join(' · '),
    column: pathIn(ref.column, locale).join(' · '),
  });
}

/** Names a cell for people: "表三「一、本年新收…」行「申请人情况 · 自然人」列". */
export function describeCell(format: ReportFormat, id: CellId, locale: Locale): string {
  const ref = listCells(format).find((r) => r.id === id);
  return ref ? describeRef(format, ref, locale) : id;
}

function messageOf(format: ReportFormat, rule: RuleDef, ref: CellRef, f: Finding): Bilingual {
  const fill = (locale: Locale) =>
    fillTemplate(textIn(rule.message, locale), {
      cell: describeRef(format, ref, locale),
      row: pathIn(ref.row, locale).join(' · '),
      column: labelIn(ref.column, locale),
      expected: f.expected,
      actual: f.actual,
      ...f.vars,
    });
  return { zh: fill('zh-Hans'), en: fill('en') };
}

/** Runs every rule the format declares; a declared rule without an implementation here is a programming error. */
export function checkReport(format: ReportFormat, cells: Cells, options: CheckOptions = {}): Problem[] {
  const refs = listCells(format);
  const byId = new Map(refs.map((r) => [r.id, r]));
  const ctx: Context = { refs, cells, options };
  return format.rules.flatMap((rule) => {
    const impl = RULES[rule.id];
    if (!impl) throw new Error(`Rule "${rule.id}" of format ${format.code} has no implementation in report/check.ts`);
    return impl(ctx).map((f) => ({
      rule: rule.id,
      severity: rule.severity,
      cells: f.cells,
      expected: f.expected,
      actual: f.actual,
      message: messageOf(format, rule, byId.get(f.cells[0]) as CellRef, f),
    }));
  });
}

export const hasErrors = (problems: readonly Problem[]): boolean => problems.some((p) => p.severity === 'error');

/** Rule ids check.ts implements (a test compares them with the declarations). */
export const IMPLEMENTED_RULES: readonly string[] = Object.keys(RULES);
