/**
 * Guards of the annual report, on every path (plugin button, Content Manager, REST, code), as Document Service
 * middlewares: a report with hard errors or unacknowledged warnings is never published, and the computed tables are
 * not hand-edited in the Content Manager.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UIDS } from './report-db/tables';
import { DEFAULT_LOCALE, type ReportService } from './services/report';

export const REPORT_PUBLISHED_EVENT = 'disclosure-report.publish';

/** Fields only the plugin writes: the Content Manager's edit form must not overwrite them. */
const COMPUTED_FIELDS = ['tables', 'acknowledgement'];

const fromContentManager = (strapi: Core.Strapi) => {
  const url: string | undefined = (strapi.requestContext.get() as any)?.request?.url;
  return !!url && url.startsWith('/content-manager/');
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== UIDS.report) return next();
    const params = context.params as any;

    if ((context.action === 'create' || context.action === 'update') && params.data && fromContentManager(strapi)) {
      for (const field of COMPUTED_FIELDS) delete params.data[field];
    }
    if (context.action !== 'publish') return next();

    const service = strapi.plugin('disclosure').service('report') as ReportService;
    const locale = params.locale ?? DEFAULT_LOCALE;
    const drafts = await strapi.documents(UIDS.report as any).findMany({
      filters: { documentId: params.documentId },
      locale,
      status: 'draft',
      populate: { organization: { fields: ['documentId', 'canIssueRegulations'] } },
    } as any);
    if (drafts.length === 0) return next();
    // Tables are shared by every locale, so the first draft speaks for all of them.
    const problems = await service.publishProblems(drafts[0] as any);
    if (problems.length) {
      throw new errors.ValidationError(`This report cannot be published: ${problems.length} problem(s). ${problems[0]}`, {
        errors: problems.map((message) => ({ path: [message.split(':')[0]], message, name: 'ValidationError', value: null })),
      });
    }
    const result = await next();
    const draft = drafts[0] as any;
    strapi.eventHub.emit(REPORT_PUBLISHED_EVENT, {
      documentId: params.documentId,
      locale,
      year: draft.year,
      organization: draft.organization?.documentId ?? null,
      publishedAt: new Date().toISOString(),
    });
    return result;
  });
};
