// Records → cells: the in-memory reference computation and the aggregates → cells step shared with the database path.
// The counting rules themselves are declared once in conditions.ts.
import { applicantTypesOf, outcomesOf, reportedKinds } from '../format';
import type {
  ApplicationMeasure,
  BlockDef,
  CaseResult,
  ColumnDef,
  DocumentMeasure,
  ReportFormat,
  RowDef,
  TableDef,
} from '../format/types';
import {
  APPLICATION_MEASURES as APPLICATION_RULES,
  CASE_CONCLUDED_BY_YEAR_END,
  CASE_COUNTED,
  DECISION_COUNTED,
  DOCUMENT_MEASURES as DOCUMENT_RULES,
  FEE_COUNTED,
  holds,
  yearBounds,
} from './conditions';
import { sumYuan, yuanToWan } from './money';

export { type CellId, type Cells, cellId, parseCellId } from './ids';
import { type CellId, type Cells, cellId } from './ids';

export interface CellRef {
  id: CellId;
  table: TableDef;
  block: BlockDef;
  row: RowDef;
  column: ColumnDef;
  /** 'money' for the fee (a decimal string in 万元), 'count' otherwise. */
  kind: 'count' | 'money';
}

/** Every cell of a format, in reading order (table, block, row, column). */
export function listCells(format: ReportFormat): CellRef[] {
  const out: CellRef[] = [];
  for (const table of format.tables)
    for (const block of table.blocks)
      for (const row of block.rows)
        for (const column of block.columns)
          out.push({
            id: cellId(table.code, block.code, row.code, column.code),
            table,
            block,
            row,
            column,
            kind: row.source.records === 'fees' ? 'money' : 'count',
          });
  return out;
}

export function emptyCells(format: ReportFormat): Cells {
  return Object.fromEntries(listCells(format).map((c) => [c.id, c.kind === 'money' ? '0' : 0]));
}

// ---------------------------------------------------------------------------------------------------------------
// Aggregates: what the database layer's GROUP BY queries return.

type Count = number | string | bigint;
export interface Aggregates {
  applications: ReadonlyArray<{ measure: string; applicantType: string; outcome: string | null; count: Count }>;
  cases: ReadonlyArray<{ kind: string; result: string; count: Count }>;
  policyDocuments: ReadonlyArray<{ kind: string; measure: string; count: Count }>;
  decisions: ReadonlyArray<{ kind: string; count: Count }>;
  /** Exact sum in 元 (at most 2 decimals); null when there were no fees. */
  feesYuan: string | number | null;
}

const APPLICATION_MEASURES: readonly string[] = ['received', 'carriedOver', 'concluded', 'carriedForward'];
const CASE_RESULTS: readonly string[] = ['upheld', 'corrected', 'other', 'pending'];
const DOCUMENT_MEASURES: readonly string[] = ['issued', 'repealed', 'inForce'];

/** Counts from drivers arrive as numbers, bigints or (pg) strings; anything but a whole number ≥ 0 is refused. */
function toCount(value: Count): number | null {
  const n =
    typeof value === 'string' && /^\d+$/.test(value)
      ? Number(value)
      : typeof value === 'bigint'
        ? Number(value)
        : value;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : null;
}

function codesOf(format: ReportFormat) {
  const kinds = reportedKinds(format);
  return {
    applicantTypes: new Set(applicantTypesOf(format).map((a) => a.code)),
    outcomes: new Set(outcomesOf(format).map((o) => o.code)),
    caseKinds: new Set<string>(kinds.cases),
    documentKinds: new Set<string>(kinds.policyDocuments),
    decisionKinds: new Set<string>(kinds.decisions),
  };
}

