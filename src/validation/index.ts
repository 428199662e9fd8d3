/**
 * One Document Service middleware for every write, whatever the path (admin, REST, code): it merges the write into
 * the stored draft, runs the type's rules (./rules.ts) and refuses the write with a 400 naming each field before
 * anything is stored. It also fills in derived fields: pinyin slugs, and an application's state from its dates.
 */
import { AsyncLocalStorage } from 'async_hooks';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { RULES, type FieldProblem, type RuleContext } from './rules';
import { slugFromTitle, uniqueSlug } from '../slug';
import { toIsoDate } from './dates';
import { schemaProblems } from './schema-constraints';

/** Types with a slug, and the field it comes from. */
const SLUG_SOURCES: Record<string, string> = {
  'api::policy-document.policy-document': 'title',
  'api::transaction-project.transaction-project': 'name',
  'api::transaction-notice.transaction-notice': 'title',
  'api::ca-provider.ca-provider': 'name',
};

/** Relations whose target's fields a rule needs. */
const RELATED: Record<string, Record<string, { target: string; fields: string[] }>> = {
  'api::transaction-notice.transaction-notice': { project: { target: 'api::transaction-project.transaction-project', fields: ['category'] } },
};

export function refuse(problems: FieldProblem[]): never {
  const message = problems.length === 1 ? problems[0].message : `${problems.length} errors: ${problems.map((p) => p.message).join('; ')}`;
  throw new errors.ValidationError(message, {
    errors: problems.map((p) => ({ path: p.path, message: p.message, name: 'ValidationError', value: null })),
  });
}

/** The target of a relation as written in a create/update: 'docId', 7, { documentId }, { connect: [...] }, { set: [...] }. */
export function relationTarget(value: unknown): { documentId?: string; id?: number } | null | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (typeof value === 'string') return { documentId: value };
  if (typeof value === 'number') return { id: value };
  if (Array.isArray(value)) return value.length ? relationTarget(value[0]) : null;
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.set)) return relationTarget(v.set);
    if (Array.isArray(v.connect)) return v.connect.length ? relationTarget(v.connect) : undefined;
    if (Array.isArray(v.disconnect)) return undefined;
    if (typeof v.documentId === 'string') return { documentId: v.documentId };
    if (typeof v.id === 'number') return { id: v.id };
  }
  return undefined;
}

async function loadRelated(strapi: Core.Strapi, uid: string, data: Record<string, any>, current: Record<string, any> | null) {
  const related: RuleContext['related'] = {};
  for (const [field, { target, fields }] of Object.entries(RELATED[uid] ?? {})) {
    const ref = relationTarget(data[field]);
    if (ref === null) {
      related[field] = null;
    } else if (ref) {
      const where = ref.documentId ? { documentId: ref.documentId } : { id: ref.id };
      related[field] = await strapi.db.query(target as any).findOne({ where, select: fields });
    } else {
      related[field] = current?.[field] ?? null;
    }
  }
  return related;
}

async function currentDraft(strapi: Core.Strapi, uid: string, params: any) {
  if (!params.documentId) return null;
  const populate = [...Object.keys(RELATED[uid] ?? {}), ...(uid === 'api::annual-report.annual-report' ? ['organization'] : [])];
  return (await strapi.documents(uid as any).findOne({
    documentId: params.documentId,
    locale: params.locale,
    status: 'draft',
    populate: populate.length ? populate : undefined,
  } as any)) as Record<string, any> | null;
}

async function isDuplicateReport(strapi: Core.Strapi, doc: Record<string, any>, data: Record<string, any>, params: any) {
  const org: { documentId?: string; id?: number } | null =
    relationTarget(data.organization) ?? (doc.organization ? { documentId: doc.organization.documentId } : null);
  if (!org || doc.year === undefined) return false;
  const organization = org.documentId ? { documentId: org.documentId } : { id: org.id };
  const found = await strapi.documents('api::annual-report.annual-report').findMany({
    filters: { year: doc.year, organization, ...(params.documentId ? { documentId: { $ne: params.documentId } } : {}) },
    locale: params.locale,
    status: 'draft',
    fields: ['documentId'],
    limit: 1,
  } as any);
  return found.length > 0;
}

async function fillSlug(strapi: Core.Strapi, uid: string, data: Record<string, any>, doc: Record<string, any>, params: any) {
  const source = SLUG_SOURCES[uid];
  if (!source || data.slug || doc.slug || !doc[source]) return;
  const base = slugFromTitle(String(doc[source]));
  data.slug = await uniqueSlug(base, async (candidate) => {
    const taken = await strapi.db.query(uid as any).findOne({
      where: { slug: candidate, ...(params.locale ? { locale: params.locale } : {}), ...(params.documentId ? { documentId: { $ne: params.documentId } } : {}) },
      select: ['id'],
    });
    return !!taken;
  });
}

