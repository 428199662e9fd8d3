/**
 * A notice's `category` is its project's, copied onto the notice (private: the API keeps asking through the project,
 * `filters[project][category]`). The public list of a category then reads one index, (category, released_at, id),
 * instead of joining the project link table under a `SELECT DISTINCT t0.*` that grows with the table (README,
 * "Benchmark"). Kept in step per row, since a draft notice links the draft project and the published notice the
 * published one: after every Document Service write of a notice, and of a project (its notices before and after).
 * Rows written around the Document Service are filled by database/migrations/…notice-category.js.
 */
import type { Core } from '@strapi/strapi';

export const NOTICE = 'api::transaction-notice.transaction-notice';
export const PROJECT = 'api::transaction-project.transaction-project';
const NOTICE_ACTIONS = new Set(['create', 'update', 'publish', 'unpublish', 'discardDraft', 'clone']);
const PROJECT_ACTIONS = new Set(['update', 'publish', 'unpublish', 'discardDraft', 'delete']);

type Filters = Record<string, unknown>;
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The same filters with every `project.category` condition on the notice's own column. Equivalent because the column
 * holds the linked project's category on every row (null without a project), and a filter object is a conjunction:
 * `{ project: { category: C, region: R } }` ≡ `{ category: C, project: { region: R } }`. Logical operators recurse.
 */
export function withNoticeCategory(filters: unknown): unknown {
  if (Array.isArray(filters)) return filters.map(withNoticeCategory);
  if (!isObject(filters)) return filters;
  const out: Filters = {};
  for (const [key, value] of Object.entries(filters)) {
    if (key === '$and' || key === '$or') out[key] = Array.isArray(value) ? value.map(withNoticeCategory) : value;
    else if (key === '$not') out[key] = withNoticeCategory(value);
    else out[key] = value;
  }
  const project = out.project;
  if (isObject(project) && 'category' in project && !('category' in out)) {
    const { category, ...rest } = project;
    out.category = category;
    if (Object.keys(rest).length) out.project = rest;
    else delete out.project;
  }
  return out;
}

/** Sets `category` on every row of these notices from the project row it links to. */
export async function syncNoticeCategories(strapi: Core.Strapi, noticeDocumentIds: string[]) {
  if (noticeDocumentIds.length === 0) return;
  const rows = (await strapi.db.query(NOTICE).findMany({
    where: { documentId: { $in: noticeDocumentIds } },
    select: ['id', 'category'],
    populate: { project: { select: ['category'] } },
  })) as { id: number; category: string | null; project?: { category: string | null } | null }[];
  const stale = new Map<string | null, number[]>();
  for (const row of rows) {
    const wanted = row.project?.category ?? null;
    if (row.category !== wanted) stale.set(wanted, [...(stale.get(wanted) ?? []), row.id]);
  }
  for (const [category, ids] of stale)
    await strapi.db.query(NOTICE).updateMany({ where: { id: { $in: ids } }, data: { category } });
}

const noticesOfProject = async (strapi: Core.Strapi, projectDocumentId: string) =>
  (
    (await strapi.db
      .query(NOTICE)
      .findMany({ where: { project: { documentId: projectDocumentId } }, select: ['documentId'] })) as {
      documentId: string;
    }[]
  ).map((n) => n.documentId);

/** Registers the Document Service middleware (in `register`). */
export function keepNoticeCategories(strapi: Core.Strapi) {
  strapi.documents.use(async (context, next) => {
    const { uid, action, params } = context as { uid: string; action: string; params?: { documentId?: string } };
    if (uid === NOTICE && NOTICE_ACTIONS.has(action)) {
      const result = await next();
      const made =
        result && typeof result === 'object' && !Array.isArray(result) ? (result as { documentId?: string }) : null;
      const documentId = action === 'create' || action === 'clone' ? made?.documentId : params?.documentId;
      if (documentId) await syncNoticeCategories(strapi, [documentId]);
      return result;
    }
    if (uid === PROJECT && PROJECT_ACTIONS.has(action) && params?.documentId) {
      const before = await noticesOfProject(strapi, params.documentId);
      const result = await next();
      const after = action === 'delete' ? [] : await noticesOfProject(strapi, params.documentId);
      await syncNoticeCategories(strapi, [...new Set([...before, ...after])]);
      return result;
    }
    return next();
  });
}
