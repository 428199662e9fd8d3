/**
 * Organization scope of admin users: an officer or editor is a member of one or more organizations
 * (`api::organization.organization` → `members`, admin users) and, under the RBAC condition "属于本人所在机构 / in my
 * organizations", sees and changes only their organizations' records.
 *
 * - Reads in the Content Manager (lists, one document, relation pickers, filters) are filtered by Strapi itself from
 *   the condition's query (registered here, assigned in Settings › Roles like Strapi's "Is creator").
 * - Writes in the Content Manager are also checked here, by a Document Service middleware, because Strapi checks a
 *   condition only on the stored document: create and clone are not checked at all (a clone of another
 *   organization's record would copy it), and update does not look at the organization the record is moved to.
 * - The disclosure plugin's admin routes use the same membership (src/plugins/disclosure/server/src/scope.ts).
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { bilingual } from '../validation/messages';
import { fieldLabel } from '../labels';

export const ORGANIZATION_UID = 'api::organization.organization';
export const SCOPE_CONDITION_NAME = 'in-my-organizations';
/** Strapi's id of a condition registered by the app (no plugin): `api::<name>`. */
export const SCOPE_CONDITION = `api::${SCOPE_CONDITION_NAME}`;

/**
 * Where each type's organization is, as a relation path. A type missing here has no organization: the condition
 * grants nothing on it (closed, not open), so adding the condition to such a type in Settings › Roles removes access.
 */
export const ORGANIZATION_PATHS: Record<string, string[]> = {
  [ORGANIZATION_UID]: [],
  'api::disclosure-application.disclosure-application': ['organization'],
  'api::review-case.review-case': ['organization'],
  'api::administrative-decision.administrative-decision': ['organization'],
  'api::fee.fee': ['organization'],
  'api::annual-report.annual-report': ['organization'],
  'api::policy-document.policy-document': ['organization'],
  'api::transaction-project.transaction-project': ['organization'],
  'api::transaction-notice.transaction-notice': ['project', 'organization'],
  'api::disclosure-guide.disclosure-guide': ['organization'],
  'plugin::disclosure.historical-report': ['organization'],
};

/** documentIds of the organizations the admin user is a member of (any locale's row counts: membership is shared). */
export async function organizationsOf(strapi: Core.Strapi, userId: number | string): Promise<string[]> {
  const rows: Array<{ documentId: string }> = await strapi.db.query(ORGANIZATION_UID).findMany({
    where: { members: { id: userId } },
    select: ['documentId'],
  });
  return [...new Set(rows.map((r) => r.documentId))].sort();
}

/** The condition's query for a type: `{ 'organization.documentId': { $in: [...] } }` (dot path, as Strapi's own). */
export function scopeQuery(uid: string, organizations: string[]): Record<string, unknown> | false {
  const path = ORGANIZATION_PATHS[uid];
  if (!path || organizations.length === 0) return false;
  return { [[...path, 'documentId'].join('.')]: { $in: organizations } };
}

type ConditionUser = { id: number; permission?: { subject?: string | null } };

/**
 * Registers the condition. The handler runs once per conditioned permission each time a user's ability is built
 * (every admin request): the membership is read once per build (Strapi passes the same user object to every call).
 */
export async function registerScopeCondition(strapi: Core.Strapi) {
  const memberships = new WeakMap<object, Promise<string[]>>();
  await strapi.service('admin::permission').conditionProvider.register({
    displayName: '属于本人所在机构 / In my organizations',
    name: SCOPE_CONDITION_NAME,
    async handler(user: ConditionUser) {
      let pending = memberships.get(user);
      if (!pending) {
        pending = organizationsOf(strapi, user.id);
        memberships.set(user, pending);
      }
      const subject = user.permission?.subject;
      return subject ? scopeQuery(subject, await pending) : false;
    },
  });
}

/** The documentId a relation input points at (documentId string, id, { documentId }, { connect }, { set }); null if
 * the relation is emptied; undefined if the input leaves it unchanged. */
async function relationTarget(strapi: Core.Strapi, target: string, input: unknown): Promise<string | null | undefined> {
  if (input === undefined) return undefined;
  if (input === null) return null;
  const byId = async (id: number | string) =>
    (
      (await strapi.db.query(target as any).findOne({ where: { id }, select: ['documentId'] })) as {
        documentId: string;
      } | null
    )?.documentId ?? '';
  const one = async (item: unknown): Promise<string | null> => {
    if (typeof item === 'string') return item;
    if (typeof item === 'number') return byId(item);
    if (item && typeof item === 'object') {
      const o = item as { documentId?: string; id?: number | string };
      if (typeof o.documentId === 'string') return o.documentId;
      if (o.id !== undefined) return byId(o.id);
    }
    return '';
  };
  if (Array.isArray(input)) return input.length ? one(input[input.length - 1]) : null;
  if (typeof input === 'object') {
    const o = input as { connect?: unknown[]; set?: unknown[]; disconnect?: unknown[] };
    if (Array.isArray(o.set)) return o.set.length ? one(o.set[o.set.length - 1]) : null;
    if (Array.isArray(o.connect) && o.connect.length) return one(o.connect[o.connect.length - 1]);
    if (Array.isArray(o.disconnect) && o.disconnect.length) return null;
    if (Array.isArray(o.connect) || Array.isArray(o.disconnect)) return undefined; // { connect: [], disconnect: [] }
  }
  return one(input);
}