/** Fills every cell of the format from aggregates, computes the totals and converts the fee to 万元. */
export function cellsFromAggregates(format: ReportFormat, agg: Aggregates): Cells {
  const codes = codesOf(format);
  const bad: string[] = [];
  const tally = new Map<string, number>();
  const add = (key: string, count: Count, what: string) => {
    const n = toCount(count);
    if (n === null) bad.push(`${what}: count ${JSON.stringify(String(count))} is not a whole number ≥ 0`);
    else tally.set(key, (tally.get(key) ?? 0) + n);
  };

  for (const a of agg.applications) {
    const what = `applications {measure: ${a.measure}, applicantType: ${a.applicantType}, outcome: ${a.outcome}}`;
    const problems = [
      !APPLICATION_MEASURES.includes(a.measure) && `unknown measure "${a.measure}"`,
      !codes.applicantTypes.has(a.applicantType) && `unknown applicantType "${a.applicantType}"`,
      a.measure === 'concluded' && !codes.outcomes.has(a.outcome ?? '') && `unknown outcome "${a.outcome}"`,
      a.measure !== 'concluded' && a.outcome != null && `outcome "${a.outcome}" given for measure ${a.measure}`,
    ].filter(Boolean);
    if (problems.length) bad.push(`${what}: ${problems.join(', ')}`);
    else add(`app|${a.measure}|${a.applicantType}|${a.measure === 'concluded' ? a.outcome : ''}`, a.count, what);
  }
  for (const c of agg.cases) {
    const what = `cases {kind: ${c.kind}, result: ${c.result}}`;
    if (!codes.caseKinds.has(c.kind) || !CASE_RESULTS.includes(c.result)) bad.push(`${what}: unknown kind or result`);
    else add(`case|${c.kind}|${c.result}`, c.count, what);
  }
  for (const d of agg.policyDocuments) {
    const what = `policyDocuments {kind: ${d.kind}, measure: ${d.measure}}`;
    if (!codes.documentKinds.has(d.kind) || !DOCUMENT_MEASURES.includes(d.measure))
      bad.push(`${what}: unknown kind or measure`);
    else add(`doc|${d.kind}|${d.measure}`, d.count, what);
  }
  for (const d of agg.decisions) {
    const what = `decisions {kind: ${d.kind}}`;
    if (!codes.decisionKinds.has(d.kind)) bad.push(`${what}: unknown kind`);
    else add(`decision|${d.kind}`, d.count, what);
  }
  let feeWan = '0';
  try {
    feeWan = yuanToWan(agg.feesYuan ?? '0');
  } catch (e) {
    bad.push(`feesYuan: ${(e as Error).message}`);
  }
  if (bad.length) {
    throw new Error(`Cannot fill report format ${format.code} from aggregates:\n- ${bad.join('\n- ')}`);
  }

  const get = (key: string) => tally.get(key) ?? 0;
  const cells: Cells = {};
  const refs = listCells(format);
  const mismatch = (ref: CellRef) =>
    new Error(
      `Format ${format.code}: cell ${ref.id} combines a ${ref.row.source.records} row with a ${ref.column.source.by} column`,
    );

  // Pass 1: cells read straight from the tallies. Totals wait for passes 2 and 3, so that they are sums of printed cells.
  for (const ref of refs) {
    const { row, column } = ref;
    const rs = row.source;
    const cs = column.source;
    switch (rs.records) {
      case 'applications':
        if (cs.by === 'applicantTotal' || rs.measure === 'concludedTotal') continue;
        if (cs.by !== 'applicantType') throw mismatch(ref);
        cells[ref.id] = get(`app|${rs.measure}|${cs.applicantType}|${rs.measure === 'concluded' ? rs.outcome : ''}`);
        break;
      case 'cases':
        if (cs.by !== 'case') throw mismatch(ref);
        cells[ref.id] =
          cs.result === 'total'
            ? CASE_RESULTS.reduce((s, r) => s + get(`case|${cs.caseKind}|${r}`), 0)
            : get(`case|${cs.caseKind}|${cs.result}`);
        break;
      case 'policyDocuments':
        if (cs.by !== 'documentMeasure') throw mismatch(ref);
        cells[ref.id] = get(`doc|${rs.kind}|${cs.measure}`);
        break;
      case 'decisions':
        if (cs.by !== 'decisionCount') throw mismatch(ref);
        cells[ref.id] = get(`decision|${rs.kind}`);
        break;
      case 'fees':
        if (cs.by !== 'feeAmount') throw mismatch(ref);
        cells[ref.id] = feeWan;
        break;
    }
  }
  // Pass 2: (七)总计 = the sum of the outcome rows, per applicant column.
  for (const ref of refs) {
    if (ref.row.source.records !== 'applications' || ref.row.source.measure !== 'concludedTotal') continue;
    if (ref.column.source.by !== 'applicantType') continue;
    cells[ref.id] = ref.block.rows
      .filter((r) => r.source.records === 'applications' && r.source.measure === 'concluded')
      .reduce((s, r) => s + (cells[cellId(ref.table.code, ref.block.code, r.code, ref.column.code)] as number), 0);
  }
  // Pass 3: 总计 = the sum of the applicant columns, per row.
  for (const ref of refs) {
    if (ref.column.source.by !== 'applicantTotal') continue;
    cells[ref.id] = ref.block.columns
      .filter((c) => c.source.by === 'applicantType')
      .reduce((s, c) => s + (cells[cellId(ref.table.code, ref.block.code, ref.row.code, c.code)] as number), 0);
  }
  return cells;
}

