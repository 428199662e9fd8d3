// The stable public JSON of a published report (the API contract of the site and of downloads).
import { fillTemplate, getFormat, headingIn, labelIn, pathIn, textIn } from '../format';
import type { Locale, NarrativeCode, ReportFormat, TableCode } from '../format/types';
import { type Cells, cellId } from './cells';
import { type Problem, checkReport } from './check';
import { type GridCell, cellKind, columnLabel, columnPath, cornerText, gridOf, printedValue } from './layout';

/**
 * Version 1 of the public report. Labels are in `locale`; codes are stable. Counts are integers; the fee
 * (`proactive.fees.fee.amount`) is an exact decimal string in 万元, `display` is each value as printed (the fee with
 * `feeDecimals` decimals). `path` gives the header groups for merging. Built once at publication and served as stored.
 * It carries the whole declaration a reader needs to print it (the title, the sections in order with their headings,
 * each block's corner text, row-label setting and merged grid), so the site copies nothing of the format.
 */
export interface PublicReport {
  /** The document's title as the printable page prints it. */
  title: string;
  /** The report's sections in the format's order, with their headings. */
  outline: PublicSection[];
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
export interface PublicSection {
  kind: 'narrative' | 'table';
  code: NarrativeCode | TableCode;
  heading: string;
}
/** One printed cell of a block's grid (cells covered by a merge are absent); `cell` is `row.column` for values. */
export type PublicGridCell = Pick<GridCell, 'row' | 'col' | 'rowspan' | 'colspan' | 'role' | 'text'> & {
  cell?: string;
};
export interface PublicGrid {
  headerRows: number;
  rowLabelColumns: number;
  width: number;
  height: number;
  cells: PublicGridCell[];
}
export interface PublicBlock {
  code: string;
  caption: string | null;
  /** Header of the row-label column(s) (信息内容), or null. */
  rowHeader: string | null;
  /** The note printed over the row labels (table 三's 勾稽关系), or null. */
  note: string | null;
  /** False when the national layout prints no row labels (table 四). */
  showRowLabels: boolean;
  /** The block as printed: merged headers and row labels, values as `display`. */
  grid: PublicGrid;
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
    title: titleOf(format, locale, i.organization.name, i.year),
    outline: outlineOf(format, locale),
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
      blocks: table.blocks.map((block) => {
        const columns = block.columns.map((c) => ({
          code: c.code,
          // The fee header states its printed precision, as on the printable page.
          label: columnLabel(c, locale, feeDecimals),
          path: columnPath(c, locale, feeDecimals),
        }));
        const rows = block.rows.map((r, index) => {
          const kind = cellKind(block, index);
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
        });
        const declared = {
          rowHeader: block.rowHeader ? labelIn(block.rowHeader, locale) : null,
          note: block.note ? labelIn(block.note, locale) : null,
          showRowLabels: block.showRowLabels,
        };
        return {
          code: block.code,
          caption: block.caption ? labelIn(block.caption, locale) : null,
          ...declared,
          grid: publicGrid({ ...declared, columns, rows }, cornerText(block, locale)),
          columns,
          rows,
        };
      }),
    })),
    checks: {
      errors: problems.filter((p) => p.severity === 'error'),
      warnings: problems.filter((p) => p.severity === 'warning'),
      acknowledgedAt: i.acknowledgedAt ?? null,
    },
    corrections: [...(i.corrections ?? [])],
  };
}

function titleOf(format: ReportFormat, locale: Locale, organization: string, year: number): string {
  return fillTemplate(textIn(format.texts.documentTitle, locale), { organization, year });
}

function outlineOf(format: ReportFormat, locale: Locale): PublicSection[] {
  return format.sections.map((s) =>
    s.kind === 'narrative'
      ? { kind: 'narrative', code: s.code, heading: headingIn(s, locale) }
      : {
          kind: 'table',
          code: s.table,
          heading: headingIn(
            format.tables.find((t) => t.code === s.table)!,
            locale,
          ),
        },
  );
}

/** A block's grid from its own printed paths and values: what the site prints. */
function publicGrid(block: Pick<PublicBlock, 'showRowLabels' | 'columns' | 'rows'>, corner: string | null): PublicGrid {
  const grid = gridOf(
    {
      corner,
      showRowLabels: block.showRowLabels,
      columns: block.columns.map((c) => c.path),
      rows: block.rows.map((r) => r.path),
    },
    (i, j) => {
      const row = block.rows[i];
      const column = block.columns[j].code;
      const printed = row.display?.[column];
      const value = row.values?.[column];
      // A missing value is shown as such, never as 0 or blank: a published report should have none.
      return {
        text: typeof printed === 'string' ? printed : value === undefined || value === null ? '—' : String(value),
        cell: `${row.code}.${column}`,
      };
    },
  );
  return {
    ...grid,
    cells: grid.cells.map(({ row, col, rowspan, colspan, role, text, ...rest }) => ({
      row,
      col,
      rowspan,
      colspan,
      role,
      text,
      ...('cell' in rest ? { cell: rest.cell } : {}),
    })),
  };
}

/** A public report as stored: those published before the declaration was carried lack it. */
export type StoredPublicReport = Omit<PublicReport, 'title' | 'outline' | 'tables'> &
  Partial<Pick<PublicReport, 'title' | 'outline'>> & {
    tables: Array<
      Omit<PublicTable, 'blocks'> & {
        blocks: Array<Omit<PublicBlock, 'rowHeader' | 'note' | 'showRowLabels' | 'grid'> & Partial<PublicBlock>>;
      }
    >;
  };

/** True when the stored JSON already carries the declaration (reports published since it does). */
export const carriesDeclaration = (json: string): boolean => json.includes('"outline":[');

/**
 * A report published before the JSON carried its declaration, completed on read: the title, outline and each block's
 * corner texts from the declaration it was published with (`format`, frozen in its publication; today's by code when
 * absent), the grid from the block's own stored paths and printed values. Nothing stored is changed.
 */
export function withDeclaration(
  stored: StoredPublicReport,
  format: ReportFormat = getFormat(stored.format.code),
): PublicReport {
  const { title, outline, ...report } = stored;
  const locale = report.locale;
  return {
    title: title ?? titleOf(format, locale, report.organization.name, report.year),
    outline: outline ?? outlineOf(format, locale),
    ...report,
    tables: report.tables.map((table) => {
      const tableDef = format.tables.find((t) => t.code === table.code);
      return {
        ...table,
        blocks: table.blocks.map((block): PublicBlock => {
          if (block.grid) return block as PublicBlock;
          const def = tableDef?.blocks.find((b) => b.code === block.code);
          const declared = {
            rowHeader: def?.rowHeader ? labelIn(def.rowHeader, locale) : null,
            note: def?.note ? labelIn(def.note, locale) : null,
            showRowLabels: def?.showRowLabels ?? true,
          };
          const { code, caption, columns, rows } = block;
          return {
            code,
            caption,
            ...declared,
            grid: publicGrid({ ...declared, columns, rows }, declared.note ?? declared.rowHeader),
            columns,
            rows,
          };
        }),
      };
    }),
  };
}
