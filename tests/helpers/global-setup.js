/**
 * Compiles the app once before the integration tests (plugin server first: Strapi loads it as .js only), and, on
 * PostgreSQL, checks that the server answers so that a missing database fails fast with a clear message.
 */
'use strict';
const { execSync } = require('child_process');
const path = require('path');

module.exports = async () => {
  const root = path.resolve(__dirname, '../..');
  const run = (cmd) => execSync(cmd, { cwd: root, stdio: 'inherit' });
  if (!process.env.SKIP_COMPILE) {
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
