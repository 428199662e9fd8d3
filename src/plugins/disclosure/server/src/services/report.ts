/**
 * The annual report's service: compute the tables into the draft, check them, acknowledge warnings, publish (freezing
 * what the public sees into `publication`), and serve published reports as stored. The arithmetic lives in ../report
 * (pure); SQL in ../report-db.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { createHash } from 'crypto';
import { todayInChina } from '../applications/dates';
import {
  DEFAULT_FORMAT,
  getFormat,
  reportedKinds,
  type Locale,
  type NarrativeCode,
  type ReportFormat,
} from '../format';
import {
  carriesDeclaration,
  cellsFromAggregates,
  checkReport,
  hasErrors,
  standardParagraphs,
  toPublicReport,
  withDeclaration,
  type Cells,
  type Problem,
  type StoredPublicReport,
} from '../report';
import { aggregateReport } from '../report-db/aggregate';
import { narrativeProblems } from '../import/own-narrative';
import { asPlugin, pluginWrite, type PluginWrite } from '../report-db/plugin-writes';
import type { Baseline, ImportsService } from './imports';
import { UIDS } from '../report-db/tables';
import {
  parseAcknowledgement,
  parsePublication,
  parseSnapshot,
  type Correction,
  type Publication,
  type Snapshot,
} from '../report-db/snapshot';

const REPORT = UIDS.report;
export const DEFAULT_LOCALE = 'zh-Hans';
const NARRATIVES: readonly NarrativeCode[] = ['overview', 'problems', 'otherMatters'];

export type ReportDocument = Record<string, any> & { documentId: string; locale: string; year: number };
type User = { id: number | string; firstname?: string | null; lastname?: string | null; email?: string | null };

export const warningsFingerprint = (problems: readonly Problem[]) =>
  createHash('sha256')
    .update(
      JSON.stringify(
        problems.filter((p) => p.severity === 'warning').map((p) => [p.rule, p.cells, p.expected, p.actual]),
      ),
    )
    .digest('hex');

const cellsFingerprint = (cells: Cells | null) =>
  cells
    ? createHash('sha256')
        .update(JSON.stringify(Object.entries(cells).sort(([a], [b]) => a.localeCompare(b))))
        .digest('hex')
    : null;

/** Same figures under the same format: what "changed" means for a report (never the time it was computed). */
const sameTables = (a: Snapshot | null, b: Snapshot | null) =>
  !!a && !!b && a.format === b.format && cellsFingerprint(a.cells) === cellsFingerprint(b.cells);

const sectionsOf = (doc: Record<string, any> | null | undefined): Record<NarrativeCode, string> => ({
  overview: doc?.overview ?? '',
  problems: doc?.problems ?? '',
  otherMatters: doc?.otherMatters ?? '',
});

/** A section is empty when nothing but whitespace (or empty markup) is left; 六 may say 无, but must say it. */
const isBlank = (text: string) =>
  text
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/gi, ' ')
    .trim() === '';

export const userName = (user: User | null | undefined) =>
  user ? [user.firstname, user.lastname].filter(Boolean).join(' ') || user.email || String(user.id) : 'system';

/** The statutory deadline (条例 第四十九条): 31 January of the next year. */
export const deadlineOf = (year: number) => `${year + 1}-01-31`;

/**
 * The public JSON answer of a publication, serialized once at publication (`publicJson`): the hot public route sends
 * it as stored, without parsing the whole publication (the format declaration, history, cells) on every request.
 * A report published before the JSON carried its declaration gets it here, from the declaration it was published with.
 */
export const publicJsonOf = (publication: { report: unknown; format: unknown }) =>
  JSON.stringify({
    data: withDeclaration(publication.report as StoredPublicReport, publication.format as ReportFormat),
  });
const dateInChina = (iso: string) => todayInChina(new Date(iso));

/** The overview's columns of a publication (written with it, copied to the published row by Strapi's publish). */
export const publicationColumns = (publication: Pick<Publication, 'firstPublishedAt' | 'corrections'>) => ({
  firstPublishedAt: publication.firstPublishedAt,
  correctionCount: publication.corrections.length,
});

