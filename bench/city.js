#!/usr/bin/env node
/**
 * Benchmark of one installation for a whole city (not a test): seeds 2,000 organizations × 5 years of annual reports
 * (every state: none, errors, warnings, draft, published on time, late, corrected) and 1,000,000 applications (the
 * newest 1 in 100 still open, received in the last 90 days; the others concluded), then measures, sequentially, the p50 of
 *   - the compliance overview (admin route, one year and all years, sorted), and its XLSX export,
 *   - the applications worklist (admin route): first page, a later page, search by tracking number, by applicant name,
 *   - the public index of published reports,
 * and prints a table against the goal p50 < 300 ms (overview and worklist). PostgreSQL by default, in DATABASE_NAME
 * (default ggzy_bench), dropped and created again (bench/db.js refuses a non-empty database whose name lacks "bench").
 *
 *   node bench/city.js [--db postgres|sqlite] [--orgs N] [--years N] [--applications N] [--samples N]
 *
 * Rows are generated inside the database (generate_series / recursive CTE) after the app created its schema, with the
 * columns Strapi 5 expects (document_id, locale, published_at, link tables). Needs a compiled app (npm run build).
 */
'use strict';
const path = require('path');
const { prepareDatabase, benchEnvironment, root } = require('./db');

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const CLIENT = opt('db', 'postgres');
const ORGS = Number(opt('orgs', 2000));
const YEARS = Number(opt('years', 5));
const APPLICATIONS = Number(opt('applications', 1000000));
const SAMPLES = Number(opt('samples', 15));
const FIRST_YEAR = 2020;
const GOAL_MS = 300;

const log = (...a) => console.log(...a);
const fmt = (n) => n.toLocaleString('en-US');
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))];
const todayInChina = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

const series = (n) =>
  CLIENT === 'sqlite'
    ? `WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < ${n}) SELECT n FROM seq`
    : `SELECT n FROM generate_series(1, ${n}) AS n`;
const dateAfter = (base, days) =>
  CLIENT === 'sqlite' ? `date('${base}', '+' || (${days}) || ' days')` : `(DATE '${base}' + (${days})::int)`;
const dateBefore = (base, days) =>
  CLIENT === 'sqlite' ? `date('${base}', '-' || (${days}) || ' days')` : `(DATE '${base}' - (${days})::int)`;
const int = (expr) => (CLIENT === 'sqlite' ? `(${expr})` : `(${expr})::int`);
const instant = (iso) => (CLIENT === 'sqlite' ? `${Date.parse(iso)}` : `TIMESTAMPTZ '${iso}'`);
const bool = (v) => (CLIENT === 'sqlite' ? (v ? '1' : '0') : v ? 'true' : 'false');
const now = () => (CLIENT === 'sqlite' ? `${Date.now()}` : 'now()');
const pick = (list, expr) =>
  `CASE (${expr}) % ${list.length} ${list.map((v, i) => `WHEN ${i} THEN '${v}'`).join(' ')} END`;
const TYPES = [
  'naturalPerson',
  'commercialEnterprise',
  'researchInstitution',
  'socialWelfareOrganization',
  'legalServiceOrganization',
  'otherOrganization',
];

