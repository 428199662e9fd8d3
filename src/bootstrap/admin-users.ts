/**
 * New admin users start in Chinese. Strapi keeps each user's admin language in `admin::user.preferedLanguage` (sic,
 * Strapi's spelling) and applies it at login; it is null for users created by scripts, by Settings › Users › invite or by
 * the first-admin registration, which leaves them in English. A database lifecycle covers every one of those paths
 * (they all go through the admin user service's `create`); English stays available in each user's profile.
 */
import type { Core } from '@strapi/strapi';

export const DEFAULT_ADMIN_LANGUAGE = 'zh-Hans';

export function defaultAdminLanguage(strapi: Core.Strapi) {
  strapi.db.lifecycles.subscribe({
    models: ['admin::user'],
    beforeCreate(event) {
      const data = event.params.data as { preferedLanguage?: string | null } | undefined;
      if (data && !data.preferedLanguage) data.preferedLanguage = DEFAULT_ADMIN_LANGUAGE;
    },
  });
}
