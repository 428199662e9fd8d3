import type { Core } from '@strapi/strapi';
import { search } from '../../../search/service';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: { query: Record<string, unknown>; body: unknown }) {
    ctx.body = await search(strapi, ctx.query);
  },
});
