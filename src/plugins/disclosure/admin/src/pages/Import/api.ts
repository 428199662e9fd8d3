// Shapes of the import's admin API (server: routes/report.ts, controllers/imports.ts, services/imports.ts).
import type { Bilingual } from '../../../../server/src/format/types';

export const IMPORT_API = {
  preview: '/disclosure/imports',
  confirm: '/disclosure/imports/confirm',
  list: '/disclosure/imports',
};

export const IMPORT_PERMISSION = 'plugin::disclosure.report.import';

/** Where something was read: offsets into `text`, line and column from 1. */
export interface SourcePlace {
  offset: number;
  length: number;
  line: number;
  column: number;
  text: string;
}

export interface ImportedCell {
  value: number | string | null;
  raw: string;
  place: SourcePlace;
  how: 'cell' | 'decoded' | 'positional';
}

export type AuditSeverity = 'error' | 'warning' | 'uncertain' | 'notice';

export interface AuditProblem {
  rule: string;
  severity: AuditSeverity;
  cells: string[];
  expected?: number | string;
  actual?: number | string;
  message: Bilingual;
  place: SourcePlace | null;
}

/** The preview (nothing stored) and, after confirm, the stored report share these fields. */
export interface ImportResult {
  documentId?: string;
  title?: string;
  source?: 'imported';
  organization: { documentId: string; name: string } | null;
  year: number;
  format: 'gov-2021' | 'gov-2019';
  form: 'text' | 'html' | 'docx' | 'pdf';
  read?: {
    organization: { value: string; place: SourcePlace } | null;
    year: { value: number; place: SourcePlace } | null;
  };
  cells: Record<string, ImportedCell>;
  text: string;
  problems: AuditProblem[];
  previousYear?: { year: number; source: 'computed' | 'imported' } | null;
  existing?: { documentId: string; importedAt: string; importedBy: string } | null;
  file?: { id: number; name: string; url: string; mime: string; size: number } | null;
  importedBy?: string;
  importedAt?: string;
}

/** One row of `GET /disclosure/imports` (services/imports.ts `list`): newest year first. */
export interface StoredImport {
  documentId: string;
  title: string | null;
  year: number;
  source: 'imported';
  formatVersion: 'gov-2021' | 'gov-2019';
  importedBy: string | null;
  importedAt: string | null;
  organization: { documentId: string; name: string } | null;
  file: { name: string; url: string } | null;
}
