#!/usr/bin/env node
/**
 * `npm run quickstart`: secrets, build, sample data, first administrator, then the server, in production mode.
 * The build (plugin server, app, admin bundle: minutes) runs only when its inputs changed since the last build: a
 * SHA-256 stamp of package-lock.json, package.json, tsconfig.json, config/, database/ and src/ (app, plugin server
 * and plugin admin sources) is kept in dist/.build-stamp. FORCE_BUILD=1 rebuilds anyway.
 */
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { spawnSync, spawn } = require('child_process');

const root = path.resolve(__dirname, '..');
const STAMP = path.join(root, 'dist', '.build-stamp');
const INPUT_FILES = ['package-lock.json', 'package.json', 'tsconfig.json', 'favicon.png'];
const INPUT_DIRS = ['config', 'database', 'src'];
// Outputs of the build or of a start inside the input folders: not inputs.
const IGNORED = new Set(['node_modules', 'dist', '.cache', '.strapi', 'extensions']);
const OUTPUTS = ['dist/build/index.html', 'dist/src/index.js', 'src/plugins/disclosure/dist/server/index.js'];

function filesUnder(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return IGNORED.has(entry.name) ? [] : filesUnder(file);
    return entry.isFile() ? [file] : [];
  });
}

/** One hash over the build's inputs: their paths and contents (mtimes change on a fresh clone, contents do not). */
function inputStamp() {
  const files = [
    ...INPUT_FILES.map((f) => path.join(root, f)).filter((f) => fs.existsSync(f)),
    ...INPUT_DIRS.flatMap((d) => filesUnder(path.join(root, d))),
  ].sort();
  const hash = crypto.createHash('sha256');
  for (const file of files) {
    hash.update(path.relative(root, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  }
  hash.update(process.version);
  return hash.digest('hex');
}

function run(label, command, args, env = {}) {
  console.log(`▸ ${label}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`✗ ${label} failed (exit code ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
}

/** Runs a step showing only the lines `keep` selects (all of them when the step fails). */
function runQuiet(label, command, args, env, keep) {
  console.log(`▸ ${label}`);
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
  const lines = `${result.stdout ?? ''}${result.stderr ?? ''}`.split('\n');
  if (result.status !== 0) {
    console.error(lines.join('\n'));
    console.error(`✗ ${label} failed (exit code ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
  for (const line of lines.filter(keep)) console.log(`  ${line.trim()}`);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const production = { NODE_ENV: process.env.NODE_ENV || 'production' };

runQuiet('Secrets (.env)', process.execPath, ['scripts/setup-env.js'], {}, (line) =>
  line.startsWith('.env: generated'),
);

const stamp = inputStamp();
const built = OUTPUTS.every((f) => fs.existsSync(path.join(root, f)));
const current = built && fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8').trim() === stamp;
if (current && !process.env.FORCE_BUILD) {
  console.log('▸ Build: up to date, skipped (sources unchanged since the last build; FORCE_BUILD=1 rebuilds)');
} else {
  // Strapi's build prints bundler warnings of dependencies: only its step lines are shown (everything on failure).
  runQuiet(
    'Build: plugin, app and admin (a few minutes the first time)',
    npm,
    ['run', '--silent', 'build'],
    production,
    (line) => /^✔/.test(line.trim()),
  );
  fs.writeFileSync(STAMP, `${stamp}\n`);
}

runQuiet('Sample data (kept if already there)', process.execPath, ['scripts/seed.js'], production, (line) =>
  /^\s*total\s/.test(line),
);
run('Administrator', process.execPath, ['scripts/create-admin.js'], production);

const port = process.env.PORT || 1337;
console.log('▸ Starting the server');
// Strapi itself, not through npm: a stop signal sent to this script then reaches the server.
const server = spawn(
  process.execPath,
  [path.join(root, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js'), 'start'],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...production, STRAPI_STARTUP_BANNER: process.env.STRAPI_STARTUP_BANNER ?? 'false' },
  },
);
/** Says where to go once the server answers (Strapi's own banner is off, see config/server.ts). */
async function announceWhenReady() {
  for (let i = 0; i < 120; i += 1) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/_health`);
      if (res.status === 204 || res.ok) {
        console.log(
          `\n✓ Ready: admin http://localhost:${port}/admin · public site http://localhost:${port}/ · API http://localhost:${port}/api  (Ctrl+C stops)\n`,
        );
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
void announceWhenReady();
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
