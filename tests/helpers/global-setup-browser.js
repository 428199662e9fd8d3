/**
 * Browser tests need what the integration tests need, plus the admin bundle (dist/build, made by `strapi build`)
 * and Debian's Chromium at /usr/bin/chromium (installed by .ci/run; never a downloaded browser).
 */
'use strict';
const { execSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const integrationSetup = require('./global-setup');

module.exports = async () => {
  const root = path.resolve(__dirname, '../..');
  const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!fs.existsSync(chromium)) {
    throw new Error(`Chromium is missing at ${chromium}: install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  }
  await integrationSetup();
  if (!fs.existsSync(path.join(root, 'dist/build/index.html')) || process.env.REBUILD_ADMIN) {
    console.log('\nBuilding the admin bundle for the browser tests (strapi build, about 1–2 minutes)…');
    execSync('npx strapi build', { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  }
};
