#!/usr/bin/env node
/**
 * Benchmark of public traffic (not a test), on SQLite and PostgreSQL, printing one table:
 *   1. list latency p50 with few notices (--small, default 1,000) and with many (--notices, default 100,000 over
 *      --projects, default 10,000), and their ratio, for: the notices list sorted by date, the same filtered by a
 *      project category, the home page's notices call, and site-wide search (a word in every notice, a project
 *      code). Measured on the database path (public cache off), by sequential requests, so that the ratio shows how
 *      the queries grow with the table;
 *   2. req/s of a published report's JSON against `GET /api/organizations/:id` (a plain findOne), interleaved, with
 *      the public cache off (the database path) and on (what the public gets);
 *   3. a bounded load: --connections (100) clients for --duration (60) seconds over a mix of site pages and API calls,
 *      public cache on: requests, errors (non-2xx, socket errors, timeouts), p50 and p99.
 *
 *   node bench/site.js [--db sqlite|postgres|both] [--notices N] [--projects N] [--small N] [--duration S]
 *                      [--connections N] [--samples N]
 *
 * Data is bulk-inserted by bench/site-data.js (see there what Strapi's tables need). The app listens on 127.0.0.1 on
 * a free port only. PostgreSQL: DATABASE_NAME (default ggzy_bench) is dropped and created (bench/db.js).
 * Needs a compiled app (npm run build).
 */
'use strict';
const path = require('path');
const http = require('http');
const autocannon = require('autocannon');
const { prepareDatabase, benchEnvironment, root } = require('./db');
const { loadNotices, CATEGORIES } = require('./site-data');

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const NOTICES = Number(opt('notices', 100000));
const PROJECTS = Number(opt('projects', Math.max(1, Math.round(NOTICES / 10))));
const SMALL = Number(opt('small', 1000));
const DURATION = Number(opt('duration', 60));
const CONNECTIONS = Number(opt('connections', 100));
const SAMPLES = Number(opt('samples', 40));
const DBS = opt('db', 'both') === 'both' ? ['sqlite', 'postgres'] : [opt('db')];
const log = (...a) => console.log(...a);

const LISTS = {
  'notices by date': '/api/transaction-notices?sort=releasedAt:desc&pagination[pageSize]=20',
  'notices of a category': `/api/transaction-notices?filters[project][category][$eq]=${CATEGORIES[1]}&sort=releasedAt:desc&pagination[pageSize]=20`,
  // public/site/home.js
  'home page notices':
    '/api/transaction-notices?fields[0]=title&fields[1]=noticeType&fields[2]=releasedAt&populate[project][fields][0]=name&populate[project][fields][1]=category&sort[0]=releasedAt:desc&pagination[page]=1&pagination[pageSize]=6&pagination[withCount]=false',
  // Site-wide search (public/site/search.js): a two-character word in every notice, and a project code (one hit).
  'search: a word in every notice': `/api/search?q=${encodeURIComponent('公告')}&pageSize=10`,
  'search: a project code': '/api/search?q=BENCH-small-57&pageSize=10',
};

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
function get(port, url) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    http
      .get({ host: '127.0.0.1', port, path: url, agent }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode !== 200) reject(new Error(`${url}: HTTP ${res.statusCode}`));
          else resolve(Number(process.hrtime.bigint() - started) / 1e6);
        });
      })
      .on('error', reject);
  });
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** p50 of each list, sequentially, after warming up; lists interleaved so they see the same machine load. */
async function listP50s(port) {
  const times = Object.fromEntries(Object.keys(LISTS).map((k) => [k, []]));
  for (let i = 0; i < 20; i += 1) for (const url of Object.values(LISTS)) await get(port, url);
  for (let i = 0; i < SAMPLES; i += 1)
    for (const [name, url] of Object.entries(LISTS)) times[name].push(await get(port, url));
  return Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
}

const rps = async (port, pathname, seconds, connections = 10) =>
  (await autocannon({ url: `http://127.0.0.1:${port}${pathname}`, connections, duration: seconds })).requests.average;

