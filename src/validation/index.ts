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
  'api::transaction-notice.transaction-notice': {
    project: { target: 'api::transaction-project.transaction-project', fields: ['category'] },
  },
};

export function refuse(problems: FieldProblem[]): never {
  const message =
    problems.length === 1
      ? problems[0].message
      : `${problems.length} errors: ${problems.map((p) => p.message).join('; ')}`;
  throw new errors.ValidationError(message, {
    errors: problems.map((p) => ({ path: p.path, message: p.message, name: 'ValidationError', value: null })),
  });
}

type Ref = { documentId?: string; id?: number };

/**
 * What a to-one relation points to after a write: the payload ('docId', 7, { documentId }, [..], { set }, { connect,
 * disconnect }) resolved against the stored target. The Content Manager sends { connect: [], disconnect: [] } for an
 * untouched relation on every save: that keeps the stored target. A disconnect with nothing connected removes it.
 */
export function resolveToOne(value: unknown, stored: Ref | null): Ref | null {
  if (value === undefined) return stored;
  if (value === null) return null;
  if (typeof value === 'string') return { documentId: value };
  if (typeof value === 'number') return { id: value };
  if (Array.isArray(value)) return value.length ? resolveToOne(value[value.length - 1], stored) : null;
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('set' in v) return resolveToOne(v.set ?? null, stored);
    if (Array.isArray(v.connect) ? v.connect.length > 0 : v.connect != null) return resolveToOne(v.connect, stored);
    if (Array.isArray(v.disconnect) ? v.disconnect.length > 0 : v.disconnect != null) return null;
    if ('connect' in v || 'disconnect' in v) return stored;
    if (typeof v.documentId === 'string') return { documentId: v.documentId };
    if (typeof v.id === 'number') return { id: v.id };
  }
  return stored;
}

type SchemaAttribute = {
  type: string;
  relation?: string;
  target?: string;
  pluginOptions?: { i18n?: { localized?: boolean } };
};
type Schema = {
  attributes: Record<string, SchemaAttribute>;
  options?: { draftAndPublish?: boolean };
  pluginOptions?: { i18n?: { localized?: boolean } };
};
/** The one seam where a type's schema is read with the fields used here (Strapi types them per registered UID). */
const schemaOf = (strapi: Core.Strapi, uid: string): Schema =>
  (strapi.contentType(uid as Parameters<Core.Strapi['contentType']>[0]) as unknown as Schema | undefined) ?? {
    attributes: {},
  };

/** The type's to-one relations to documents (organization, project, application); not createdBy/updatedBy. */
function toOneRelations(strapi: Core.Strapi, uid: string): string[] {
  return Object.entries(schemaOf(strapi, uid).attributes)
    .filter(
      ([, a]) =>
        a.type === 'relation' &&
        (a.relation === 'manyToOne' || a.relation === 'oneToOne') &&
        !a.target?.startsWith('admin::'),
    )
    .map(([name]) => name);
}

const asRef = (row: unknown): Ref | null =>
  row && typeof row === 'object' ? { documentId: (row as Ref).documentId, id: (row as Ref).id } : null;

/** The document as it will be stored: the stored version (or the clone's source) with the written data over it. */
function asWritten(strapi: Core.Strapi, uid: string, stored: Record<string, any> | null, data: Record<string, any>) {
  const doc: Record<string, any> = { ...(stored ?? {}), ...data };
  for (const field of toOneRelations(strapi, uid)) doc[field] = resolveToOne(data[field], asRef(stored?.[field]));
  return doc;
}

async function loadRelated(strapi: Core.Strapi, uid: string, doc: Record<string, any>) {
  const related: RuleContext['related'] = {};
  for (const [field, { target, fields }] of Object.entries(RELATED[uid] ?? {})) {
    const ref = doc[field] as Ref | null;
    related[field] = ref
      ? await strapi.db
          .query(target as any)
          .findOne({ where: ref.documentId ? { documentId: ref.documentId } : { id: ref.id }, select: fields })
      : null;
  }
  return related;
}

