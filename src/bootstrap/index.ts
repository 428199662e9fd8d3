/**
 * Start-up set-up, run on every start and safe to re-run: locales, admin roles, the public API and the site's token.
 * Each step reads what exists and changes only the difference, so two starts leave one of everything.
 */
import type { Core } from '@strapi/strapi';
import { ADMIN_ROLES, PRIVATE_TYPES, SITE_TOKEN_NAME, STRAPI_DEFAULT_ROLES, publicActions, type RoleSpec } from './access';

const LOCALES = [
  { code: 'zh-Hans', name: '简体中文 (zh-Hans)', isDefault: true },
  { code: 'en', name: 'English (en)', isDefault: false },
];

export async function ensureLocales(strapi: Core.Strapi) {
  const locales = strapi.plugin('i18n').service('locales');
  for (const locale of LOCALES) {
    if (!(await locales.findByCode(locale.code))) {
      await locales.create({ code: locale.code, name: locale.name });
      strapi.log.info(`[setup] created locale ${locale.code}`);
    }
  }
  const defaultCode = await locales.getDefaultLocale();
  if (defaultCode !== 'zh-Hans') await locales.setDefaultLocale({ code: 'zh-Hans' });
}

const CM = 'plugin::content-manager.explorer';

/** The content-manager permissions of a role, with every field (nested component fields included) and every locale. */
function contentTypePermissions(strapi: Core.Strapi, spec: RoleSpec) {
  const { actionProvider } = strapi.service('admin::permission');
  const contentTypeService = strapi.service('admin::content-type');
  const permissions: any[] = [];
  for (const { uid, actions } of spec.contentTypes) {
    const wanted = actions.map((a) => actionProvider.get(`${CM}.${a}`)).filter(Boolean);
    const scoped = wanted.map((action: any) => ({ ...action, subjects: [uid] }));
    const localized = (strapi.contentType(uid as any)?.pluginOptions as any)?.i18n?.localized === true;
    for (const permission of contentTypeService.getPermissionsWithNestedFields(scoped)) {
      permissions.push({
        ...permission,
        properties: { ...permission.properties, ...(localized ? { locales: LOCALES.map((l) => l.code) } : {}) },
      });
    }
  }
  return permissions;
}

export async function ensureAdminRoles(strapi: Core.Strapi) {
  const roles = strapi.service('admin::role');
  for (const spec of ADMIN_ROLES) {
    let role = await roles.findOne({ code: spec.code });
    if (!role) {
      role = await roles.create({ name: spec.name, code: spec.code, description: spec.description });
      strapi.log.info(`[setup] created admin role ${spec.code}`);
    }
    const permissions = [
      ...contentTypePermissions(strapi, spec),
      ...spec.actions.map((action) => ({ action, subject: null, properties: {}, conditions: [] })),
    ];
    await roles.assignPermissions(role.id, permissions);
  }
}

/**
 * Strapi gives its default Editor and Author roles Content Manager rights on every type when the database is new,
 * private ones included (applicants' names and ID numbers, cases, fees). They lose every permission on PRIVATE_TYPES
 * on every start, so a grant added by hand in Settings › Roles does not survive a restart either. Roles created later
 * in the admin start with no permission at all (Strapi's own behaviour), so they stay closed until granted.
 */
export async function stripDefaultRoles(strapi: Core.Strapi) {
  const permissions = strapi.db.query('admin::permission');
  for (const code of STRAPI_DEFAULT_ROLES) {
    const role = await strapi.service('admin::role').findOne({ code });
    if (!role) continue;
    const granted: Array<{ id: number; action: string; subject: string }> = await permissions.findMany({
      where: { role: role.id, subject: { $in: [...PRIVATE_TYPES] } },
      select: ['id', 'action', 'subject'],
    });
    if (!granted.length) continue;
    await permissions.deleteMany({ where: { id: { $in: granted.map((p) => p.id) } } });
    const stripped = [...new Set(granted.map((p) => `${p.action} on ${p.subject}`))].sort();
    strapi.log.warn(`[setup] removed from Strapi's "${role.name}" role (${code}) its permissions on private types: ${stripped.join(', ')}`);
  }
}

