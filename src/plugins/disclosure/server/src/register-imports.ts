/**
 * Guard of imported (historical) reports on every path (Content Manager in any URL case, REST, code): their figures,
 * text and original file come only from the plugin's import service, so every other create, update or clone is refused
 * (400) — a wrong import is corrected by importing again. Deleting one stays possible, and takes its original file out
 * of the media library with it (nothing else refers to that file).
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { pluginWrite } from './report-db/plugin-writes';
import { HISTORICAL } from './services/imports';

const WRITES = new Set(['create', 'update', 'clone', 'publish', 'unpublish', 'discardDraft']);

export default ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.documents.use(async (context, next) => {
    if (context.uid === HISTORICAL && context.action === 'delete')
      return deleteWithFile(strapi, context.params as { documentId?: string }, next);
    if (context.uid !== HISTORICAL || !WRITES.has(context.action) || pluginWrite()) return next();
    throw new errors.ValidationError(
      '历史年报的数字只能通过重新导入更改（信息公开 › 导入历史年报） / an imported report changes only by importing it again (Disclosure › Import)',
      {
        errors: [
          {
            path: ['cells'],
            message: 'cells: imported reports are read-only; re-import to change them',
            name: 'ValidationError',
            value: null,
          },
        ],
      },
    );
  });
};

type StoredFile = { id: number };

/**
 * Deletes the report, then its original file. The file goes only once the deletion is committed: a bulk delete of
 * the Content Manager runs in one transaction, and a rolled-back deletion must keep its file.
 */
async function deleteWithFile<R>(
  strapi: Core.Strapi,
  params: { documentId?: string },
  next: () => R,
): Promise<Awaited<R>> {
  const rows = params.documentId
    ? ((await strapi.db
        .query(HISTORICAL)
        .findMany({ where: { documentId: params.documentId }, populate: { file: true } })) as Array<{
        file?: StoredFile | null;
      }>)
    : [];
  const result = await next();
  const files = [...new Map(rows.flatMap((r) => (r.file ? [[r.file.id, r.file] as const] : []))).values()];
  if (files.length === 0) return result;
  const remove = async () => {
    for (const file of files) {
      await strapi
        .plugin('upload')
        .service('upload')
        .remove(file)
        .catch((e: unknown) =>
          strapi.log.warn(
            `[disclosure] could not remove the original file ${file.id} of a deleted imported report: ${String(e)}`,
          ),
        );
    }
  };
  if (strapi.db.inTransaction()) {
    await strapi.db.transaction(async ({ onCommit }) => onCommit(() => void remove()));
  } else {
    await remove();
  }
  return result;
}
