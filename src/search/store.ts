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

/** Adds entries (their documents' old entries must be gone). */
export async function addEntries(trx: Knex | Knex.Transaction, entries: Entry[]) {
  const row = (e: Entry) => ({ kind: e.kind, document_id: e.documentId, locale: e.locale, title: e.title, code: e.code, body: e.body, sort_at: e.sortAt });
  if (isPg(trx)) {
    for (let i = 0; i < entries.length; i += 500) {
      const batch = entries.slice(i, i + 500);
      await trx(TABLE).insert(batch.map((e) => ({ ...row(e), tokens: trx.raw('?::tsvector', [tsVector(tokensOf(e).split(' ').filter(Boolean))]) })));
    }
    return;
  }
  for (const e of entries) {
    const [inserted] = await trx(TABLE).insert(row(e));
    const id = typeof inserted === 'object' ? (inserted as { id: number }).id : inserted;
    await trx(FTS).insert({ rowid: id, tokens: tokensOf(e) });
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
export async function findEntries(strapi: Core.Strapi, request: SearchRequest): Promise<{ rows: FoundEntry[]; total: number }> {
  const knex = strapi.db.connection;
  const pg = isPg(knex);
  const matching = () => {
    const q = knex(TABLE).whereIn('locale', ['', request.locale]).whereIn('kind', [...request.kinds]);
    if (pg) q.whereRaw('tokens @@ ?::tsquery', [tsQuery(request.query)]);
    else q.whereIn('id', knex(FTS).select('rowid').whereRaw(`${FTS} MATCH ?`, [fts5Query(request.query)]));
    for (const part of request.query.verify) {
      q.whereRaw(pg ? "strpos(lower(title || ' ' || code || ' ' || body), ?) > 0" : "instr(lower(title || ' ' || code || ' ' || body), ?) > 0", [part]);
    }
    return q;
  };
  const [rows, counted] = await Promise.all([
    matching()
      .select('kind', 'document_id', 'locale', 'title', 'code', 'body', 'sort_at')
      .orderBy([{ column: 'sort_at', order: 'desc' }, { column: 'id', order: 'desc' }])
      .offset(request.offset)
      .limit(request.limit),
    knex.from(matching().select(knex.raw('1')).limit(request.countCap).as('m')).count({ n: '*' }),
  ]);
  return {
    rows: rows.map((r: Record<string, string>) => ({
      kind: r.kind as SearchKind, documentId: r.document_id, locale: r.locale, title: r.title, code: r.code, body: r.body, sortAt: r.sort_at,
    })),
    total: Number((counted[0] as { n: number | string }).n),
  };
}
