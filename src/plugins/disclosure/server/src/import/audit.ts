/**
 * Audit of an imported report: the format's own rules (report/check.ts, the same code that guards computed reports),
 * plus what only a published text can contradict — narrative ↔ table, plausibility — and what the import could not
 * read. Every problem names its cells and, where it comes from the text, its place.
 */
import { fillTemplate, getFormat } from '../format';
import type { Bilingual, Severity } from '../format/types';
import { type CellId, type Cells, listCells } from '../report/cells';
import { checkReport } from '../report/check';
import { Money } from '../report/money';
import { checkNarrative, type ClaimKind, type NarrativeFinding } from './narrative';
import type { ImportedReport } from './parse';
import type { SourcePlace } from './text';

export interface AuditProblem {
  rule: string;
  /** error / warning as in the format's rules; uncertain: not read; notice: read, with a remark. */
  severity: Severity | 'uncertain' | 'notice';
  cells: CellId[];
  expected?: number | string;
  actual?: number | string;
  message: Bilingual;
  place: SourcePlace | null;
}

export interface AuditOptions {
  /** Last year's imported report of the same organization (continuity per column). */
  previous?: ImportedReport | null;
  organization?: { canIssueRegulations?: boolean | null } | null;
}

/** Rules only an imported report can break; one entry each. */
export const AUDIT_RULES = {
  'plausibility.lawsuitsAfterReview': {
    severity: 'warning',
    message: {
      zh: '复议后起诉的行政诉讼（{actual} 件）多于行政复议（{expected} 件），请核实',
      en: 'More lawsuits filed after review ({actual}) than administrative reviews ({expected}); please verify',
    },
  },
  'plausibility.feeStatedNone': {
    severity: 'warning',
    message: {
      zh: '第六部分称未收取费用，但正文写明收取 {actual}（{place}）',
      en: 'Section VI says no fee was collected, but the text states {actual} ({place})',
    },
  },
  narrative: {
    severity: 'warning',
    message: {
      zh: '正文「{phrase}」称 {actual}，与表格不符（{readings}）',
      en: 'The text “{phrase}” states {actual}, which matches no reading of the tables ({readingsEn})',
    },
  },
} as const satisfies Record<string, { severity: Severity; message: Bilingual }>;

const NARRATIVE_RULE: Record<ClaimKind, string> = {
  received: 'narrative.received',
  concluded: 'narrative.concluded',
  handled: 'narrative.handled',
  carriedOver: 'narrative.carriedOver',
  carriedForward: 'narrative.carriedForward',
  reviews: 'narrative.reviews',
  lawsuits: 'narrative.lawsuits',
  casesTotal: 'narrative.cases',
  category: 'narrative.category',
  applicants: 'narrative.applicants',
  percentage: 'narrative.percentage',
  fee: 'narrative.fee',
};

/** The imported values as the checker's cells: a blank keeps its printed form (a hard error: zero is printed 0). */
export function cellsForCheck(report: ImportedReport, blanksAsZero = false): Cells {
  const refs = new Map(listCells(getFormat(report.format)).map((r) => [r.id, r]));
  // A blank part may stand for zero; a blank total is a total not printed, never zero.
  const isTotal = (id: CellId) => {
    const ref = refs.get(id);
    if (!ref) return false;
    const c = ref.column.source;
    const r = ref.row.source;
    return (
      c.by === 'applicantTotal' ||
      (c.by === 'case' && c.result === 'total') ||
      (r.records === 'applications' && r.measure === 'concludedTotal')
    );
  };
  const out: Cells = {};
  for (const [id, cell] of Object.entries(report.cells)) {
    if (cell.value === null) out[id] = blanksAsZero && !isTotal(id) ? 0 : cell.raw || '空白';
    else out[id] = cell.value;
  }
  return out;
}

const key = (p: { rule: string; cells: CellId[] }) => `${p.rule}|${p.cells.join(',')}`;

