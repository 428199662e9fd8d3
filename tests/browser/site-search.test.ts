/**
 * Site-wide search in Chromium: the header's box on every page leads to search.html, which lists published notices,
 * projects and policy documents with the words marked, pages through them, says "未找到…" when nothing matches, and
 * has no serious or critical accessibility violation (axe-core). Screenshots go to tests/artifacts/.
 */
import fs from 'fs';
import path from 'path';
import type { AddressInfo } from 'net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Core } from '@strapi/strapi';
import { setupStrapi, teardownStrapi } from '../helpers/strapi';
import { createPolicyDocument } from '../helpers/records';
import { createProject, createNotice } from '../helpers/content';

jest.setTimeout(240_000);

const ARTIFACTS = path.resolve(__dirname, '../artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const AXE = require.resolve('axe-core/axe.min.js');

let strapi: Core.Strapi;
let base: string;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  strapi = await setupStrapi();
  await new Promise<void>((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(strapi.server.httpServer.address() as AddressInfo).port}`;
  const project = await createProject(strapi, {
    name: '驿城区第三初级中学教学楼工程监理',
    projectCode: 'ZMD-JL-2026-015',
  });
  for (let i = 1; i <= 12; i += 1) {
    await createNotice(strapi, project.documentId, {
      title: `第三初级中学教学楼工程第${i}号公告`,
      body: `本公告为第${i}号。工程监理服务期限为施工期加缺陷责任期，监理人员须持证上岗。`,
      releasedAt: `2026-02-${String(i).padStart(2, '0')}T02:00:00.000Z`,
    });
  }
  await createPolicyDocument(strapi, {
    title: '驻马店市建设工程监理招标投标管理办法',
    documentNumber: '驻政〔2022〕5号',
    body: '第一条 为规范工程监理招标投标活动，制定本办法。',
  });
  await createNotice(strapi, project.documentId, { title: '草稿：未发布的监理公告' }, false);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  strapi?.server.httpServer.closeAllConnections?.();
  await teardownStrapi();
});

async function settled(page: Page) {
  await page.waitForFunction(
    () =>
      !!document.querySelector('#site-header nav') &&
      !document.querySelector('[aria-busy="true"]') &&
      !document.querySelector('main .loading'),
  );
}

async function open(url: string, ctx = context) {
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(base + url);
  await settled(page);
  return { page, errors };
}

const hits = (page: Page) => page.$$eval('.search-hit .result-title', (els) => els.map((e) => e.textContent));

test('the header box searches from any page; hits are marked, newest first, paged; drafts never listed', async () => {
  const { page, errors } = await open('/site/notices.html');
  await page.fill('#site-search-q', '监理');
  await Promise.all([page.waitForURL(/\/site\/search\.html\?q=/), page.press('#site-search-q', 'Enter')]);
  await settled(page);
  expect(await page.textContent('h1')).toBe('站内搜索');
  expect(await page.textContent('.result-count')).toBe('“监理”共找到 14 条，第 1 / 2 页');
  expect(await hits(page)).toEqual([
    '第三初级中学教学楼工程第12号公告',
    '第三初级中学教学楼工程第11号公告',
    '第三初级中学教学楼工程第10号公告',
    '第三初级中学教学楼工程第9号公告',
    '第三初级中学教学楼工程第8号公告',
    '第三初级中学教学楼工程第7号公告',
    '第三初级中学教学楼工程第6号公告',
    '第三初级中学教学楼工程第5号公告',
    '第三初级中学教学楼工程第4号公告',
    '第三初级中学教学楼工程第3号公告',
  ]);
  const marks = await page.$$eval('.search-hit:first-child mark', (els) => els.map((e) => e.textContent));
  expect(marks).toEqual(['监理', '监理']);
  expect(await page.inputValue('#site-search-q')).toBe('监理');
  await page.screenshot({ path: path.join(ARTIFACTS, 'site-search-results-desktop.png'), fullPage: true });

  await Promise.all([page.waitForURL(/page=2/), page.click('.pagination a[rel="next"]')]);
  await settled(page);
  expect(await hits(page)).toEqual([
    '第三初级中学教学楼工程第2号公告',
    '第三初级中学教学楼工程第1号公告',
    '驿城区第三初级中学教学楼工程监理',
    '驻马店市建设工程监理招标投标管理办法',
  ]);
  expect((await page.textContent('main'))!).not.toContain('草稿');

  await Promise.all([page.waitForURL(/type=project/), page.click('.tabs a:has-text("交易项目")')]);
  await settled(page);
  expect(await hits(page)).toEqual(['驿城区第三初级中学教学楼工程监理']);
  expect(await page.textContent('.search-hit .code')).toBe('ZMD-JL-2026-015');
  await Promise.all([page.waitForURL(/project\.html/), page.click('.search-hit a')]);
  expect(errors).toEqual([]);
  await page.close();
});

test('a project code finds its project and its notices (newest first); nothing found says so', async () => {
  const { page } = await open('/site/search.html?q=ZMD-JL-2026-015');
  expect(await hits(page)).toEqual(Array.from({ length: 10 }, (_, i) => `第三初级中学教学楼工程第${12 - i}号公告`));
  expect(await page.textContent('.search-hit .code')).toBe('ZMD-JL-2026-015');
  await page.close();
  const projects = await open('/site/search.html?q=ZMD-JL-2026-015&type=project');
  expect(await hits(projects.page)).toEqual(['驿城区第三初级中学教学楼工程监理']);
  await projects.page.close();
  const empty = await open(`/site/search.html?q=${encodeURIComponent('不存在的词语')}`);
  expect(await empty.page.textContent('.empty-state')).toContain('未找到与“不存在的词语”相关的内容。');
  await empty.page.screenshot({ path: path.join(ARTIFACTS, 'site-search-empty-desktop.png'), fullPage: true });
  await empty.page.close();
});

test('English and a narrow screen', async () => {
  const narrow = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-US' });
  const { page, errors } = await open('/site/search.html?q=%E7%9B%91%E7%90%86&locale=en', narrow);
  expect(await page.textContent('.result-count')).toBe('13 results for “监理”, page 1 of 2'); // the policy document has no English version
  expect(await page.getAttribute('.search-hit .result-title a', 'lang')).toBe('zh-Hans');
  // The narrow header keeps the box usable: it fits the screen.
  const box = await page.$eval('#site-search-q', (el) => el.getBoundingClientRect().right);
  expect(box).toBeLessThanOrEqual(390);
  await page.screenshot({ path: path.join(ARTIFACTS, 'site-search-results-mobile-en.png'), fullPage: true });
  expect(errors).toEqual([]);
  await narrow.close();
});

test('accessibility (axe-core): no serious or critical violation on the results and the empty page', async () => {
  const audited = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    bypassCSP: true,
    locale: 'zh-CN',
  });
  for (const url of [
    '/site/search.html?q=%E7%9B%91%E7%90%86',
    '/site/search.html?q=%E6%97%A0%E6%AD%A4',
    '/site/search.html',
  ]) {
    const { page } = await open(url, audited);
    await page.addScriptTag({ path: AXE });
    const violations: { id: string; impact: string }[] = await page.evaluate(async () => {
      const result = await (window as any).axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
        resultTypes: ['violations'],
      });
      return result.violations.map((v: any) => ({ id: v.id, impact: v.impact }));
    });
    expect([url, violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')]).toEqual([url, []]);
    expect(violations.map((v) => v.id)).not.toContain('landmark-unique');
    await page.close();
  }
  await audited.close();
});
