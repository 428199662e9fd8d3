#!/usr/bin/env node
/**
 * Loads the compiled app and fills its database with labelled sample data (src/seed). Safe to run again: records
 * that exist are left alone. Usage:
 *
 *   node scripts/seed.js [--small] [--dist DIR] [--today YYYY-MM-DD]
 *
 *   --small   about a tenth of the data (30 projects, 10 applications per organization and year)
 *   --dist    the compiled app (default ./dist: `npm run build`, or `npx tsc -p tsconfig.json --outDir DIR`)
 *   --today   the day the records are seen from (default: today in China)
 *
 * The database is the app's (DATABASE_CLIENT, DATABASE_FILENAME, …). Exit code 0 on success, 1 on error.
 */
'use strict';

const fs = require('fs');
const path = require('path');

const USAGE = 'Usage: node scripts/seed.js [--small] [--dist DIR] [--today YYYY-MM-DD]';

function parseArgs(argv) {
  const options = { scale: 'full', dist: null, today: undefined };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const value = () => {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new Error(`${arg} needs a value. ${USAGE}`);
      i += 1;
      return next;
    };
    if (arg === '--small') options.scale = 'small';
    else if (arg === '--full') options.scale = 'full';
    else if (arg === '--dist') options.dist = value();
    else if (arg.startsWith('--dist=')) options.dist = arg.slice('--dist='.length);
    else if (arg === '--today') options.today = value();
    else if (arg.startsWith('--today=')) options.today = arg.slice('--today='.length);
    else if (arg === '--help' || arg === '-h') options.help = true;
    else throw new Error(`Unknown argument "${arg}". ${USAGE}`);
  }
  return options;
}

/** A ValidationError of the Document Service names its fields in details.errors: print them. */
function describe(error) {
  const lines = [error && error.message ? error.message : String(error)];
  const details = error && error.details && Array.isArray(error.details.errors) ? error.details.errors : [];
  for (const item of details) lines.push(`  - ${(item.path || []).join('.') || '(document)'}: ${item.message}`);
  if (process.env.DEBUG && error && error.stack) lines.push(error.stack);
  return lines.join('\n');
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const appDir = path.resolve(__dirname, '..');
  const distDir = path.resolve(appDir, options.dist || 'dist');
  const seedModule = path.join(distDir, 'src', 'seed', 'index.js');
  if (!fs.existsSync(seedModule)) {
    throw new Error(
      `${seedModule} does not exist: compile the app first (npm run build, or npx tsc -p tsconfig.json --outDir ${options.dist || 'dist'})`,
    );
  }
  // The app's config resolves relative paths (the SQLite file, the local plugin) from the app directory.
  process.chdir(appDir);
  // A dist outside the app (e.g. /tmp/…) cannot find the app's node_modules by walking up: add them to the path.
  if (path.relative(appDir, distDir).startsWith('..')) {
    process.env.NODE_PATH = [path.join(appDir, 'node_modules'), process.env.NODE_PATH]
      .filter(Boolean)
      .join(path.delimiter);
    require('module').Module._initPaths();
  }

  const started = Date.now();
  const { createStrapi } = require('@strapi/strapi');
  const app = await createStrapi({ appDir, distDir }).load();
  const loaded = Date.now();
  try {
    const { seedSampleData } = require(seedModule);
    const summary = await seedSampleData(app, {
      log: (line) => console.log(`[seed] ${line}`),
      scale: options.scale,
      today: options.today,
    });
    const seconds = (ms) => (ms / 1000).toFixed(1);
    console.log('');
    console.log(`Sample data (${summary.scale}, as of ${summary.today}):`);
    const width = Math.max(...Object.keys(summary.tally).map((k) => k.length), 5);
    for (const [type, { created, existing }] of Object.entries(summary.tally)) {
      console.log(
        `  ${type.padEnd(width)}  created ${String(created).padStart(5)}  existing ${String(existing).padStart(5)}`,
      );
    }
    console.log(
      `  ${'total'.padEnd(width)}  created ${String(summary.created).padStart(5)}  existing ${String(summary.existing).padStart(5)}`,
    );
    console.log(`Seeded in ${seconds(Date.now() - loaded)} s (app load ${seconds(loaded - started)} s).`);
  } finally {
    await app.destroy();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`\nSeeding failed: ${describe(error)}`);
    process.exit(1);
  },
);
