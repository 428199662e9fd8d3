/**
 * `npm run bench:filing`: online filings per second through nginx with one app instance and with two, side by side
 * on one PostgreSQL database with Redis (the deployed shape of tests/helpers/cluster.js: `strapi start` on the
 * compiled dist, deploy/nginx/ggzy.conf). Rounds are interleaved (one, two, one, two, …) so that the machine's load
 * weighs on both alike; each round sends `--filings` filings with `--concurrency` in flight. Rate limits are off
 * (all load comes from one address). Needs `npm run build` (or the tests' compile) first.
 *
 * Options: -- --filings N (default 200) --concurrency N (default 50) --rounds N (default 3)
 */
'use strict';
const { createRun, request } = require('../tests/helpers/cluster');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const FILINGS = arg('filings', 200);
const CONCURRENCY = arg('concurrency', 50);
const ROUNDS = arg('rounds', 3);

const path = require('path');
const { root } = require('../tests/helpers/cluster');
const { creditCodeCheckChar, residentIdCheckChar } = require(path.join(root, 'dist/src/validation/identifiers'));

let counter = 0;
/** A valid resident identity number (its check character computed as the app checks it). */
function residentId() {
  counter += 1;
  const first17 = `41170019900101${String(100 + (counter % 900)).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

async function burst(port, organization) {
  let next = 0;
  let ok = 0;
  const failures = {};
  const started = process.hrtime.bigint();
  const worker = async () => {
    while (next < FILINGS) {
      next += 1;
      const res = await request(port, 'POST', '/api/disclosure/applications', {
        timeout: 300000,
        body: {
          data: {
            organization,
            applicantType: 'naturalPerson',
            applicantName: '压测申请人',
            idType: 'residentId',
            idNumber: residentId(),
            phone: '13800000000',
            requestedInformation: '请公开某政府采购项目的合同公告',
            preferredForm: 'electronic',
            deliveryMethod: 'online',
          },
        },
      });
      if (res.status === 201) ok += 1;
      else failures[res.status] = (failures[res.status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { ok, failures, seconds, perSecond: ok / seconds };
}

async function main() {
  const run = createRun({
    API_RATE_LIMIT_MAX: '0',
    APPLICATION_FILING_RATE_LIMIT_MAX: '0',
    APPLICATION_STATUS_RATE_LIMIT_MAX: '0',
  });
  const stop = async () => {
    await run.stop();
  };
  process.once('SIGINT', () => stop().then(() => process.exit(130)));
  try {
    await run.createDatabase();
    const organization = await run.prepare(async (strapi) => {
      const org = await strapi.documents('api::organization.organization').create({
        data: {
          name: '压测交易中心（示例）',
          creditCode: `91410000100000002${creditCodeCheckChar('91410000100000002')}`,
          kind: 'tradingCenter',
          canIssueRegulations: false,
        },
      });
      return org.documentId;
    });
    const [a, b] = await Promise.all([run.startInstance('a'), run.startInstance('b')]);
    const one = await run.startNginx([a]);
    const two = await run.startNginx([a, b]);
    // Warm-up: first requests compile code paths and fill pools.
    await burst(two.port, organization);
    const results = { one: [], two: [] };
    for (let round = 0; round < ROUNDS; round += 1) {
      results.one.push(await burst(one.port, organization));
      results.two.push(await burst(two.port, organization));
    }
    const median = (list) => [...list].sort((x, y) => x - y)[Math.floor(list.length / 2)];
    const row = (name, list) =>
      `| ${name} | ${list.map((r) => `${r.perSecond.toFixed(1)}${Object.keys(r.failures).length ? ` (failed ${JSON.stringify(r.failures)})` : ''}`).join(' / ')} | ${median(list.map((r) => r.perSecond)).toFixed(1)} |`;
    const ratio = median(results.two.map((r) => r.perSecond)) / median(results.one.map((r) => r.perSecond));
    console.log(
      `${FILINGS} filings per round, ${CONCURRENCY} in flight, ${ROUNDS} rounds interleaved, through nginx, PostgreSQL + Redis`,
    );
    console.log('| instances | filings/s per round | median |');
    console.log('| --- | --- | --- |');
    console.log(row('one', results.one));
    console.log(row('two', results.two));
    console.log(`two ÷ one: ${ratio.toFixed(2)}×`);
  } finally {
    await stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
