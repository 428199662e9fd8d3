/**
 * Projects of the content API, with their process (交易流程可视化) derived on every read from the published notices
 * and key times (domain/process.ts). One extra Document Service query per request, for a single project or a page.
 */
import { factories } from '@strapi/strapi';
import {
  PROCESS_NOTICE_FIELDS,
  PROCESS_PROJECT_FIELDS,
  withProcesses,
  type LoadedProject,
} from '../domain/project-process';

const UID = 'api::transaction-project.transaction-project';

export default factories.createCoreController(UID, ({ strapi }) => {
  /**
   * Loads what the processes need whatever fields the client picked. Published projects populate their published
   * notices (Strapi links published to published), so drafts never show in a timeline.
   */
  async function load(documentIds: string[]): Promise<LoadedProject[]> {
    if (documentIds.length === 0) return [];
    return (await strapi.documents(UID).findMany({
      filters: { documentId: { $in: documentIds } },
      status: 'published',
      fields: [...PROCESS_PROJECT_FIELDS],
      populate: {
        keyTimes: { fields: ['bidOpeningAt'] },
        notices: { fields: [...PROCESS_NOTICE_FIELDS], sort: ['releasedAt:asc'] },
      },
      limit: documentIds.length,
    } as any)) as unknown as LoadedProject[];
  }

  const idsOf = (data: unknown): string[] =>
    (Array.isArray(data) ? data : data ? [data] : [])
      .map((d: any) => d?.documentId)
      .filter((id: unknown): id is string => typeof id === 'string');

  return {
    async find(ctx: any) {
      const result: any = await super.find(ctx);
      if (result?.data) withProcesses(result.data, await load(idsOf(result.data)));
      return result;
    },

    async findOne(ctx: any) {
      const result: any = await super.findOne(ctx);
      if (result?.data) withProcesses(result.data, await load(idsOf(result.data)));
      return result;
    },
  };
});
