#!/usr/bin/env node
/**
 * Benchmark of the annual report's computation (not a test): loads 1,000,000 applications and 100,000 other records
 * for one organization and year, then times
 *   - the user path: what the admin page's "compute" action does (every GROUP BY, the cells, the checks, saving the
 *     snapshot into the draft, and the view it answers, serialised), and
 *   - the floor: one hand-written SQL GROUP BY over the same applications (the least any implementation must do), in
 *     its fastest formulation on each database (JOIN or IN (subquery), both timed),
 * and prints both with their ratio, on SQLite and on PostgreSQL. PostgreSQL uses DATABASE_NAME (default ggzy_bench),
 * dropped and created again (bench/db.js refuses a non-empty database whose name lacks "bench").
 *
 *   node bench/report.js [--db sqlite|postgres|both] [--applications N] [--others N] [--runs N]
 *
 * Rows are generated inside the database (recursive CTE on SQLite, generate_series on PostgreSQL), after the
 * app has created its schema, so loading takes seconds rather than hours. Needs a compiled app (npm run build).
 */
'use strict';
const path = require('path');
const { prepareDatabase, benchEnvironment, root } = require('./db');

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const APPLICATIONS = Number(opt('applications', 1000000));
const OTHERS = Number(opt('others', 100000));
const RUNS = Number(opt('runs', 5));
const DBS = opt('db', 'both') === 'both' ? ['sqlite', 'postgres'] : [opt('db')];
const YEAR = 2024;
const TYPES = [
  'naturalPerson',
  'commercialEnterprise',
  'researchInstitution',
  'socialWelfareOrganization',
  'legalServiceOrganization',
  'otherOrganization',
];
const OUTCOMES = [
  'granted',
  'partiallyGranted',
  'withheld.stateSecret',
  'withheld.prohibitedByLaw',
  'withheld.threeSecurities',
  'withheld.thirdPartyRights',
  'withheld.internalAffairs',
  'withheld.processInformation',
  'withheld.enforcementFiles',
  'withheld.administrativeQuery',
  'unavailable.notHeld',
  'unavailable.needsCreation',
  'unavailable.unclearAfterCorrection',
  'notProcessed.petition',
  'notProcessed.duplicate',
  'notProcessed.publication',
  'notProcessed.vexatious',
  'notProcessed.confirmation',
  'otherDisposal.noCorrection',
  'otherDisposal.feeUnpaid',
  'otherDisposal.other',
];

const log = (...a) => console.log(...a);
const seconds = (ms) => `${(ms / 1000).toFixed(3)} s`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function boot(client) {
  benchEnvironment();
  const db = await prepareDatabase(client, { sqliteFile: 'bench.db' });
  log(`  database ${db.name}`);
  const { createStrapi } = require('@strapi/strapi');
  return createStrapi({ appDir: root, distDir: path.join(root, 'dist') }).load();
}

/** An SQL source of n rows numbered 1..n, for INSERT … SELECT. */
const series = (client, n) =>
  client === 'sqlite'
    ? `WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < ${n}) SELECT n FROM seq`
    : `SELECT n FROM generate_series(1, ${n}) AS n`;
/** A date `days` after 2023-01-01 (days: an SQL integer expression). */
const dateAfter = (client, days) =>
  client === 'sqlite' ? `date('2023-01-01', '+' || (${days}) || ' days')` : `(DATE '2023-01-01' + (${days})::int)`;
const pick = (list, expr) =>
  `CASE (${expr}) % ${list.length} ${list.map((v, i) => `WHEN ${i} THEN '${v}'`).join(' ')} END`;
const now = (client) => (client === 'sqlite' ? `${Date.now()}` : 'now()');

