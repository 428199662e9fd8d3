#!/usr/bin/env node
/**
 * Benchmark of the report importer (not a test), over tests/fixtures/reports/*: per fixture and in total, the share
 * of cells read exactly (unreadable cells count only when reported as such), the inconsistencies found against those
 * a careful reader found, hard errors raised that the reader did not find, and the time per report (median of runs).
 * Goals: ≥ 99 % cells exact, every inconsistency found, 0 false hard errors, < 1 s per report.
 *
 *   node bench/import.js [--runs N] [--verbose]
 */
'use strict';
const fs = require('fs');
const path = require('path');
const dist = path.join(__dirname, '..', 'src/plugins/disclosure/dist/server/import');
const { importFile, auditReport } = require(path.join(dist, 'index.js'));
const { expectedSchema, score } = require(path.join(dist, 'score.js'));

const args = process.argv.slice(2);
const RUNS = Number(args.includes('--runs') ? args[args.indexOf('--runs') + 1] : 5);
const VERBOSE = args.includes('--verbose');
const root = path.join(__dirname, '..', 'tests/fixtures/reports');

(async () => {
  const slugs = fs
    .readdirSync(root)
    .filter((d) => fs.existsSync(path.join(root, d, 'expected.json')))
    .sort();
  const rows = [];
  const load = async (slug) => {
    const expected = expectedSchema.parse(JSON.parse(fs.readFileSync(path.join(root, slug, 'expected.json'), 'utf8')));
    const file = path.join(root, slug, expected.source);
    return { expected, file, data: fs.readFileSync(file) };
  };
  for (const slug of slugs) {
    const { expected, file, data } = await load(slug);
    const previous = expected.previous ? await load(expected.previous) : null;
    const times = [];
    let report;
    let problems;
    for (let i = 0; i < RUNS; i++) {
      const t0 = process.hrtime.bigint();
      report = await importFile(path.basename(file), data);
      const prev = previous ? await importFile(path.basename(previous.file), previous.data) : null;
      problems = auditReport(report, { previous: prev });
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    times.sort((a, b) => a - b);
    const s = score(expected, report, problems);
    rows.push({ slug, form: expected.form.split(' ')[0], s, ms: times[Math.floor(times.length / 2)] });
    if (VERBOSE || s.wrong.length || s.missed.length || s.falseErrors.length) {
      for (const w of s.wrong)
        console.log(`  ${slug}: cell ${w.id} expected ${JSON.stringify(w.expected)}, read ${JSON.stringify(w.actual)}`);
      for (const m of s.missed) console.log(`  ${slug}: missed ${m.rule} ${(m.cells || []).join(' ')}`);
      for (const e of s.falseErrors)
        console.log(`  ${slug}: false hard error ${e.rule} ${e.cells.join(' ')}: ${e.message.zh}`);
      if (VERBOSE) for (const w of s.otherWarnings) console.log(`  ${slug}: other warning ${w.rule}: ${w.message.zh}`);
    }
  }
  const pad = (s, n) => String(s).padEnd(n);
  console.log(
    `${pad('fixture', 26)}${pad('form', 7)}${pad('cells exact', 16)}${pad('problems found', 16)}${pad('false errors', 14)}${pad('other warnings', 16)}ms/report`,
  );
  for (const r of rows) {
    console.log(
      `${pad(r.slug, 26)}${pad(r.form, 7)}${pad(`${r.s.exact}/${r.s.cells}`, 16)}${pad(`${r.s.problemsFound}/${r.s.problemsExpected}`, 16)}${pad(r.s.falseErrors.length, 14)}${pad(r.s.otherWarnings.length, 16)}${r.ms.toFixed(1)}`,
    );
  }
  const sum = (f) => rows.reduce((n, r) => n + f(r), 0);
  const cells = sum((r) => r.s.cells);
  const exact = sum((r) => r.s.exact);
  const expectedProblems = sum((r) => r.s.problemsExpected);
  const found = sum((r) => r.s.problemsFound);
  const falseErrors = sum((r) => r.s.falseErrors.length);
  const slowest = Math.max(...rows.map((r) => r.ms));
  const pct = cells ? (100 * exact) / cells : 100;
  console.log('');
  console.log(
    `cells read exactly:      ${exact}/${cells} = ${pct.toFixed(2)} %   (goal ≥ 99 %)   ${pct >= 99 ? 'met' : 'NOT met'}`,
  );
  console.log(
    `inconsistencies found:   ${found}/${expectedProblems}   (goal: all)   ${found === expectedProblems ? 'met' : 'NOT met'}`,
  );
  console.log(`false hard errors:       ${falseErrors}   (goal 0)   ${falseErrors === 0 ? 'met' : 'NOT met'}`);
  console.log(
    `slowest report:          ${slowest.toFixed(1)} ms   (goal < 1000 ms)   ${slowest < 1000 ? 'met' : 'NOT met'}`,
  );
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
