/**
 * Every public list the site (public/site/*.js) and the README ask for is served by an index: with thousands of rows
 * loaded, the SQL the app really runs for each request (captured from knex) is explained on this database and may
 * neither scan the listed table sequentially nor sort all of its rows (EXPLAIN QUERY PLAN on SQLite, EXPLAIN on
 * PostgreSQL). Counts are left out on purpose: only paged pages ask for them (pagination[withCount]=true, see
 * config/api.ts) and the public cache keeps their answers.
 */
import type { Core } from '@strapi/strapi';
import { setupStrapi, teardownStrapi, http, isPostgres } from '../helpers/strapi';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { loadNotices } = require('../../bench/site-data');
import { documentFilters, noticeFilters, toQuery } from '../../public/site/query.js';

let strapi: Core.Strapi;
const TODAY = '2026-06-01';
const CATEGORIES = ['construction', 'procurement', 'landUse', 'miningRights', 'stateProperty'];
const NOTICE_TYPES = ['tenderNotice', 'procurementNotice', 'transferNotice', 'listingDisclosure', 'dealResult'];

/** n rows numbered 1..n as an SQL source. */
const series = (n: number) =>
  isPostgres()
    ? `SELECT n FROM generate_series(1, ${n}) AS n`
    : `WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < ${n}) SELECT n FROM seq`;
const dateAfter = (days: string) =>
  isPostgres() ? `(DATE '2000-01-01' + (${days})::int)` : `date('2000-01-01', '+' || (${days}) || ' days')`;
const now = () => (isPostgres() ? 'now()' : `${Date.now()}`);
async function insert(table: string, columns: string[], select: string[], n: number) {
  await strapi.db.connection.raw(
    `INSERT INTO ${table} (${columns.join(', ')}) ${series(n).replace('SELECT n FROM', `SELECT ${select.join(', ')} FROM`)}`,
  );
}

beforeAll(async () => {
  strapi = await setupStrapi();
  // The scale of the issue: 100,000 notices over 10,000 projects (PostgreSQL's planner rightly prefers a scan on small tables).
  await loadNotices(strapi, { projects: 10000, notices: 100000, tag: 'idx' });
  // Published policy documents in both locales, organizations and CA providers: thousands of rows each.
  await insert(
    'policy_documents',
    [
      'document_id',
      'title',
      'kind',
      'issuing_body',
      'issued_on',
      'effective_on',
      'repealed_on',
      'locale',
      'created_at',
      'updated_at',
      'published_at',
    ],
    [
      `'pd' || (n / 2)`,
      `'示例文件' || n`,
      `CASE n % 3 WHEN 0 THEN 'regulation' WHEN 1 THEN 'normative' ELSE 'other' END`,
      `'示例机关'`,
      dateAfter('n % 9000'),
      dateAfter('n % 9000 + 30'),
      `CASE WHEN n % 4 = 0 THEN ${dateAfter('n % 9000 + 400')} ELSE NULL END`,
      `CASE WHEN n % 2 = 0 THEN 'zh-Hans' ELSE 'en' END`,
      now(),
      now(),
      now(),
    ],
    20000,
  );
  await insert(
    'organizations',
    ['document_id', 'name', 'kind', 'display_order', 'locale', 'created_at', 'updated_at', 'published_at'],
    [`'org' || n`, `'示例机构' || n`, `'other'`, 'n % 500', `'zh-Hans'`, now(), now(), now()],
    10000,
  );
  await insert(
    'ca_providers',
    ['document_id', 'name', 'display_order', 'locale', 'created_at', 'updated_at', 'published_at'],
    [
      `'ca' || n`,
      `'示例CA' || n`,
      'n % 500',
      `'zh-Hans'`,
      now(),
      now(),
      `CASE WHEN n % 2 = 0 THEN ${now()} ELSE NULL END`,
    ],
    10000,
  );
  await strapi.db.connection.raw('ANALYZE');
}, 120_000);

