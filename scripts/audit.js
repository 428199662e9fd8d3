#!/usr/bin/env node
/**
 * Batch audit of published annual reports (no server, no database):
 *   npm run audit -- [--lang zh-Hans|en] [--out DIR] FILE…   (.txt .html .docx, text .pdf)
 * Prints a problems table, writes DIR/audit.json and DIR/problems.csv. Exit code 1 when a hard error was found.
 * The compiled plugin (npm run build:plugin, done by the npm script) holds the importer.
 */
'use strict';
const path = require('path');
const { runAudit } = require(path.join(__dirname, '..', 'src/plugins/disclosure/dist/server/import/cli.js'));

runAudit(process.argv.slice(2), {
  out: (l) => process.stdout.write(`${l}\n`),
  err: (l) => process.stderr.write(`${l}\n`),
})
  .then((code) => process.exit(code))
  .catch((e) => {
    process.stderr.write(`${e.stack || e}\n`);
    process.exit(2);
  });
