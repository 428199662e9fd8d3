/** Controllers of the annual report: validate the input, call the service, shape the answer. */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { FORMATS, DEFAULT_FORMAT, getFormat, type ReportFormat } from '../format';
import { renderReportCsv, renderReportHtml, renderReportXlsx, type PublicReport } from '../report';
import { ACTIONS } from '../permissions';
import type { ReportService } from '../services/report';
import type { DrilldownService } from '../services/drilldown';
import { assertDocumentInScope, assertInScope, organizationScope } from '../scope';

const REPORT_UID = 'api::annual-report.annual-report';

const year = z.coerce.number().int().min(2008).max(2100);
const documentId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9]+$/, 'must be a documentId');
const locale = z.enum(['zh-Hans', 'en']);

/** Parses input or answers 400 naming each field and the reason. */
function parse<T extends z.ZodTypeAny>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({
    path: i.path.map(String),
    message: `${i.path.join('.') || 'input'}: ${i.message}`,
    name: 'ValidationError',
    value: null,
  }));
  throw new errors.ValidationError(issues.map((i) => i.message).join('; '), { errors: issues });
}

const service = (strapi: Core.Strapi) => strapi.plugin('disclosure').service('report') as ReportService;

const adminController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async format(ctx: any) {
    const { code } = parse(
      z.object({ code: z.enum(Object.keys(FORMATS) as [string, ...string[]]).default(DEFAULT_FORMAT) }),
      ctx.query,
    );
    ctx.body = { data: getFormat(code), feeDecimals: strapi.plugin('disclosure').config('feeDecimals') };
  },

  async organizations(ctx: any) {
    const scope = await organizationScope(strapi, ctx.state.user, ACTIONS.readReport);
    const data = await strapi.documents('api::organization.organization').findMany({
      locale: 'zh-Hans',
      ...(scope === null ? {} : { filters: { documentId: { $in: scope } } }),
      fields: ['documentId', 'name', 'shortName', 'displayOrder'],
      sort: [{ displayOrder: 'asc' }, { name: 'asc' }],
      limit: 500,
    } as any);
    ctx.body = { data };
  },

  async view(ctx: any) {
    const q = parse(z.object({ organization: documentId, year, locale: locale.default('zh-Hans') }), ctx.query);
    assertInScope(await organizationScope(strapi, ctx.state.user, ACTIONS.readReport), q.organization);
    ctx.body = { data: await service(strapi).view(q.organization, q.year, q.locale) };
  },

  /** The standard numeric paragraphs of the computed tables, for the officer to insert into section 一 and edit. */
  async paragraphs(ctx: any) {
    const q = parse(z.object({ organization: documentId, year, locale: locale.default('zh-Hans') }), ctx.query);
    assertInScope(await organizationScope(strapi, ctx.state.user, ACTIONS.readReport), q.organization);
    ctx.body = { data: await service(strapi).paragraphs(q.organization, q.year, q.locale) };
  },

  async compute(ctx: any) {
    const body = parse(z.object({ organization: documentId, year }), ctx.request.body);
    assertInScope(await organizationScope(strapi, ctx.state.user, ACTIONS.computeReport), body.organization);
    await service(strapi).compute(body.organization, body.year);
    ctx.body = { data: await service(strapi).view(body.organization, body.year) };
  },

  async acknowledge(ctx: any) {
    const body = parse(z.object({ documentId }), ctx.request.body);
    await assertDocumentInScope(ctx, strapi, ACTIONS.publishReport, REPORT_UID, body.documentId);
    ctx.body = { data: await service(strapi).acknowledge(body.documentId, ctx.state.user) };
  },

  /** Publishes (or, for a published report, corrects: 更正 with a reason) every locale of a report. */
  async publish(ctx: any) {
    const body = parse(
      z.object({
        documentId,
        reason: z.string().trim().max(2000).optional(),
        revision: z.number().int().min(0).optional(),
      }),
      ctx.request.body,
    );
    await assertDocumentInScope(ctx, strapi, ACTIONS.publishReport, REPORT_UID, body.documentId);
    await service(strapi).publish(body.documentId, {
      user: ctx.state.user,
      reason: body.reason,
      revision: body.revision,
    });
    ctx.body = { data: { documentId: body.documentId, published: true } };
  },

  /** The records a cell counts. Applicants' names only for those who may read applications. */
  async cellRecords(ctx: any) {
    const q = parse(
      z.object({
        organization: documentId,
        year,
        cell: z.string().min(3).max(200),
        page: z.coerce.number().int().min(1).default(1),
        pageSize: z.coerce.number().int().min(1).max(100).default(20),
      }),
      ctx.query,
    );
    assertInScope(await organizationScope(strapi, ctx.state.user, ACTIONS.readReport), q.organization);
    const ability = ctx.state.userAbility;
    const mayReadApplications =
      ability?.can?.(ACTIONS.readApplications) ||
      ability?.can?.('plugin::content-manager.explorer.read', 'api::disclosure-application.disclosure-application');
    const drilldown = strapi.plugin('disclosure').service('drilldown') as DrilldownService;
    ctx.body = await drilldown.records({ ...q, withPersonalData: !!mayReadApplications });
  },
});

