import path from 'path';
import type { Core } from '@strapi/strapi';
import { excludePrivateFromDocumentation, setUp } from './bootstrap';
import { registerDocumentRules } from './validation';
import { defaultAdminLanguage } from './bootstrap/admin-users';
import { applyContentManagerViews } from './bootstrap/content-manager';
import { closePublicCache, invalidateOnWrites } from './cache';
import { closeRateLimits } from './rate-limit';
import { registerDefaultOrganization, registerScopeCondition, registerScopedWrites } from './bootstrap/scope';
import { guardAccessChanges } from './bootstrap/invariants';
import { ensureSearchIndex, maintainSearchIndex } from './search/maintain';
import { keepNoticeCategories } from './trading/notice-category';

/** Migrations that need the tables Strapi creates: re-applied (idempotently) after every schema sync, see each file. */
const AFTER_SYNC_MIGRATIONS = [
  '2026.11.28T00.00.00.report-link-indexes.js',
  '2026.11.30T00.00.00.search-index.js',
  '2026.11.30T00.00.01.notice-category.js',
];

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    // First: the organization a scoped user's new record lacks is filled in before the rules check it.
    registerDefaultOrganization(strapi);
    registerDocumentRules(strapi);
    defaultAdminLanguage(strapi);
    registerScopedWrites(strapi);
    // Index migrations that need the tables: re-applied (idempotently) after every schema sync, see the file.
    strapi.hook('strapi::content-types.afterSync').register(async () => {
      for (const file of AFTER_SYNC_MIGRATIONS) {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const migration = require(path.join(strapi.dirs.app.root, 'database/migrations', file));
        await migration.up(strapi.db.connection);
      }
    });
    maintainSearchIndex(strapi);
    keepNoticeCategories(strapi);
    excludePrivateFromDocumentation(strapi);
  },
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    // Before any write of the set-up, so that nothing written is ever served from an older generation.
    await invalidateOnWrites(strapi);
    await registerScopeCondition(strapi);
    guardAccessChanges(strapi);
    await setUp(strapi);
    await applyContentManagerViews(strapi);
    await ensureSearchIndex(strapi);
  },
  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await closePublicCache(strapi);
    await closeRateLimits(strapi);
  },
};
