'use strict';
/** Shared by the CLI scripts: load the compiled app (needs `npm run build`), run a task, exit with a clear status. */
const path = require('path');
const fs = require('fs');

const appDir = path.resolve(__dirname, '..');

function loadEnv() {
  const file = path.join(appDir, '.env');
  if (!fs.existsSync(file)) return;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const match = line.match(/^\s*([A-Z0-9_]+)\s*=\s*(.*)\s*$/);
    if (match && process.env[match[1]] === undefined) process.env[match[1]] = match[2];
  }
}

async function withApp(task, { distDir = path.join(appDir, 'dist') } = {}) {
  loadEnv();
  process.env.STRAPI_PLUGIN_I18N_INIT_LOCALE_CODE = process.env.STRAPI_PLUGIN_I18N_INIT_LOCALE_CODE || 'zh-Hans';
  process.env.LOG_LEVEL = process.env.LOG_LEVEL || 'warn';
  if (!fs.existsSync(path.join(distDir, 'src', 'index.js'))) {
    console.error(`The app is not compiled (${distDir} is missing): run \`npm run build\` first.`);
    process.exit(1);
  }
  const { createStrapi } = require('@strapi/strapi');
  let app;
  try {
    app = await createStrapi({ appDir, distDir }).load();
    await task(app);
    await app.destroy();
    process.exit(0);
  } catch (error) {
    console.error(`Error: ${error.message}`);
    if (process.env.DEBUG) console.error(error.stack);
    if (app) await app.destroy().catch(() => {});
    process.exit(1);
  }
}

module.exports = { appDir, withApp, loadEnv };
