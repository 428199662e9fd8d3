/**
 * The media-library takeover, in Chromium: a super admin logged into the admin opens files planted under
 * /uploads (what an editor could once upload). Their script would mark the window and mint an admin access token
 * with the admin's refresh cookie; it must never run, whatever the path's letter case or the file's name.
 */
import fs from 'fs';
import path from 'path';
import crypto from 'crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Core } from '@strapi/strapi';
import { setupStrapi, teardownStrapi } from '../helpers/strapi';
import { serve, launchBrowser, adminLogin } from '../helpers/browser';

jest.setTimeout(240_000);

const UPLOADS = path.resolve(__dirname, '../../public/uploads');
const tag = crypto.randomBytes(4).toString('hex');
// What an attacker would plant. The admin's CSP (script-src 'self') blocks inline script but lets a script file from
// the same origin run: the page loads its payload from /uploads. The payload marks the window, then tries to turn
// the admin's refresh cookie into an access token.
const planted = {
  js: `takeover-${tag}.js`,
  html: `takeover-${tag}.html`,
  svg: `takeover-${tag}.svg`,
  // HTML named like an image: served inline as image/png, it must not be sniffed into a page.
  png: `takeover-${tag}.png`,
};
const PAYLOAD = `window.__pwned = 1;
fetch('/admin/access-token', { method: 'POST', credentials: 'include' })
  .then((r) => r.json()).then((j) => { window.__pwned = 2; window.__token = j && j.data && j.data.token; });`;
const HOSTILE = `<!doctype html><html><body><p>notice</p><script src="/uploads/${planted.js}"></script></body></html>`;
const HOSTILE_SVG = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><script xlink:href="/uploads/${planted.js}"/></svg>`;

let strapi: Core.Strapi;
let server: Awaited<ReturnType<typeof serve>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const tokenRequests: string[] = [];

beforeAll(async () => {
  fs.writeFileSync(path.join(UPLOADS, planted.js), PAYLOAD);
  fs.writeFileSync(path.join(UPLOADS, planted.html), HOSTILE);
  fs.writeFileSync(path.join(UPLOADS, planted.png), HOSTILE);
  fs.writeFileSync(path.join(UPLOADS, planted.svg), HOSTILE_SVG);
  strapi = await setupStrapi();
  server = await serve(strapi);
  const email = `super-${tag}@example.test`;
  const password = `Super-${crypto.randomBytes(6).toString('hex')}A1`;
  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  await strapi.service('admin::user').create({
    email,
    password,
    firstname: '超级',
    lastname: '管理员',
    isActive: true,
    registrationToken: null,
    roles: [superAdmin.id],
  });

  browser = await launchBrowser();
  context = await browser.newContext({ acceptDownloads: true });
  context.on('request', (request) => {
    if (new URL(request.url()).pathname.toLowerCase().startsWith('/admin/access-token'))
      tokenRequests.push(`${request.frame()?.url()} → ${request.url()}`);
  });
  page = await context.newPage();
  await adminLogin(page, server.url, email, password);
  // The admin itself mints tokens with the refresh cookie while logging in: only later requests count.
  await page.waitForTimeout(1000);
  tokenRequests.length = 0;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await teardownStrapi();
  for (const name of Object.values(planted)) fs.rmSync(path.join(UPLOADS, name), { force: true });
});

/** Opens a URL in a new tab of the logged-in context; returns the tab and whether the answer became a download. */
async function open(url: string): Promise<{ tab: Page; downloaded: boolean }> {
  const tab = await context.newPage();
  const download = tab.waitForEvent('download', { timeout: 5000 }).then(
    () => true,
    () => false,
  );
  await tab.goto(url).catch((error: Error) => {
    // Chromium aborts the navigation when the answer is a download.
    if (!/Download is starting|net::ERR_ABORTED/.test(error.message)) throw error;
  });
  const downloaded = await download;
  await tab.waitForTimeout(1500);
  return { tab, downloaded };
}

test.each([
  ['/uploads/', 'html'],
  ['/UPLOADS/', 'html'],
  ['/Uploads/', 'svg'],
  ['/uploads/', 'svg'],
])('%s%s: the file is downloaded, its script never runs', async (prefix, kind) => {
  const name = planted[kind as 'html' | 'svg'];
  // On a case-sensitive disk /UPLOADS/ may not find the file at all: either way nothing may run.
  const { tab, downloaded } = await open(`${server.url}${prefix}${name}`);
  const pwned = await tab.evaluate(() => (window as any).__pwned).catch(() => undefined);
  expect(pwned).toBeUndefined();
  expect(tokenRequests).toEqual([]);
  if (prefix === '/uploads/') expect(downloaded).toBe(true);
  await tab.close();
});

test('an HTML file named .png is shown as an image: sandboxed, not sniffed, no script', async () => {
  const { tab, downloaded } = await open(`${server.url}/uploads/${planted.png}`);
  expect(downloaded).toBe(false);
  expect(await tab.evaluate(() => (window as any).__pwned)).toBeUndefined();
  expect(await tab.evaluate(() => document.querySelector('script'))).toBeNull();
  expect(tokenRequests).toEqual([]);
  await tab.close();
});

test('the admin session is intact (the test would have noticed a stolen token only if the admin was logged in)', async () => {
  const res = await page.evaluate(
    async () => (await fetch('/admin/access-token', { method: 'POST', credentials: 'include' })).status,
  );
  expect(res).toBe(200);
});
