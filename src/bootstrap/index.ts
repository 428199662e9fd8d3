/**
 * Start-up set-up: locales (every start), and access (admin roles, the public role, the site's token) with their
 * defaults on the FIRST start only (recorded in Strapi's core store) or on `npm run roles:reset`; afterwards the
 * admin's changes stand. Every change the app itself makes to permissions is logged ("[access] …").
 */
import type { Core } from '@strapi/strapi';
import {
  ADMIN_ROLES,
  PRIVATE_TYPES,
  SITE_TOKEN_NAME,
  STRAPI_DEFAULT_ROLES,
  publicActions,
  type RoleSpec,
} from './access';
import { ORGANIZATION_PATHS, SCOPE_CONDITION } from './scope';

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
      // Organization membership is administration (Settings): not part of a role's defaults.
      const fields = (permission.properties?.fields as string[] | undefined)?.filter(
        (f) => !(uid === 'api::organization.organization' && f === 'members'),
      );
      permissions.push({
        ...permission,
        properties: {
          ...permission.properties,
          ...(fields ? { fields } : {}),
          ...(localized ? { locales: LOCALES.map((l) => l.code) } : {}),
        },
        // Only types that have an organization: on the others (CA providers, the calendar) the condition grants nothing.
        conditions: spec.scoped && uid in ORGANIZATION_PATHS ? [SCOPE_CONDITION] : [],
      });
    }
  }
  return permissions;
}

const permissionKey = (p: { action: string; subject?: string | null; conditions?: string[] | null }) =>
  `${p.action}${p.subject ? ` on ${p.subject}` : ''}${p.conditions?.length ? ` [${p.conditions.join(',')}]` : ''}`;

/** Creates the app's admin roles where missing and sets their permissions to the declared defaults (logged). */
export async function ensureAdminRoles(strapi: Core.Strapi, reason: string) {
  const roles = strapi.service('admin::role');
  for (const spec of ADMIN_ROLES) {
    let role = await roles.findOne({ code: spec.code });
    if (!role) {
      role = await roles.create({ name: spec.name, code: spec.code, description: spec.description });
      strapi.log.info(`[access] ${reason}: created admin role ${spec.code}`);
    }
    const permissions = [
      ...contentTypePermissions(strapi, spec),
      ...spec.actions.map((action) => ({ action, subject: null, properties: {}, conditions: [] })),
    ];
    const before = new Set<string>(
      (await strapi.db.query('admin::permission').findMany({ where: { role: role.id } })).map(permissionKey),
    );
    await roles.assignPermissions(role.id, permissions);
    const after = new Set<string>(
      (await strapi.db.query('admin::permission').findMany({ where: { role: role.id } })).map(permissionKey),
    );
    const added = [...after].filter((k) => !before.has(k));
    const removed = [...before].filter((k) => !after.has(k));
    if (added.length || removed.length) {
      strapi.log.info(
        `[access] ${reason}: set admin role ${spec.code} to its defaults` +
          (added.length ? `; granted ${added.sort().join(', ')}` : '') +
          (removed.length ? `; removed ${removed.sort().join(', ')}` : ''),
      );
    }
  }
}

/**
 * Strapi gives its default Editor and Author roles Content Manager rights on every type when the database is new,
 * private ones included (applicants' names and ID numbers, cases, fees). They lose every permission on PRIVATE_TYPES
 * with the defaults (first start, reset); a grant an admin adds later in Settings › Roles stands. Roles created later
 * in the admin start with no permission at all (Strapi's own behaviour), so they stay closed until granted.
 */
export async function stripDefaultRoles(strapi: Core.Strapi, reason: string) {
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
    strapi.log.warn(
      `[access] ${reason}: removed from Strapi's "${role.name}" role (${code}) its permissions on private types: ${stripped.join(', ')}`,
    );
  }
}

