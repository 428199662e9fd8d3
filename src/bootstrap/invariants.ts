/**
 * The safety invariants of access, enforced when a change is made (400 with a zh/en message), never by reverting a
 * change at the next start:
 *
 * 1. The public role reads public content only and never writes: it may hold find/findOne of the non-private API
 *    types and the app's declared public actions (PUBLIC_EXTRA_ACTIONS: locales, published reports, the online
 *    application and its status check), nothing else.
 * 2. The site's token ("Public site (read-only)") is a custom token with a subset of the public role's reads (not the
 *    online application): never "full access" or "read-only" (which reads private types), never a write.
 * 3. An admin role without the applications permission (Content Manager read of disclosure applications, or the
 *    plugin's "Read applications worklist") never sees applicants' data: it cannot be granted the plugin's
 *    "Handle applications" nor any permission on application events.
 *
 * Checked by wrapping the services every path goes through: admin roles' assignPermissions (Settings › Roles, and
 * the app's own defaults), users-permissions' updateRole (Settings › Users & Permissions › Roles) and the content-API
 * token service's create/update (Settings › API Tokens, scripts).
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PRIVATE_TYPES, PUBLIC_EXTRA_ACTIONS, SITE_TOKEN_NAME, publicActions } from './access';

const APPLICATION_UID = 'api::disclosure-application.disclosure-application';
const CM_READ = 'plugin::content-manager.explorer.read';
const READ_APPLICATIONS = 'plugin::disclosure.applications.read';
const HANDLE_APPLICATIONS = 'plugin::disclosure.applications.handle';
const EVENT_UID = 'plugin::disclosure.application-event';

/** Every action the public role may ever hold. */
export function publicAllowed(strapi: Core.Strapi): Set<string> {
  const allowed = new Set(publicActions());
  for (const [uid, model] of Object.entries(strapi.contentTypes)) {
    if (!uid.startsWith('api::') || (PRIVATE_TYPES as readonly string[]).includes(uid)) continue;
    allowed.add(`${uid}.find`);
    if (model.kind === 'collectionType') allowed.add(`${uid}.findOne`);
  }
  return allowed;
}

/** Every action the site's token may ever hold: the public reads, not the public's own writes. */
export function siteTokenAllowed(strapi: Core.Strapi): Set<string> {
  const writes = new Set(PUBLIC_EXTRA_ACTIONS.filter((a) => /^plugin::disclosure\.applications\./.test(a)));
  return new Set([...publicAllowed(strapi)].filter((a) => !writes.has(a)));
}

function refuse(zh: string, en: string, actions: string[]): never {
  const list = actions.sort().join(', ');
  throw new errors.ValidationError(`${zh}：${list} (${en}: ${list})`, { actions });
}

type AdminPermission = { action: string; subject?: string | null };

/** Invariant 3, on the complete permission list of an admin role. */
export function checkAdminRolePermissions(permissions: AdminPermission[]) {
  const mayReadApplications = permissions.some(
    (p) => p.action === READ_APPLICATIONS || (p.action === CM_READ && p.subject === APPLICATION_UID),
  );
  if (mayReadApplications) return;
  const exposing = permissions.filter((p) => p.action === HANDLE_APPLICATIONS || p.subject === EVENT_UID);
  if (exposing.length) {
    refuse(
      '没有“申请”查看权限的角色不能获得可看到申请人信息的权限，请先授予“依申请公开”的查看权限',
      "A role that may not read disclosure applications cannot be given permissions that show applicants' data; grant reading applications first",
      [...new Set(exposing.map((p) => `${p.action}${p.subject ? ` on ${p.subject}` : ''}`))],
    );
  }
}

/** Invariant 1, on the complete list of the public role's actions. */
export function checkPublicActions(strapi: Core.Strapi, actions: string[]) {
  const allowed = publicAllowed(strapi);
  const bad = actions.filter((a) => !allowed.has(a));
  if (bad.length) {
    refuse(
      '公开角色（未登录访客）只能读取公开内容，不能写入，也不能读取非公开类型；不能授予',
      'The public role reads public content only: it never writes and never reads private types; refused',
      bad,
    );
  }
}

type TokenAttributes = { name?: string; type?: string; permissions?: Array<string | { action: string }> | null };

/** Invariant 2, on the token as it will be after the change. */
export function checkSiteToken(strapi: Core.Strapi, token: TokenAttributes) {
  if (token.name !== SITE_TOKEN_NAME) return;
  if (token.type !== 'custom') {
    refuse(
      `“${SITE_TOKEN_NAME}”令牌必须是自定义（custom）类型，只能读取公开内容；不能设为`,
      `The "${SITE_TOKEN_NAME}" token must be of type custom and read public content only; refused type`,
      [String(token.type)],
    );
  }
  const allowed = siteTokenAllowed(strapi);
  const actions = (token.permissions ?? []).map((p) => (typeof p === 'string' ? p : p.action));
  const bad = actions.filter((a) => !allowed.has(a));
  if (bad.length) {
    refuse(
      `“${SITE_TOKEN_NAME}”令牌只能读取公开内容，不能写入，也不能读取非公开类型；不能授予`,
      `The "${SITE_TOKEN_NAME}" token reads public content only: it never writes and never reads private types; refused`,
      bad,
    );
  }
}

/** The actions users-permissions' updateRole will leave on a role (its input format: type → controllers → actions). */
function enabledActions(permissions: unknown): string[] {
  const out: string[] = [];
  for (const [typeName, type] of Object.entries(
    (permissions ?? {}) as Record<string, { controllers?: Record<string, Record<string, { enabled?: boolean }>> }>,
  )) {
    for (const [controllerName, controller] of Object.entries(type?.controllers ?? {})) {
      for (const [actionName, action] of Object.entries(controller ?? {})) {
        if (action?.enabled) out.push(`${typeName}.${controllerName}.${actionName}`);
      }
    }
  }
  return out;
}

/** Wraps the services (in bootstrap, before the app's own set-up writes anything). */
export function guardAccessChanges(strapi: Core.Strapi) {
  const roles = strapi.service('admin::role');
  const assignPermissions = roles.assignPermissions.bind(roles);
  roles.assignPermissions = async (roleId: number | string, permissions: AdminPermission[] = []) => {
    checkAdminRolePermissions(permissions);
    return assignPermissions(roleId, permissions);
  };

  const upRoles = strapi.plugin('users-permissions').service('role');
  const updateRole = upRoles.updateRole.bind(upRoles);
  upRoles.updateRole = async (roleId: number | string, data: { permissions?: unknown }) => {
    const role = await strapi.db
      .query('plugin::users-permissions.role')
      .findOne({ where: { id: roleId }, select: ['type'] });
    if (role?.type === 'public' && data?.permissions !== undefined)
      checkPublicActions(strapi, enabledActions(data.permissions));
    return updateRole(roleId, data);
  };

  const tokens = strapi.service('admin::api-token-content-api');
  const create = tokens.create.bind(tokens);
  const update = tokens.update.bind(tokens);
  tokens.create = async (attributes: TokenAttributes, ...rest: unknown[]) => {
    checkSiteToken(strapi, attributes);
    return create(attributes, ...rest);
  };
  tokens.update = async (id: number | string, attributes: TokenAttributes, ...rest: unknown[]) => {
    const existing = await tokens.getById(id);
    if (existing) {
      checkSiteToken(strapi, {
        name: attributes.name ?? existing.name,
        type: attributes.type ?? existing.type,
        permissions: attributes.permissions !== undefined ? attributes.permissions : existing.permissions,
      });
    }
    return update(id, attributes, ...rest);
  };
}