// ---------------------------------------------------------------------------------------------------------------
// Records: one record at a time, for the in-memory reference computation (and for explaining a cell).

/** Dates are 'YYYY-MM-DD' strings, so comparing them as strings compares the days. */
export interface ApplicationRecord {
  applicantType: string;
  receivedOn: string;
  concludedOn: string | null;
  outcome: string | null;
}
export interface CaseRecord {
  kind: string;
  filedOn: string;
  concludedOn: string | null;
  /** upheld | corrected | other; required once concluded. */
  result: string | null;
}
export interface PolicyDocumentRecord {
  kind: string;
  issuedOn: string;
  repealedOn: string | null;
}
export interface DecisionRecord {
  kind: string;
  decidedOn: string;
}
export interface FeeRecord {
  /** 元, at most 2 decimals. */
  amount: string | number;
  collectedOn: string;
}
export interface RecordSets {
  applications?: readonly ApplicationRecord[];
  cases?: readonly CaseRecord[];
  policyDocuments?: readonly PolicyDocumentRecord[];
  decisions?: readonly DecisionRecord[];
  fees?: readonly FeeRecord[];
}

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
function date(value: string | null, what: string): string | null {
  if (value !== null && (typeof value !== 'string' || !ISO_DATE.test(value))) {
    throw new Error(`${what} must be a date "YYYY-MM-DD", got ${JSON.stringify(value)}`);
  }
  return value;
}
function bounds(year: number) {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new Error(`Invalid report year ${year}`);
  return yearBounds(year);
}

/** The measures one application counts in for a report year (the rules: conditions.ts's APPLICATION_MEASURES). */
export function classifyApplication(
  app: ApplicationRecord,
  year: number,
): Array<{ measure: ApplicationMeasure; outcome: string | null }> {
  const b = bounds(year);
  const received = date(app.receivedOn, 'application.receivedOn') as string;
  const concluded = date(app.concludedOn, 'application.concludedOn');
  if (concluded !== null && concluded < received) {
    throw new Error(`Application concluded on ${concluded}, before it was received on ${received}`);
  }
  if ((concluded === null) !== (app.outcome === null)) {
    throw new Error(`Application received on ${received}: an outcome is required exactly when concludedOn is set`);
  }
  const dates = { receivedOn: received, concludedOn: concluded };
  return (Object.keys(APPLICATION_RULES) as ApplicationMeasure[])
    .filter((measure) => holds(APPLICATION_RULES[measure], dates, b))
    .map((measure) => ({ measure, outcome: measure === 'concluded' ? app.outcome : null }));
}

