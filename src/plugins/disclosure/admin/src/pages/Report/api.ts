// Shapes of the report's admin API (server: routes/report.ts, controllers/report.ts, services/report.ts and
// services/drilldown.ts) and the permissions the page checks.
import { isFetchError } from '@strapi/strapi/admin';
import type { Bilingual, ReportFormat } from '../../../../server/src/format/types';
import type { Cells } from './grid';

export type { ReportFormat };

export const PERMISSIONS = {
  read: 'plugin::disclosure.report.read',
  compute: 'plugin::disclosure.report.compute',
  publish: 'plugin::disclosure.report.publish',
} as const;

/** Stable reference: useRBAC re-checks whenever the array it is given changes. */
export const RBAC_PERMISSIONS = [
  { action: PERMISSIONS.read, subject: null },
  { action: PERMISSIONS.compute, subject: null },
  { action: PERMISSIONS.publish, subject: null },
];

export const API = {
  format: '/disclosure/format',
  organizations: '/disclosure/organizations',
  view: '/disclosure/reports/view',
  compute: '/disclosure/reports/compute',
  acknowledge: '/disclosure/reports/acknowledge',
  publish: '/disclosure/reports/publish',
  cell: '/disclosure/reports/cell',
  paragraphs: '/disclosure/reports/paragraphs',
};

export interface FormatResponse {
  data: ReportFormat;
  feeDecimals: number;
}

export interface Organization {
  documentId: string;
  name: string;
  shortName?: string | null;
}

export type RecordKind = 'applications' | 'cases' | 'policyDocuments' | 'decisions' | 'fees';

export interface Problem {
  rule: string;
  severity: 'error' | 'warning';
  /** The cell that is wrong first, then the cells it was compared with. */
  cells: string[];
  expected: number | string;
  actual: number | string;
  message: Bilingual;
}

export interface Snapshot {
  format: string;
  computedAt: string;
  recordCounts: Record<RecordKind, number>;
  cells: Cells;
}

export interface ReportView {
  organization: Organization;
  year: number;
  locale: string;
  report: null | {
    documentId: string;
    title: string | null;
    formatVersion: string;
    updatedAt: string;
    publishedAt: string | null;
    upToDate: boolean;
    /** Publications so far: sent back with a publish, answered 409 when someone published meanwhile. */
    revision: number;
  };
  snapshot: Snapshot | null;
  problems: Problem[];
  acknowledgement: null | { by: { id: number | string; name: string }; at: string; warnings: string; current: boolean };
  /** Empty required sections and a year not yet over, per locale (hard errors at publication). */
  completeness: Array<{ path: string; zh: string; en: string }>;
  /** The frozen publication of this locale, and what changed since in the admin's eyes (never in public). */
  publication: null | {
    publishedAt: string;
    firstPublishedAt: string;
    publishedBy: string;
    corrections: Array<{ at: string; by: string; reason: string; previousPublishedAt: string }>;
    baselineChanged: boolean;
    recordsChanged: boolean;
  };
  /** The statutory deadline (31 January of the next year) and whether the report is (or will be) late. */
  deadline: { date: string; yearEnded: boolean; passed: boolean; late: boolean };
  canPublish: boolean;
  needsAcknowledgement: boolean;
  /** Published already: publishing again is a correction (更正) and needs a reason. */
  needsReason: boolean;
}

export interface CellRecords {
  data: Array<Record<string, any>>;
  meta: {
    cell: string;
    records: RecordKind;
    personalData: boolean;
    pagination: { page: number; pageSize: number; total: number; pageCount: number };
  };
}

export type Status = 'notComputed' | 'draft' | 'published' | 'modified';

export function statusOf(view: ReportView | null): Status {
  if (!view?.report || !view.snapshot) return 'notComputed';
  if (!view.report.publishedAt) return 'draft';
  return view.report.upToDate ? 'published' : 'modified';
}

export interface Failure {
  status: number | null;
  message: string;
  /** The reasons the server named (details.errors[].message of a 400). */
  details: string[];
}

/** A failed call in words: the server's message and reasons, or the network error. */
export function failureOf(error: unknown): Failure {
  if (isFetchError(error)) {
    const body = (error.response?.data as any)?.error as
      { status?: number; message?: string; details?: any } | undefined;
    const details: string[] = (body?.details?.errors ?? [])
      .map((e: { path?: unknown; message?: string }) => e?.message)
      .filter((m: unknown): m is string => typeof m === 'string' && m.length > 0);
    return { status: error.status ?? body?.status ?? null, message: body?.message || error.message, details };
  }
  return { status: null, message: error instanceof Error ? error.message : String(error), details: [] };
}
