/**
 * Compiles the app once before the integration tests (plugin server first: Strapi loads it as .js only), and, on
 * PostgreSQL, checks that the server answers so that a missing database fails fast with a clear message.
 */
'use strict';
const { execSync } = require('child_process');
const fs = require('fs');
const path = require('path');

module.exports = async () => {
  const root = path.resolve(__dirname, '../..');
  const run = (cmd) => execSync(cmd, { cwd: root, stdio: 'inherit' });
  // SKIP_COMPILE=1 reuses the output of an earlier compile (npm test compiles once, for SQLite): it must be there.
  const compiled = ['dist/src/index.js', 'src/plugins/disclosure/dist/server/index.js'];
  if (process.env.SKIP_COMPILE) {
    const missing = compiled.filter((file) => !fs.existsSync(path.join(root, file)));
    if (missing.length)
      throw new Error(
        `SKIP_COMPILE is set but the compiled app is missing (${missing.join(', ')}): run without it once.`,
      );
  } else {
    run('npx tsc -p src/plugins/disclosure/tsconfig.server.json');
    run('npx tsc -p tsconfig.json');
  }
  if ((process.env.DATABASE_CLIENT || 'sqlite') === 'postgres') {
    const { Client } = require('pg');
    const client = new Client(adminConnection());
    try {
      await client.connect();
      await client.query('select 1');
    } catch (error) {
      throw new Error(
        `PostgreSQL is not reachable at ${client.host}:${client.port} (${error.message}). Start it or set DATABASE_HOST/DATABASE_PORT.`,
        {
          cause: error,
        },
      );
    } finally {
      await client.end().catch(() => {});
    }
  }
};

function adminConnection() {
  return {
    host: process.env.DATABASE_HOST || '127.0.0.1',
    port: Number(process.env.DATABASE_PORT || 5432),
    user: process.env.DATABASE_USERNAME || 'postgres',
    password: process.env.DATABASE_PASSWORD || '',
    database: 'postgres',
  };
}
module.exports.adminConnection = adminConnection;
