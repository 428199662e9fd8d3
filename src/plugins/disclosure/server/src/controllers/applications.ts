/** Thin controllers of the applications workflow: read the request, call the service, answer { data }. */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { APPLICATION_UID, SERVICES } from '../applications/constants';
import { ACTIONS } from '../permissions';
import { assertDocumentInScope, assertInScope, organizationScope } from '../scope';

const worklistQuery = z
  .object({
    organization: z.string().max(64).optional(),
    q: z.string().max(100).optional(),
    filter: z
      .enum(['all', 'overdue', 'dueSoon', 'received', 'correctionRequested', 'consulting', 'extended', 'concluded'])
      .default('all'),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

const service = (strapi: Core.Strapi, name: string) => strapi.plugin('disclosure').service(name);

const applications = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /disclosure/applications[?organization=documentId&q=&filter=&page=&pageSize=] (admin). */
  async worklist(ctx: any) {
    const parsed = worklistQuery.safeParse(ctx.query);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({
        path: i.path.map(String),
        message: `${i.path.join('.') || 'query'}: ${i.message}`,
        name: 'ValidationError',
        value: null,
      }));
      throw new errors.ValidationError(issues.map((i) => i.message).join('; '), { errors: issues });
    }
    const { organization: asked, ...rest } = parsed.data;
    const organization = asked || undefined;
    const scope = await organizationScope(strapi, ctx.state.user, ACTIONS.readApplications);
    if (organization) assertInScope(scope, organization);
    const organizations = organization || scope === null ? undefined : scope;
    ctx.body = {
      data: await service(strapi, SERVICES.applications).worklist({ ...rest, organization, organizations }),
    };
  },

  /** GET /disclosure/applications/:documentId (admin). */
  async findOne(ctx: any) {
    await assertDocumentInScope(ctx, strapi, ACTIONS.readApplications, APPLICATION_UID, ctx.params.documentId);
    ctx.body = { data: await service(strapi, SERVICES.applications).detail(ctx.params.documentId) };
  },

  /** POST /disclosure/applications/:documentId/events (admin): records one event of the history. */
  async recordEvent(ctx: any) {
    const user = ctx.state.user;
    if (!user?.id) throw new errors.UnauthorizedError('An admin user is required to record an event');
    await assertDocumentInScope(ctx, strapi, ACTIONS.handleApplications, APPLICATION_UID, ctx.params.documentId);
    const data = await service(strapi, SERVICES.applications).recordEvent(
      ctx.params.documentId,
      ctx.request.body,
      user,
    );
    ctx.status = 201;
    ctx.body = { data };
  },

  /** POST /api/disclosure/applications (public): an online application. */
  async apply(ctx: any) {
    const data = await service(strapi, SERVICES.onlineApplications).file(ctx.request.body);
    ctx.status = 201;
    ctx.body = { data };
  },

  /** POST /api/disclosure/applications/status (public): POST so that query codes stay out of URLs and access logs. */
  async status(ctx: any) {
    ctx.body = { data: await service(strapi, SERVICES.onlineApplications).status(ctx.request.body) };
  },
});

export default { applications };
