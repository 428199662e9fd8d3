/**
 * The database of a benchmark run, shared by bench/report.js and bench/site.js: a fresh SQLite file under
 * bench/.data, or the PostgreSQL database named by DATABASE_NAME (default `ggzy_bench`) on DATABASE_HOST/PORT/USERNAME,
 * dropped and created again. A database that holds tables and whose name does not contain "bench" is never dropped:
 * a benchmark must not destroy real data because DATABASE_NAME was left set.
 */
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');

async function prepareDatabase(client, { sqliteFile = 'bench.db' } = {}) {
  process.env.DATABASE_CLIENT = client;
  if (client === 'sqlite') {
    const file = path.join(root, 'bench/.data', sqliteFile);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    process.env.DATABASE_FILENAME = file;
    return { name: file };
  }
  if (process.env.DATABASE_URL) {
    throw new Error(
      'DATABASE_URL is set: the benchmark drops and creates its database, so it only takes DATABASE_NAME (with DATABASE_HOST, DATABASE_PORT, DATABASE_USERNAME, DATABASE_PASSWORD). Unset DATABASE_URL.',
    );
  }
  const name = process.env.DATABASE_NAME || 'ggzy_bench';
  if (!/^[a-z_][a-z0-9_]*$/i.test(name))
    throw new Error(`DATABASE_NAME ${JSON.stringify(name)}: letters, digits and _ only`);
  const { Client } = require('pg');
  const connection = {
    host: process.env.DATABASE_HOST || '127.0.0.1',
    port: Number(process.env.DATABASE_PORT || 5432),
    user: process.env.DATABASE_USERNAME || 'postgres',
    password: process.env.DATABASE_PASSWORD || '',
  };
  const admin = new Client({ ...connection, database: 'postgres' });
  await admin.connect();
  try {
    const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount > 0;
    if (exists && !/bench/i.test(name)) {
      const db = new Client({ ...connection, database: name });
      await db.connect();
      const tables = Number(
        (
          await db.query(
            "SELECT count(*) AS n FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')",
          )
        ).rows[0].n,
      );
      await db.end();
      if (tables > 0)
        throw new Error(
          `Database ${name} holds ${tables} tables and its name does not contain "bench": refusing to drop it. Set DATABASE_NAME to a benchmark database.`,
        );
    }
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  process.env.DATABASE_NAME = name;
  return { name };
}

/** Environment of a quiet app: no telemetry, errors only, secrets for a throw-away database. */
function benchEnvironment() {
  process.env.STRAPI_PLUGIN_I18N_INIT_LOCALE_CODE = 'zh-Hans';
  process.env.LOG_LEVEL = 'error';
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  for (const s of [
    'APP_KEYS',
    'API_TOKEN_SALT',
    'ADMIN_JWT_SECRET',
    'TRANSFER_TOKEN_SALT',
    'JWT_SECRET',
    'ENCRYPTION_KEY',
  ])
    process.env[s] = process.env[s] || `bench-${s}`;
}

module.exports = { prepareDatabase, benchEnvironment, root };