export function auditReport(report: ImportedReport, options: AuditOptions = {}): AuditProblem[] {
  const format = getFormat(report.format);
  const refs = new Map(listCells(format).map((r) => [r.id, r]));
  const previous = options.previous ? cellsForCheck(options.previous) : null;
  const out: AuditProblem[] = [];
  const seen = new Set<string>();
  const add = (p: AuditProblem) => {
    if (seen.has(key(p))) return;
    seen.add(key(p));
    out.push(p);
  };
  const placeOf = (id: CellId) => report.cells[id]?.place ?? null;

  // 1. The format's rules on the cells as printed. A cell not read is reported by the import, not as "missing".
  for (const p of checkReport(format, cellsForCheck(report), { previous, organization: options.organization })) {
    if (p.rule === 'cells.valid') {
      const cell = report.cells[p.cells[0]];
      if (!cell) continue;
      const ref = refs.get(p.cells[0]);
      if (ref?.column.source.by === 'published' && ref.column.source.signed && Number.isInteger(cell.value)) continue;
    }
    add({ ...p, place: placeOf(p.cells[0]) });
  }
  // 2. The sums again with blanks read as zero: a printed total that disagrees with its printed parts is an error
  //    even when some parts were left blank.
  for (const p of checkReport(format, cellsForCheck(report, true), {})) {
    if (p.rule === 'cells.valid' || p.rule.startsWith('continuity.') || p.rule.startsWith('plausibility.')) continue;
    const blank = (id: CellId) => report.cells[id]?.value === null;
    if (blank(p.cells[0])) continue;
    if (!p.cells.some(blank)) continue; // already checked in 1
    if (p.cells.slice(1).every(blank)) continue; // nothing printed to compare the total with
    add({ ...p, place: placeOf(p.cells[0]) });
  }

  // 3. Plausibility.
  const caseTotal = (kind: string) =>
    listCells(format).find(
      (r) => r.column.source.by === 'case' && r.column.source.caseKind === kind && r.column.source.result === 'total',
    )?.id;
  const reviewId = caseTotal('review');
  const afterId = caseTotal('lawsuitAfterReview');
  const reviews = reviewId ? report.cells[reviewId]?.value : undefined;
  const after = afterId ? report.cells[afterId]?.value : undefined;
  if (typeof after === 'number' && typeof reviews === 'number' && after > reviews) {
    add(problem('plausibility.lawsuitsAfterReview', [afterId!, reviewId!], reviews, after, placeOf(afterId!), {}));
  }

  // 4. Narrative ↔ tables.
  const findings = checkNarrative(report, format);
  for (const f of findings) if (!f.fits) add(narrativeProblem(f));
  const other = report.sections.otherMatters?.text ?? '';
  const statesNone = /^无[。.]?$/.test(other.trim()) || /(?:未|没有)(?:收取|发生)[^。]{0,12}(?:费|收费)/.test(other);
  if (statesNone) {
    const charged = findings.find(
      (f) => f.claim.kind === 'fee' && new Money(String(f.claim.value)).gt(0) && !f.claim.readings.length,
    );
    if (charged) {
      add(
        problem('plausibility.feeStatedNone', [], 0, `${charged.claim.phrase}`, charged.claim.place, {
          place: `第${charged.claim.place.line}行`,
        }),
      );
    }
  }

  // 5. What the import could not read, or read in a way the reader should know.
  for (const i of report.issues) {
    out.push({ rule: `import.${i.code}`, severity: i.severity, cells: i.cells, message: i.message, place: i.place });
  }
  return out;
}

/** The problem of a narrative number that fits no reading of the tables. */
export function narrativeProblem(f: NarrativeFinding): AuditProblem {
  const readings = f.claim.readings.map((r) => `${r.label} ${r.value}`).join('；');
  const readingsEn = f.claim.readings.map((r) => `${r.labelEn} ${r.value}`).join('; ');
  return {
    rule: NARRATIVE_RULE[f.claim.kind],
    severity: AUDIT_RULES.narrative.severity,
    cells: [...new Set(f.claim.readings.flatMap((r) => r.cells))],
    expected: f.claim.readings.map((r) => String(r.value)).join(' / '),
    actual: f.claim.value,
    message: fill(AUDIT_RULES.narrative.message, {
      phrase: f.claim.phrase,
      actual: f.claim.value,
      readings,
      readingsEn,
    }),
    place: f.claim.place,
  };
}

function fill(message: Bilingual, values: Record<string, string | number>): Bilingual {
  return { zh: fillTemplate(message.zh, values), en: fillTemplate(message.en, values) };
}

function problem(
  rule: keyof typeof AUDIT_RULES,
  cells: CellId[],
  expected: number | string,
  actual: number | string,
  place: SourcePlace | null,
  extra: Record<string, string | number>,
): AuditProblem {
  const def = AUDIT_RULES[rule];
  return {
    rule,
    severity: def.severity,
    cells,
    expected,
    actual,
    message: fill(def.message, { expected, actual, ...extra }),
    place,
  };
}
