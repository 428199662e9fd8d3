/**
 * The search index's SQL (tables made by database/migrations/…search-index.js): writing a document's entries and
 * finding entries. Raw SQL on purpose: full-text operators (FTS5 MATCH, tsvector @@) have no Query Engine form.
 * Every write takes the caller's transaction (`trx`): on SQLite the pool has one connection.
 */
import type { Knex } from 'knex';
import type { Core } from '@strapi/strapi';
import { fts5Query, indexTokens, tsQuery, tsVector, type ParsedQuery } from './text';
import type { EntryContent, SearchKind } from './sources';

export const TABLE = 'search_entries';
const FTS = 'search_entries_fts';

export const isPg = (knex: Knex) => ['pg', 'postgres', 'postgresql'].includes(String(knex.client.config.client));

export interface Entry extends EntryContent {
  kind: SearchKind;
  documentId: string;
  /** '' for types that are not localized. */
  locale: string;
}

const tokensOf = (e: EntryContent) => indexTokens(`${e.title}\n${e.code}\n${e.body}`).join(' ');

/** Removes the entries of these documents of one kind. */
export async function removeEntries(trx: Knex | Knex.Transaction, kind: SearchKind, documentIds: string[]) {
  if (documentIds.length === 0) return;
  if (!isPg(trx)) {
    const ids = trx(TABLE).select('id').where('kind', kind).whereIn('document_id', documentIds);
    await trx(FTS).whereIn('rowid', ids).delete();
  }
  await trx(TABLE).where('kind', kind).whereIn('document_id', documentIds).delete();
}

/** Removes every entry of a kind (before a rebuild). */
export async function clearKind(trx: Knex | Knex.Transaction, kind: SearchKind) {
  if (!isPg(trx)) await trx(FTS).whereIn('rowid', trx(TABLE).select('id').where('kind', kind)).delete();
  await trx(TABLE).where('kind', kind).delete();
}

/**
 * SQLite: an entry's id (= its FTS5 rowid) is date-ordered, its date's epoch second × 2^20 plus the next free slot of
 * that second, so FTS5 can hand out the matches of a query newest first and stop after a page (`ORDER BY rowid DESC`
 * walks the token's list backwards). With ids in insertion order, a word in every notice made SQLite fetch and sort
 * all 100,000 matches (4.3 s at 100,000 notices, bench:site). 2^20 slots a second, 2^52 at the year 2100: exact in JS.
 */
const SLOTS = 2 ** 20;
const baseOf = (sortAt: string) => {
  const ms = Date.parse(sortAt);
  return (Number.isFinite(ms) ? Math.floor(ms / 1000) : 0) * SLOTS;
};

async function dateOrderedIds(trx: Knex | Knex.Transaction, entries: Entry[]): Promise<number[]> {
  const next = new Map<number, number>();
  const ids: number[] = [];
  for (const e of entries) {
    const base = baseOf(e.sortAt);
    if (!next.has(base)) {
      const [{ top }] = await trx(TABLE)
        .max({ top: 'id' })
        .where('id', '>=', base)
        .andWhere('id', '<', base + SLOTS);
      next.set(base, top === null || top === undefined ? base : Number(top) + 1);
    }
    const id = next.get(base)!;
    next.set(base, id + 1);
    ids.push(id);
  }
  return ids;
}

/** Adds entries (their documents' old entries must be gone). */
export async function addEntries(trx: Knex | Knex.Transaction, entries: Entry[]) {
  const row = (e: Entry) => ({
    kind: e.kind,
    document_id: e.documentId,
    locale: e.locale,
    title: e.title,
    code: e.code,
    body: e.body,
    sort_at: e.sortAt,
  });
  for (let i = 0; i < entries.length; i += 500) {
    const batch = entries.slice(i, i + 500);
    if (isPg(trx)) {
      await trx(TABLE).insert(
        batch.map((e) => ({
          ...row(e),
          tokens: trx.raw('?::tsvector', [tsVector(tokensOf(e).split(' ').filter(Boolean))]),
        })),
      );
      continue;
    }
    const ids = await dateOrderedIds(trx, batch);
    await trx(TABLE).insert(batch.map((e, k) => ({ id: ids[k], ...row(e) })));
    await trx(FTS).insert(batch.map((e, k) => ({ rowid: ids[k], tokens: tokensOf(e) })));
  }
}

export interface FoundEntry {
  kind: SearchKind;
  documentId: string;
  locale: string;
  title: string;
  code: string;
  body: string;
  sortAt: string;
}

export interface SearchRequest {
  query: ParsedQuery;
  kinds: readonly SearchKind[];
  locale: string;
  offset: number;
  limit: number;
  /** Matches counted up to this many (a count of every match would grow with the table). */
  countCap: number;
}

/** The entries matching the query, newest first, and how many match (at most `countCap`). */
export async function findEntries(
  strapi: Core.Strapi,
  request: SearchRequest,
): Promise<{ rows: FoundEntry[]; total: number }> {
  const knex = strapi.db.connection;
  const pg = isPg(knex);
  const kinds = [...request.kinds];
  const locales = ['', request.locale];
  const verify = (q: Knex.QueryBuilder, column: (name: string) => string) => {
    const text = `lower(${column('title')} || ' ' || ${column('code')} || ' ' || ${column('body')})`;
    for (const part of request.query.verify)
      q.whereRaw(pg ? `strpos(${text}, ?) > 0` : `instr(${text}, ?) > 0`, [part]);
    return q;
  };
  const columns = ['kind', 'document_id', 'locale', 'title', 'code', 'body', 'sort_at'];
  let rows: Record<string, string>[];
  let counted: { n: number | string }[];
  if (pg) {
    // The planner picks the date index (a common word: stops after a page) or the GIN index (a rare one).
    const matching = () =>
      verify(
        knex(TABLE)
          .whereIn('locale', locales)
          .whereIn('kind', kinds)
          .whereRaw('tokens @@ ?::tsquery', [tsQuery(request.query)]),
        (c) => c,
      );
    [rows, counted] = await Promise.all([
      matching()
        .select(columns)
        .orderBy([
          { column: 'sort_at', order: 'desc' },
          { column: 'id', order: 'desc' },
        ])
        .offset(request.offset)
        .limit(request.limit),
      knex.from(matching().select(knex.raw('1')).limit(request.countCap).as('m')).count({ n: '*' }),
    ]);
  } else {
    // FTS5 drives, newest first by its date-ordered rowid (see addEntries), and stops after the page or the cap.
    const matching = () =>
      verify(
        knex(`${FTS} as f`)
          .join(`${TABLE} as e`, 'e.id', 'f.rowid')
          .whereRaw(`${FTS} MATCH ?`, [fts5Query(request.query)])
          .whereIn('e.locale', locales)
          .whereIn('e.kind', kinds),
        (c) => `e.${c}`,
      );
    rows = await matching()
      .select(columns.map((c) => `e.${c}`))
      .orderBy('f.rowid', 'desc')
      .offset(request.offset)
      .limit(request.limit);
    counted = await knex.from(matching().select(knex.raw('1')).limit(request.countCap).as('m')).count({ n: '*' });
  }
  return {
    rows: rows.map((r) => ({
      kind: r.kind as SearchKind,
      documentId: r.document_id,
      locale: r.locale,
      title: r.title,
      code: r.code,
      body: r.body,
      sortAt: r.sort_at,
    })),
    total: Number(counted[0].n),
  };
}
