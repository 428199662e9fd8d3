'use strict';

/**
 * The site-wide search index (src/search): one row per published document and locale in `search_entries`, and its
 * bigram tokens in a full-text index: a `tsvector` column with a GIN index on PostgreSQL, an FTS5 table
 * (`search_entries_fts`, contentless, rowid = entry id, no positions) on SQLite. Neither is a Strapi content type:
 * the index is derived data, rebuilt from the published documents when its format changes (src/search/maintain.ts).
 * Idempotent; also applied after every schema sync (src/index.ts).
 */
const TABLE = 'search_entries';
const isPg = (knex) => ['pg', 'postgres', 'postgresql'].includes(knex.client.config.client);

async function up(knex) {
  const pg = isPg(knex);
  if (!(await knex.schema.hasTable(TABLE))) {
    await knex.schema.createTable(TABLE, (t) => {
      t.increments('id');
      t.string('kind', 16).notNullable();
      t.string('document_id', 255).notNullable();
      t.string('locale', 16).notNullable().defaultTo('');
      t.text('title').notNullable();
      t.text('code').notNullable().defaultTo('');
      t.text('body').notNullable().defaultTo('');
      t.string('sort_at', 32).notNullable().defaultTo('');
      if (pg) t.specificType('tokens', 'tsvector').notNullable();
      t.index(['document_id'], 'search_entries_document_idx');
      t.index(['sort_at', 'id'], 'search_entries_sort_idx');
      t.index(['kind', 'sort_at', 'id'], 'search_entries_kind_sort_idx');
    });
  }
  if (pg) {
    await knex.raw('CREATE INDEX IF NOT EXISTS search_entries_tokens_idx ON search_entries USING gin (tokens)');
  } else {
    await knex.raw(
      "CREATE VIRTUAL TABLE IF NOT EXISTS search_entries_fts USING fts5(tokens, content='', contentless_delete=1, detail=none, tokenize='ascii')"
    );
  }
}

async function down(knex) {
  if (!isPg(knex)) await knex.raw('DROP TABLE IF EXISTS search_entries_fts');
  await knex.schema.dropTableIfExists(TABLE);
}

module.exports = { up, down };
