/**
 * Glue between what the Document Service returns for a project (with its published notices) and deriveProcess:
 * pure, so that the controller only loads data and the mapping is tested without Strapi.
 */
import { CATEGORIES, deriveProcess, type Category, type NoticeRef, type Process } from './process';

/** The fields of a project the process needs, as loaded by the controller (one query for a whole page). */
export const PROCESS_PROJECT_FIELDS = [
  'documentId',
  'category',
  'registeredOn',
  'contractSignedOn',
  'hasComplaint',
] as const;
export const PROCESS_NOTICE_FIELDS = ['documentId', 'title', 'noticeType', 'releasedAt'] as const;

export type LoadedProject = {
  documentId: string;
  category?: string | null;
  registeredOn?: string | null;
  contractSignedOn?: string | null;
  hasComplaint?: boolean | null;
  keyTimes?: { bidOpeningAt?: string | Date | null } | null;
  notices?: Array<{ documentId: string; title: string; noticeType: string; releasedAt: string | Date }> | null;
};

const iso = (v: string | Date | null | undefined): string | null =>
  v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : String(v);

/** The process of one project, or null when the project lacks what the process needs (an unknown category). */
export function processOf(project: LoadedProject, now?: Date): Process | null {
  if (!project.category || !(CATEGORIES as readonly string[]).includes(project.category) || !project.registeredOn)
    return null;
  const notices: NoticeRef[] = (project.notices ?? []).map((n) => ({
    documentId: n.documentId,
    title: n.title,
    noticeType: n.noticeType,
    releasedAt: iso(n.releasedAt) as string,
  }));
  return deriveProcess({
    category: project.category as Category,
    registeredOn: iso(project.registeredOn) as string,
    bidOpeningAt: iso(project.keyTimes?.bidOpeningAt ?? null),
    contractSignedOn: iso(project.contractSignedOn ?? null),
    hasComplaint: project.hasComplaint ?? false,
    notices,
    now,
  });
}

/** Adds `process` to each item of a content-API result (one object or an array), by documentId. */
export function withProcesses<T extends { documentId?: string }>(
  data: T | T[] | null | undefined,
  projects: LoadedProject[],
  now?: Date,
): void {
  if (!data) return;
  const byId = new Map(projects.map((p) => [p.documentId, p]));
  for (const item of Array.isArray(data) ? data : [data]) {
    const project = item.documentId ? byId.get(item.documentId) : undefined;
    (item as T & { process: Process | null }).process = project ? processOf(project, now) : null;
  }
}