/** The organization documentId of a project (for notices). */
async function projectOrganization(strapi: Core.Strapi, project: string | null): Promise<string | null> {
  if (!project) return null;
  const row = (await strapi.db.query('api::transaction-project.transaction-project').findOne({
    where: { documentId: project },
    populate: { organization: { select: ['documentId'] } },
  })) as { organization?: { documentId: string } | null } | null;
  return row?.organization?.documentId ?? null;
}

/** The stored document's organization (null when it has none), or undefined when there is no such document. */
async function storedOrganization(
  strapi: Core.Strapi,
  uid: string,
  documentId: string,
): Promise<string | null | undefined> {
  const path = ORGANIZATION_PATHS[uid];
  if (path.length === 0) return documentId;
  const populate =
    path.length === 1
      ? { [path[0]]: { select: ['documentId'] } }
      : { [path[0]]: { populate: { [path[1]]: { select: ['documentId'] } } } };
  // Every row of the document: a localized document's other-locale rows may carry no organization of their own.
  const rows = (await strapi.db.query(uid as any).findMany({ where: { documentId }, populate })) as Array<
    Record<string, any>
  >;
  if (!rows.length) return undefined;
  for (const row of rows) {
    let node: any = row;
    for (const key of path) node = node?.[key];
    if (node?.documentId) return node.documentId as string;
  }
  return null;
}

/** The organization the write leaves the document in. */
async function writtenOrganization(
  strapi: Core.Strapi,
  uid: string,
  data: Record<string, unknown> | undefined,
  stored: string | null | undefined,
) {
  const path = ORGANIZATION_PATHS[uid];
  if (path.length === 0 || !data) return stored ?? null;
  const model = strapi.getModel(uid as any);
  const target = (model.attributes[path[0]] as { target?: string } | undefined)?.target;
  if (!target) return stored ?? null;
  const pointed = await relationTarget(strapi, target, data[path[0]]);
  if (pointed === undefined) return stored ?? null;
  return path.length === 1 ? pointed : projectOrganization(strapi, pointed);
}

/** A document shaped like the condition's query expects: `{ organization: { documentId } }` or nested. */
function shaped(
  uid: string,
  organization: string | null,
  user: { id: number; roles?: unknown[] },
  locale: string | undefined,
) {
  const path = ORGANIZATION_PATHS[uid];
  // The locale too: Strapi turns a permission's locales into a condition on `locale` of localized types.
  const common = { createdBy: { id: user.id, roles: user.roles ?? [] }, ...(locale ? { locale } : {}) };
  let value: Record<string, unknown> | null = organization === null ? null : { documentId: organization };
  if (path.length === 0) return { ...(value ?? {}), ...common };
  for (const key of [...path].reverse()) value = { [key]: value };
  return { ...value, ...common };
}

async function localeOf(strapi: Core.Strapi, uid: string, params: { locale?: unknown }) {
  const localized =
    (strapi.getModel(uid as any).pluginOptions as { i18n?: { localized?: boolean } } | undefined)?.i18n?.localized ===
    true;
  if (!localized) return undefined;
  if (typeof params.locale === 'string' && params.locale !== '*') return params.locale;
  return (await strapi.plugin('i18n').service('locales').getDefaultLocale()) as string;
}

/**
 * The Content Manager answers a write with the document whose relations are only counted (`{ count: 1 }`), then
 * removes from it every field the user may not read *of that document*: under this condition, all of them (the
 * organization is not in the answer), so the edit view would go blank after a save. The organization path is
 * populated for real instead (its documentId only), so the answer is checked against the true organization.
 */
function withOrganizationPopulated(uid: string, params: { populate?: unknown }) {
  const path = ORGANIZATION_PATHS[uid];
  if (path.length === 0) return;
  const populate = params.populate;
  if (populate !== undefined && (typeof populate !== 'object' || populate === null || Array.isArray(populate))) return;
  const current = (populate as Record<string, unknown> | undefined)?.[path[0]];
  const nested = (value: unknown) => {
    // For a notice: its project's organization, added to whatever the project is populated with.
    if (path.length === 1) return value;
    const v = (value && typeof value === 'object' ? value : {}) as { populate?: Record<string, unknown> };
    return { ...v, populate: { ...(v.populate ?? {}), [path[1]]: { fields: ['documentId'] } } };
  };
  let next: unknown;
  if (
    current === undefined ||
    current === false ||
    (typeof current === 'object' && current !== null && 'count' in current)
  ) {
    next = nested({ fields: ['documentId'] });
  } else if (current === true || current === '*') {
    next = path.length === 1 ? current : nested({});
  } else if (typeof current === 'object' && current !== null) {
    const c = current as { fields?: unknown };
    next = nested(Array.isArray(c.fields) ? { ...c, fields: [...new Set([...c.fields, 'documentId'])] } : c);
  } else return;
  params.populate = { ...((populate as Record<string, unknown> | undefined) ?? {}), [path[0]]: next };
}