async function seed(strapi) {
  const knex = strapi.db.connection;
  const today = todayInChina();
  const insert = (table, columns, select, n, where = '') =>
    knex.raw(
      `INSERT INTO ${table} (${columns.join(', ')}) SELECT ${select.join(', ')} FROM (${series(n)}) AS s ${where}`,
    );
  const columnsOf = async (table) => Object.keys(await knex(table).columnInfo());
  let t = Date.now();

  await insert(
    'organizations',
    [
      'document_id',
      'name',
      'credit_code',
      'kind',
      'can_issue_regulations',
      'display_order',
      'locale',
      'created_at',
      'updated_at',
      'published_at',
    ],
    [
      `'org-' || n`,
      `'示例机构' || n`,
      `'91410000' || n`,
      `'governmentDepartment'`,
      bool(false),
      'n',
      `'zh-Hans'`,
      now(),
      now(),
      now(),
    ],
    ORGS,
  );

  // Reports: m = 1 … orgs × years; organization (m-1)/years + 1, year FIRST_YEAR + (m-1) % years; the state by m*7 % 20.
  const org = int(`(n - 1) / ${YEARS} + 1`);
  const year = `${FIRST_YEAR} + (n - 1) % ${YEARS}`;
  // The organization's number shifts the pattern, so that every year holds every state.
  const c = `((((n - 1) / ${YEARS}) * 7 + ((n - 1) % ${YEARS}) * 3) % 20)`;
  const common = (published) => [
    `'rep-' || n`,
    `'org-' || ${org}`,
    year,
    `'gov-2021'`,
    `'zh-Hans'`,
    `CASE WHEN ${c} IN (2, 3) THEN 2 ELSE 0 END`,
    `CASE WHEN ${c} IN (4, 5) THEN 2 ELSE 1 END`,
    `CASE WHEN ${c} IN (2, 3, 4, 5) THEN ${bool(false)} ELSE ${bool(true)} END`,
    published
      ? `CASE WHEN ${c} >= 17 THEN ${instant('2000-03-01T02:00:00Z')} ELSE ${instant('2000-01-15T02:00:00Z')} END`
      : 'NULL',
    published ? `CASE WHEN ${c} = 18 THEN 1 ELSE 0 END` : 'NULL',
    now(),
    now(),
    published ? now() : 'NULL',
  ];
  const reportColumns = [
    'document_id',
    'title',
    'year',
    'format_version',
    'locale',
    'error_count',
    'warning_count',
    'warnings_acknowledged',
    'first_published_at',
    'correction_count',
    'created_at',
    'updated_at',
    'published_at',
  ];
  await insert(
    'annual_reports',
    reportColumns,
    common(false),
    ORGS * YEARS,
    `WHERE ${c.replace(/\bn\b/g, 's.n')} >= 2`,
  );
  await insert('annual_reports', reportColumns, common(true), ORGS * YEARS, `WHERE ${c.replace(/\bn\b/g, 's.n')} >= 8`);
  // First publication in January (on time) or March (late) of the year after the report's year.
  if (CLIENT === 'sqlite') {
    await knex.raw(
      `UPDATE annual_reports SET first_published_at = first_published_at + (year + 1 - 2000) * 31556952000 WHERE first_published_at IS NOT NULL`,
    );
  } else {
    await knex.raw(
      `UPDATE annual_reports SET first_published_at = first_published_at + make_interval(years => year + 1 - 2000) WHERE first_published_at IS NOT NULL`,
    );
  }
  await knex.raw('ANALYZE');
  const reportLink = await columnsOf('annual_reports_organization_lnk');
  const reportOrd = reportLink.find((col) => col.endsWith('_ord'));
  await knex.raw(
    `INSERT INTO annual_reports_organization_lnk (annual_report_id, organization_id${reportOrd ? `, ${reportOrd}` : ''})
     SELECT r.id, o.id${reportOrd ? ', 1' : ''} FROM annual_reports r JOIN organizations o ON o.document_id = r.title`,
  );
  log(
    `  ${fmt(ORGS)} organizations, ${fmt(Number((await knex('annual_reports').count({ n: '*' }))[0].n))} report rows in ${((Date.now() - t) / 1000).toFixed(1)} s`,
  );

  t = Date.now();
  // Applications: the newest 1 in 100 open (received in the last 90 days, stored last, as in real life), the others
  // received 2021–2025 and concluded in 0–30 days; organization n % orgs + 1.
  const open = `n > ${APPLICATIONS - Math.floor(APPLICATIONS / 100)}`;
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
      'notes',
      'created_at',
      'updated_at',
      'published_at',
    ],
    [
      `'app-' || n`,
      `'C-' || n`,
      `CASE WHEN ${open} THEN ${dateBefore(today, 'n % 90')} ELSE ${dateAfter('2021-01-01', '(n * 7) % 1825')} END`,
      `'online'`,
      pick(TYPES, 'n * 13'),
      `'申请人' || n`,
      `'示例'`,
      `CASE WHEN ${open} THEN 'received' ELSE 'concluded' END`,
      `CASE WHEN ${open} THEN NULL ELSE ${dateAfter('2021-01-01', '(n * 7) % 1825 + n % 31')} END`,
      `CASE WHEN ${open} THEN NULL ELSE 'granted' END`,
      `'org-' || (n % ${ORGS} + 1)`,
      now(),
      now(),
      now(),
    ],
    APPLICATIONS,
  );
  // Statistics first: without them PostgreSQL joins a million fresh rows to the organizations by a nested loop.
  await knex.raw('ANALYZE');
  const appLink = await columnsOf('disclosure_applications_organization_lnk');
  const appOrd = appLink.find((col) => col.endsWith('_ord'));
  await knex.raw(
    `INSERT INTO disclosure_applications_organization_lnk (disclosure_application_id, organization_id${appOrd ? `, ${appOrd}` : ''})
     SELECT a.id, o.id${appOrd ? ', 1' : ''} FROM disclosure_applications a JOIN organizations o ON o.document_id = a.notes`,
  );
  await knex.raw(CLIENT === 'sqlite' ? 'ANALYZE' : 'VACUUM ANALYZE');
  const openCount = Number(
    (await knex('disclosure_applications').whereNot('state', 'concluded').count({ n: '*' }))[0].n,
  );
  log(`  ${fmt(APPLICATIONS)} applications (${fmt(openCount)} open) in ${((Date.now() - t) / 1000).toFixed(1)} s`);
}