afterAll(teardownStrapi);

/** The SELECTs the app runs for `url` whose main table (alias t0) is `table`, each with its plan as text lines. */
async function plansOf(url: string, table: string) {
  const knex = strapi.db.connection;
  const queries: { sql: string; bindings: unknown[] }[] = [];
  const listener = (q: { sql: string; bindings: unknown[] }) => queries.push(q);
  knex.on('query', listener);
  let status: number;
  try {
    status = (await http().get(url)).status;
  } finally {
    knex.removeListener('query', listener);
  }
  expect([url, status]).toEqual([url, 200]);
  const main = new RegExp(`^select .* from [\`"]?(public[\`"]?\\.[\`"]?)?${table}[\`"]? as [\`"]?t0[\`"]?`, 'i');
  const selects = queries.filter((q) => main.test(q.sql) && !/count\(/i.test(q.sql));
  expect(selects.length).toBeGreaterThan(0);
  if (process.env.SHOW_SQL) for (const s of selects) console.log(s.sql);
  const plans: string[][] = [];
  for (const q of selects) {
    if (isPostgres()) {
      const { rows } = await knex.raw(`EXPLAIN ${q.sql.replace(/\$\d+/g, '?')}`, q.bindings as any[]);
      plans.push(rows.map((r: Record<string, string>) => r['QUERY PLAN']));
    } else {
      const rows = await knex.raw(`EXPLAIN QUERY PLAN ${q.sql}`, q.bindings as any[]);
      plans.push(rows.map((r: { detail: string }) => r.detail));
    }
  }
  return plans;
}

/**
 * No sequential scan of the list's table, and no sort of many of its rows: the rows come in the list's order from an
 * index (an incremental sort of ties is fine), or are few (looked up by document id, or selected by an index).
 */
function expectIndexed(plan: string[], table: string, selected: number) {
  const text = plan.join('\n');
  if (isPostgres()) {
    expect(text).not.toMatch(new RegExp(`Seq Scan on ${table}\\b`));
    // A full sort only of the few rows an index selected (planner's estimate), never of a large part of the table.
    const sorted = [...text.matchAll(/(?:^|->\s+)Sort\s+\(cost=[\d.]+\.\.[\d.]+ rows=(\d+)/gm)].map((m) =>
      Number(m[1]),
    );
    expect(sorted.filter((rows) => rows > 1000)).toEqual([]);
  } else {
    // "SCAN t0" alone is a full table scan; "SCAN t0 USING INDEX …" walks an index in the list's order.
    expect(text).not.toMatch(/^SCAN t0$/m);
    // A sort of the rows an index search selected is fine when they are few (the PostgreSQL rule above, with the real
    // count in place of the planner's estimate: SQLite's plan has none), e.g. the not-yet-effective documents.
    const fewSelected =
      /^SEARCH t0 USING INDEX \w+ \(document_id=\?/m.test(text) || (!/^SCAN t0\b/m.test(text) && selected <= 1000);
    if (!fewSelected) expect(text).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
  }
}

const q = (params: Record<string, unknown>) => toQuery(params);

const LISTS: { name: string; table: string; url: string }[] = [
  // home.js
  {
    name: 'home: latest notices',
    table: 'transaction_notices',
    url: `/api/transaction-notices?${q({ fields: ['title', 'noticeType', 'releasedAt'], populate: { project: { fields: ['name', 'category'] } }, sort: ['releasedAt:desc'], pagination: { page: 1, pageSize: 6, withCount: false } })}`,
  },
  {
    name: 'home: latest documents',
    table: 'policy_documents',
    url: `/api/policy-documents?${q({ fields: ['title', 'documentNumber', 'kind', 'issuedOn'], sort: ['issuedOn:desc', 'id:desc'], pagination: { page: 1, pageSize: 6, withCount: false }, locale: 'zh-Hans' })}`,
  },
  // notices.js (every filter of the page)
  {
    name: 'notices by date',
    table: 'transaction_notices',
    url: `/api/transaction-notices?${q({ fields: ['title', 'noticeType', 'releasedAt'], populate: { project: { fields: ['name', 'category', 'projectCode'] } }, sort: ['releasedAt:desc', 'id:desc'], pagination: { page: 3, pageSize: 20 } })}`,
  },
  ...CATEGORIES.map((category) => ({
    name: `notices of category ${category}`,
    table: 'transaction_notices',
    url: `/api/transaction-notices?${q({ fields: ['title', 'noticeType', 'releasedAt'], filters: noticeFilters({ category }, { categories: CATEGORIES, noticeTypes: NOTICE_TYPES }), sort: ['releasedAt:desc', 'id:desc'], pagination: { page: 1, pageSize: 20 } })}`,
  })),
  {
    name: 'notices by type',
    table: 'transaction_notices',
    url: `/api/transaction-notices?${q({ fields: ['title', 'noticeType', 'releasedAt'], filters: noticeFilters({ type: 'tenderNotice' }, { categories: CATEGORIES, noticeTypes: NOTICE_TYPES }), sort: ['releasedAt:desc', 'id:desc'], pagination: { page: 1, pageSize: 20 } })}`,
  },
  {
    name: 'notices by release dates',
    table: 'transaction_notices',
    url: `/api/transaction-notices?${q({ fields: ['title', 'releasedAt'], filters: noticeFilters({ from: '2020-01-02', to: '2020-01-03' }, { categories: CATEGORIES, noticeTypes: NOTICE_TYPES }), sort: ['releasedAt:desc', 'id:desc'], pagination: { page: 1, pageSize: 20 } })}`,
  },
  // README examples
  {
    name: 'README: notices of a category, sorted by date',
    table: 'transaction_notices',
    url: '/api/transaction-notices?fields[0]=title&fields[1]=releasedAt&filters[project][category][$eq]=procurement&populate[project][fields][0]=name&sort=releasedAt:desc',
  },
  {
    name: 'README: policy documents of a kind',
    table: 'policy_documents',
    url: '/api/policy-documents?locale=zh-Hans&fields[0]=title&fields[1]=documentNumber&fields[2]=issuedOn&filters[kind][$eq]=normative&sort=issuedOn:desc&pagination[pageSize]=20',
  },
  {
    name: 'README: CA providers by order',
    table: 'ca_providers',
    url: '/api/ca-providers?populate[fees]=true&populate[addresses]=true&populate[steps]=true&sort[0]=displayOrder&sort[1]=name',
  },
  // documents.js (every filter of the page)
  {
    name: 'documents by date',
    table: 'policy_documents',
    url: `/api/policy-documents?${q({ fields: ['title', 'kind', 'issuedOn'], sort: ['issuedOn:desc', 'id:desc'], pagination: { page: 2, pageSize: 20 }, locale: 'zh-Hans' })}`,
  },
  ...['regulation', 'normative'].map((kind) => ({
    name: `documents of kind ${kind}`,
    table: 'policy_documents',
    url: `/api/policy-documents?${q({ fields: ['title', 'kind', 'issuedOn'], filters: documentFilters({ kind }, TODAY), sort: ['issuedOn:desc', 'id:desc'], pagination: { page: 1, pageSize: 20 }, locale: 'zh-Hans' })}`,
  })),
  ...['inForce', 'repealed', 'notYetEffective'].map((validity) => ({
    name: `documents ${validity}`,
    table: 'policy_documents',
    url: `/api/policy-documents?${q({ fields: ['title', 'kind', 'issuedOn'], filters: documentFilters({ validity }, TODAY), sort: ['issuedOn:desc', 'id:desc'], pagination: { page: 1, pageSize: 20 }, locale: 'zh-Hans' })}`,
  })),
  {
    name: 'documents of a year',
    table: 'policy_documents',
    url: `/api/policy-documents?${q({ fields: ['title', 'issuedOn'], filters: documentFilters({ year: '2010' }, TODAY), sort: ['issuedOn:desc', 'id:desc'], pagination: { page: 1, pageSize: 20 }, locale: 'zh-Hans' })}`,
  },
  // Projects: newest first, and by category (the project pages link to them; 10,000 projects are loaded).
  {
    name: 'projects by registration date',
    table: 'transaction_projects',
    url: '/api/transaction-projects?fields[0]=name&fields[1]=registeredOn&sort[0]=registeredOn:desc&sort[1]=id:desc&pagination[pageSize]=20',
  },
  {
    name: 'projects of a category',
    table: 'transaction_projects',
    url: '/api/transaction-projects?fields[0]=name&filters[category][$eq]=landUse&sort[0]=registeredOn:desc&pagination[pageSize]=20',
  },
  // ca.js, reports.js / apply.js (organization pickers)
  {
    name: 'CA providers page',
    table: 'ca_providers',
    url: `/api/ca-providers?${q({ fields: ['name', 'displayOrder'], sort: ['displayOrder:asc', 'name:asc'], pagination: { page: 1, pageSize: 50 }, locale: 'zh-Hans' })}`,
  },
  {
    name: 'organizations picker',
    table: 'organizations',
    url: `/api/organizations?${q({ fields: ['name'], sort: ['displayOrder:asc', 'name:asc'], pagination: { page: 1, pageSize: 100 }, locale: 'zh-Hans' })}`,
  },
];

describe('public lists are served by indexes', () => {
  test.each(LISTS)('$name', async ({ table, url }) => {
    const counted = await http().get(`${url}&pagination[withCount]=true`);
    const selected = counted.body.meta?.pagination?.total ?? Number.POSITIVE_INFINITY;
    for (const plan of await plansOf(url, table)) expectIndexed(plan, table, selected);
  });

  test("notices of a category (the issue's URL): the notice's own category index in date order, no link table, no DISTINCT", async () => {
    const url =
      '/api/transaction-notices?filters[project][category][$eq]=procurement&sort=releasedAt:desc&pagination[pageSize]=20';
    const [main] = await plansOf(url, 'transaction_notices');
    const text = main.join('\n');
    expect(text).toMatch(
      isPostgres()
        ? /Index Scan Backward using transaction_notices_category_released_idx on transaction_notices/
        : /^SEARCH t0 USING INDEX transaction_notices_category_released_idx \(category=\?\)/m,
    );
    // (SQLite may sort ties on the last ORDER BY term, as the other lists: "USE TEMP B-TREE FOR LAST TERM OF ORDER BY".)
    expect(text).not.toMatch(/transaction_notices_project_lnk|Unique|HashAggregate|TEMP B-TREE FOR ORDER BY/);
    const res = await http().get(`${url}&pagination[withCount]=true&populate[project][fields][0]=category`);
    // Every 5th project is of this category (bench/site-data.js), and every notice of it is found.
    expect(res.body.meta.pagination.total).toBe(20000);
    expect(res.body.data.map((n: { project: { category: string } }) => n.project.category)).toEqual(
      Array(20).fill('procurement'),
    );
  });

  test('the bulk-loaded notices read back through the API, newest first, with their project', async () => {
    const res = await http().get(
      '/api/transaction-notices?fields[0]=title&fields[1]=releasedAt&populate[project][fields][0]=category&sort=releasedAt:desc&pagination[pageSize]=2&pagination[withCount]=true',
    );
    expect(res.body.meta.pagination.total).toBe(100000);
    expect(res.body.data[0].title).toBe('示例交易公告100000');
    expect(res.body.data[0].project.category).toBe(CATEGORIES[((100000 % 10000) + 1) % 5]);
    expect(new Date(res.body.data[0].releasedAt).getTime()).toBeGreaterThan(
      new Date(res.body.data[1].releasedAt).getTime(),
    );
  });
});
