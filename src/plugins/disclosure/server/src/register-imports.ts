/**
 * Guard of imported (historical) reports on every path (Content Manager in any URL case, REST, code): their figures,
 * text and original file come only from the plugin's import service, so every other create, update or clone is refused
 * (400) — a wrong import is corrected by importing again. Deleting one stays possible.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { pluginWrite } from './report-db/plugin-writes';
import { HISTORICAL } from './services/imports';

const WRITES = new Set(['create', 'update', 'clone', 'publish', 'unpublish', 'discardDraft']);

export default ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.documents.use(async (context, next) => {
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