/** The public role reads exactly what access.ts lists; any other permission (added by hand in the admin) is removed. */
export async function ensurePublicPermissions(strapi: Core.Strapi) {
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
  if (!role) throw new Error('The users-permissions public role is missing');
  const query = strapi.db.query('plugin::users-permissions.permission');
  const wanted = new Set(publicActions());
  const existing: Array<{ id: number; action: string }> = await query.findMany({ where: { role: role.id } });
  const have = new Set(existing.map((p) => p.action));
  const extra = existing.filter((p) => !wanted.has(p.action));
  if (extra.length) {
    await query.deleteMany({ where: { id: { $in: extra.map((p) => p.id) } } });
    strapi.log.warn(`[setup] removed public permissions not in src/bootstrap/access.ts: ${extra.map((p) => p.action).join(', ')}`);
  }
  for (const action of wanted) {
    if (!have.has(action)) await query.create({ data: { action, role: role.id } });
  }
}

const DEFAULT_TOKEN_DESCRIPTIONS: Record<string, string> = {
  'Full Access': 'A default API token with full access permissions, used for accessing or modifying resources',
  'Read Only': 'A default API token with read-only permissions, only used for accessing resources',
};

/**
 * Strapi creates a "Full Access" and a "Read Only" token on a fresh database. Both can read the private types
 * (applications, cases) through the content API, so they are revoked; the site gets a custom token that can read
 * exactly what the public role reads. Its key is shown in the admin (Settings › API Tokens), or printed by
 * `npm run site-token`.
 */
/** Public actions the read-only site token does not get: the anonymous visitor's own writes. */
const SITE_TOKEN_EXCLUDED = /^plugin::disclosure\.applications\./;

export async function ensureSiteToken(strapi: Core.Strapi) {
  const tokens = strapi.service('admin::api-token-content-api');
  for (const [name, description] of Object.entries(DEFAULT_TOKEN_DESCRIPTIONS)) {
    const token = await tokens.getByName(name);
    if (token && token.description === description && token.type !== 'custom') {
      await tokens.revoke(token.id);
      strapi.log.info(`[setup] revoked Strapi's default "${name}" API token (see README, API tokens)`);
    }
  }
  // What the public role reads, locales included; not the public's own writes (online filing, status check).
  const permissions = publicActions().filter((action) => !SITE_TOKEN_EXCLUDED.test(action));
  const existing = await tokens.getByName(SITE_TOKEN_NAME);
  if (!existing) {
    await tokens.create({
      name: SITE_TOKEN_NAME,
      description: 'Read-only token of the public site: reads what the public role reads, nothing else.',
      type: 'custom',
      lifespan: null,
      permissions,
    });
    strapi.log.info(`[setup] created the "${SITE_TOKEN_NAME}" API token`);
  } else {
    const current = [...(existing.permissions ?? [])].map((p: any) => (typeof p === 'string' ? p : p.action)).sort();
    if (JSON.stringify(current) !== JSON.stringify([...permissions].sort())) {
      await tokens.update(existing.id, { permissions });
    }
  }
}

/** Private types stay out of the public OpenAPI document: it describes what the public role can really read. */
export function excludePrivateFromDocumentation(strapi: Core.Strapi) {
  const documentation = strapi.plugin('documentation');
  if (!documentation) return;
  // The documentation plugin excludes by API name; the plugin's private types are not documented at all.
  const names = PRIVATE_TYPES.filter((uid) => uid.startsWith('api::')).map((uid) => uid.split('::')[1].split('.')[0]);
  documentation.service('override').excludeFromGeneration(names);
}

export async function setUp(strapi: Core.Strapi) {
  await ensureLocales(strapi);
  await ensureAdminRoles(strapi);
  await stripDefaultRoles(strapi);
  await ensurePublicPermissions(strapi);
  await ensureSiteToken(strapi);
}
