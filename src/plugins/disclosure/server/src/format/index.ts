// Registry of report formats, plus the code lists and label helpers everyone else derives from a declaration.
import { GOV_2019 } from './gov-2019';
import { GOV_2021 } from './gov-2021';
import type {
  Bilingual,
  CaseKind,
  DecisionKind,
  DocumentKind,
  FormatCode,
  Labelled,
  Locale,
  ReportFormat,
  TableCode,
  TableDef,
} from './types';

export * from './types';

export const FORMATS: Readonly<Record<FormatCode, ReportFormat>> = { 'gov-2021': GOV_2021, 'gov-2019': GOV_2019 };
export const DEFAULT_FORMAT: FormatCode = 'gov-2021';

export function getFormat(code: string = DEFAULT_FORMAT): ReportFormat {
  const format = (FORMATS as Record<string, ReportFormat | undefined>)[code];
  if (!format) {
    throw new Error(`Unknown report format "${code}"; known formats: ${Object.keys(FORMATS).join(', ')}`);
  }
  return format;
}

export function getTable(format: ReportFormat, code: TableCode): TableDef {
  const table = format.tables.find((t) => t.code === code);
  if (!table) throw new Error(`Format ${format.code} has no table "${code}"`);
  return table;
}

export interface CodeLabel extends Labelled {
  code: string;
}

/** The applicant types a format counts (its applicantType columns), in column order. */
export function applicantTypesOf(format: ReportFormat): CodeLabel[] {
  const out: CodeLabel[] = [];
  for (const t of format.tables)
    for (const b of t.blocks)
      for (const c of b.columns)
        if (c.source.by === 'applicantType')
          out.push({ code: c.source.applicantType, label: c.label, labelEn: c.labelEn });
  return out;
}

/** The results of handling an application (one per outcome row), in row order; labels omit the 三、 heading. */
export function outcomesOf(format: ReportFormat): CodeLabel[] {
  const out: CodeLabel[] = [];
  for (const t of format.tables)
    for (const b of t.blocks)
      for (const r of b.rows)
        if (r.source.records === 'applications' && r.source.measure === 'concluded')
          out.push({ code: r.source.outcome, label: r.path.slice(1).join(' '), labelEn: r.pathEn.slice(1).join(' ') });
  return out;
}

/** Record kinds a format reports; records of other kinds (e.g. policy documents of kind "other") are left out. */
export function reportedKinds(format: ReportFormat): {
  policyDocuments: DocumentKind[];
  decisions: DecisionKind[];
  cases: CaseKind[];
} {
  const policyDocuments = new Set<DocumentKind>();
  const decisions = new Set<DecisionKind>();
  const cases = new Set<CaseKind>();
  for (const t of format.tables)
    for (const b of t.blocks) {
      for (const r of b.rows) {
        if (r.source.records === 'policyDocuments') policyDocuments.add(r.source.kind);
        if (r.source.records === 'decisions') decisions.add(r.source.kind);
      }
      for (const c of b.columns) if (c.source.by === 'case') cases.add(c.source.caseKind);
    }
  return { policyDocuments: [...policyDocuments], decisions: [...decisions], cases: [...cases] };
}

const DEFAULT = getFormat(DEFAULT_FORMAT);
/** Enum values for the content model (applicantType of an application). */
export const APPLICANT_TYPES: readonly string[] = applicantTypesOf(DEFAULT).map((a) => a.code);
export const APPLICANT_TYPE_LABELS: Readonly<Record<string, Labelled>> = Object.fromEntries(
  applicantTypesOf(DEFAULT).map(({ code, label, labelEn }) => [code, { label, labelEn }]),
);
/** Enum values for the content model (outcome of an application), in the order of table 三. */
export const OUTCOMES: readonly string[] = outcomesOf(DEFAULT).map((o) => o.code);
export const OUTCOME_LABELS: Readonly<Record<string, Labelled>> = Object.fromEntries(
  outcomesOf(DEFAULT).map(({ code, label, labelEn }) => [code, { label, labelEn }]),
);

export const labelIn = (item: Labelled, locale: Locale): string => (locale === 'en' ? item.labelEn : item.label);
export const textIn = (text: Bilingual, locale: Locale): string => (locale === 'en' ? text.en : text.zh);
export const pathIn = (item: { path: readonly string[]; pathEn: readonly string[] }, locale: Locale) =>
  locale === 'en' ? item.pathEn : item.path;

/** Replaces {name} placeholders; unknown placeholders are left as they are. */
export function fillTemplate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
export const headingIn = (item: { heading: string; headingEn: string }, locale: Locale): string =>
  locale === 'en' ? item.headingEn : item.heading;

/**
 * A label compared across punctuation conventions: declarations print the national template's full-width brackets
 * and colons (（一）予以公开), many published pages show ASCII ones ((一)予以公开). Anything that reads a report matches
 * labels through this, so both forms are accepted.
 */
export const normalizeLabel = (s: string): string => s.normalize('NFKC').replace(/\s+/g, '');
