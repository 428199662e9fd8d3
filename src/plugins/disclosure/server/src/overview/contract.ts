/**
 * The compliance overview's contract (政务公开办 and auditors): every organization × year with the state of its annual
 * report, its timeliness and its applications overdue now. Shared by the server, the XLSX export and the admin page
 * (no imports: the admin bundles it as it is).
 */

/** A report's state for one organization and year, from the stored columns of its default-locale rows. */
export const REPORT_STATES = ['none', 'draft', 'errors', 'warnings', 'published', 'corrected'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

/**
 * Publication against the statutory deadline (31 January of the next year, 条例 第四十九条). `noRecords`: no report, and
 * the year is before the organization's first year with any report or application (organizations are often entered
 * after their first reports were published elsewhere), so it is not counted as overdue.
 */
export const TIMELINESS = ['onTime', 'late', 'missing', 'pending', 'noRecords'] as const;
export type Timeliness = (typeof TIMELINESS)[number];

export const OVERVIEW_SORTS = ['organization', 'year', 'state', 'errors', 'warnings', 'overdue', 'timeliness'] as const;
export type OverviewSort = (typeof OVERVIEW_SORTS)[number];

export interface Bilingual {
  zh: string;
  en: string;
}

export const REPORT_STATE_LABELS: Record<ReportState, Bilingual> = {
  none: { zh: '未建立', en: 'None' },
  draft: { zh: '草稿', en: 'Draft' },
  errors: { zh: '有错误', en: 'Errors' },
  warnings: { zh: '提示未确认', en: 'Warnings unacknowledged' },
  published: { zh: '已发布', en: 'Published' },
  corrected: { zh: '已更正', en: 'Corrected' },
};

export const TIMELINESS_LABELS: Record<Timeliness, Bilingual> = {
  onTime: { zh: '按时发布', en: 'On time' },
  late: { zh: '逾期发布', en: 'Late' },
  missing: { zh: '逾期未发布', en: 'Overdue, not published' },
  pending: { zh: '未到期限', en: 'Not due yet' },
  noRecords: { zh: '无记录', en: 'No records' },
};

export interface OverviewRow {
  organization: { documentId: string; name: string; shortName: string | null };
  year: number;
  /** The statutory deadline, YYYY-MM-DD. */
  deadline: string;
  state: ReportState;
  timeliness: Timeliness;
  /** The report's documentId, null when there is none. */
  report: string | null;
  /** First publication (ISO), null when never published. */
  firstPublishedAt: string | null;
  corrections: number;
  /** Problems of the draft as of its last computation; null when never computed. */
  errors: number | null;
  warnings: number | null;
  warningsAcknowledged: boolean;
  /** The organization's open applications and those overdue today (not per year: now). */
  openApplications: number;
  overdueApplications: number;
}

export interface OverviewAnswer {
  data: OverviewRow[];
  meta: {
    today: string;
    years: number[];
    /** Rows per state and per timeliness over the whole filtered set (not the page). */
    counts: { states: Record<ReportState, number>; timeliness: Record<Timeliness, number> };
    pagination: { page: number; pageSize: number; pageCount: number; total: number };
  };
}