const hasDraftAndPublish = (strapi: Core.Strapi, uid: string) =>
  schemaOf(strapi, uid).options?.draftAndPublish === true;
const isLocalized = (strapi: Core.Strapi, uid: string) => schemaOf(strapi, uid).pluginOptions?.i18n?.localized === true;

/**
 * The stored versions a write starts from, with their to-one relations: the draft (or the only version of a type
 * without drafts) in the locales the action touches. `locale` as the Document Service takes it: a code, '*', a list
 * or nothing (the default locale).
 */
async function storedVersions(strapi: Core.Strapi, uid: string, documentId: string, locale: unknown) {
  const where: Record<string, unknown> = { documentId };
  if (hasDraftAndPublish(strapi, uid)) where.publishedAt = null;
  if (isLocalized(strapi, uid) && locale !== '*') {
    where.locale = Array.isArray(locale)
      ? { $in: locale }
      : typeof locale === 'string'
        ? locale
        : await strapi.plugin('i18n').service('locales').getDefaultLocale();
  }
  const populate = Object.fromEntries(
    toOneRelations(strapi, uid).map((field) => [field, { select: ['id', 'documentId'] }]),
  );
  const versions = (await strapi.db.query(uid as any).findMany({ where, populate })) as Array<Record<string, any>>;
  return isLocalized(strapi, uid) ? withSharedRelations(strapi, uid, versions, where, populate) : versions;
}

/**
 * A non-localized to-one relation (a report's organization) belongs to the document, not to one locale. Strapi links
 * a locale only to the same locale of a localized target, so a new English version of a report whose organization
 * has no English version is stored without it: that version takes the relation its other locales hold.
 */
async function withSharedRelations(
  strapi: Core.Strapi,
  uid: string,
  versions: Array<Record<string, any>>,
  where: Record<string, unknown>,
  populate: Record<string, unknown>,
) {
  const { attributes } = schemaOf(strapi, uid);
  const shared = toOneRelations(strapi, uid).filter(
    (field) => attributes[field]?.pluginOptions?.i18n?.localized === false,
  );
  if (!shared.some((field) => versions.some((version) => !version[field]))) return versions;
  const { locale: _locale, ...allLocales } = where;
  const siblings = (await strapi.db.query(uid as any).findMany({ where: allLocales, populate })) as Array<
    Record<string, any>
  >;
  return versions.map((version) => {
    const filled = { ...version };
    for (const field of shared)
      filled[field] = version[field] ?? siblings.find((sibling) => sibling[field])?.[field] ?? null;
    return filled;
  });
}

/** The fields a new locale shares with the document's other locales (i18n `localized: false`). */
function nonLocalizedPart(strapi: Core.Strapi, uid: string, version: Record<string, any>) {
  const { attributes } = schemaOf(strapi, uid);
  return Object.fromEntries(
    Object.entries(version).filter(([field]) => attributes[field]?.pluginOptions?.i18n?.localized === false),
  );
}

async function isDuplicateReport(
  strapi: Core.Strapi,
  doc: Record<string, any>,
  documentId: string | undefined,
  locale: unknown,
) {
  const org = doc.organization as Ref | null;
  if (!org || doc.year === undefined || doc.year === null) return false;
  const organization = org.documentId ? { documentId: org.documentId } : { id: org.id };
  const found = await strapi.documents('api::annual-report.annual-report').findMany({
    filters: { year: doc.year, organization, ...(documentId ? { documentId: { $ne: documentId } } : {}) },
    locale: typeof locale === 'string' ? locale : undefined,
    status: 'draft',
    fields: ['documentId'],
    limit: 1,
  } as any);
  return found.length > 0;
}

