/**
 * Organization scope of the plugin's admin routes (worklist, application page and events, report page, drill-down).
 * The same membership as the Content Manager's condition "属于本人所在机构 / in my organizations" (registered by the
 * app, src/bootstrap/scope.ts): an organization's `members` are admin users.
 *
 * A user is scoped for a route's action when every role of theirs that grants the action uses that condition on some
 * permission (the app's officer and editor do); a super admin, or a role granting the action without the condition
 * (the city-level auditor), sees every organization. The working-day calendar is national: not scoped.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

export const SCOPE_CONDITION = 'api::in-my-organizations';
const ORGANIZATION_UID = 'api::organization.organization';
const SUPER_ADMIN = 'strapi-super-admin';

type AdminUser = { id: number; roles?: Array<{ id: number; code?: string }> };

/** null: every organization; otherwise the documentIds of the organizations the user may see for this action. */
export async function organizationScope(
  strapi: Core.Strapi,
  user: AdminUser | undefined,
  action: string,
): Promise<string[] | null> {
  if (!user?.id) throw new errors.UnauthorizedError('An admin user is required');
  const stored = (await strapi.db.query('admin::user').findOne({
    where: { id: user.id },
    populate: { roles: { select: ['id', 'code'] } },
  })) as { roles?: Array<{ id: number; code: string }> } | null;
  const roles = stored?.roles ?? [];
  if (roles.some((r) => r.code === SUPER_ADMIN)) return null;
  const permissions = (await strapi.db.query('admin::permission').findMany({
    where: { role: { id: { $in: roles.map((r) => r.id) } } },
    select: ['action', 'conditions'],
    populate: { role: { select: ['id'] } },
  })) as Array<{ action: string; conditions: string[] | null; role: { id: number } | null }>;
  const granting = new Set(permissions.filter((p) => p.action === action && p.role).map((p) => p.role!.id));
  const scoped = new Set(
    permissions.filter((p) => p.role && (p.conditions ?? []).includes(SCOPE_CONDITION)).map((p) => p.role!.id),
  );
  if ([...granting].some((roleId) => !scoped.has(roleId))) return null;
  const rows = (await strapi.db.query(ORGANIZATION_UID).findMany({
    where: { members: { id: user.id } },
    select: ['documentId'],
  })) as Array<{ documentId: string }>;
  return [...new Set(rows.map((r) => r.documentId))];
}

const forbidden = () =>
  new errors.ForbiddenError('不能查看或办理其他机构的记录 (Forbidden: this organization is outside your scope)');

/** Refuses (403) an organization outside the scope. */
export function assertInScope(scope: string[] | null, organization: string | null | undefined) {
  if (scope === null) return;
  if (!organization || !scope.includes(organization)) throw forbidden();
}

/** The organization documentId of a stored document (via its `organization` relation); 404 when there is none. */
export async function organizationOf(strapi: Core.Strapi, uid: string, documentId: string): Promise<string | null> {
  const row = (await strapi.db.query(uid as any).findOne({
    where: { documentId },
    populate: { organization: { select: ['documentId'] } },
  })) as { organization?: { documentId: string } | null } | null;
  if (!row) throw new errors.NotFoundError(`No document "${documentId}"`);
  return row.organization?.documentId ?? null;
}

/** Refuses (403) a stored document of an organization outside the user's scope for the action. */
export async function assertDocumentInScope(
  ctx: { state: { user?: AdminUser } },
  strapi: Core.Strapi,
  action: string,
  uid: string,
  documentId: string,
) {
  const scope = await organizationScope(strapi, ctx.state.user, action);
  if (scope === null) return;
  assertInScope(scope, await organizationOf(strapi, uid, documentId));
}
