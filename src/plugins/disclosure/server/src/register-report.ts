/**
 * Guards of the annual report, on every path (plugin button, Content Manager in any URL case, REST, code), as Document
 * Service middlewares: the computed attributes only come from the plugin's own service; a report is published only
 * when complete, consistent, up to date with its records and acknowledged, and publishing freezes what the public sees.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import createError from 'http-errors';
import { pluginWrite } from './report-db/plugin-writes';
import { UIDS } from './report-db/tables';
import {
  publicJsonOf,
  publicationColumns,
  DEFAULT_LOCALE,
  userName,
  type ReportDocument,
  type ReportService,
} from './services/report';

export const REPORT_PUBLISHED_EVENT = 'disclosure-report.publish';

/** Attributes only the plugin writes: every other write (Content Manager, REST, code) has them removed. */
export const COMPUTED_FIELDS = [
  'tables',
  'acknowledgement',
  'publication',
  'publicJson',
  'publicationRevision',
  // The compliance overview's columns, kept in step with the tables, the acknowledgement and the publication.
  'errorCount',
  'warningCount',
  'warningsAcknowledged',
  'firstPublishedAt',
  'correctionCount',
] as const;

/**
 * 409: someone published this report since the caller looked (another instance, another tab). Nothing was written;
 * reload, check what was published, and publish again (then as a correction, with a reason) if still needed.
 */
export const publishConflict = (revision: number) =>
  createError(
    409,
    `此报告刚刚已由他人发布，本次发布未执行，请刷新页面核对后再操作 / This report was just published by someone else; this publication was not made: reload the page and check before publishing again`,
    { details: { code: 'publishConflict', revision } },
  );

const refuse = (messages: string[], what: string) => {
  throw new errors.ValidationError(`${what}: ${messages.length} problem(s). ${messages[0]}`, {
    errors: messages.map((message) => ({
      path: [message.split(':')[0]],
      message,
      name: 'ValidationError',
      value: null,
    })),
  });
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== UIDS.report) return next();
    const params = context.params as any;
    const write = pluginWrite();

    if (context.action === 'clone') {
      // A copy would carry another report's computed tables and publication; a report is one per organization and year.
      throw new errors.ValidationError('年度报告不能复制 / annual reports cannot be cloned: create one and compute it');
    }
    if ((context.action === 'create' || context.action === 'update') && params) {
      if (params.data && !write) for (const field of COMPUTED_FIELDS) delete params.data[field];
      // create/update with status "published" would publish inside the repository, past the publish guard below.
      if (params.status === 'published') {
        throw new errors.ValidationError(
          'status: 年度报告须经发布检查后发布 / a report is published only through its publish action',
        );
      }
    }
    if (context.action !== 'publish') return next();

    const service = strapi.plugin('disclosure').service('report') as ReportService;
    const locale = params.locale ?? DEFAULT_LOCALE;
    const drafts = (await strapi.documents(UIDS.report as any).findMany({
      filters: { documentId: params.documentId },
      locale,
      status: 'draft',
      populate: { organization: { fields: ['documentId', 'canIssueRegulations'] } },
    } as any)) as unknown as ReportDocument[];
    if (drafts.length === 0) return next();

    // Who publishes: the plugin's caller, else the admin user of the request (Content Manager).
    const requestUser = (strapi.requestContext.get() as any)?.state?.user;
    const effective = {
      ...write,
      user: write?.user ?? (requestUser ? { id: requestUser.id, name: userName(requestUser) } : undefined),
    };
    const main = service.mainDraft(drafts);
    // The revision each draft is published from: what the caller saw (the report page sends it), else what is stored
    // now. A caller who saw an older revision is told at once, before the checks (which would ask for a reason).
    const revisionOf = (draft: ReportDocument) => Number(draft.publicationRevision ?? 0);
    if (write?.expectedRevision !== undefined && write.expectedRevision !== revisionOf(main))
      throw publishConflict(revisionOf(main));

    const problems = await service.publishProblems(drafts, effective);
    if (problems.length) refuse(problems, 'This report cannot be published');

    // Claim, freeze and publish in one transaction. The claim is a conditional update of each draft's revision: two
    // publications started from the same revision (two instances, two tabs) cannot both match it; on PostgreSQL the
    // second waits on the first's row lock, then finds the revision moved on and answers 409, so exactly one
    // published version is written and one event emitted, after the commit.
    return strapi.db.transaction(async ({ onCommit }) => {
      const publications = new Map<string, string>();
      for (const draft of drafts) {
        const publication = await service.buildPublication(draft, effective, main);
        publications.set(draft.locale, publication.publishedAt);
        const from =
          draft === main && write?.expectedRevision !== undefined ? write.expectedRevision : revisionOf(draft);
        // A row write, not a Document Service update: this is the plugin's own record of the publication, not an
        // edit (no user rules apply to it, and the draft's other attributes are left exactly as they are).
        const { count } = await strapi.db.query(UIDS.report as any).updateMany({
          where: {
            id: draft.id,
            ...(from === 0
              ? { $or: [{ publicationRevision: { $null: true } }, { publicationRevision: 0 }] }
              : { publicationRevision: from }),
          },
          data: {
            publication,
            publicJson: publicJsonOf(publication),
            publicationRevision: from + 1,
            ...publicationColumns(publication),
          },
        });
        if (count !== 1) throw publishConflict(from + 1);
      }
      // Strapi's publish copies each draft (its frozen publication and revision included) into the published version.
      const result = await next();
      // The published row's publishedAt is the frozen one, so lists and the report agree to the millisecond.
      for (const [loc, publishedAt] of publications) {
        await strapi.db.query(UIDS.report as any).updateMany({
          where: { documentId: params.documentId, locale: loc, publishedAt: { $notNull: true } },
          data: { publishedAt },
        });
      }
      const event = {
        documentId: params.documentId,
        locale,
        year: main.year,
        organization: main.organization?.documentId ?? null,
        publishedAt: publications.get(main.locale) ?? new Date().toISOString(),
      };
      onCommit(() => {
        strapi.eventHub.emit(REPORT_PUBLISHED_EVENT, event);
      });
      return result;
    });
  });
};
