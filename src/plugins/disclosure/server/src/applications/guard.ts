// Keeps the audit trail trustworthy on every path (Content Manager, REST, code): events can only be added, by the
// workflow, and never changed or deleted; an application with a history keeps the state its history gives it.
import { AsyncLocalStorage } from 'async_hooks';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { APPLICATION_UID, EVENT_UID } from './constants';
import { isoDateOf } from './dates';

const workflow = new AsyncLocalStorage<true>();

/** Runs fn as the applications workflow: the only caller allowed to add events and move an application's state. */
export const asWorkflow = <T>(fn: () => Promise<T>): Promise<T> => workflow.run(true, fn);
const inWorkflow = () => workflow.getStore() === true;

/** Written by the workflow only, from the replayed history. */
const DERIVED_FIELDS = ['state', 'concludedOn', 'outcome'] as const;
/** The history is dated from receipt: moving it would move (or invalidate) every date of the history. */
const GUARDED_FIELDS = [...DERIVED_FIELDS, 'receivedOn'] as const;

const EVENT_WRITES = new Set(['update', 'delete', 'publish', 'unpublish', 'discardDraft', 'clone']);

const same = (field: string, a: unknown, b: unknown) => {
  if (field === 'receivedOn' || field === 'concludedOn') return isoDateOf(a) === isoDateOf(b);
  return (a ?? null) === (b ?? null) || (a === '' && b === null) || (a === null && b === '');
};

async function eventCount(strapi: Core.Strapi, applicationDocumentId: string): Promise<number> {
  return strapi.db.query(EVENT_UID as any).count({ where: { applicationDocumentId } });
}

export function registerWorkflowGuards(strapi: Core.Strapi) {
  strapi.documents.use(async (context, next) => {
    const { uid, action } = context as { uid: string; action: string };

    if (uid === EVENT_UID) {
      if (EVENT_WRITES.has(action)) {
        throw new errors.ForbiddenError(
          `Application events are an audit trail: they cannot be changed or deleted (${action} refused). 办理记录不可修改或删除。`,
        );
      }
      if (action === 'create' && !inWorkflow()) {
        throw new errors.ForbiddenError(
          'Application events are recorded through the applications workflow only (POST /disclosure/applications/:documentId/events). 办理记录只能通过办理操作生成。',
        );
      }
      return next();
    }

    if (uid === APPLICATION_UID && (action === 'update' || action === 'delete') && !inWorkflow()) {
      const params = context.params as { documentId?: string; data?: Record<string, unknown> };
      if (!params.documentId || (await eventCount(strapi, params.documentId)) === 0) return next();
      if (action === 'delete') {
        throw new errors.ValidationError(
          'This application has a recorded history (audit trail): it cannot be deleted. 该申请已有办理记录，不能删除。',
        );
      }
      const data = params.data ?? {};
      const touched = GUARDED_FIELDS.filter((field) => field in data);
      if (touched.length) {
        const current = (await strapi.db
          .query(APPLICATION_UID as any)
          .findOne({ where: { documentId: params.documentId }, select: [...GUARDED_FIELDS] })) as Record<
          string,
          unknown
        >;
        const changed = touched.filter((field) => !same(field, data[field], current?.[field]));
        if (changed.length) {
          const message = (field: string) =>
            field === 'receivedOn'
              ? 'receivedOn cannot change once events are recorded: the history is dated from it. 已有办理记录，收到申请日期不能修改。'
              : `${field} follows from the application's history: record an event on the applications page (依申请公开) instead of editing it. ${field} 由办理记录得出，请在“依申请公开”页面办理。`;
          throw new errors.ValidationError(
            changed.length === 1 ? message(changed[0]!) : changed.map(message).join(' '),
            {
              errors: changed.map((field) => ({
                path: [field],
                message: message(field),
                name: 'ValidationError',
                value: null,
              })),
            },
          );
        }
      }
    }
    return next();
  });
}
