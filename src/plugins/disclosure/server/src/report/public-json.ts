// The stable public JSON of a published report (the API contract of the site and of downloads).
import { headingIn, labelIn, pathIn } from '../format';
import type { Locale, NarrativeCode, ReportFormat, TableCode } from '../format/types';
import { type Cells, cellId } from './cells';
import { type Problem, checkReport } from './check';
import { columnLabel, printedValue } from './layout';

/**
 * Version 1 of the public report. Labels are in `locale`; codes are stable. Counts are integers; the fee
 * (`proactive.fees.fee.amount`) is an exact decimal string in 万元, `display` is each value as printed (the fee with
 * `feeDecimals` decimals). `path` gives the header groups for merging. Built once at publication and served as stored.
 */
export interface PublicReport {
  organization: { documentId: string; name: string; shortName: string | null };
  year: number;
  locale: Locale;
  format: { code: string; title: string; basis: string };
  publishedAt: string | null;
  /** The first publication of this report; differs from publishedAt once it has been corrected. */
  firstPublishedAt: string | null;
  computedAt: string;
  feeDecimals: number;
  sections: Record<NarrativeCode, string>;
  tables: PublicTable[];
  /** The checks as they stood at publication, and when a person acknowledged their warnings. */
  checks: { errors: Problem[]; warnings: Problem[]; acknowledgedAt: string | null };
  /** Corrections (更正), oldest first: each republication of a published report with its reason. */
  corrections: PublicCorrection[];
}
export interface PublicCorrection {
  at: string;
  reason: string;
  previousPublishedAt: string;
}
export interface PublicTable {
  code: TableCode;
  number: string;
  title: string;
  blocks: PublicBlock[];
}
export interface PublicBlock {
  code: string;
  caption: string | null;
  columns: Array<{ code: string; label: string; path: string[] }>;
  rows: Array<{
    code: string;
    label: string;
    path: string[];
    values: Record<string, number | string>;
    display: Record<string, string>;
  }>;
}

export interface PublicReportInput {
  format: ReportFormat;
  cells: Cells;
  organization: { documentId: string; name: string; shortName?: string | null };
  year: number;
  locale: Locale;
  publishedAt?: string | Date | null;
  firstPublishedAt?: string | Date | null;
  computedAt: string | Date;
  feeDecimals?: number;
  sections: Partial<Record<NarrativeCode, string | null>>;
  /** The problems stored with the report (they may include continuity warnings); computed without history if absent. */
  problems?: readonly Problem[];
  acknowledgedAt?: string | null;
  corrections?: readonly PublicCorrection[];
}

const iso = (d: string | Date) => (d instanceof Date ? d.toISOString() : d);
export const DEFAULT_FEE_DECIMALS = 4;

export function toPublicReport(i: PublicReportInput): PublicReport {
  const { format, locale } = i;
  const feeDecimals = i.feeDecimals ?? DEFAULT_FEE_DECIMALS;
  const problems = i.problems ?? checkReport(format, i.cells);
  const publishedAt = i.publishedAt ? iso(i.publishedAt) : null;
  return {
    organization: {
      documentId: i.organization.documentId,
      name: i.organization.name,
      shortName: i.organization.shortName ?? null,
    },
    year: i.year,
    locale,
    format: { code: format.code, title: locale === 'en' ? format.titleEn : format.title, basis: format.basis },
    publishedAt,
    firstPublishedAt: i.firstPublishedAt ? iso(i.firstPublishedAt) : publishedAt,
    computedAt: iso(i.computedAt),
    feeDecimals,
    sections: {
      overview: i.sections.overview ?? '',
      problems: i.sections.problems ?? '',
      otherMatters: i.sections.otherMatters ?? '',
    },
    tables: format.tables.map((table) => ({
      code: table.code,
      number: locale === 'en' ? table.numberEn : table.number,
      title: headingIn(table, locale),
      blocks: table.blocks.map((block) => ({
        code: block.code,
        caption: block.caption ? labelIn(block.caption, locale) : null,
        columns: block.columns.map((c) => {
          // The fee header states its printed precision, as on the printable page.
          const label = columnLabel(c, locale, feeDecimals);
          const path = [...pathIn(c, locale)];
          path[path.length - 1] = label;
          return { code: c.code, label, path };
        }),
        rows: block.rows.map((r) => {
          const kind = r.source.records === 'fees' ? 'money' : 'count';
          const values: Record<string, number | string> = {};
          const display: Record<string, string> = {};
          for (const c of block.columns) {
            const id = cellId(table.code, block.code, r.code, c.code);
            const v = i.cells[id];
            if (v === undefined) throw new Error(`Cannot publish report: cell ${id} is missing`);
            values[c.code] = v;
            display[c.code] = printedValue(kind, v, feeDecimals);
          }
          return { code: r.code, label: labelIn(r, locale), path: [...pathIn(r, locale)], values, display };
        }),
      })),
    })),
    checks: {
      errors: problems.filter((p) => p.severity === 'error'),
      warnings: problems.filter((p) => p.severity === 'warning'),
      acknowledgedAt: i.acknowledgedAt ?? null,
    },
    corrections: [...(i.corrections ?? [])],
  };
}
