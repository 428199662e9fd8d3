/**
 * Bulk loader of published transaction projects and notices straight into Strapi's tables (for bench/site.js and
 * the index test): hundreds of thousands of rows in seconds, where the Document Service would take hours.
 *
 * What Strapi 5 expects, and what this writes for each document of a draft-and-publish type:
 *   - two rows with the same `document_id`: the draft (`published_at` NULL) and the published version
 *     (`published_at` set); non-localized types keep `locale` NULL;
 *   - relations in the link table `transaction_notices_project_lnk` (notice id, project id, `transaction_notice_ord`),
 *     draft row → draft project row and published row → published project row, as Strapi links them on publish;
 *   - each notice row's `category`, copied from the project row it links to (the app keeps it so on every write).
 * Table and column names come from Strapi's metadata, so a renamed attribute fails here instead of loading rubbish.
 * Rows are generated inside the database (recursive CTE on SQLite, generate_series on PostgreSQL).
 */
'use strict';

const NOTICE = 'api::transaction-notice.transaction-notice';
const PROJECT = 'api::transaction-project.transaction-project';
const CATEGORIES = ['construction', 'procurement', 'landUse', 'miningRights', 'stateProperty'];
const TYPES_BY_CATEGORY = {
  construction: ['tenderNotice', 'candidatePublicity', 'awardResult'],
  procurement: ['procurementNotice', 'procurementResult'],
  landUse: ['transferNotice', 'dealPublicity'],
  miningRights: ['transferNotice', 'dealPublicity'],
  stateProperty: ['listingDisclosure', 'dealResult'],
};
const BODY = '示例公告正文。'.repeat(300); // ≈ 6 KB, like a real notice body: lists must not carry it.

const isPg = (knex) => knex.client.config.client === 'pg' || knex.client.config.client === 'postgres';

/** An SQL source of n rows numbered 1..n. */
const series = (pg, n) =>
  pg
    ? `SELECT n FROM generate_series(1, ${n}) AS n`
    : `WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < ${n}) SELECT n FROM seq`;
const pick = (list, expr) =>
  `CASE (${expr}) % ${list.length} ${list.map((v, i) => `WHEN ${i} THEN '${v}'`).join(' ')} END`;

/**
 * Adds `projects` published projects and `notices` published notices (each as a draft + published row pair), the
 * notices spread over the projects (notice n belongs to project n % projects). Returns the numbers loaded.
 * `tag` keeps document ids unique when called more than once on a database.
 */
async function loadNotices(strapi, { projects, notices, tag = 'bulk' }) {
  const knex = strapi.db.connection;
  const pg = isPg(knex);
  const p = strapi.db.metadata.get(PROJECT);
  const n = strapi.db.metadata.get(NOTICE);
  const col = (meta, attr) => {
    const c = meta.attributes[attr]?.columnName;
    if (!c) throw new Error(`${meta.uid}.${attr}: no column (schema changed?)`);
    return c;
  };
  const link = n.attributes.project.joinTable;
  const now = pg ? 'now()' : `${Date.now()}`;
  // Release times: notice n is n minutes after 2020-01-01 (ms since epoch on SQLite, as Strapi stores datetimes).
  const released = pg
    ? `(TIMESTAMPTZ '2020-01-01 00:00:00+00' + (n || ' minutes')::interval)`
    : `(1577836800000 + n * 60000)`;
  const registered = pg ? `(DATE '2020-01-01' + (n % 1500))` : `date('2020-01-01', '+' || (n % 1500) || ' days')`;
  const ins = (table, columns, select, count) =>
    knex.raw(
      `INSERT INTO ${table} (${columns.join(', ')}) ${series(pg, count).replace('SELECT n FROM', `SELECT ${select.join(', ')} FROM`)}`,
    );

  await ins(
    p.tableName,
    [
      'document_id',
      col(p, 'name'),
      col(p, 'category'),
      col(p, 'projectCode'),
      col(p, 'registeredOn'),
      col(p, 'principal'),
      'created_at',
      'updated_at',
      'published_at',
    ],
    [
      `'${tag}p' || ((n + 1) / 2)`,
      `'示例项目' || ((n + 1) / 2)`,
      pick(CATEGORIES, '(n + 1) / 2'),
      `'BENCH-${tag}-' || ((n + 1) / 2)`,
      registered,
      `'示例采购人'`,
      now,
      now,
      `CASE WHEN n % 2 = 0 THEN ${now} ELSE NULL END`,
    ],
    projects * 2,
  );
  // Notice k belongs to project (k % projects) + 1, whose category is CATEGORIES[its number % 5].
  const typeExpr = `CASE ((((n + 1) / 2) % ${projects} + 1) % ${CATEGORIES.length}) ${CATEGORIES.map(
    (c, i) => `WHEN ${i} THEN ${pick(TYPES_BY_CATEGORY[c], '(n + 1) / 2')}`,
  ).join(' ')} END`;
  const noticeNo = '((n + 1) / 2)';
  await ins(
    n.tableName,
    [
      'document_id',
      col(n, 'title'),
      col(n, 'noticeType'),
      col(n, 'releasedAt'),
      col(n, 'body'),
      'created_at',
      'updated_at',
      'published_at',
    ],
    [
      `'${tag}n' || ${noticeNo}`,
      `'示例交易公告' || ${noticeNo}`,
      typeExpr,
      released.replace(/\bn\b/g, noticeNo),
      `'${BODY}'`,
      now,
      now,
      `CASE WHEN n % 2 = 0 THEN ${now} ELSE NULL END`,
    ],
    notices * 2,
  );
  // Links by document id (not by id arithmetic: a sequence may be ahead of max(id)): draft to draft, published to
  // published.
  await knex.raw(
    `INSERT INTO ${link.name} (${link.joinColumn.name}, ${link.inverseJoinColumn.name}, ${link.inverseOrderColumnName})
     SELECT t.id, p.id, 1
     FROM (${series(pg, notices)}) s
     JOIN ${n.tableName} t ON t.document_id = '${tag}n' || s.n
     JOIN ${p.tableName} p ON p.document_id = '${tag}p' || (s.n % ${projects} + 1)
       AND ((p.published_at IS NULL AND t.published_at IS NULL) OR (p.published_at IS NOT NULL AND t.published_at IS NOT NULL))`,
  );
  // Each notice row's copy of its project's category (src/trading/notice-category.ts), as the app's migration fills it.
  await require('../database/migrations/2026.11.30T00.00.01.notice-category.js').up(knex);
  await knex.raw('ANALYZE');
  return { projects, notices };
}

module.exports = { loadNotices, CATEGORIES };
