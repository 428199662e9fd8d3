/**
 * Boots the real app for one test file, on a database of its own: a fresh SQLite file, or a fresh PostgreSQL
 * database when DATABASE_CLIENT=postgres. Routes are mounted without listening on a port (supertest drives them).
 */
import fs from 'fs';
import path from 'path';
import crypto from 'crypto';
import { Client } from 'pg';
import { createStrapi, type Core } from '@strapi/strapi';
import request from 'supertest';

const root = path.resolve(__dirname, '../..');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { adminConnection } = require('./global-setup');

let instance: Core.Strapi | null = null;
let cleanup: (() => Promise<void>) | null = null;

export const isPostgres = () => (process.env.DATABASE_CLIENT ?? 'sqlite') === 'postgres';

export async function setupStrapi(): Promise<Core.Strapi> {
  everywhereMembers.length = 0;
  const name = `ggzy_test_${process.env.JEST_WORKER_ID ?? '0'}_${crypto.randomBytes(4).toString('hex')}`;
  process.env.STRAPI_PLUGIN_I18N_INIT_LOCALE_CODE = 'zh-Hans';
  process.env.NODE_ENV = 'test';
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'error';
  process.env.API_RATE_LIMIT_MAX = process.env.API_RATE_LIMIT_MAX ?? '0';
  for (const secret of [
    'APP_KEYS',
    'API_TOKEN_SALT',
    'ADMIN_JWT_SECRET',
    'TRANSFER_TOKEN_SALT',
    'JWT_SECRET',
    'ENCRYPTION_KEY',
  ]) {
    process.env[secret] = process.env[secret] ?? (secret === 'APP_KEYS' ? 'testKeyA,testKeyB' : `test-${secret}`);
  }

  if (isPostgres()) {
    const admin = new Client(adminConnection());
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    process.env.DATABASE_NAME = name;
    cleanup = async () => {
      const c = new Client(adminConnection());
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  } else {
    const file = path.join(root, '.tmp', `${name}.db`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    process.env.DATABASE_FILENAME = file;
    cleanup = async () => {
      for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
    };
  }

  instance = await createStrapi({ appDir: root, distDir: path.join(root, 'dist') }).load();
  instance.log.level = 'error';
  await instance.server.mount();
  return instance;
}

/**
 * Destroys the running app and boots a new one on the same database (a restart): what a second start of a deployed
 * app does. teardownStrapi then destroys the new app and removes the database as usual.
 */
export async function restartStrapi(): Promise<Core.Strapi> {
  if (instance) await instance.destroy();
  instance = await createStrapi({ appDir: root, distDir: path.join(root, 'dist') }).load();
  instance.log.level = 'error';
  await instance.server.mount();
  return instance;
}

/**
 * Strapi emits document events after a transaction commits without awaiting them; each reads the document again.
 * Destroying the app while one is still queued makes it fail on a closed pool, so wait until the pool is idle.
 */
async function settle(strapi: Core.Strapi) {
  const pool = (strapi.db.connection as any).client?.pool;
  for (let i = 0; i < 100 && pool && (pool.numUsed() > 0 || pool.numPendingAcquires() > 0); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await new Promise((resolve) => setTimeout(resolve, 50));
}

export async function teardownStrapi() {
  if (instance) {
    await settle(instance);
    await instance.destroy();
    instance = null;
  }
  if (cleanup) {
    await cleanup();
    cleanup = null;
  }
}

export const http = () => request(instance!.server.httpServer);

let userCounter = 0;
/**
 * Creates an active admin user with the role (an app role code, or 'strapi-super-admin') and returns its JWT.
 * The user is made a member of `organizations` (documentIds); by default of every organization, now and created later
 * by the records helper, so that tests of what a role may do are not also tests of the organization scope
 * (tests/integration/org-scope.test.ts tests the scope).
 */
export async function adminToken(
  roleCode: string,
  options: { organizations?: string[] } = {},
): Promise<{ token: string; user: any }> {
  const strapi = instance!;
  const role = await strapi.service('admin::role').findOne({ code: roleCode });
  if (!role) throw new Error(`No admin role ${roleCode}`);
  userCounter += 1;
  const email = `${roleCode}-${userCounter}-${crypto.randomBytes(3).toString('hex')}@example.test`;
  const password = `Test-${crypto.randomBytes(8).toString('hex')}A1`;
  const created = await strapi
    .service('admin::user')
    .create({ email, firstname: roleCode, lastname: 'Test', password, isActive: true, roles: [role.id] });
  if (options.organizations) await addMember(strapi, created.id, options.organizations);
  else await memberEverywhere(strapi, created.id);
  const res = await http().post('/admin/login').send({ email, password });
  if (res.status !== 200) throw new Error(`Admin login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { token: res.body.data.token, user: res.body.data.user };
}

/** Adds an admin user to organizations' `members` (every locale's row; all organizations when none are named). */
export async function addMember(strapi: Core.Strapi, userId: number, organizations?: string[]) {
  const where = organizations ? { documentId: { $in: organizations } } : {};
  const rows: Array<{ id: number; members: Array<{ id: number }> }> = await strapi.db
    .query('api::organization.organization')
    .findMany({ where, populate: { members: { select: ['id'] } } });
  for (const row of rows) {
    await strapi.db.query('api::organization.organization').update({
      where: { id: row.id },
      data: { members: [...row.members.map((m) => m.id), userId] },
    });
  }
}

/** Admin users of this test file that are members of every organization, including those createOrganization makes. */
export const everywhereMembers: number[] = [];

export async function memberEverywhere(strapi: Core.Strapi, userId: number) {
  everywhereMembers.push(userId);
  await addMember(strapi, userId);
}
