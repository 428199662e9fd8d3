// Types of a report format: the tables, rows, columns, labels and rules of an annual report, declared as data.

export type Locale = 'zh-Hans' | 'en';
export type FormatCode = 'gov-2021' | 'gov-2019';
export type TableCode = 'proactive' | 'applications' | 'reviewsAndLawsuits';
export type NarrativeCode = 'overview' | 'problems' | 'otherMatters';
export type Severity = 'error' | 'warning';

/** Codes of the record model (shared by every format; the format decides which ones it reports). */
export type ApplicationMeasure = 'received' | 'carriedOver' | 'concluded' | 'carriedForward';
export type CaseKind = 'review' | 'lawsuitDirect' | 'lawsuitAfterReview';
export type CaseResult = 'upheld' | 'corrected' | 'other' | 'pending';
export type DocumentKind = 'regulation' | 'normative';
export type DocumentMeasure = 'issued' | 'repealed' | 'inForce';
export type DecisionKind = 'license' | 'penalty' | 'enforcement';

/** A Chinese label and its English counterpart. */
export interface Labelled {
  label: string;
  labelEn: string;
}

/** Text in both languages (rule descriptions, messages, templates with {placeholders}). */
export interface Bilingual {
  zh: string;
  en: string;
}

/** Where a row's numbers come from. */
export type RowSource =
  | { records: 'applications'; measure: 'received' | 'carriedOver' | 'carriedForward' }
  | { records: 'applications'; measure: 'concluded'; outcome: string }
  /** The (七)总计 row: the sum of the outcome rows of the same column. */
  | { records: 'applications'; measure: 'concludedTotal' }
  | { records: 'policyDocuments'; kind: DocumentKind }
  | { records: 'decisions'; kind: DecisionKind }
  | { records: 'fees' }
  | { records: 'cases' }
  /** A number only a published report states (the 2019 format's table 二): read by import, never computed. */
  | { records: 'published' };

/** Which part of the row's records a column counts. */
export type ColumnSource =
  | { by: 'applicantType'; applicantType: string }
  /** The sum of the applicantType columns of the same row. */
  | { by: 'applicantTotal' }
  | { by: 'documentMeasure'; measure: DocumentMeasure }
  | { by: 'decisionCount' }
  /** The exact sum of fees, in 万元. */
  | { by: 'feeAmount' }
  /** result 'total' is the sum of the four results of the same case kind. */
  | { by: 'case'; caseKind: CaseKind; result: CaseResult | 'total' }
  /** A published number no record computes; `signed` when the format prints changes (本年增/减) that may be negative. */
  | { by: 'published'; signed?: boolean };

export interface ColumnDef extends Labelled {
  code: string;
  /** Header path from the top header row down to this column's own label (the last element); used to merge cells. */
  path: readonly string[];
  pathEn: readonly string[];
  source: ColumnSource;
  /** A label that states the printed precision; {decimals} is replaced by the fee-decimals setting. */
  decimalsLabel?: Labelled;
}

export interface RowDef extends Labelled {
  code: string;
  /** Label path from the outer row group down to this row's own label (the last element). */
  path: readonly string[];
  pathEn: readonly string[];
  source: RowSource;
}

export interface BlockDef {
  code: string;
  caption?: Labelled;
  /** Header of the row-label column(s), e.g. 信息内容. */
  rowHeader?: Labelled;
  /** A note printed in the header corner over the row labels (table 三's 勾稽关系). */
  note?: Labelled;
  /** False when the national layout prints no row labels (table 四 has a single unlabelled row). */
  showRowLabels: boolean;
  columns: readonly ColumnDef[];
  rows: readonly RowDef[];
}

export interface TableDef {
  code: TableCode;
  /** 二 / 三 / 四 */
  number: string;
  numberEn: string;
  /** The section heading, verbatim. */
  heading: string;
  headingEn: string;
  /** Worksheet names in exports (Excel allows at most 31 characters). */
  sheetName: string;
  sheetNameEn: string;
  blocks: readonly BlockDef[];
}

export type SectionDef =
  { kind: 'narrative'; code: NarrativeCode; heading: string; headingEn: string } | { kind: 'table'; table: TableCode };

export interface RuleDef {
  id: string;
  severity: Severity;
  description: Bilingual;
  /** Message of one problem; placeholders {cell} {row} {column} {expected} {actual}. */
  message: Bilingual;
}

/** Texts that renderers print around the tables; placeholders in braces. */
export interface FormatTexts {
  /** {organization} {year} */
  documentTitle: Bilingual;
  /** How a problem names a cell: {table} {row} {column}. */
  cellReference: Bilingual;
  downloads: Bilingual;
  downloadCsv: Bilingual;
  downloadXlsx: Bilingual;
  downloadJson: Bilingual;
}

export interface ReportFormat {
  code: FormatCode;
  title: string;
  titleEn: string;
  /** The document that defines the format. */
  basis: string;
  texts: FormatTexts;
  sections: readonly SectionDef[];
  tables: readonly TableDef[];
  rules: readonly RuleDef[];
}