/** The overview's columns of a computed draft: its problem counts and whether a person acknowledged these warnings. */
export const problemColumns = (problems: readonly Problem[], acknowledgement: unknown) => {
  const warningCount = problems.filter((p) => p.severity === 'warning').length;
  return {
    errorCount: problems.filter((p) => p.severity === 'error').length,
    warningCount,
    warningsAcknowledged:
      warningCount > 0 && parseAcknowledgement(acknowledgement)?.warnings === warningsFingerprint(problems),
  };
};

/** A publication problem: where (a field, a section or a cell) and the message in both languages. */
export interface PublishProblem {
  path: string;
  zh: string;
  en: string;
}
const problemText = (p: PublishProblem) => `${p.path}: ${p.zh} / ${p.en}`;

/**
 * The draft that speaks for the non-localized attributes (tables, acknowledgement, organization) when several locales
 * are published: the default locale's, else one that has them.
 */
const mainDraft = (drafts: readonly ReportDocument[]): ReportDocument =>
  drafts.find((d) => d.locale === DEFAULT_LOCALE && d.organization) ?? drafts.find((d) => d.organization) ?? drafts[0];

const reportService = ({ strapi }: { strapi: Core.Strapi }) => {
  // Typed loosely: the app's generated content types are not visible to the plugin's compiler.
  const documents = (): any => strapi.documents(REPORT as any);
  const feeDecimals = () => strapi.plugin('disclosure').config('feeDecimals') as number;

  async function organization(documentId: string) {
    const org = await strapi.documents(UIDS.organization as any).findOne({ documentId, locale: DEFAULT_LOCALE } as any);
    if (!org) throw new errors.NotFoundError(`Organization ${documentId} not found`);
    return org as Record<string, any>;
  }

  async function findReport(
    organizationId: string,
    year: number,
    status: 'draft' | 'published',
    locale = DEFAULT_LOCALE,
  ) {
    const [found] = await documents().findMany({
      filters: { organization: { documentId: organizationId }, year },
      locale,
      status,
      populate: { organization: { fields: ['documentId', 'name', 'shortName', 'canIssueRegulations'] } },
      limit: 1,
    } as any);
    return (found as ReportDocument | undefined) ?? null;
  }

  /** A year's published cells of the organization (as frozen at its publication), or null when none is out. */
  async function publishedCells(organizationId: string, year: number): Promise<Cells | null> {
    const published = await findReport(organizationId, year, 'published');
    if (!published) return null;
    return parsePublication(published.publication)?.snapshot.cells ?? parseSnapshot(published.tables)?.cells ?? null;
  }

  /**
   * Last year's figures for the continuity checks of year `year`: the published computed report of year − 1, else the
   * organization's imported (historical) report of that year, else null.
   */
  async function previousCells(organizationId: string, year: number): Promise<Baseline | null> {
    const published = await findReport(organizationId, year - 1, 'published');
    if (published) {
      const snapshot = parsePublication(published.publication)?.snapshot ?? parseSnapshot(published.tables);
      if (snapshot) return { year: year - 1, source: 'computed', format: snapshot.format, cells: snapshot.cells };
    }
    const imported = await (strapi.plugin('disclosure').service('imports') as ImportsService).cellsOf(
      organizationId,
      year - 1,
    );
    return imported ? { year: year - 1, source: 'imported', ...imported } : null;
  }

  /**
   * Sections 一, 五, 六 whose numbers are compared with the tables before publishing: the default locale's (the
   * narrative check reads Chinese), whichever locale is being viewed or published.
   */
  async function narrativeOf(
    documentId: string | undefined,
    drafts: readonly ReportDocument[] = [],
  ): Promise<Record<NarrativeCode, string> | null> {
    const own = drafts.find((d) => d.locale === DEFAULT_LOCALE);
    if (own) return sectionsOf(own);
    if (!documentId) return null;
    const draft = await documents().findOne({
      documentId,
      locale: DEFAULT_LOCALE,
      status: 'draft',
      fields: NARRATIVES as unknown as string[],
    } as any);
    return draft ? sectionsOf(draft) : null;
  }

  /**
   * Every problem of a snapshot: the hard rules and the warnings, continuity with both neighbouring years included,
   * and the narrative's numbers against the tables (warnings) when sections are given.
   */
  async function check(
    snapshot: Snapshot,
    organizationId: string,
    year: number,
    org?: Record<string, any>,
    sections?: Record<NarrativeCode, string> | null,
  ): Promise<Problem[]> {
    const format = getFormat(snapshot.format);
    const orgDoc = org ?? (await organization(organizationId));
    // In sequence: inside a publish this runs on the transaction's single connection.
    const previous = await previousCells(organizationId, year);
    const next = await publishedCells(organizationId, year + 1);
    return [
      ...checkReport(format, snapshot.cells, {
        year,
        previous: previous?.cells ?? null,
        next: next ? { year: year + 1, cells: next } : null,
        organization: { canIssueRegulations: orgDoc.canIssueRegulations },
      }),
      ...(sections ? narrativeProblems(format, snapshot.cells, sections) : []),
    ];
  }

  /** The cells today's records give, for comparing with a stored snapshot. */
  async function freshSnapshot(organizationId: string, year: number): Promise<Snapshot> {
    const format = getFormat(DEFAULT_FORMAT);
    const { aggregates, counts } = await aggregateReport(
      strapi,
      organizationId,
      year,
      reportedKinds(format).policyDocuments,
    );
    return {
      format: format.code,
      computedAt: new Date().toISOString(),
      recordCounts: counts,
      cells: cellsFromAggregates(format, aggregates),
    };
  }

  /** Problems of completeness and timing, per locale drafted: empty required sections, a year not yet over. */
  function completenessProblems(drafts: readonly ReportDocument[], today = todayInChina()): PublishProblem[] {
    const out: PublishProblem[] = [];
    const year = drafts[0]?.year;
    if (typeof year === 'number' && year >= Number(today.slice(0, 4))) {
      out.push({
        path: 'year',
        zh: `${year}年尚未结束，不能发布该年度报告（法定发布期限为 ${deadlineOf(year)}）`,
        en: `the year ${year} is not over yet: its report cannot be published (statutory deadline ${deadlineOf(year)})`,
      });
    }
    const format = getFormat(DEFAULT_FORMAT);
    for (const draft of drafts) {
      const sections = sectionsOf(draft);
      for (const code of NARRATIVES) {
        if (!isBlank(sections[code])) continue;
        const def = format.sections.find((s) => s.kind === 'narrative' && s.code === code);
        const heading = def && def.kind === 'narrative' ? def : { heading: code, headingEn: code };
        out.push({
          path: `${code}[${draft.locale}]`,
          zh: `「${heading.heading}」（${draft.locale}）为空，发布前须填写${code === 'otherMatters' ? '（没有其他事项时写“无”）' : ''}`,
          en: `“${heading.headingEn}” (${draft.locale}) is empty: write it before publishing${code === 'otherMatters' ? ' (write “无 / none” when there is nothing to report)' : ''}`,
        });
      }
    }
    return out;
  }

  /** Compares the stored snapshot with what the records give now: a snapshot is only ever the computation's result. */
  async function recordsProblem(
    snapshot: Snapshot,
    organizationId: string,
    year: number,
  ): Promise<PublishProblem | null> {
    const fresh = await freshSnapshot(organizationId, year);
    if (sameTables(snapshot, fresh)) return null;
    const differing = Object.keys(fresh.cells).find((id) => fresh.cells[id] !== snapshot.cells[id]) ?? 'format';
    return {
      path: 'tables',
      zh: `记录已变化，请重新计算（${differing}：计算结果 ${snapshot.cells[differing] ?? '—'}，现有记录为 ${fresh.cells[differing] ?? '—'}）`,
      en: `records changed since computing: recompute (${differing}: computed ${snapshot.cells[differing] ?? '—'}, the records now give ${fresh.cells[differing] ?? '—'})`,
    };
  }

  async function publishedVersions(documentId: string, locale: string): Promise<ReportDocument[]> {
    return documents().findMany({ filters: { documentId }, locale, status: 'published' } as any);
  }

  return {
    async compute(organizationId: string, year: number): Promise<ReportDocument> {
      const org = await organization(organizationId);
      const format = getFormat(DEFAULT_FORMAT);
      const tables = await freshSnapshot(organizationId, year);
      const existing = await findReport(organizationId, year, 'draft');
      // Stored with the tables for the compliance overview (one GROUP BY): the counts as of this computation.
      const counts = problemColumns(await check(tables, organizationId, year, org), existing?.acknowledgement);
      // The tables are not localized: writing them on the default locale updates every locale's draft.
      const saved = await asPlugin({}, () =>
        existing
          ? documents().update({
              documentId: existing.documentId,
              locale: existing.locale,
              data: { tables, formatVersion: format.code, ...counts },
            } as any)
          : documents().create({
              locale: DEFAULT_LOCALE,
              data: {
                organization: organizationId,
                year,
                formatVersion: format.code,
                title: `${org.name}${year}年政府信息公开工作年度报告`,
                tables,
                ...counts,
              },
            } as any),
      );
      return saved as ReportDocument;
    },

    /** What the admin page shows: the draft's snapshot, its problems, and where publication stands. */
    async view(organizationId: string, year: number, locale: string = DEFAULT_LOCALE) {
      const org = await organization(organizationId);
      const draft = await findReport(organizationId, year, 'draft', locale);
      const published = await findReport(organizationId, year, 'published', locale);
      const snapshot = parseSnapshot(draft?.tables);
      const baseline = await previousCells(organizationId, year);
      const problems = snapshot
        ? await check(snapshot, organizationId, year, org, await narrativeOf(draft?.documentId, draft ? [draft] : []))
        : [];
      const acknowledgement = parseAcknowledgement(draft?.acknowledgement);
      const fingerprint = warningsFingerprint(problems);
      const completeness = draft ? completenessProblems([draft]) : [];
      const publication = parsePublication(published?.publication);
      const today = todayInChina();
      const deadline = deadlineOf(year);
      let publicationState = null;
      if (publication) {
        const previousNow = cellsFingerprint(baseline?.cells ?? null);
        const fresh = await freshSnapshot(organizationId, year);
        publicationState = {
          publishedAt: publication.publishedAt,
          firstPublishedAt: publication.firstPublishedAt,
          publishedBy: publication.publishedBy.name,
          corrections: publication.corrections.map((c: Correction) => ({
            at: c.at,
            by: c.by.name,
            reason: c.reason,
            previousPublishedAt: c.previous.publishedAt,
          })),
          // Last year's published figures are not those this report was checked against: recompute and correct.
          baselineChanged: publication.baseline.previous !== previousNow,
          // Today's records give other figures than the published ones.
          recordsChanged: !sameTables(publication.snapshot, fresh),
        };
      }
      const firstPublished = publicationState?.firstPublishedAt ?? null;
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
              // How many times it was published: sent back with a publish, so that a publication made meanwhile
              // (another instance, another tab) is answered 409 instead of being published over.
              revision: Number(draft.publicationRevision ?? 0),
              publishedAt: publication?.publishedAt ?? published?.publishedAt ?? null,
              // Published, and the draft's figures and sections are those published: nothing to publish again.
              upToDate:
                !!publication &&
                sameTables(publication.snapshot, snapshot) &&
                JSON.stringify(publication.sections) === JSON.stringify(sectionsOf(draft)),
            }
          : null,
        snapshot,
        problems,
        // Where last year's figures of the continuity checks come from (null: none, continuity unchecked).
        previousYear: baseline ? { year: baseline.year, source: baseline.source } : null,
        completeness,
        publication: publicationState,
        deadline: {
          date: deadline,
          yearEnded: year < Number(today.slice(0, 4)),
          passed: today > deadline,
          late: firstPublished ? dateInChina(firstPublished) > deadline : today > deadline,
        },
        acknowledgement: acknowledgement
          ? { ...acknowledgement, current: acknowledgement.warnings === fingerprint }
          : null,
        canPublish: !!snapshot && !hasErrors(problems) && completeness.length === 0,
        needsAcknowledgement:
          problems.some((p) => p.severity === 'warning') && acknowledgement?.warnings !== fingerprint,
        // Republishing a published report is a correction (更正): it needs a reason.
        needsReason: !!published,
      };
    },

    async acknowledge(documentId: string, user: User) {
      const draft = (await documents().findOne({
        documentId,
        locale: DEFAULT_LOCALE,
        status: 'draft',
        populate: ['organization'],
      } as any)) as ReportDocument | null;
      if (!draft) throw new errors.NotFoundError(`Report ${documentId} not found`);
      const snapshot = parseSnapshot(draft.tables);
      if (!snapshot) throw new errors.ValidationError('The report has no computed tables yet: compute it first');
      const problems = await check(
        snapshot,
        draft.organization.documentId,
        draft.year,
        undefined,
        await narrativeOf(documentId, [draft]),
      );
      const acknowledgement = {
        by: { id: user.id, name: userName(user) },
        at: new Date().toISOString(),
        warnings: warningsFingerprint(problems),
      };
      await asPlugin({}, () =>
        documents().update({
          documentId,
          locale: DEFAULT_LOCALE,
          data: { acknowledgement, ...problemColumns(problems, acknowledgement) },
        } as any),
      );
      return acknowledgement;
    },

    /**
     * Problems that forbid publishing these drafts (one per locale published), or []: missing or outdated tables, hard
     * errors, empty sections, a year not over, unacknowledged warnings, a correction without a reason.
     * Used by the publish guard (every path), the admin page and the seed.
     */
    async publishProblems(
      drafts: ReportDocument | readonly ReportDocument[],
      write: PluginWrite | undefined = pluginWrite(),
    ): Promise<string[]> {
      const list = Array.isArray(drafts) ? (drafts as ReportDocument[]) : [drafts as ReportDocument];
      const draft = mainDraft(list);
      const snapshot = parseSnapshot(draft?.tables);
      if (!snapshot)
        return ['tables: 尚未计算报表 / the report has no valid computed tables; compute it before publishing'];
      const orgId = draft.organization?.documentId;
      if (!orgId) return ['organization: the report has no organization'];
      const problems = await check(snapshot, orgId, draft.year, undefined, await narrativeOf(draft.documentId, list));
      const errorsFound = problems.filter((p) => p.severity === 'error');
      if (errorsFound.length) {
        return errorsFound.map(
          (p) =>
            `${p.cells.join(', ')}: ${p.message.zh} / ${p.message.en} (expected ${p.expected}, actual ${p.actual})`,
        );
      }
      const out = completenessProblems(list).map(problemText);
      const records = await recordsProblem(snapshot, orgId, draft.year);
      if (records) out.push(problemText(records));
      const warnings = problems.filter((p) => p.severity === 'warning');
      const ack = parseAcknowledgement(draft.acknowledgement);
      if (warnings.length && ack?.warnings !== warningsFingerprint(problems)) {
        const later = warnings.filter((w) => w.rule === 'continuity.nextYear').map((w) => w.message.zh);
        out.push(
          `acknowledgement: ${warnings.length} 条提示须经人确认后才能发布 / ${warnings.length} warning(s) must be acknowledged by a person before publishing` +
            (later.length ? `. ${later[0]}` : ''),
        );
      }
      const published = await publishedVersions(draft.documentId, list.length > 1 ? '*' : draft.locale);
      const republished = published.filter((p) => list.some((d) => d.locale === p.locale));
      if (republished.length && !write?.reason?.trim()) {
        out.push(
          'reason: 此报告已发布，重新发布即为更正，须在年度报告页面填写更正理由 / the report is published: republishing it is a correction (更正) and needs a reason, given on the annual report page',
        );
      }
      return out;
    },

    mainDraft,
    previousCells,

    /** The standard numeric paragraphs of the draft's computed tables (section 一 and the applications part). */
    async paragraphs(organizationId: string, year: number, locale: Locale) {
      const org = await organization(organizationId);
      const draft = await findReport(organizationId, year, 'draft');
      const snapshot = parseSnapshot(draft?.tables);
      if (!snapshot)
        throw new errors.ValidationError(
          'tables: 尚未计算报表 / the report has no computed tables yet: compute it first',
        );
      return standardParagraphs(getFormat(snapshot.format), snapshot.cells, {
        year,
        locale,
        feeDecimals: feeDecimals(),
        organizationName: locale === 'en' ? null : org.name,
      });
    },

    /**
     * What is frozen for one locale at publication: the public JSON and everything its renderings need. The figures,
     * acknowledgement and organization are not localized: they come from `main` (see mainDraft); sections from `draft`.
     */
    async buildPublication(
      draft: ReportDocument,
      write: PluginWrite | undefined,
      main: ReportDocument = draft,
    ): Promise<Publication> {
      const snapshot = parseSnapshot(main.tables) as Snapshot;
      const orgId = main.organization.documentId as string;
      const org = await organization(orgId);
      const format: ReportFormat = getFormat(snapshot.format);
      const problems = await check(snapshot, orgId, draft.year, org, await narrativeOf(main.documentId, [draft, main]));
      const acknowledgement = parseAcknowledgement(main.acknowledgement);
      const [previousPublished] = await publishedVersions(draft.documentId, draft.locale);
      const previous = parsePublication(previousPublished?.publication);
      const user = write?.user ?? { id: 'system', name: userName(null) };
      const publishedAt = write?.publishedAt ?? new Date().toISOString();
      const sections = sectionsOf(draft);
      const corrections: Correction[] = previous
        ? [
            ...previous.corrections,
            {
              at: publishedAt,
              by: user,
              reason: (write?.reason ?? '').trim(),
              previous: {
                publishedAt: previous.publishedAt,
                computedAt: previous.snapshot.computedAt,
                cells: previous.snapshot.cells,
                sections: previous.sections,
              },
            },
          ]
        : [];
      const firstPublishedAt = previous?.firstPublishedAt ?? publishedAt;
      const decimals = feeDecimals();
      const locale = (draft.locale === 'en' ? 'en' : 'zh-Hans') as Locale;
      const report = toPublicReport({
        format,
        cells: snapshot.cells,
        organization: { documentId: org.documentId, name: org.name, shortName: org.shortName ?? null },
        year: draft.year,
        locale,
        publishedAt,
        firstPublishedAt,
        computedAt: snapshot.computedAt,
        feeDecimals: decimals,
        sections,
        problems,
        acknowledgedAt: problems.some((p) => p.severity === 'warning') ? (acknowledgement?.at ?? null) : null,
        corrections: corrections.map((c) => ({
          at: c.at,
          reason: c.reason,
          previousPublishedAt: c.previous.publishedAt,
        })),
      });
      return {
        version: 1,
        publishedAt,
        firstPublishedAt,
        publishedBy: user,
        format: JSON.parse(JSON.stringify(format)),
        feeDecimals: decimals,
        snapshot,
        sections,
        baseline: {
          previousYear: draft.year - 1,
          previous: cellsFingerprint((await previousCells(orgId, draft.year))?.cells ?? null),
        },
        corrections,
        report: JSON.parse(JSON.stringify(report)),
      };
    },

    /** Publishes every locale (or one): the guard in register-report.ts checks and freezes it on every path. */
    async publish(
      documentId: string,
      options: { user?: User | null; reason?: string; publishedAt?: string; locale?: string; revision?: number } = {},
    ) {
      const write: PluginWrite = {
        user: options.user ? { id: options.user.id, name: userName(options.user) } : undefined,
        reason: options.reason?.trim() || undefined,
        publishedAt: options.publishedAt,
        expectedRevision: options.revision,
      };
      return asPlugin(write, () => documents().publish({ documentId, locale: options.locale ?? '*' } as any));
    },

    /** Published reports for the public list. */
    async listPublished(query: {
      organization?: string;
      year?: number;
      locale?: string;
      page: number;
      pageSize: number;
    }) {
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
        meta: {
          pagination: {
            page: query.page,
            pageSize: query.pageSize,
            pageCount: Math.ceil(total / query.pageSize),
            total,
          },
        },
      };
    },

    /**
     * The index of the whole city's published reports: organizations that have one, in their display order, a page
     * of them, each with its published years. Plain SQL reads (organizations with a published report, their names, the page's reports): no per-organization query.
     */
    async publishedIndex(query: { locale: string; page: number; pageSize: number }) {
      const knex = strapi.db.connection;
      const r = strapi.db.metadata.get(REPORT as any);
      const o = strapi.db.metadata.get(UIDS.organization as any);
      const join = (r.attributes.organization as any).joinTable;
      const col = (meta: any, attribute: string) => (meta.attributes[attribute]?.columnName ?? attribute) as string;
      const published = () =>
        knex({ r: r.tableName })
          .join({ l: join.name }, `l.${join.joinColumn.name}`, 'r.id')
          .join({ o: o.tableName }, 'o.id', `l.${join.inverseJoinColumn.name}`)
          .where('r.locale', query.locale)
          .whereNotNull('r.published_at');
      const withReports = new Set(
        ((await published().distinct({ organization: 'o.document_id' })) as any[]).map((row) =>
          String(row.organization),
        ),
      );
      // Names in the page's locale, else in the default locale.
      const orgRows = (await knex(o.tableName)
        .select({
          documentId: 'document_id',
          locale: 'locale',
          name: col(o, 'name'),
          shortName: col(o, 'shortName'),
          displayOrder: col(o, 'displayOrder'),
        })
        .whereIn('locale', [...new Set([query.locale, DEFAULT_LOCALE])])) as any[];
      const orgs = new Map<
        string,
        { documentId: string; name: string; shortName: string | null; displayOrder: number | null }
      >();
      for (const row of orgRows) {
        if (!withReports.has(String(row.documentId))) continue;
        if (orgs.has(row.documentId) && row.locale !== query.locale) continue;
        orgs.set(row.documentId, {
          documentId: String(row.documentId),
          name: String(row.name),
          shortName: row.shortName ?? null,
          displayOrder: row.displayOrder === null || row.displayOrder === undefined ? null : Number(row.displayOrder),
        });
      }
      const ordered = [...orgs.values()].sort(
        (a, b) =>
          (a.displayOrder ?? Infinity) - (b.displayOrder ?? Infinity) ||
          a.name.localeCompare(b.name, 'zh-Hans-CN') ||
          a.documentId.localeCompare(b.documentId),
      );
      const pageOrgs = ordered.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
      const reports = pageOrgs.length
        ? ((await published()
            .whereIn(
              'o.document_id',
              pageOrgs.map((org) => org.documentId),
            )
            .select({
              organization: 'o.document_id',
              documentId: 'r.document_id',
              year: `r.${col(r, 'year')}`,
              publishedAt: 'r.published_at',
            })
            .orderBy(`r.${col(r, 'year')}`, 'desc')) as any[])
        : [];
      const byOrg = new Map<string, Array<{ year: number; documentId: string; publishedAt: string | null }>>();
      for (const row of reports) {
        const list = byOrg.get(String(row.organization)) ?? [];
        const at =
          row.publishedAt === null || row.publishedAt === undefined
            ? null
            : new Date(
                typeof row.publishedAt === 'string' && /^\d+$/.test(row.publishedAt)
                  ? Number(row.publishedAt)
                  : row.publishedAt,
              );
        list.push({
          year: Number(row.year),
          documentId: String(row.documentId),
          publishedAt: at && !Number.isNaN(at.getTime()) ? at.toISOString() : null,
        });
        byOrg.set(String(row.organization), list);
      }
      return {
        data: pageOrgs.map(({ displayOrder: _order, ...organization }) => ({
          organization,
          reports: byOrg.get(organization.documentId) ?? [],
        })),
        meta: {
          locale: query.locale,
          pagination: {
            page: query.page,
            pageSize: query.pageSize,
            pageCount: Math.ceil(ordered.length / query.pageSize),
            total: ordered.length,
          },
        },
      };
    },

    /**
     * A published report as frozen at its publication, or null: one read, no checks, no neighbours. Drafts are never
     * served. The stored value was written only by the publish step, so it is not re-validated on this hot path.
     */
    async findPublished(documentId: string, locale: string = DEFAULT_LOCALE): Promise<Publication | null> {
      const found = (await documents().findOne({
        documentId,
        locale,
        status: 'published',
        fields: ['publication'],
      } as any)) as { publication?: Publication | null } | null;
      const publication = found?.publication;
      return publication && publication.version === 1 && publication.report ? publication : null;
    },

    /** The public JSON of a published report as stored at its publication (a string), or null: one read of one column. */
    async findPublishedJson(documentId: string, locale: string = DEFAULT_LOCALE): Promise<string | null> {
      // The Query Engine, not the Document Service: one column of one published row, on the public hot path.
      const found = (await strapi.db
        .query(REPORT as any)
        .findOne({ select: ['publicJson'], where: { documentId, locale, publishedAt: { $notNull: true } } })) as {
        publicJson?: string | null;
      } | null;
      if (found?.publicJson && carriesDeclaration(found.publicJson)) return found.publicJson;
      // Published before the JSON was stored apart, or before it carried its declaration: from the publication itself.
      const publication = found ? await this.findPublished(documentId, locale) : null;
      return publication ? publicJsonOf(publication) : null;
    },

    /**
     * Freezes reports published before publications were stored (idempotent, at start): their figures as stored, the
     * checks of today; marked as such by publishedBy "backfill".
     */
    async backfillPublications() {
      const published = (await documents().findMany({
        status: 'published',
        locale: '*',
        filters: { $or: [{ publication: { $null: true } }, { publicJson: { $null: true } }] },
        populate: { organization: { fields: ['documentId'] } },
        limit: 1000,
      } as any)) as ReportDocument[];
      for (const report of published) {
        // A report frozen before its JSON was stored apart keeps its publication: only the JSON is derived from it.
        const frozen = parsePublication(report.publication);
        if (frozen) {
          await strapi.db
            .query(REPORT as any)
            .update({ where: { id: report.id }, data: { publicJson: publicJsonOf(frozen) } });
          continue;
        }
        if (!parseSnapshot(report.tables) || !report.organization?.documentId) continue;
        const publication = await this.buildPublication(report, {
          user: { id: 'backfill', name: 'backfill' },
          publishedAt: new Date(report.publishedAt).toISOString(),
        });
        // A direct row update: this is the published row itself, not a new publication.
        await strapi.db.query(REPORT as any).update({
          where: { id: report.id },
          data: { publication, publicJson: publicJsonOf(publication), ...publicationColumns(publication) },
        });
      }
      return published.length;
    },

    /**
     * Fills the compliance overview's columns of reports computed or published before they existed (idempotent, at
     * start): problem counts of drafts from today's checks, first publication and corrections from the publication.
     */
    async backfillOverviewColumns() {
      const query = strapi.db.query(REPORT as any);
      let filled = 0;
      for (;;) {
        const rows = (await query.findMany({
          where: {
            publishedAt: { $notNull: true },
            firstPublishedAt: { $null: true },
            publication: { $notNull: true },
          },
          select: ['id', 'publication'],
          limit: 200,
        })) as Array<{ id: number; publication: unknown }>;
        const frozen = rows
          .map((r) => ({ id: r.id, publication: parsePublication(r.publication) }))
          .filter((r) => r.publication);
        for (const r of frozen) await query.update({ where: { id: r.id }, data: publicationColumns(r.publication!) });
        filled += frozen.length;
        if (frozen.length < 200) break;
      }
      const drafts = (await documents().findMany({
        status: 'draft',
        locale: DEFAULT_LOCALE,
        filters: { errorCount: { $null: true }, tables: { $notNull: true } },
        populate: { organization: { fields: ['documentId', 'canIssueRegulations'] } },
      } as any)) as ReportDocument[];
      for (const draft of drafts) {
        const snapshot = parseSnapshot(draft.tables);
        if (!snapshot || !draft.organization?.documentId) continue;
        const counts = problemColumns(
          await check(snapshot, draft.organization.documentId, draft.year, draft.organization),
          draft.acknowledgement,
        );
        // Every locale's draft: the counts are not localized, like the tables they describe.
        await query.updateMany({ where: { documentId: draft.documentId, publishedAt: { $null: true } }, data: counts });
        filled += 1;
      }
      return filled;
    },
  };
};

export type ReportService = ReturnType<typeof reportService>;
export default { report: reportService };
