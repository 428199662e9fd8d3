import { factories } from '@strapi/strapi';
import { NOTICE, withNoticeCategory } from '../../../trading/notice-category';

/**
 * Core controller; `find` answers `filters[project][category]` from the notice's own copy of the category (see
 * src/trading/notice-category.ts), after Strapi's validation and sanitizing of the query as the client wrote it.
 */
export default factories.createCoreController(NOTICE, ({ strapi }) => ({
  async find(ctx) {
    // The base controller's helpers are optional in Strapi's types and always present at run time.
    await this.validateQuery!(ctx);
    const sanitizedQuery = await this.sanitizeQuery!(ctx);
    const query = { ...sanitizedQuery, filters: withNoticeCategory(sanitizedQuery.filters) };
    const { results, pagination } = await strapi.service(NOTICE).find(query);
    const sanitizedResults = await this.sanitizeOutput!(results, ctx);
    return this.transformResponse!(sanitizedResults, { pagination });
  },
}));