async function load(strapi, client, orgId) {
  const knex = strapi.db.connection;
  const started = Date.now();
  const insert = async (table, columns, select, n) => {
    const sql = `INSERT INTO ${table} (${columns.join(', ')}) ${series(client, n).replace('SELECT n FROM', `SELECT ${select.join(', ')} FROM`)}`;
    await knex.raw(sql);
  };
  const link = async (table, source, recordTable) =>
    knex.raw(`INSERT INTO ${table} (${source}, organization_id) SELECT id, ${orgId} FROM ${recordTable}`);

  // Applications over 2023–2025: received on day (n*7)%1095, concluded 0–59 days later, one in 12 still open.
  const received = '((n * 7) % 1095)';
  await insert(
    'disclosure_applications',
    [
      'document_id',
      'tracking_number',
      'received_on',
      'channel',
      'applicant_type',
      'applicant_name',
      'requested_information',
      'state',
      'concluded_on',
      'outcome',
      'created_at',
      'updated_at',
      'published_at',
    ],
    [
      `'bench' || n`,
      `'B-' || n`,
      dateAfter(client, received),
      `'online'`,
      pick(TYPES, 'n * 13'),
      `'示例申请人'`,
      `'示例'`,
      `CASE WHEN n % 12 = 0 THEN 'received' ELSE 'concluded' END`,
      `CASE WHEN n % 12 = 0 THEN NULL ELSE ${dateAfter(client, `${received} + (n % 60)`)} END`,
      `CASE WHEN n % 12 = 0 THEN NULL ELSE ${pick(OUTCOMES, 'n * 31')} END`,
      now(client),
      now(client),
      now(client),
    ],
    APPLICATIONS,
  );
  await link('disclosure_applications_organization_lnk', 'disclosure_application_id', 'disclosure_applications');
  log(`  ${APPLICATIONS.toLocaleString()} applications loaded in ${seconds(Date.now() - started)}`);

  const part = Math.floor(OTHERS / 4);
  await insert(
    'review_cases',
    ['document_id', 'kind', 'filed_on', 'concluded_on', 'result', 'created_at', 'updated_at', 'published_at'],
    [
      `'c' || n`,
      pick(['review', 'lawsuitDirect', 'lawsuitAfterReview'], 'n'),
      dateAfter(client, '(n * 3) % 1095'),
      `CASE WHEN n % 5 = 0 THEN NULL ELSE ${dateAfter(client, '(n * 3) % 1095 + 30')} END`,
      `CASE WHEN n % 5 = 0 THEN NULL ELSE ${pick(['upheld', 'corrected', 'other'], 'n * 7')} END`,
      now(client),
      now(client),
      now(client),
    ],
    part,
  );
  await link('review_cases_organization_lnk', 'review_case_id', 'review_cases');
  await insert(
    'administrative_decisions',
    ['document_id', 'kind', 'decision_number', 'decided_on', 'created_at', 'updated_at', 'published_at'],
    [
      `'d' || n`,
      pick(['license', 'penalty', 'enforcement'], 'n'),
      `'D-' || n`,
      dateAfter(client, '(n * 5) % 1095'),
      now(client),
      now(client),
      now(client),
    ],
    part,
  );
  await link('administrative_decisions_organization_lnk', 'administrative_decision_id', 'administrative_decisions');
  await insert(
    'fees',
    ['document_id', 'item', 'collected_on', 'amount', 'created_at', 'updated_at', 'published_at'],
    [
      `'f' || n`,
      `'信息处理费'`,
      dateAfter(client, '(n * 11) % 1095'),
      `CASE WHEN n % 2 = 0 THEN 0.10 ELSE 0.20 END`,
      now(client),
      now(client),
      now(client),
    ],
    part,
  );
  await link('fees_organization_lnk', 'fee_id', 'fees');
  await insert(
    'policy_documents',
    [
      'document_id',
      'title',
      'kind',
      'issuing_body',
      'issued_on',
      'repealed_on',
      'locale',
      'created_at',
      'updated_at',
      'published_at',
    ],
    [
      `'p' || n`,
      `'示例文件' || n`,
      pick(['regulation', 'normative', 'other'], 'n'),
      `'示例机关'`,
      dateAfter(client, '(n * 13) % 1095'),
      `CASE WHEN n % 4 = 0 THEN ${dateAfter(client, '(n * 13) % 1095 + 200')} ELSE NULL END`,
      `'zh-Hans'`,
      now(client),
      now(client),
      now(client),
    ],
    OTHERS - 3 * part,
  );
  await link('policy_documents_organization_lnk', 'policy_document_id', 'policy_documents');
  if (client === 'postgres') await knex.raw('ANALYZE');
  else await knex.raw('ANALYZE');
  log(`  ${OTHERS.toLocaleString()} other records loaded; total load ${seconds(Date.now() - started)}`);
}

/**
 * The floor: the same application counts by one hand-written GROUP BY, in two equivalent formulations of the
 * organization condition. The faster one on each database is the floor (on SQLite the app's own `IN (subquery)` form
 * is about 1.7× faster than the JOIN; a floor slower than the app would flatter it).
 */
const FLOOR_CONDITIONS = {
  join: {
    from: 'JOIN disclosure_applications_organization_lnk l ON l.disclosure_application_id = a.id',
    where: 'l.organization_id = ?',
  },
  'in (subquery)': {
    from: '',
    where:
      'a.id IN (SELECT l.disclosure_application_id FROM disclosure_applications_organization_lnk l WHERE l.organization_id = ?)',
  },
};
function floorQuery(knex, orgId, form) {
  const start = `${YEAR}-01-01`;
  const end = `${YEAR}-12-31`;
  const { from, where } = FLOOR_CONDITIONS[form];
  return knex.raw(
    `SELECT a.applicant_type, a.outcome,
       SUM(CASE WHEN a.received_on >= ? THEN 1 ELSE 0 END) AS received,
       SUM(CASE WHEN a.received_on < ? THEN 1 ELSE 0 END) AS carried_over,
       SUM(CASE WHEN a.concluded_on <= ? THEN 1 ELSE 0 END) AS concluded,
       SUM(CASE WHEN a.concluded_on IS NULL OR a.concluded_on > ? THEN 1 ELSE 0 END) AS carried_forward
     FROM disclosure_applications a
     ${from}
     WHERE ${where} AND a.received_on <= ? AND (a.concluded_on IS NULL OR a.concluded_on >= ?)
     GROUP BY a.applicant_type, a.outcome`,
    [start, start, end, end, orgId, end, start],
  );
}

