/**
 * Browser tests need what the integration tests need, plus the admin bundle (dist/build, made by `strapi build`)
 * and Debian's Chromium at /usr/bin/chromium (installed by .ci/run; never a downloaded browser).
 */
'use strict';
const { execSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const integrationSetup = require('./global-setup');

/** The latest modification time under a folder: an admin bundle older than its sources is rebuilt. */
function newestMtime(dir) {
  if (!fs.existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(file) : fs.statSync(file).mtimeMs);
  }
  return newest;
}

module.exports = async () => {
  const root = path.resolve(__dirname, '../..');
  const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!fs.existsSync(chromium)) {
    throw new Error(
      `Chromium is missing at ${chromium}: install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  }
  await integrationSetup();
  const bundle = path.join(root, 'dist/build/index.html');
  if (
    !fs.existsSync(bundle) ||
    process.env.REBUILD_ADMIN ||
    newestMtime(path.join(root, 'src/plugins/disclosure/admin/src')) > fs.statSync(bundle).mtimeMs ||
    // The admin imports the plugin's pure format and report layout modules from the server's sources.
    newestMtime(path.join(root, 'src/plugins/disclosure/server/src/format')) > fs.statSync(bundle).mtimeMs ||
    newestMtime(path.join(root, 'src/plugins/disclosure/server/src/report')) > fs.statSync(bundle).mtimeMs ||
    newestMtime(path.join(root, 'src/admin')) > fs.statSync(bundle).mtimeMs
  ) {
    console.log('\nBuilding the admin bundle for the browser tests (strapi build, about 1–2 minutes)…');
    execSync('npx strapi build', { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  }
};
