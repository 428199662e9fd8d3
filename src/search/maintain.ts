/**
 * Keeps the search index in step with what is published: after every Document Service write of a searchable type
 * the document's entries are replaced by its published versions (one per locale; none when unpublished or deleted),
 * so drafts never reach the index. The whole index is rebuilt on start when its format (INDEX_VERSION) changed, and
 * by `rebuildSearchIndex` after rows were written around the Document Service (bench/site.js bulk-loads notices).
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { publicCache } from '../cache';
import { NOTICE_UID, PROJECT_UID, SOURCES, SEARCH_KINDS, uidOfKind, type SearchSource } from './sources';
import { addEntries, clearKind, removeEntries, type Entry } from './store';

/** Raise when tokens or entries change shape: the next start rebuilds the index. (3: notices carry their project's codes.) */
export const INDEX_VERSION = 3;
const WRITE_ACTIONS = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft', 'clone']);
const BATCH = 1000;

const entriesOf = (source: SearchSource, rows: Record<string, any>[]): Entry[] =>
  rows.map((row) => ({
    kind: source.kind,
    documentId: row.documentId,
    locale: row.locale ?? '',
    ...source.entry(row),
  }));

/** Replaces the entries of these documents by their published versions. */
export async function reindexDocuments(strapi: Core.Strapi, uid: string, documentIds: string[]) {
  const source = SOURCES[uid];
  if (!source || documentIds.length === 0) return;
  await strapi.db.transaction(async ({ trx }: { trx: Knex.Transaction }) => {
    const rows = await strapi.db.query(uid as any).findMany({
      where: { documentId: { $in: documentIds }, publishedAt: { $notNull: true } },
      select: ['documentId', 'locale', ...source.fields],
      ...(source.populate ? { populate: source.populate } : {}),
    });
    await removeEntries(trx, source.kind, documentIds);
    await addEntries(trx, entriesOf(source, rows));
  });
}

/** Rebuilds the whole index from the published rows, in batches. */
export async function rebuildSearchIndex(strapi: Core.Strapi) {
  for (const kind of SEARCH_KINDS) {
    const uid = uidOfKind(kind);
    const source = SOURCES[uid];
    await strapi.db.transaction(async ({ trx }: { trx: Knex.Transaction }) => {
      await clearKind(trx, kind);
      for (let last = 0; ;) {
        const rows = await strapi.db.query(uid as any).findMany({
          where: { publishedAt: { $notNull: true }, id: { $gt: last } },
          select: ['id', 'documentId', 'locale', ...source.fields],
          ...(source.populate ? { populate: source.populate } : {}),
          orderBy: { id: 'asc' },
          limit: BATCH,
        });
        if (rows.length === 0) break;
        await addEntries(trx, entriesOf(source, rows));
        last = rows[rows.length - 1].id;
      }
    });
  }
  // Fresh statistics, so that PostgreSQL's planner knows which tokens are common (date index) and which rare (GIN).
  await strapi.db.connection.raw('ANALYZE search_entries');
  await publicCache(strapi).store.advance();
}

/** documentIds of the notices of a project (any version: the reindex reads their published rows). */
async function noticesOf(strapi: Core.Strapi, project: string): Promise<string[]> {
  const rows: Array<{ documentId: string }> = await strapi.db
    .query(NOTICE_UID)
    .findMany({ where: { project: { documentId: project } }, select: ['documentId'] });
  return [...new Set(rows.map((r) => r.documentId))];
}

/** Registers the Document Service middleware (in `register`). */
export function maintainSearchIndex(strapi: Core.Strapi) {
  strapi.documents.use(async (context, next) => {
    const { uid, action, params } = context as { uid: string; action: string; params?: { documentId?: string } };
    if (!(uid in SOURCES) || !WRITE_ACTIONS.has(action)) return next();
    const result = await next();
    const created =
      result && typeof result === 'object' && !Array.isArray(result) ? (result as { documentId?: string }) : null;
    const documentId = action === 'create' || action === 'clone' ? created?.documentId : params?.documentId;
    if (documentId) {
      await reindexDocuments(strapi, uid, [documentId]);
      // A project's codes are in its notices' entries: a publish (or delete) that changes them changes those too.
      if (uid === PROJECT_UID && action !== 'create' && action !== 'clone')
        await reindexDocuments(strapi, NOTICE_UID, await noticesOf(strapi, documentId));
      // The write already advanced the public cache; a search read between its commit and this reindex may have
      // cached the old entries under the new generation.
      await publicCache(strapi).store.advance();
    }
    return result;
  });
}

/** On start: rebuilds the index when it was built by another format (or never). */
export async function ensureSearchIndex(strapi: Core.Strapi) {
  const store = strapi.store({ type: 'core', name: 'search_index' });
  const stored = (await store.get({ key: 'version' })) as number | null;
  if (stored === INDEX_VERSION) return;
  const started = Date.now();
  await rebuildSearchIndex(strapi);
  await store.set({ key: 'version', value: INDEX_VERSION });
  strapi.log.info(`search index built (format ${INDEX_VERSION}) in ${Date.now() - started} ms`);
}
