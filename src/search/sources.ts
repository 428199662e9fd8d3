/**
 * What is searched: each searchable content type, the kind its entries get and how a published row becomes an entry
 * (title, codes, plain body, date for ordering). Declared once: the index, the API's `type` values and the site read it.
 */
import { plainText } from './text';

export const SEARCH_KINDS = ['notice', 'project', 'document'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export interface EntryContent {
  title: string;
  /** Identifiers searched and shown as they are (项目编号, 标段编号, 统一交易标识码, 文号), space-separated. */
  code: string;
  body: string;
  /** ISO date or date-time: entries are listed newest first. */
  sortAt: string;
}

type Row = Record<string, any>;
const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : value ? String(value) : '');
const joined = (...parts: unknown[]) => parts.filter((p) => typeof p === 'string' && p.trim()).join(' ');

export interface SearchSource {
  kind: SearchKind;
  /** Attributes read from each published row. */
  fields: string[];
  /** Relations read with it (Query Engine populate). */
  populate?: Record<string, { select: string[] }>;
  entry(row: Row): EntryContent;
}

export const NOTICE_UID = 'api::transaction-notice.transaction-notice';
export const PROJECT_UID = 'api::transaction-project.transaction-project';

export const SOURCES: Record<string, SearchSource> = {
  // A notice is found by its project's 项目编号 and 统一交易标识码 too (kept in step when they change: ./maintain.ts).
  [NOTICE_UID]: {
    kind: 'notice',
    fields: ['title', 'releasedAt', 'body'],
    populate: { project: { select: ['projectCode', 'dealCode'] } },
    entry: (r) => ({
      title: r.title ?? '',
      code: joined(r.project?.projectCode, r.project?.dealCode),
      body: plainText(r.body),
      sortAt: iso(r.releasedAt),
    }),
  },
  [PROJECT_UID]: {
    kind: 'project',
    fields: [
      'name',
      'projectCode',
      'sectionCode',
      'dealCode',
      'registeredOn',
      'principal',
      'agency',
      'region',
      'winner',
    ],
    entry: (r) => ({
      title: r.name ?? '',
      code: joined(r.projectCode, r.sectionCode, r.dealCode),
      body: joined(r.principal, r.agency, r.region, r.winner),
      sortAt: iso(r.registeredOn),
    }),
  },
  'api::policy-document.policy-document': {
    kind: 'document',
    fields: ['title', 'documentNumber', 'issuingBody', 'issuedOn', 'body'],
    entry: (r) => ({
      title: r.title ?? '',
      code: joined(r.documentNumber),
      body: plainText(joined(r.issuingBody, r.body)),
      sortAt: iso(r.issuedOn),
    }),
  },
};

export const uidOfKind = (kind: SearchKind) => Object.entries(SOURCES).find(([, s]) => s.kind === kind)![0];