async function adminToken(strapi, base) {
  const role = await strapi.service('admin::role').getSuperAdmin();
  const email = 'bench-city@example.test';
  const password = 'Bench-city-1234A';
  await strapi.service('admin::user').create({ email, firstname: 'bench', password, isActive: true, roles: [role.id] });
  const res = await fetch(`${base}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return (await res.json()).data.token;
}

async function time(url, headers) {
  const started = process.hrtime.bigint();
  const res = await fetch(url, { headers });
  const body = await res.arrayBuffer();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (res.status !== 200) throw new Error(`${url}: ${res.status} ${Buffer.from(body).toString().slice(0, 300)}`);
  return { ms, body };
}

async function main() {
  benchEnvironment();
  process.env.API_RATE_LIMIT_MAX = '0';
  process.env.PUBLIC_CACHE = 'off';
  const db = await prepareDatabase(CLIENT, { sqliteFile: 'city.db' });
  log(
    `bench:city on ${CLIENT} (${db.name}): ${fmt(ORGS)} organizations × ${YEARS} years, ${fmt(APPLICATIONS)} applications, ${SAMPLES} samples per measure`,
  );
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({ appDir: root, distDir: path.join(root, 'dist') }).load();
  await strapi.server.mount();
  await new Promise((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${strapi.server.httpServer.address().port}`;
  try {
    await seed(strapi);
    const token = await adminToken(strapi, base);
    const auth = { Authorization: `Bearer ${token}` };
    const probe = JSON.parse(
      Buffer.from((await time(`${base}/disclosure/overview?year=2024&pageSize=1`, auth)).body).toString(),
    );
    log(
      `  overview 2024: ${fmt(probe.meta.pagination.total)} rows, states ${JSON.stringify(probe.meta.counts.states)}`,
    );
    const wl = JSON.parse(
      Buffer.from((await time(`${base}/disclosure/applications?pageSize=1`, auth)).body).toString(),
    ).data;
    log(`  worklist: ${fmt(wl.pagination.total)} open, ${fmt(wl.counts.overdue)} overdue`);
    const someOpen = `C-${APPLICATIONS - 7}`;
    const someConcluded = `C-${Math.max(1, Math.floor(APPLICATIONS / 3))}`;
    const measures = [
      ['floor: a trivial admin route (GET /disclosure/format)', `/disclosure/format`, false],
      ['overview: one year, page 1 of 50, by organization', `/disclosure/overview?year=2024`, true],
      ['overview: all years, by overdue applications', `/disclosure/overview?sort=overdue&order=desc`, true],
      ['overview: state filter (late), one year', `/disclosure/overview?year=2024&timeliness=late`, true],
      ['overview XLSX: one year, every row', `/disclosure/overview/xlsx?year=2024`, false],
      ['worklist: page 1 of 50', `/disclosure/applications?page=1&pageSize=50`, true],
      ['worklist: page 20', `/disclosure/applications?page=20&pageSize=50`, true],
      ['worklist: search a tracking number (open)', `/disclosure/applications?q=${someOpen}`, true],
      ['worklist: search a tracking number (concluded)', `/disclosure/applications?q=${someConcluded}`, true],
      [
        'worklist: search an applicant name',
        `/disclosure/applications?q=${encodeURIComponent(`申请人${someOpen.slice(2, 5)}`)}`,
        true,
      ],
      ['public index of published reports, page 1', `/api/disclosure/reports/index?pageSize=100`, false],
    ];
    const rows = [];
    // The first measure is the floor: what any admin request costs on this machine at this moment.
    let floor;
    for (const [name, url, goal] of measures) {
      const headers = url.startsWith('/api/') ? {} : auth;
      for (let i = 0; i < 2; i++) await time(base + url, headers);
      const ms = [];
      for (let i = 0; i < SAMPLES; i++) ms.push((await time(base + url, headers)).ms);
      const p50 = quantile(ms, 0.5);
      floor ??= p50;
      rows.push(
        `| ${name} | ${goal ? `p50 < ${GOAL_MS} ms` : '—'} | ${p50.toFixed(0)} ms | ${quantile(ms, 0.9).toFixed(0)} ms | ${(p50 / floor).toFixed(2)}× | ${goal ? (p50 < GOAL_MS ? 'met' : 'NOT met') : ''} |`,
      );
      log(`  ${name}: p50 ${p50.toFixed(1)} ms`);
    }
    log('');
    log(
      `| measure (${CLIENT}, ${fmt(ORGS)} organizations × ${YEARS} years, ${fmt(APPLICATIONS)} applications) | goal | p50 | p90 | p50 ÷ floor | |`,
    );
    log('| --- | --- | --- | --- | --- | --- |');
    for (const r of rows) log(r);
  } finally {
    strapi.server.httpServer.close();
    await strapi.destroy();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