/**
 * Types whose rules look at other documents (unique fields, one report per organization/year/locale, free slugs):
 * a check followed by a separate write lets two concurrent writes both pass (two reports for the same year, two
 * applications with one tracking number were stored this way). Their check and write share one transaction, and
 * writers of the same type queue: SQLite runs one transaction at a time; PostgreSQL takes an advisory lock per type
 * until the transaction ends (also across app instances).
 */
function needsSerializing(strapi: Core.Strapi, uid: string): boolean {
  if (uid === 'api::annual-report.annual-report' || uid in SLUG_SOURCES) return true;
  const attributes = (strapi.contentType(uid as any)?.attributes ?? {}) as Record<string, { unique?: boolean }>;
  return Object.values(attributes).some((attribute) => attribute.unique === true);
}

const LOCK_NAMESPACE = 0x67677a79; // 'ggzy'
const lockKey = (uid: string) => [...uid].reduce((hash, char) => (Math.imul(31, hash) + char.charCodeAt(0)) | 0, 0);

async function lockWritesOf(strapi: Core.Strapi, uid: string, trx: any) {
  if ((strapi.db as any).config?.connection?.client === 'postgres') {
    await trx.raw('SELECT pg_advisory_xact_lock(?, ?)', [LOCK_NAMESPACE, lockKey(uid)]);
  }
}

export function registerDocumentRules(strapi: Core.Strapi) {
  strapi.documents.use(async (context, next) => {
    const { uid, action } = context as { uid: string; action: string };
    if ((action !== 'create' && action !== 'update') || !(uid in RULES || uid in SLUG_SOURCES)) return next();
    if (!needsSerializing(strapi, uid)) return checkThenWrite(strapi, context, next);
    return inTurn(uid, () =>
      strapi.db.transaction(async ({ trx }: any): Promise<any> => {
        await lockWritesOf(strapi, uid, trx);
        return checkThenWrite(strapi, context, next);
      })
    );
  });
}

/**
 * Writers of one type take turns inside this process before they take a database connection: otherwise a burst of
 * writes fills the pool with transactions waiting on the advisory lock while the holder needs one more connection
 * (Strapi emits its events on a connection of its own), and everything stalls until the pool times out.
 * Re-entrant: a write made while the same type's turn is held (in the same async flow) runs at once.
 */
const turns = new Map<string, Promise<unknown>>();
const held = new AsyncLocalStorage<Set<string>>();

function inTurn<T>(key: string, work: () => Promise<T>): Promise<T> {
  const mine = held.getStore();
  if (mine?.has(key)) return work();
  const previous = turns.get(key) ?? Promise.resolve();
  const run = previous.then(
    () => held.run(new Set([...(mine ?? []), key]), work),
    () => held.run(new Set([...(mine ?? []), key]), work)
  );
  const tail = run.then(
    () => undefined,
    () => undefined
  );
  turns.set(key, tail);
  void tail.then(() => {
    if (turns.get(key) === tail) turns.delete(key);
  });
  return run;
}

/** Merges the write into the stored draft, refuses it naming each field, fills derived fields, then writes. */
async function checkThenWrite(strapi: Core.Strapi, context: any, next: () => Promise<any>): Promise<any> {
  const { uid, action } = context as { uid: string; action: string };
  const params = context.params as any;
  const data: Record<string, any> = params.data ?? {};
  params.data = data;
  const current = action === 'update' ? await currentDraft(strapi, uid, params) : null;
  const doc = { ...(current ?? {}), ...data };

  if (uid === 'api::disclosure-application.disclosure-application' && data.state === undefined && toIsoDate(doc.concludedOn) && doc.state !== 'concluded') {
    // A conclusion date makes the application concluded: the state is derived, not typed twice.
    data.state = doc.state = 'concluded';
  }

  // Malformed values first: the rules below compare dates and amounts and need them well-formed.
  const malformed = schemaProblems(strapi, uid, data);
  if (malformed.length) refuse(malformed);

  const rule = RULES[uid];
  if (rule) {
    const ctx: RuleContext = {
      action: action as 'create' | 'update',
      related: await loadRelated(strapi, uid, data, current),
      duplicateReport: uid === 'api::annual-report.annual-report' ? await isDuplicateReport(strapi, doc, data, params) : false,
    };
    const problems = rule(doc, ctx);
    if (problems.length) refuse(problems);
  }
  await fillSlug(strapi, uid, data, doc, params);
  return next();
}
