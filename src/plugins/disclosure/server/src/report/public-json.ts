// The stable public JSON of a published report (the API contract of the site and of downloads).
import { headingIn, labelIn, pathIn } from '../format';
import type { Locale, NarrativeCode, ReportFormat, TableCode } from '../format/types';
import { type Cells, cellId } from './cells';
import { type Problem, checkReport } from './check';

/**
 * Version 1 of the public report. Labels are in `locale`; codes are stable. Counts are integers; the fee
 * (`proactive.fees.fee.amount`) is an exact decimal string in 万元. `path` gives the header groups for merging.
 */
export interface PublicReport {
  organization: { documentId: string; name: string; shortName: string | null };
  year: number;
  locale: Locale;
  format: { code: string; title: string };
  publishedAt: string | null;
  computedAt: string;
  sections: Record<NarrativeCode, string>;
  tables: PublicTable[];
  checks: { errors: Problem[]; warnings: Problem[] };
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
  rows: Array<{ code: string; label: string; path: string[]; values: Record<string, number | string> }>;
}

export interface PublicReportInput {
  format: ReportFormat;
  cells: Cells;
  organization: { documentId: string; name: string; shortName?: string | null };
  year: number;
  locale: Locale;
  publishedAt?: string | Date | null;
  computedAt: string | Date;
  sections: Partial<Record<NarrativeCode, string | null>>;
  /** The problems stored with the report (they may include continuity warnings); computed without history if absent. */
  problems?: readonly Problem[];
}

const iso = (d: string | Date) => (d instanceof Date ? d.toISOString() : d);

export function toPublicReport(i: PublicReportInput): PublicReport {
  const { format, locale } = i;
  const problems = i.problems ?? checkReport(format, i.cells);
  return {
    organization: {
      documentId: i.organization.documentId,
      name: i.organization.name,
      shortName: i.organization.shortName ?? null,
    },
    year: i.year,
    locale,
    format: { code: format.code, title: locale === 'en' ? format.titleEn : format.title },
    publishedAt: i.publishedAt ? iso(i.publishedAt) : null,
    computedAt: iso(i.computedAt),
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
        columns: block.columns.map((c) => ({ code: c.code, label: labelIn(c, locale), path: [...pathIn(c, locale)] })),
        rows: block.rows.map((r) => ({
          code: r.code,
          label: labelIn(r, locale),
          path: [...pathIn(r, locale)],
          values: Object.fromEntries(
            block.columns.map((c) => {
              const id = cellId(table.code, block.code, r.code, c.code);
              const v = i.cells[id];
              if (v === undefined) throw new Error(`Cannot publish report: cell ${id} is missing`);
              return [c.code, v];
            }),
          ),
        })),
      })),
    })),
    checks: {
      errors: problems.filter((p) => p.severity === 'error'),
      warnings: problems.filter((p) => p.severity === 'warning'),
    },
  };
}