async function fillSlug(
  strapi: Core.Strapi,
  uid: string,
  data: Record<string, any>,
  doc: Record<string, any>,
  params: any,
  fresh: boolean,
) {
  const source = SLUG_SOURCES[uid];
  // A clone starts from its source's slug: it needs one of its own (fresh), unless the clone's data gives one.
  if (!source || data.slug || (doc.slug && !fresh) || !doc[source]) return;
  const base = slugFromTitle(String(doc[source]));
  const locale = data.locale ?? doc.locale ?? params.locale;
  data.slug = await uniqueSlug(base, async (candidate) => {
    const taken = await strapi.db.query(uid as any).findOne({
      where: {
        slug: candidate,
        ...(typeof locale === 'string' ? { locale } : {}),
        ...(params.documentId && !fresh ? { documentId: { $ne: params.documentId } } : {}),
      },
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
  if (uid in UNIQUE_IN_DATABASE) return false;
  const attributes = (strapi.contentType(uid as any)?.attributes ?? {}) as Record<string, { unique?: boolean }>;
  return Object.values(attributes).some((attribute) => attribute.unique === true);
}

/**
 * Types whose only rule about other documents is a unique field that a unique index of the database guards
 * (schema.json `indexes`, type unique; one row per document: no drafts, no locales). Their writes take no turn:
 * the insert itself is the guarantee, in one process or across instances, and a write the index refuses answers 400
 * naming the field. Online filings (a tracking number each) are the hot path this keeps parallel.
 */
const UNIQUE_IN_DATABASE: Record<string, string[]> = {
  'api::disclosure-application.disclosure-application': ['trackingNumber'],
};

/** A unique index refused the write (PostgreSQL 23505, SQLite SQLITE_CONSTRAINT_UNIQUE), however Strapi wrapped it. */
export function isUniqueViolation(error: unknown): boolean {
  for (
    let e = error as { code?: unknown; message?: unknown; cause?: unknown } | null, depth = 0;
    e && depth < 4;
    e = e.cause as typeof e, depth += 1
  ) {
    if (
      e.code === '23505' ||
      /SQLITE_CONSTRAINT_UNIQUE|UNIQUE constraint failed|duplicate key value violates unique constraint/i.test(
        `${String(e.code ?? '')} ${String(e.message ?? '')}`,
      )
    )
      return true;
  }
  return false;
}

async function writeGuardedByIndex(uid: string, next: () => Promise<any>) {
  try {
    return await next();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    refuse(
      UNIQUE_IN_DATABASE[uid].map((field) => ({
        path: [field],
        message: `${field} is already used by another record (${field} 已被其他记录使用)`,
      })),
    );
  }
}

const LOCK_NAMESPACE = 0x67677a79; // 'ggzy'
const lockKey = (uid: string) => [...uid].reduce((hash, char) => (Math.imul(31, hash) + char.charCodeAt(0)) | 0, 0);

async function lockWritesOf(strapi: Core.Strapi, uid: string, trx: any) {
  if ((strapi.db as any).config?.connection?.client === 'postgres') {
    await trx.raw('SELECT pg_advisory_xact_lock(?, ?)', [LOCK_NAMESPACE, lockKey(uid)]);
  }
}

/**
 * Cloning copies what only the workflow may write: an application's state and dates without the events that justify
 * them, and its query-code hash (its citizen could then follow someone else's case). A new application is filed or
 * registered, never copied; events are an audit trail.
 */
const NOT_CLONABLE: Record<string, string> = {
  'api::disclosure-application.disclosure-application':
    'Disclosure applications cannot be cloned: register a new application instead. 政府信息公开申请不能复制，请新建申请。',
  'plugin::disclosure.application-event':
    'Application events cannot be cloned: they are an audit trail. 办理记录不能复制。',
};

/** Document Service actions that write a document's content, each checked against the document as it will be. */
const CHECKED_ACTIONS = new Set(['create', 'update', 'clone', 'publish']);

export function registerDocumentRules(strapi: Core.Strapi) {
  strapi.documents.use(async (context, next) => {
    const { uid, action } = context as { uid: string; action: string };
    if (action === 'clone' && uid in NOT_CLONABLE) {
      throw new errors.ValidationError(NOT_CLONABLE[uid], {
        errors: [{ path: [], message: NOT_CLONABLE[uid], name: 'ValidationError', value: null }],
      });
    }
    if (!CHECKED_ACTIONS.has(action) || !(uid in RULES || uid in SLUG_SOURCES)) return next();
    // Publishing writes no new content: the draft it publishes is checked (a draft stored before a rule existed, or
    // through a path that skipped it, is never published). discardDraft copies the published version back, which
    // was checked when it was published.
    if (action === 'publish') {
      await checkDrafts(strapi, context);
      return next();
    }
    if (uid in UNIQUE_IN_DATABASE) return checkThenWrite(strapi, context, () => writeGuardedByIndex(uid, next));
    if (!needsSerializing(strapi, uid)) return checkThenWrite(strapi, context, next);
    return inTurn(uid, () =>
      strapi.db.transaction(async ({ trx }: any): Promise<any> => {
        await lockWritesOf(strapi, uid, trx);
        return checkThenWrite(strapi, context, next);
      }),
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
    () => held.run(new Set([...(mine ?? []), key]), work),
  );
  const tail = run.then(
    () => undefined,
    () => undefined,
  );
  turns.set(key, tail);
  void tail.then(() => {
    if (turns.get(key) === tail) turns.delete(key);
  });
  return run;
}

/** Runs the type's rules on a document as it will be stored; refuses it naming each field. */
async function check(
  strapi: Core.Strapi,
  uid: string,
  action: RuleContext['action'],
  doc: Record<string, any>,
  documentId: string | undefined,
  locale: unknown,
) {
  const rule = RULES[uid];
  if (!rule) return;
  const ctx: RuleContext = {
    action,
    related: await loadRelated(strapi, uid, doc),
    duplicateReport:
      uid === 'api::annual-report.annual-report' ? await isDuplicateReport(strapi, doc, documentId, locale) : false,
  };
  const problems = rule(doc, ctx);
  if (problems.length) refuse(problems);
}

/**
 * create, update and clone: the written data over the stored version (update: the draft; clone: the source, each
 * locale cloned), refused naming each field, derived fields filled in, then written.
 */
async function checkThenWrite(strapi: Core.Strapi, context: any, next: () => Promise<any>): Promise<any> {
  const { uid, action } = context as { uid: string; action: 'create' | 'update' | 'clone' };
  const params = context.params as any;
  const data: Record<string, any> = params.data ?? {};
  params.data = data;

  let stored: Array<Record<string, any> | null> = [null];
  if (action !== 'create' && params.documentId) {
    stored = await storedVersions(strapi, uid, params.documentId, params.locale);
    if (!stored.length && action === 'update') {
      // A new locale of an existing document: Strapi creates it from the data and the other locale's non-localized fields.
      const [other] = await storedVersions(strapi, uid, params.documentId, '*');
      stored = [other ? nonLocalizedPart(strapi, uid, other) : null];
    }
  }

  // Malformed values first: the rules below compare dates and amounts and need them well-formed.
  const malformed = schemaProblems(strapi, uid, data);
  if (malformed.length) refuse(malformed);

  for (const version of stored) {
    const doc = asWritten(strapi, uid, version, data);
    if (
      uid === 'api::disclosure-application.disclosure-application' &&
      data.state === undefined &&
      toIsoDate(doc.concludedOn) &&
      doc.state !== 'concluded'
    ) {
      // A conclusion date makes the application concluded: the state is derived, not typed twice.
      data.state = doc.state = 'concluded';
    }
    const locale = data.locale ?? version?.locale ?? params.locale;
    // A clone is a new document: its whole content is checked as a creation's is.
    await check(
      strapi,
      uid,
      action === 'update' ? 'update' : 'create',
      doc,
      action === 'update' ? params.documentId : undefined,
      locale,
    );
    await fillSlug(strapi, uid, data, doc, params, action === 'clone');
  }
  return next();
}

/** publish: every draft about to be published must pass the rules a creation passes (its required relations included). */
async function checkDrafts(strapi: Core.Strapi, context: any) {
  const { uid } = context as { uid: string };
  const params = context.params as any;
  if (!params.documentId) return;
  for (const draft of await storedVersions(strapi, uid, params.documentId, params.locale)) {
    const doc = asWritten(strapi, uid, draft, {});
    const malformed = schemaProblems(strapi, uid, doc);
    if (malformed.length) refuse(malformed);
    await check(strapi, uid, 'create', doc, params.documentId, draft.locale);
  }
}
