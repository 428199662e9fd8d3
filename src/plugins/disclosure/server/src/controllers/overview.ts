/** The compliance overview (admin): every organization × year as JSON (paged) or as an XLSX file (every row). */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { OVERVIEW_SORTS, REPORT_STATES, TIMELINESS } from '../overview/contract';
import { renderOverviewXlsx } from '../overview/render-xlsx';
import type { OverviewService } from '../services/overview';

const query = z
  .object({
    year: z.coerce.number().int().min(2008).max(2100).optional(),
    state: z.enum(REPORT_STATES).optional(),
    timeliness: z.enum(TIMELINESS).optional(),
    sort: z.enum(OVERVIEW_SORTS).default('organization'),
    order: z.enum(['asc', 'desc']).default('asc'),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
    locale: z.enum(['zh-Hans', 'en']).default('zh-Hans'),
  })
  .strict();

/** Parses the query or answers 400 naming each parameter. */
function parse(input: unknown) {
  const result = query.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({
    path: i.path.map(String),
    message: `${i.path.join('.') || 'query'}: ${i.message}`,
    name: 'ValidationError',
    value: null,
  }));
  throw new errors.ValidationError(issues.map((i) => i.message).join('; '), { errors: issues });
}

const service = (strapi: Core.Strapi) => strapi.plugin('disclosure').service('overview') as OverviewService;

const overview = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /disclosure/overview */
  async find(ctx: any) {
    const { locale: _locale, ...q } = parse(ctx.query);
    ctx.body = await service(strapi).overview(q);
  },

  /** GET /disclosure/overview/xlsx: the same filter and order, every row. */
  async xlsx(ctx: any) {
    const { locale, ...q } = parse(ctx.query);
    const answer = await service(strapi).overview({ ...q, page: 1, pageSize: 0 });
    ctx.type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    ctx.attachment(`compliance-overview-${q.year ?? 'all'}-${answer.meta.today}.xlsx`);
    ctx.body = await renderOverviewXlsx(answer.data, { locale, today: answer.meta.today });
  },
});

export default { overview };