async function time(fn) {
  const t = process.hrtime.bigint();
  const result = await fn();
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, result };
}

async function benchOne(client) {
  log(`\n== ${client} ==`);
  const strapi = await boot(client);
  try {
    const org = await strapi.documents('api::organization.organization').create({
      data: {
        name: '基准测试机构（示例）',
        creditCode:
          '91410000100000001X'.slice(0, 17) +
          require(path.join(root, 'dist/src/validation/identifiers')).creditCodeCheckChar('91410000100000001'),
        kind: 'tradingCenter',
      },
    });
    const orgRow = await strapi.db
      .query('api::organization.organization')
      .findOne({ where: { documentId: org.documentId } });
    await load(strapi, client, orgRow.id);

    const plugin = path.join(root, 'src/plugins/disclosure/dist/server');
    const { aggregateReport } = require(path.join(plugin, 'report-db/aggregate'));
    const { cellsFromAggregates, checkReport } = require(path.join(plugin, 'report'));
    const { getFormat, reportedKinds } = require(path.join(plugin, 'format'));
    const format = getFormat('gov-2021');
    const computeTables = async () => {
      const { aggregates } = await aggregateReport(strapi, org.documentId, YEAR, reportedKinds(format).policyDocuments);
      const cells = cellsFromAggregates(format, aggregates);
      return checkReport(format, cells);
    };
    const service = strapi.plugin('disclosure').service('report');
    // The user's path: the admin page's "compute" action (POST /disclosure/reports/compute) computes, saves the
    // snapshot into the draft, and answers the page's view of it, serialised.
    const userPath = async () => {
      await service.compute(org.documentId, YEAR);
      return JSON.stringify({ data: await service.view(org.documentId, YEAR) });
    };
    const forms = Object.keys(FLOOR_CONDITIONS);
    const floors = Object.fromEntries(forms.map((form) => [form, []]));
    const full = [];
    const tables = [];

    await userPath(); // warm caches and plans for all
    for (const form of forms) await floorQuery(strapi.db.connection, orgRow.id, form);
    // Interleaved, so that all see the same machine load.
    for (let i = 0; i < RUNS; i += 1) {
      for (const form of forms)
        floors[form].push((await time(() => floorQuery(strapi.db.connection, orgRow.id, form))).ms);
      full.push((await time(userPath)).ms);
      tables.push((await time(computeTables)).ms);
    }
    const floorMedians = Object.fromEntries(forms.map((form) => [form, median(floors[form])]));
    const fastest = forms.reduce((a, b) => (floorMedians[a] <= floorMedians[b] ? a : b));
    const f = floorMedians[fastest];
    const r = median(full);
    for (const form of forms)
      log(
        `  floor, ${form.padEnd(13)} (one hand-written GROUP BY): median ${seconds(floorMedians[form])}  [${floors[form].map((x) => x.toFixed(0)).join(', ')} ms]`,
      );
    log(`  tables only (GROUP BYs + cells + checks, nothing saved): median ${seconds(median(tables))}`);
    log(
      `  user path (compute + save the snapshot + the view the action answers): median ${seconds(r)}  [${full.map((x) => x.toFixed(0)).join(', ')} ms]`,
    );
    log(`  ratio user path / floor (${fastest}): ${(r / f).toFixed(2)}×`);
    return { client, floor: f, floorForm: fastest, report: r, ratio: r / f, tables: median(tables) };
  } finally {
    await strapi.destroy();
  }
}

(async () => {
  log(
    `Report benchmark: ${APPLICATIONS.toLocaleString()} applications + ${OTHERS.toLocaleString()} other records, year ${YEAR}, ${RUNS} runs`,
  );
  const results = [];
  for (const client of DBS) results.push(await benchOne(client));
  log('\nSummary');
  for (const r of results)
    log(
      `  ${r.client.padEnd(9)} floor ${seconds(r.floor)} (${r.floorForm})  user path ${seconds(r.report)}  ratio ${r.ratio.toFixed(2)}×  (tables only ${seconds(r.tables)})`,
    );
  process.exit(0);
})().catch((error) => {
  console.error(`Benchmark failed: ${error.stack || error.message}`);
  process.exit(1);
});
