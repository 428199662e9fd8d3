/** Thin controllers of the applications workflow: read the request, call the service, answer { data }. */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { SERVICES } from '../applications/constants';
import { getService as service } from '../utils/get-service';

const applications = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /disclosure/applications[?organization=documentId] (admin). */
  async worklist(ctx: Context) {
    const organization = typeof ctx.query.organization === 'string' && ctx.query.organization ? ctx.query.organization : undefined;
    ctx.body = { data: await service(strapi, SERVICES.applications).worklist({ organization }) };
  },

  /** GET /disclosure/applications/:documentId (admin). */
  async findOne(ctx: Context) {
    ctx.body = { data: await service(strapi, SERVICES.applications).detail(ctx.params.documentId) };
  },

  /** POST /disclosure/applications/:documentId/events (admin): records one event of the history. */
  async recordEvent(ctx: Context) {
    const user = ctx.state.user;
    if (!user?.id) throw new errors.UnauthorizedError('An admin user is required to record an event');
    const data = await service(strapi, SERVICES.applications).recordEvent(ctx.params.documentId, ctx.request.body, user);
    ctx.status = 201;
    ctx.body = { data };
  },

  /** POST /api/disclosure/applications (public): an online application. */
  async apply(ctx: Context) {
    const data = await service(strapi, SERVICES.onlineApplications).file(ctx.request.body);
    ctx.status = 201;
    ctx.body = { data };
  },

  /** POST /api/disclosure/applications/status (public): POST so that query codes stay out of URLs and access logs. */
  async status(ctx: Context) {
    ctx.body = { data: await service(strapi, SERVICES.onlineApplications).status(ctx.request.body) };
  },
});

export default { applications };
