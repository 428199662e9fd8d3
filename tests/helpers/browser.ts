/**
 * Browser tests: serve the app booted by ./strapi.ts on a free port, drive the admin with Chromium (playwright-core
 * and the system's chromium; no browser download), log in, and save screenshots to tests/artifacts/.
 */
import fs from 'fs';
import net from 'net';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { chromium, type Browser, type Page } from 'playwright-core';

const root = path.resolve(__dirname, '../..');
export const ARTIFACTS_DIR = path.join(root, 'tests', 'artifacts');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ADMIN_INDEX = path.join(root, 'dist', 'build', 'index.html');

/** True when the admin bundle exists (`npx strapi build` writes it to dist/build). */
export const adminBuildExists = () => fs.existsSync(ADMIN_INDEX);

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Listens with the booted Strapi on a free port; returns the base URL and a function that stops listening. */
export async function serve(strapi: Core.Strapi): Promise<{ url: string; port: number; close: () => Promise<void> }> {
  if (!adminBuildExists()) {
    throw new Error(`The admin bundle is missing (${ADMIN_INDEX}): run \`npx strapi build\` before the browser tests.`);
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  strapi.config.set('server.port', port);
  strapi.config.set('server.url', url);
  strapi.config.set('admin.url', `${url}/admin`);
  const httpServer = strapi.server.httpServer;
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    strapi.server.listen(port, '127.0.0.1', () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  return {
    url,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        if (!httpServer.listening) return resolve();
        // Keep-alive sockets of the browser would hold close() open.
        (httpServer as any).closeAllConnections?.();
        httpServer.close(() => resolve());
      }),
  };
}

export function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: \`apt-get install -y chromium\` or set CHROMIUM_PATH.`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Opens a page with a large viewport and a browser language; errors of the page are collected for the assertions. */
export async function newPage(browser: Browser, options: { locale?: string; adminLanguage?: string } = {}) {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 1000 },
    locale: options.locale ?? 'zh-CN',
  });
  if (options.adminLanguage) {
    await context.addInitScript((language: string) => {
      if (!window.localStorage.getItem('strapi-admin-language'))
        window.localStorage.setItem('strapi-admin-language', language);
    }, options.adminLanguage);
  }
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { context, page, pageErrors };
}

/** Logs in on the admin login form and waits for the admin to open. */
export async function adminLogin(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(`${baseUrl}/admin/auth/login`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 60_000 });
}

/**
 * Saves a screenshot of the whole page (or of the viewport: fullPage false) to tests/artifacts/NAME.png; returns its path. The admin scrolls inside a
 * container, not the document, so a "full page" screenshot would cut it: the viewport is stretched to the tallest
 * scrolling element for the shot, then restored.
 */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  // Let transitions (dialogs, notifications) settle.
  await page.waitForTimeout(400);
  if (options.fullPage === false) {
    await page.screenshot({ path: file });
    return file;
  }
  const viewport = page.viewportSize();
  const height = await page.evaluate(() => {
    let tallest = document.documentElement.scrollHeight;
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const { overflowY } = getComputedStyle(el);
      if ((overflowY === 'auto' || overflowY === 'scroll') && el.scrollHeight > el.clientHeight) {
        tallest = Math.max(tallest, el.scrollHeight + (document.documentElement.clientHeight - el.clientHeight));
      }
    }
    return tallest;
  });
  if (viewport && height > viewport.height)
    await page.setViewportSize({ width: viewport.width, height: Math.min(height, 16000) });
  try {
    await page.screenshot({ path: file });
  } finally {
    if (viewport && height > viewport.height) await page.setViewportSize(viewport);
  }
  return file;
}