/** A case counts in the year it was filed; it is pending unless concluded by 31 December. Null: not counted. */
export function classifyCase(c: CaseRecord, year: number): CaseResult | null {
  const b = bounds(year);
  const filed = date(c.filedOn, 'case.filedOn') as string;
  const concluded = date(c.concludedOn, 'case.concludedOn');
  const dates = { filedOn: filed, concludedOn: concluded };
  if (!holds(CASE_COUNTED, dates, b)) return null;
  if (!holds(CASE_CONCLUDED_BY_YEAR_END, dates, b)) return 'pending';
  if (c.result !== 'upheld' && c.result !== 'corrected' && c.result !== 'other') {
    throw new Error(
      `Case filed on ${filed} and concluded on ${concluded} has no valid result (${JSON.stringify(c.result)})`,
    );
  }
  return c.result;
}

/** The measures a policy document counts in (the rules: conditions.ts's DOCUMENT_MEASURES). */
export function classifyPolicyDocument(d: PolicyDocumentRecord, year: number): DocumentMeasure[] {
  const b = bounds(year);
  const issued = date(d.issuedOn, 'policyDocument.issuedOn') as string;
  const repealed = date(d.repealedOn, 'policyDocument.repealedOn');
  if (repealed !== null && repealed < issued) {
    throw new Error(`Policy document repealed on ${repealed}, before it was issued on ${issued}`);
  }
  const dates = { issuedOn: issued, repealedOn: repealed };
  return (Object.keys(DOCUMENT_RULES) as DocumentMeasure[]).filter((m) => holds(DOCUMENT_RULES[m], dates, b));
}

/** Decisions made in the year. */
export const classifyDecision = (d: DecisionRecord, year: number): boolean =>
  holds(DECISION_COUNTED, { decidedOn: date(d.decidedOn, 'decision.decidedOn') }, bounds(year));

/** Fees collected in the year. */
export const classifyFee = (f: FeeRecord, year: number): boolean =>
  holds(FEE_COUNTED, { collectedOn: date(f.collectedOn, 'fee.collectedOn') }, bounds(year));

/** Groups classified records into the aggregates shape; kinds the format does not report are left out. */
export function aggregatesFromRecords(format: ReportFormat, records: RecordSets, year: number): Aggregates {
  const kinds = reportedKinds(format);
  const tally = <M extends { count: number }>(map: Map<string, M>, key: string, row: Omit<M, 'count'>) => {
    const hit = map.get(key);
    if (hit) hit.count += 1;
    else map.set(key, { ...row, count: 1 } as M);
  };
  const applications = new Map<
    string,
    { measure: string; applicantType: string; outcome: string | null; count: number }
  >();
  for (const a of records.applications ?? [])
    for (const m of classifyApplication(a, year))
      tally(applications, `${m.measure}|${a.applicantType}|${m.outcome}`, { ...m, applicantType: a.applicantType });

  const cases = new Map<string, { kind: string; result: string; count: number }>();
  for (const c of records.cases ?? []) {
    if (!(kinds.cases as string[]).includes(c.kind)) continue;
    const result = classifyCase(c, year);
    if (result) tally(cases, `${c.kind}|${result}`, { kind: c.kind, result });
  }
  const policyDocuments = new Map<string, { kind: string; measure: string; count: number }>();
  for (const d of records.policyDocuments ?? []) {
    if (!(kinds.policyDocuments as string[]).includes(d.kind)) continue;
    for (const measure of classifyPolicyDocument(d, year))
      tally(policyDocuments, `${d.kind}|${measure}`, { kind: d.kind, measure });
  }
  const decisions = new Map<string, { kind: string; count: number }>();
  for (const d of records.decisions ?? []) {
    if ((kinds.decisions as string[]).includes(d.kind) && classifyDecision(d, year))
      tally(decisions, d.kind, { kind: d.kind });
  }
  const feesYuan = sumYuan((records.fees ?? []).filter((f) => classifyFee(f, year)).map((f) => f.amount));
  return {
    applications: [...applications.values()],
    cases: [...cases.values()],
    policyDocuments: [...policyDocuments.values()],
    decisions: [...decisions.values()],
    feesYuan,
  };
}

/** The reference computation: the database path must produce exactly these cells for the same records. */
export function cellsFromRecords(format: ReportFormat, records: RecordSets, year: number): Cells {
  return cellsFromAggregates(format, aggregatesFromRecords(format, records, year));
}