/** Query of the public routes: strictly the documented parameters. */
const publicQuery = z.object({ locale: locale.default('zh-Hans') }).strict();

const publicController = ({ strapi }: { strapi: Core.Strapi }) => {
  /** The publication frozen at publish time: one read, no checks, no neighbour lookups. */
  /** The report and locale a public route asks for: strictly the documented parameters. */
  function requested(ctx: any) {
    const { documentId: id } = parse(z.object({ documentId }), ctx.params);
    const { locale: loc } = parse(publicQuery.extend({ status: z.string().optional() }), ctx.query);
    return { id, loc };
  }
  async function load(ctx: any) {
    const { id, loc } = requested(ctx);
    const publication = await service(strapi).findPublished(id, loc);
    if (!publication) throw new errors.NotFoundError('Report not found');
    const report = publication.report as unknown as PublicReport;
    return {
      publication,
      report,
      // The declaration the report was published with, not today's: later label changes leave it as it was.
      format: publication.format as unknown as ReportFormat,
      cells: publication.snapshot.cells,
      locale: report.locale,
    };
  }
  type Loaded = Awaited<ReturnType<typeof load>>;
  const fileName = (found: Loaded, ext: string) =>
    `annual-report-${found.report.year}-${found.report.organization.documentId}-${found.locale}.${ext}`;

  return {
    async find(ctx: any) {
      const q = parse(
        z
          .object({
            organization: documentId.optional(),
            year: year.optional(),
            locale: locale.default('zh-Hans'),
            page: z.coerce.number().int().min(1).default(1),
            pageSize: z.coerce.number().int().min(1).max(100).default(25),
            status: z.string().optional(),
          })
          .strict(),
        ctx.query,
      );
      ctx.body = await service(strapi).listPublished(q);
    },

    /** GET /api/disclosure/reports/index: every organization with a published report, and its years. */
    async index(ctx: any) {
      const q = parse(
        z
          .object({
            locale: locale.default('zh-Hans'),
            page: z.coerce.number().int().min(1).default(1),
            pageSize: z.coerce.number().int().min(1).max(200).default(100),
            status: z.string().optional(),
          })
          .strict(),
        ctx.query,
      );
      ctx.body = await service(strapi).publishedIndex(q);
    },

    async findOne(ctx: any) {
      const { id, loc } = requested(ctx);
      const json = await service(strapi).findPublishedJson(id, loc);
      if (!json) throw new errors.NotFoundError('Report not found');
      // Sent as serialized at publication: the frozen answer, byte for byte.
      ctx.type = 'application/json; charset=utf-8';
      ctx.body = json;
    },

    async html(ctx: any) {
      const found = await load(ctx);
      const base = `/api/disclosure/reports/${ctx.params.documentId}`;
      const q = `?locale=${encodeURIComponent(found.locale)}`;
      ctx.type = 'text/html; charset=utf-8';
      ctx.body = renderReportHtml({
        format: found.format,
        cells: found.cells,
        organizationName: found.report.organization.name,
        year: found.report.year,
        locale: found.locale,
        sections: found.report.sections,
        feeDecimals: found.publication.feeDecimals,
        corrections: found.report.corrections,
        downloads: { csv: `${base}/csv${q}`, xlsx: `${base}/xlsx${q}`, json: `${base}${q}` },
      });
    },

    async csv(ctx: any) {
      const found = await load(ctx);
      ctx.type = 'text/csv; charset=utf-8';
      ctx.attachment(fileName(found, 'csv'));
      ctx.body = renderReportCsv({ format: found.format, cells: found.cells, locale: found.locale });
    },

    async xlsx(ctx: any) {
      const found = await load(ctx);
      ctx.type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      ctx.attachment(fileName(found, 'xlsx'));
      ctx.body = await renderReportXlsx({
        format: found.format,
        cells: found.cells,
        organizationName: found.report.organization.name,
        year: found.report.year,
        locale: found.locale,
        feeDecimals: found.publication.feeDecimals,
      });
    },
  };
};

export default { report: adminController, 'public-report': publicController };