async function boot() {
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({ appDir: root, distDir: path.join(root, 'dist') }).load();
  await strapi.server.mount();
  await new Promise((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
  return { strapi, port: strapi.server.httpServer.address().port };
}

/** An organization with a published annual report, through the app's own services (computed, acknowledged). */
async function publishedReport(strapi) {
  const { creditCodeCheckChar } = require(path.join(root, 'dist/src/validation/identifiers'));
  const org = await strapi.documents('api::organization.organization').create({
    data: {
      name: '基准测试机构（示例）',
      creditCode: `91410000100000001${creditCodeCheckChar('91410000100000001')}`,
      kind: 'tradingCenter',
    },
  });
  const year = 2024;
  const report = await strapi.documents('api::annual-report.annual-report').create({
    // Sections 一、五、六 are required to publish (the report's text matters for the body size too).
    data: {
      title: '2024年政府信息公开工作年度报告（示例）',
      formatVersion: 'gov-2021',
      organization: org.documentId,
      year,
      overview: '一、总体情况（示例）。'.repeat(40),
      problems: '存在的主要问题及改进情况（示例）。'.repeat(10),
      otherMatters: '无',
    },
  });
  const service = strapi.plugin('disclosure').service('report');
  await service.compute(org.documentId, year);
  await service.acknowledge(report.documentId, { id: 1, firstname: '基准', lastname: '测试' });
  await strapi.documents('api::annual-report.annual-report').publish({ documentId: report.documentId });
  return { organization: org.documentId, report: report.documentId };
}

async function benchOne(client) {
  log(`\n== ${client} ==`);
  benchEnvironment();
  process.env.API_RATE_LIMIT_MAX = '0'; // one client address makes all the load
  const db = await prepareDatabase(client, { sqliteFile: 'site.db' });
  log(`  database ${db.name}`);
  const { strapi, port } = await boot();
  const { publicCache } = require(path.join(root, 'dist/src/cache'));
  const cache = publicCache(strapi);
  const { rebuildSearchIndex } = require(path.join(root, 'dist/src/search/maintain'));
  const result = { client };
  try {
    const ids = await publishedReport(strapi);

    cache.settings.enabled = false;
    let t = Date.now();
    await loadNotices(strapi, { projects: Math.max(1, Math.round(SMALL / 10)), notices: SMALL, tag: 'small' });
    log(`  loaded ${SMALL.toLocaleString()} notices in ${Date.now() - t} ms`);
    // Bulk rows bypass the Document Service, which keeps the search index: rebuild it as a changed index format would.
    t = Date.now();
    await rebuildSearchIndex(strapi);
    log(`  search index rebuilt in ${Date.now() - t} ms`);
    result.small = await listP50s(port);
    t = Date.now();
    await loadNotices(strapi, { projects: PROJECTS, notices: NOTICES - SMALL, tag: 'large' });
    log(
      `  loaded ${(NOTICES - SMALL).toLocaleString()} more notices over ${PROJECTS.toLocaleString()} projects in ${((Date.now() - t) / 1000).toFixed(1)} s`,
    );
    t = Date.now();
    await rebuildSearchIndex(strapi);
    log(
      `  search index rebuilt (${NOTICES.toLocaleString()} notices, ${(PROJECTS + Math.round(SMALL / 10)).toLocaleString()} projects) in ${((Date.now() - t) / 1000).toFixed(1)} s`,
    );
    // Prove the app reads the bulk rows: the total through the API.
    const total = await new Promise((resolve, reject) =>
      http
        .get(
          `http://127.0.0.1:${port}/api/transaction-notices?fields[0]=title&pagination[pageSize]=1&pagination[withCount]=true`,
          (res) => {
            let body = '';
            res.on('data', (c) => (body += c));
            res.on('end', () => resolve(JSON.parse(body).meta.pagination.total));
          },
        )
        .on('error', reject),
    );
    if (total !== NOTICES) throw new Error(`the API counts ${total} published notices, expected ${NOTICES}`);
    result.large = await listP50s(port);
    for (const [name, ms] of Object.entries(result.large))
      log(
        `  ${name}: p50 ${result.small[name].toFixed(1)} ms at ${SMALL.toLocaleString()}, ${ms.toFixed(1)} ms at ${NOTICES.toLocaleString()}`,
      );

    const reportUrl = `/api/disclosure/reports/${ids.report}`;
    const orgUrl = `/api/organizations/${ids.organization}`;
    for (const enabled of [false, true]) {
      cache.settings.enabled = enabled;
      const report = [];
      const org = [];
      for (let i = 0; i < 3; i += 1) {
        report.push(await rps(port, reportUrl, 2));
        org.push(await rps(port, orgUrl, 2));
      }
      result[enabled ? 'reportCached' : 'report'] = { report: median(report), org: median(org) };
      log(
        `  report JSON ${median(report).toFixed(0)} req/s, organization findOne ${median(org).toFixed(0)} req/s (public cache ${enabled ? 'on' : 'off'})`,
      );
    }

    cache.settings.enabled = true;
    const requests = [
      '/',
      '/site/notices.html',
      '/site/site.css',
      LISTS['home page notices'],
      '/api/policy-documents?fields[0]=title&fields[1]=documentNumber&fields[2]=kind&fields[3]=issuedOn&sort[0]=issuedOn:desc&sort[1]=id:desc&pagination[page]=1&pagination[pageSize]=6&pagination[withCount]=false&locale=zh-Hans',
      ...CATEGORIES.map(
        (c) =>
          `/api/transaction-notices?fields[0]=title&fields[1]=noticeType&fields[2]=releasedAt&populate[project][fields][0]=name&populate[project][fields][1]=category&filters[project][category][$eq]=${c}&sort[0]=releasedAt:desc&sort[1]=id:desc&pagination[page]=1&pagination[pageSize]=20&pagination[withCount]=true`,
      ),
      ...[1, 2, 3, 50].map(
        (p) =>
          `/api/transaction-notices?fields[0]=title&fields[1]=noticeType&fields[2]=releasedAt&sort[0]=releasedAt:desc&sort[1]=id:desc&pagination[page]=${p}&pagination[pageSize]=20&pagination[withCount]=true`,
      ),
      reportUrl,
      `${reportUrl}/html`,
      orgUrl,
      LISTS['search: a word in every notice'],
      '/site/search.html?q=%E5%85%AC%E5%91%8A',
    ].map((p) => ({ method: 'GET', path: p }));
    const load = await autocannon({
      url: `http://127.0.0.1:${port}`,
      connections: CONNECTIONS,
      duration: DURATION,
      requests,
      timeout: 10,
    });
    result.load = {
      requests: load.requests.total,
      errors: load.errors + load.timeouts + load.non2xx,
      p50: load.latency.p50,
      p99: load.latency.p99,
      rps: load.requests.average,
    };
    log(
      `  load: ${result.load.requests} requests, ${result.load.errors} errors, p50 ${result.load.p50} ms, p99 ${result.load.p99} ms`,
    );
    return result;
  } finally {
    agent.destroy();
    // Requests still in flight when the load ended hold connections: let them finish before closing the pool.
    strapi.server.httpServer.close();
    const pool = strapi.db.connection.client.pool;
    for (let i = 0; i < 600 && pool && (pool.numUsed() > 0 || pool.numPendingAcquires() > 0); i += 1)
      await new Promise((r) => setTimeout(r, 50));
    await strapi.destroy();
  }
}

const fmt = (x, digits = 1) => (x === undefined ? '–' : x.toFixed(digits));
function table(results) {
  const rows = [];
  for (const name of Object.keys(LISTS)) {
    rows.push([
      `${name}: p50 at ${NOTICES.toLocaleString()} ÷ at ${SMALL.toLocaleString()}`,
      '≤ 1.5×',
      ...results.map(
        (r) => `${fmt(r.large[name] / r.small[name], 2)}× (${fmt(r.small[name])} → ${fmt(r.large[name])} ms)`,
      ),
    ]);
  }
  rows.push([
    'report JSON req/s ÷ organization findOne req/s (cache off)',
    '≥ 1.0×',
    ...results.map(
      (r) => `${fmt(r.report.report / r.report.org, 2)}× (${fmt(r.report.report, 0)} / ${fmt(r.report.org, 0)})`,
    ),
  ]);
  rows.push([
    'same, public cache on',
    '',
    ...results.map(
      (r) =>
        `${fmt(r.reportCached.report / r.reportCached.org, 2)}× (${fmt(r.reportCached.report, 0)} / ${fmt(r.reportCached.org, 0)})`,
    ),
  ]);
  rows.push([
    `load: ${CONNECTIONS} clients, ${DURATION} s, site pages + lists + report + search`,
    '0 errors, p99 < 1 s (PostgreSQL)',
    ...results.map(
      (r) => `${r.load.errors} errors / ${r.load.requests} requests, p50 ${r.load.p50} ms, p99 ${r.load.p99} ms`,
    ),
  ]);
  const header = ['measure', 'goal', ...results.map((r) => r.client)];
  const lines = [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`);
  return lines.join('\n');
}

(async () => {
  log(
    `Site benchmark: ${NOTICES.toLocaleString()} notices over ${PROJECTS.toLocaleString()} projects (baseline ${SMALL.toLocaleString()}), ${SAMPLES} samples per list, load ${CONNECTIONS} clients × ${DURATION} s`,
  );
  const results = [];
  for (const client of DBS) results.push(await benchOne(client));
  log(`\n${table(results)}`);
  process.exit(0);
})().catch((error) => {
  console.error(`Benchmark failed: ${error.stack || error.message}`);
  process.exit(1);
});
