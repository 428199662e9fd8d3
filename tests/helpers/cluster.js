/**
 * The deployed shape on this machine, for tests/cluster and bench/filing.js: N app instances (`strapi start` on the
 * compiled dist, each its own port) on one PostgreSQL database with Redis, behind nginx on loopback, run with
 * deploy/nginx/ggzy.conf (only its ports changed) as a non-daemon child of this process, with a temporary prefix
 * directory. Everything it starts it stops: processes, database, Redis keys under the run's prefix, files.
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const net = require('net');
const http = require('http');
const crypto = require('crypto');
const { spawn } = require('child_process');
const { Client } = require('pg');
const { Redis } = require('ioredis');

const root = path.resolve(__dirname, '../..');
const NGINX = process.env.NGINX_PATH || '/usr/sbin/nginx';
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

const pgConnection = (database = 'postgres') => ({
  host: process.env.DATABASE_HOST || '127.0.0.1',
  port: Number(process.env.DATABASE_PORT || 5432),
  user: process.env.DATABASE_USERNAME || 'postgres',
  password: process.env.DATABASE_PASSWORD || '',
  database,
});

async function adminQuery(sql) {
  const client = new Client(pgConnection());
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A free TCP port on 127.0.0.1 (taken from the kernel, released at once). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** One plain HTTP request; `from` picks the local address (any 127.x.y.z is this machine: distinct clients). */
function request(port, method, urlPath, { body, headers = {}, from = '127.0.0.1', timeout = 60000 } = {}) {
  return new Promise((resolve) => {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: urlPath,
        method,
        localAddress: from,
        agent: false,
        timeout,
        headers: {
          ...(payload ? { 'Content-Type': 'application/json', 'Content-Length': payload.length } : {}),
          ...headers,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => {
          let json = null;
          try {
            json = JSON.parse(text);
          } catch {
            // not JSON
          }
          resolve({ status: res.statusCode, headers: res.headers, body: json, text });
        });
        res.on('error', (error) => resolve({ status: 0, headers: {}, body: null, text: String(error) }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (error) => resolve({ status: 0, headers: {}, body: null, text: String(error) }));
    if (payload) req.write(payload);
    req.end();
  });
}

/**
 * A cluster run: its database name and Redis prefix, the environment every instance shares, and what to clean up.
 * `settings` are extra environment variables of the instances (rate limits, …).
 */
function createRun(settings = {}) {
  const id = crypto.randomBytes(4).toString('hex');
  const database = `ggzy_cluster_${id}`;
  const prefix = `ggzy-test:cluster:${id}:`;
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    STRAPI_TELEMETRY_DISABLED: 'true',
    STRAPI_STARTUP_BANNER: 'false',
    STRAPI_PLUGIN_I18N_INIT_LOCALE_CODE: 'zh-Hans',
    LOG_LEVEL: process.env.CLUSTER_LOG_LEVEL || 'error',
    DATABASE_CLIENT: 'postgres',
    DATABASE_NAME: database,
    REDIS_URL,
    PUBLIC_CACHE_PREFIX: `${prefix}public-cache:`,
    RATE_LIMIT_PREFIX: `${prefix}rate-limit:`,
    IS_PROXIED: 'true',
    PROXY_TRUSTED_HOPS: '1',
    // Every instance of a deployment shares the secrets.
    APP_KEYS: 'clusterKeyA,clusterKeyB',
    API_TOKEN_SALT: `cluster-salt-${id}`,
    ADMIN_JWT_SECRET: `cluster-admin-${id}`,
    TRANSFER_TOKEN_SALT: `cluster-transfer-${id}`,
    JWT_SECRET: `cluster-jwt-${id}`,
    ENCRYPTION_KEY: `cluster-encryption-${id}`,
    ...settings,
  };
  delete env.DATABASE_URL;
  delete env.DATABASE_FILENAME;
  delete env.JEST_WORKER_ID;
  const children = new Set();
  const dirs = [];

  const run = {
    id,
    database,
    prefix,
    env,
    instances: [],
    nginx: null,

    async createDatabase() {
      await adminQuery(`CREATE DATABASE ${database}`);
    },

    /**
     * Boots the app once in this process (creating the schema and the start-up set-up before the instances race
     * for it) and runs `fn(strapi)` to prepare data, then destroys it.
     */
    async prepare(fn) {
      const saved = { ...process.env };
      Object.assign(process.env, env);
      const { createStrapi } = require('@strapi/strapi');
      const strapi = await createStrapi({ appDir: root, distDir: path.join(root, 'dist') }).load();
      strapi.log.level = 'error';
      try {
        return await fn(strapi);
      } finally {
        await new Promise((resolve) => setTimeout(resolve, 200));
        await strapi.destroy();
        for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
        Object.assign(process.env, saved);
      }
    },

    /** Starts one instance (`strapi start`) on a free port and waits until /_health answers. */
    async startInstance(name) {
      const port = await freePort();
      const child = spawn(process.execPath, [path.join(root, 'node_modules/@strapi/strapi/bin/strapi.js'), 'start'], {
        cwd: root,
        env: { ...env, PORT: String(port) },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.add(child);
      let output = '';
      const keep = (chunk) => {
        output = (output + chunk).slice(-20000);
      };
      child.stdout.on('data', keep);
      child.stderr.on('data', keep);
      const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
      exited.then(() => children.delete(child));
      const instance = { name, port, child, exited, output: () => output };
      const deadline = Date.now() + 150000;
      for (;;) {
        if (child.exitCode !== null || child.signalCode !== null)
          throw new Error(`instance ${name} exited while starting:\n${output}`);
        const res = await request(port, 'GET', '/_health', { timeout: 2000 });
        if (res.status === 204 || res.status === 200) break;
        if (Date.now() > deadline) throw new Error(`instance ${name} did not answer /_health in time:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      run.instances.push(instance);
      return instance;
    },

    /** Kills one instance at once (SIGKILL: no graceful end, as a crash) and waits for it to be gone. */
    async kill(instance) {
      instance.child.kill('SIGKILL');
      await instance.exited;
    },

    /** nginx with deploy/nginx/ggzy.conf, its upstream being the given instances, listening on a free port. */
    async startNginx(instances = run.instances) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), `ggzy-nginx-${id}-`));
      dirs.push(dir);
      const port = await freePort();
      const site = fs
        .readFileSync(path.join(root, 'deploy/nginx/ggzy.conf'), 'utf8')
        .replace(/^(\s*)server 127\.0\.0\.1:1337 (.*)$/m, (_m, indent, rest) =>
          instances.map((i) => `${indent}server 127.0.0.1:${i.port} ${rest}`).join('\n'),
        )
        .replace(/^\s*server 127\.0\.0\.1:1338 .*\n/m, '')
        .replace(/listen 80;/, `listen 127.0.0.1:${port};`)
        // A burst of 500 scrypt-hashed filings may queue for minutes on a loaded 2-core machine: no gateway timeout.
        .replace(/proxy_read_timeout \d+s;/, 'proxy_read_timeout 600s;')
        // For the checks only: which instance answered (never in a deployment: it names internal addresses).
        .replace(/location \/ \{\n/, 'location / {\n        add_header X-Upstream $upstream_addr always;\n');
      if (
        !site.includes(`127.0.0.1:${port};`) ||
        instances.some((i) => !site.includes(`server 127.0.0.1:${i.port} `))
      ) {
        throw new Error('deploy/nginx/ggzy.conf no longer has the upstream and listen lines this helper rewrites');
      }
      fs.writeFileSync(path.join(dir, 'ggzy.conf'), site);
      for (const sub of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) fs.mkdirSync(path.join(dir, sub));
      const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
      fs.writeFileSync(
        path.join(dir, 'nginx.conf'),
        [
          // As the current user: a root nginx would hand its workers to "nobody", who cannot write this directory.
          asRoot ? 'user root root;' : '',
          'worker_processes 1;',
          `pid ${dir}/nginx.pid;`,
          `error_log ${dir}/error.log warn;`,
          'events { worker_connections 4096; }',
          'http {',
          `  access_log off;`,
          `  client_body_temp_path ${dir}/client_body;`,
          `  proxy_temp_path ${dir}/proxy;`,
          `  fastcgi_temp_path ${dir}/fastcgi;`,
          `  uwsgi_temp_path ${dir}/uwsgi;`,
          `  scgi_temp_path ${dir}/scgi;`,
          `  include ${dir}/ggzy.conf;`,
          '}',
          '',
        ].join('\n'),
      );
      const child = spawn(
        NGINX,
        ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log'), '-g', 'daemon off;'],
        {
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      children.add(child);
      let output = '';
      child.stdout.on('data', (c) => (output += c));
      child.stderr.on('data', (c) => (output += c));
      const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
      exited.then(() => children.delete(child));
      const deadline = Date.now() + 15000;
      for (;;) {
        if (child.exitCode !== null)
          throw new Error(
            `nginx exited: ${output} ${fs.existsSync(path.join(dir, 'error.log')) ? fs.readFileSync(path.join(dir, 'error.log'), 'utf8') : ''}`,
          );
        const res = await request(port, 'GET', '/_health', { timeout: 2000 });
        if (res.status === 204 || res.status === 200) break;
        if (Date.now() > deadline) throw new Error(`nginx did not answer on ${port}: ${output}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      run.nginx = { port, child, exited, dir, errorLog: () => fs.readFileSync(path.join(dir, 'error.log'), 'utf8') };
      return run.nginx;
    },

    /** Stops everything this run started and removes what it created. */
    async stop() {
      for (const child of [...children]) {
        child.kill('SIGTERM');
      }
      const wait = (child) =>
        new Promise((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => {
            child.kill('SIGKILL');
          }, 8000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
        });
      await Promise.all([...children].map(wait));
      await adminQuery(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
      const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
      try {
        await redis.connect();
        let cursor = '0';
        do {
          const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
          cursor = next;
          if (keys.length) await redis.del(...keys);
        } while (cursor !== '0');
      } catch {
        // Redis gone: nothing of ours is left there either.
      } finally {
        redis.disconnect();
      }
      for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return run;
}

module.exports = { createRun, request, freePort, root, REDIS_URL };
