/**
 * The annual report's service: compute the tables into the draft, check them, acknowledge warnings, publish, and
 * read published reports for the public. The arithmetic lives in ../report (pure); SQL in ../report-db.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { createHash } from 'crypto';
import { DEFAULT_FORMAT, getFormat, reportedKinds, type Locale } from '../format';
import { cellsFromAggregates, checkReport, hasErrors, type Cells, type Problem } from '../report';
import { aggregateReport } from '../report-db/aggregate';
import { UIDS } from '../report-db/tables';
import { parseAcknowledgement, parseSnapshot, type Snapshot } from '../report-db/snapshot';

const REPORT = UIDS.report;
export const DEFAULT_LOCALE = 'zh-Hans';

export type ReportDocument = Record<string, any> & { documentId: string; locale: string; year: number };

export const warningsFingerprint = (problems: readonly Problem[]) =>
  createHash('sha256')
    .update(JSON.stringify(problems.filter((p) => p.severity === 'warning').map((p) => [p.rule, p.cells, p.expected, p.actual])))
    .digest('hex');

const reportService = ({ strapi }: { strapi: Core.Strapi }) => {
  // Typed loosely: the app's generated content types are not visible to the plugin's compiler.
  const documents = (): any => strapi.documents(REPORT as any);

  async function organization(documentId: string) {
    const org = await strapi.documents(UIDS.organization as any).findOne({ documentId, locale: DEFAULT_LOCALE } as any);
    if (!org) throw new errors.NotFoundError(`Organization ${documentId} not found`);
    return org as Record<string, any>;
  }

  async function findReport(organizationId: string, year: number, status: 'draft' | 'published', locale = DEFAULT_LOCALE) {
    const [found] = await documents().findMany({
      filters: { organization: { documentId: organizationId }, year },
      locale,
      status,
      populate: { organization: { fields: ['documentId', 'name', 'shortName', 'canIssueRegulations'] } },
      limit: 1,
    } as any);
    return (found as ReportDocument | undefined) ?? null;
  }

  /** The previous year's published cells of the organization, for the continuity warnings. */
  async function previousCells(organizationId: string, year: number): Promise<Cells | null> {
    const previous = await findReport(organizationId, year - 1, 'published');
    return parseSnapshot(previous?.tables)?.cells ?? null;
  }

  /** Every problem of a snapshot: the hard rules and the warnings, cross-year ones included. */
  async function check(snapshot: Snapshot, organizationId: string, year: number, org?: Record<string, any>): Promise<Problem[]> {
    const format = getFormat(snapshot.format);
    const orgDoc = org ?? (await organization(organizationId));
    return checkReport(format, snapshot.cells, {
      previous: await previousCells(organizationId, year),
      organization: { canIssueRegulations: orgDoc.canIssueRegulations },
    });
  }

  return {
    async compute(organizationId: string, year: number): Promise<ReportDocument> {
      const org = await organization(organizationId);
      const format = getFormat(DEFAULT_FORMAT);
      const { aggregates, counts } = await aggregateReport(strapi, organizationId, year, reportedKinds(format).policyDocuments);
      const tables: Snapshot = {
        format: format.code,
        computedAt: new Date().toISOString(),
        recordCounts: counts,
        cells: cellsFromAggregates(format, aggregates),
      };
      const existing = await findReport(organizationId, year, 'draft');
      // The tables are not localized: writing them on the default locale updates every locale's draft.
      const saved = existing
        ? await documents().update({ documentId: existing.documentId, locale: existing.locale, data: { tables, formatVersion: format.code } } as any)
        : await documents().create({
            locale: DEFAULT_LOCALE,
            data: {
              organization: organizationId,
              year,
              formatVersion: format.code,
              title: `${org.name}${year}年政府信息公开工作年度报告`,
              tables,
            },
          } as any);
      return saved as ReportDocument;
    },

    /** What the admin page shows: the draft's snapshot, its problems, and where publication stands. */
    async view(organizationId: string, year: number, locale: string = DEFAULT_LOCALE) {
      const org = await organization(organizationId);
      const draft = await findReport(organizationId, year, 'draft', locale);
      const published = await findReport(organizationId, year, 'published', locale);
      const snapshot = parseSnapshot(draft?.tables);
      const problems = snapshot ? await check(snapshot, organizationId, year, org) : [];
      const acknowledgement = parseAcknowledgement(draft?.acknowledgement);
      const fingerprint = warningsFingerprint(problems);
      return {
        organization: { documentId: org.documentId, name: org.name, shortName: org.shortName ?? null },
        year,
        locale,
        report: draft
          ? {
              documentId: draft.documentId,
              title: draft.title ?? null,
              formatVersion: draft.formatVersion,
              updatedAt: draft.updatedAt,
              publishedAt: published?.publishedAt ?? null,
              // Published, and the draft has not changed since: nothing to publish again.
              upToDate: !!published && JSON.stringify(published.tables) === JSON.stringify(draft.tables),
            }
          : null,
        snapshot,
        problems,
        acknowledgement: acknowledgement ? { ...acknowledgement, current: acknowledgement.warnings === fingerprint } : null,
        canPublish: !!snapshot && !hasErrors(problems),
        needsAcknowledgement: problems.some((p) => p.severity === 'warning') && acknowledgement?.warnings !== fingerprint,
      };
    },

    async acknowledge(documentId: string, user: { id: number | string; firstname?: string; lastname?: string; email?: string }) {
      const draft = (await documents().findOne({ documentId, locale: DEFAULT_LOCALE, status: 'draft', populate: ['organization'] } as any)) as ReportDocument | null;
      if (!draft) throw new errors.NotFoundError(`Report ${documentId} not found`);
      const snapshot = parseSnapshot(draft.tables);
      if (!snapshot) throw new errors.ValidationError('The report has no computed tables yet: compute it first');
      const problems = await check(snapshot, draft.organization.documentId, draft.year);
      const name = [user.firstname, user.lastname].filter(Boolean).join(' ') || user.email || String(user.id);
      const acknowledgement = { by: { id: user.id, name }, at: new Date().toISOString(), warnings: warningsFingerprint(problems) };
      await documents().update({ documentId, locale: DEFAULT_LOCALE, data: { acknowledgement } } as any);
      return acknowledgement;
    },

    /**
     * Problems that forbid publishing this draft, or []: hard errors, missing tables, unacknowledged warnings.
     * Used by the publish guard (every path) and by the admin page's publish button.
     */
    async publishProblems(draft: ReportDocument): Promise<string[]> {
      const snapshot = parseSnapshot(draft.tables);
      if (!snapshot) return ['tables: the report has no valid computed tables; compute it before publishing'];
      const orgId = draft.organization?.documentId;
      if (!orgId) return ['organization: the report has no organization'];
      const problems = await check(snapshot, orgId, draft.year);
      const errorsFound = problems.filter((p) => p.severity === 'error');
      if (errorsFound.length) {
        return errorsFound.map((p) => `${p.cells.join(', ')}: ${p.message.en} (expected ${p.expected}, actual ${p.actual})`);
      }
      const warnings = problems.filter((p) => p.severity === 'warning');
      const ack = parseAcknowledgement(draft.acknowledgement);
      if (warnings.length && ack?.warnings !== warningsFingerprint(problems)) {
        return [`acknowledgement: ${warnings.length} warning(s) must be acknowledged by a person before publishing`];
      }
      return [];
    },

    async publish(documentId: string, locale = '*') {
      return documents().publish({ documentId, locale } as any);
    },

    /** Published reports for the public list. */
    async listPublished(query: { organization?: string; year?: number; locale?: string; page: number; pageSize: number }) {
      const filters: Record<string, unknown> = {};
      if (query.organization) filters.organization = { documentId: query.organization };
      if (query.year) filters.year = query.year;
      const params = {
        filters,
        locale: query.locale ?? DEFAULT_LOCALE,
        status: 'published',
        fields: ['documentId', 'title', 'year', 'locale', 'publishedAt'],
        populate: { organization: { fields: ['documentId', 'name', 'shortName'] } },
        sort: [{ year: 'desc' }, { publishedAt: 'desc' }],
      };
      const [data, total] = await Promise.all([
        documents().findMany({ ...params, start: (query.page - 1) * query.pageSize, limit: query.pageSize } as any),
        documents().count({ filters, locale: params.locale, status: 'published' } as any),
      ]);
      return {
        data,
        meta: { pagination: { page: query.page, pageSize: query.pageSize, pageCount: Math.ceil(total / query.pageSize), total } },
      };
    },

    /** A published report with valid tables, or null: drafts are never served. */
    async findPublished(documentId: string, locale: string = DEFAULT_LOCALE) {
      const report = (await documents().findOne({
        documentId,
        locale,
        status: 'published',
        populate: { organization: { fields: ['documentId', 'name', 'shortName'] } },
      } as any)) as ReportDocument | null;
      const snapshot = parseSnapshot(report?.tables);
      if (!report || !snapshot) return null;
      const problems = await check(snapshot, report.organization.documentId, report.year);
      return { report, snapshot, problems, format: getFormat(snapshot.format), locale: (locale === 'en' ? 'en' : 'zh-Hans') as Locale };
    },
  };
};

export type ReportService = ReturnType<typeof reportService>;
export default { report: reportService };