/** The public role's defaults: exactly what access.ts lists (Strapi's own end-user routes removed). */
export async function ensurePublicPermissions(strapi: Core.Strapi, reason: string) {
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
  if (!role) throw new Error('The users-permissions public role is missing');
  const query = strapi.db.query('plugin::users-permissions.permission');
  const wanted = new Set(publicActions());
  const existing: Array<{ id: number; action: string }> = await query.findMany({ where: { role: role.id } });
  const have = new Set(existing.map((p) => p.action));
  const extra = existing.filter((p) => !wanted.has(p.action));
  if (extra.length) {
    await query.deleteMany({ where: { id: { $in: extra.map((p) => p.id) } } });
    strapi.log.warn(
      `[access] ${reason}: removed public permissions not in src/bootstrap/access.ts: ${extra.map((p) => p.action).join(', ')}`,
    );
  }
  const missing = [...wanted].filter((action) => !have.has(action));
  for (const action of missing) await query.create({ data: { action, role: role.id } });
  if (missing.length) strapi.log.info(`[access] ${reason}: granted the public role ${missing.join(', ')}`);
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

/** Strapi's own "Full Access" and "Read Only" tokens (recognised by their default description): revoked every start. */
export async function revokeStrapiDefaultTokens(strapi: Core.Strapi) {
  const tokens = strapi.service('admin::api-token-content-api');
  for (const [name, description] of Object.entries(DEFAULT_TOKEN_DESCRIPTIONS)) {
    const token = await tokens.getByName(name);
    if (token && token.description === description && token.type !== 'custom') {
      await tokens.revoke(token.id);
      strapi.log.info(`[access] revoked Strapi's default "${name}" API token (see README, API tokens)`);
    }
  }
}

/** The site's token with its default permissions (created if missing). */
export async function ensureSiteToken(strapi: Core.Strapi, reason: string) {
  const tokens = strapi.service('admin::api-token-content-api');
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
    strapi.log.info(`[access] ${reason}: created the "${SITE_TOKEN_NAME}" API token`);
  } else {
    const current = [...(existing.permissions ?? [])].map((p: any) => (typeof p === 'string' ? p : p.action)).sort();
    if (existing.type !== 'custom' || JSON.stringify(current) !== JSON.stringify([...permissions].sort())) {
      await tokens.update(existing.id, { type: 'custom', permissions });
      strapi.log.info(
        `[access] ${reason}: set the "${SITE_TOKEN_NAME}" API token to its default permissions (was: ${current.join(', ') || 'none'})`,
      );
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

/** Where the app records that the access defaults were applied (Strapi's core store). */
const DEFAULTS_RECORD = { type: 'core', name: 'ggzy', key: 'access_defaults' } as const;

/**
 * `offered`: every default grant the app has applied so far (keys of `declaredGrants`). A grant declared by a later
 * release (a new public route, a new plugin action) is not in it: it is applied once on the next start, and from then
 * on it is the admin's to keep or remove like any other.
 */
export type DefaultsRecord = { appliedAt: string; reason: string; offered?: string[] };

export async function accessDefaultsRecord(strapi: Core.Strapi): Promise<DefaultsRecord | null> {
  return ((await strapi.store.get(DEFAULTS_RECORD)) as DefaultsRecord | null) ?? null;
}

/**
 * Applies the declared defaults to the app's roles, Strapi's Editor and Author, the public role and the site's
 * token, and records it. Run on the first start and by `npm run roles:reset`; never otherwise.
 */
export async function applyAccessDefaults(strapi: Core.Strapi, reason: string) {
  await ensureAdminRoles(strapi, reason);
  await stripDefaultRoles(strapi, reason);
  await ensurePublicPermissions(strapi, reason);
  await ensureSiteToken(strapi, reason);
  const offered = declaredGrants(strapi).map((g) => g.key);
  await strapi.store.set({
    ...DEFAULTS_RECORD,
    value: { appliedAt: new Date().toISOString(), reason, offered } satisfies DefaultsRecord,
  });
  strapi.log.info(`[access] ${reason}: access defaults applied (src/bootstrap/access.ts)`);
}

type Grant =
  | {
      key: string;
      kind: 'admin';
      role: string;
      permission: { action: string; subject: string | null; properties: any; conditions: string[] };
    }
  | { key: string; kind: 'public' | 'site-token'; action: string };

/** Every default grant access.ts declares, each with a stable key (admin role + action + subject; public action). */
export function declaredGrants(strapi: Core.Strapi): Grant[] {
  const grants: Grant[] = [];
  for (const spec of ADMIN_ROLES) {
    const permissions = [
      ...contentTypePermissions(strapi, spec),
      ...spec.actions.map((action) => ({ action, subject: null, properties: {}, conditions: [] as string[] })),
    ];
    const seen = new Set<string>();
    for (const permission of permissions) {
      const key = `admin ${spec.code}: ${permission.action}${permission.subject ? ` on ${permission.subject}` : ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      grants.push({ key, kind: 'admin', role: spec.code, permission });
    }
  }
  for (const action of publicActions()) {
    grants.push({ key: `public: ${action}`, kind: 'public', action });
    if (!SITE_TOKEN_EXCLUDED.test(action)) grants.push({ key: `site token: ${action}`, kind: 'site-token', action });
  }
  return grants;
}

/**
 * Grants declared since the defaults were last applied (a newer release's routes and actions): applied once, added to
 * what the admin configured (nothing is removed), logged, and recorded as offered. A record without `offered` (written
 * before this existed) adopts the current declaration without granting anything.
 */
export async function offerNewGrants(strapi: Core.Strapi, record: DefaultsRecord) {
  const grants = declaredGrants(strapi);
  if (!record.offered) {
    await strapi.store.set({ ...DEFAULTS_RECORD, value: { ...record, offered: grants.map((g) => g.key) } });
    return;
  }
  const offered = new Set(record.offered);
  const fresh = grants.filter((g) => !offered.has(g.key));
  if (!fresh.length) return;
  for (const grant of fresh) {
    if (grant.kind === 'admin') {
      const role = await strapi.service('admin::role').findOne({ code: grant.role });
      if (!role) continue;
      const have = await strapi.db.query('admin::permission').count({
        where: { role: role.id, action: grant.permission.action, subject: grant.permission.subject },
      });
      if (!have)
        await strapi.db
          .query('admin::permission')
          .create({ data: { ...grant.permission, actionParameters: {}, role: role.id } });
    } else if (grant.kind === 'public') {
      const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
      const query = strapi.db.query('plugin::users-permissions.permission');
      if (role && !(await query.count({ where: { role: role.id, action: grant.action } })))
        await query.create({ data: { action: grant.action, role: role.id } });
    } else {
      const tokens = strapi.service('admin::api-token-content-api');
      const token = await tokens.getByName(SITE_TOKEN_NAME);
      if (!token) continue;
      const current = [...(token.permissions ?? [])].map((p: any) => (typeof p === 'string' ? p : p.action));
      if (!current.includes(grant.action)) await tokens.update(token.id, { permissions: [...current, grant.action] });
    }
  }
  await strapi.store.set({
    ...DEFAULTS_RECORD,
    value: { ...record, offered: [...offered, ...fresh.map((g) => g.key)] },
  });
  strapi.log.info(
    `[access] new in this release, granted once (the admin may remove them): ${fresh.map((g) => g.key).join('; ')}`,
  );
}

export async function setUp(strapi: Core.Strapi) {
  await ensureLocales(strapi);
  await revokeStrapiDefaultTokens(strapi);
  const record = await accessDefaultsRecord(strapi);
  if (!record) await applyAccessDefaults(strapi, 'first start');
  else await offerNewGrants(strapi, record);
}
