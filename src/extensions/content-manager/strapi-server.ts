/**
 * Two fixes to Strapi 5.54's Content Manager, each leaving the rest of Strapi's code as it is.
 *
 * 1. Its relation picker (GET /content-manager/relations/:model/:targetField and /relations/:model/:id/:targetField)
 *    answers 500 instead of 403 to a role that may not read the source type: `extractAndValidateRequestInfo` calls
 *    `ctx.forbidden()` and returns nothing, and both handlers then destructure that nothing (a TypeError). Here the
 *    refusal is thrown as a ForbiddenError, which Strapi answers with a 403 like every other refused admin request.
 * 2. Its bulk actions (publish, unpublish, delete) run every document at once with Promise.all inside one
 *    transaction: when one document is refused (a rule of src/validation), the transaction is rolled back while
 *    the others are still running, and they finish outside it: bulk publish answered 400 yet published the valid
 *    drafts of the batch (tests/integration/clone-and-publish.test.ts). Here they run one after the other in the
 *    transaction, so a refusal rolls back everything done before it and nothing runs after it. Unpublish and
 *    delete are built the same way and get the same treatment.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

type RequestInfo = (this: unknown, ctx: unknown, id?: string) => Promise<Record<string, unknown> | undefined>;
type DocumentManager = {
  publish(id: string, uid: string, opts?: Record<string, unknown>): Promise<unknown[] | undefined>;
  publishMany(uid: string, documentIds: string[], locale?: unknown): Promise<number>;
  unpublishMany(documentIds: string[], uid: string, opts?: Record<string, unknown>): Promise<{ count: number }>;
  deleteMany(documentIds: string[], uid: string, opts?: Record<string, unknown>): Promise<{ count: number }>;
};
type ContentManagerPlugin = {
  controllers: { relations: { extractAndValidateRequestInfo: RequestInfo } };
  services: Record<string, (deps: { strapi: Core.Strapi }) => unknown>;
};

export default (plugin: ContentManagerPlugin) => {
  const relations = plugin.controllers.relations;
  const extract = relations.extractAndValidateRequestInfo;
  relations.extractAndValidateRequestInfo = async function extractAndValidateRequestInfo(ctx, id) {
    const info = await extract.call(this, ctx, id);
    if (!info) throw new errors.ForbiddenError('You may not read this content type. 无权查看该内容类型。');
    return info;
  };

  const documentManager = plugin.services['document-manager'];
  plugin.services['document-manager'] = ({ strapi }) => {
    const service = documentManager({ strapi }) as DocumentManager;
    const oneByOne = async <T>(documentIds: string[], run: (documentId: string) => Promise<T>): Promise<T[]> =>
      strapi.db.transaction(async () => {
        const results: T[] = [];
        for (const documentId of documentIds) results.push(await run(documentId));
        return results;
      });
    service.publishMany = async (uid, documentIds, locale) => {
      const results = await oneByOne(documentIds, (documentId) =>
        service.publish(documentId, uid, { locale, populate: {} }),
      );
      return results.flat().filter(Boolean).length;
    };
    service.unpublishMany = async (documentIds, uid, opts = {}) => {
      const results = await oneByOne(documentIds, async (documentId) => {
        const result = await strapi.documents(uid as any).unpublish({ ...opts, documentId, populate: {} } as any);
        return result?.entries ?? [];
      });
      return { count: results.flat().filter(Boolean).length };
    };
    service.deleteMany = async (documentIds, uid, opts = {}) => {
      const results = await oneByOne(documentIds, (documentId) =>
        strapi.documents(uid as any).delete({ ...opts, documentId } as any),
      );
      return { count: results.length };
    };
    return service;
  };
  return plugin;
};