const CM_PATH = /^\/content-manager\//i;
const EXISTING_ACTION: Record<string, string> = {
  update: 'update',
  delete: 'delete',
  publish: 'publish',
  unpublish: 'publish',
  discardDraft: 'update',
  clone: 'read',
};

/**
 * Content Manager writes: the document before the write must be one the user may act on, and the organization it is
 * left in must be one the user may create or update in. Conditions other than this app's are evaluated as well
 * (Strapi's ability decides), with the user as the creator of what is created.
 */
export function registerScopedWrites(strapi: Core.Strapi) {
  strapi.documents.use(async (context, next) => {
    const { uid, action } = context as { uid: string; action: string };
    if (!(uid in ORGANIZATION_PATHS)) return next();
    const ctx = strapi.requestContext.get() as any;
    if (!ctx || !CM_PATH.test(ctx.path ?? '') || !ctx.state?.userAbility || !ctx.state?.user) return next();
    if (['findMany', 'findOne', 'findFirst'].includes(action)) {
      // Reads: Strapi answers with relations counted and then checks each document against the condition (e.g.
      // bulkFindForValidation, which does not filter): give it the organization to check.
      withOrganizationPopulated(uid, context.params as { populate?: unknown });
      return next();
    }
    if (!['create', 'update', 'clone', 'delete', 'publish', 'unpublish', 'discardDraft'].includes(action))
      return next();
    const checker = strapi
      .plugin('content-manager')
      .service('permission-checker')
      .create({ userAbility: ctx.state.userAbility, model: uid });
    const params = context.params as { documentId?: string; data?: Record<string, unknown>; locale?: unknown };
    const user = ctx.state.user;
    const locale = await localeOf(strapi, uid, params);
    const refuse = () => {
      throw new errors.ForbiddenError(
        '不能操作其他机构的记录 (Forbidden: this record belongs to an organization outside your scope)',
      );
    };
    let stored: string | null | undefined;
    if (action !== 'create' && params.documentId) {
      stored = await storedOrganization(strapi, uid, params.documentId);
      if (stored !== undefined && checker.cannot[EXISTING_ACTION[action]](shaped(uid, stored, user, locale))) refuse();
    }
    if (action === 'create' || action === 'update' || action === 'clone') {
      const after = await writtenOrganization(strapi, uid, params.data, stored);
      const writeAction = action === 'update' && stored !== undefined ? 'update' : 'create';
      if (checker.cannot[writeAction](shaped(uid, after, user, locale))) refuse();
    }
    withOrganizationPopulated(uid, context.params as { populate?: unknown });
    return next();
  });
}

/**
 * A scoped user's record created in the Content Manager without an organization would be invisible to them at once
 * (outside every scope). When the user may not create it without one and is a member of exactly one organization,
 * that organization is filled in; a member of several must choose (400 naming `organization`). Registered before the
 * write rules (src/validation), which would otherwise refuse the missing organization first. Notices take their
 * project's organization: nothing to fill.
 */
export function registerDefaultOrganization(strapi: Core.Strapi) {
  strapi.documents.use(async (context, next) => {
    const { uid, action } = context as { uid: string; action: string };
    const path = ORGANIZATION_PATHS[uid];
    if (!path || path.length !== 1 || (action !== 'create' && action !== 'clone')) return next();
    const ctx = strapi.requestContext.get() as any;
    if (!ctx || !CM_PATH.test(ctx.path ?? '') || !ctx.state?.userAbility || !ctx.state?.user) return next();
    const params = context.params as { documentId?: string; data?: Record<string, unknown>; locale?: unknown };
    const stored =
      action === 'clone' && params.documentId ? await storedOrganization(strapi, uid, params.documentId) : undefined;
    if ((await writtenOrganization(strapi, uid, params.data, stored)) !== null) return next();
    const user = ctx.state.user;
    const checker = strapi
      .plugin('content-manager')
      .service('permission-checker')
      .create({ userAbility: ctx.state.userAbility, model: uid });
    // A user who may create records without an organization (super admin, city level) keeps that choice.
    if (!checker.cannot.create(shaped(uid, null, user, await localeOf(strapi, uid, params)))) return next();
    const mine = await organizationsOf(strapi, user.id);
    if (mine.length === 1) {
      params.data = { ...(params.data ?? {}), [path[0]]: { connect: [{ documentId: mine[0] }], disconnect: [] } };
    } else if (mine.length > 1) {
      const label = fieldLabel(uid, [path[0]]);
      const message = bilingual(
        `请选择${label.zh}：您属于多个机构`,
        `${path[0]} is required: you are a member of several organizations, choose one`,
      );
      throw new errors.ValidationError(message, {
        errors: [{ path: [path[0]], message, name: 'ValidationError', value: null }],
      });
    }
    // A member of no organization: the scoped-writes check answers 403.
    return next();
  });
}
