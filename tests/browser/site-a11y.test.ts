/**
 * The public site in Chromium: (1) rich-text bodies are rendered by markdown-it + DOMPurify, so the reviewers'
 * attribute-injection payload stays inert even with the CSP switched off, and GFM tables render; (2) axe-core finds
 * no serious or critical accessibility violation on any page type, the printable report included. Screenshots go to
 * tests/artifacts/.
 */
import fs from 'fs';
import path from 'path';
import type { AddressInfo } from 'net';
import request from 'supertest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Core } from '@strapi/strapi';
import { setupStrapi, teardownStrapi } from '../helpers/strapi';
import { creditCode } from '../helpers/records';

jest.setTimeout(240_000);

const ARTIFACTS = path.resolve(__dirname, '../artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const AXE = require.resolve('axe-core/axe.min.js');

/** The reviewers' payload (an image placeholder restored inside a link's href), and the style variant. */
const PAYLOAD = '[x](https://a/![i](x/autofocus/onfocus=window.__xss=77//))';
const STYLE_PAYLOAD = '[y](https://a/![i](x/style=position:fixed;inset:0;z-index:9;background:red//))';
const BODY = [
  '# 第一章 总则',
  '',
  `**第一条** 见 ${PAYLOAD} 与 ${STYLE_PAYLOAD}。`,
  '',
  '<img src=x onerror="window.__xss=1"> <svg onload="window.__xss=2"></svg> [z](javascript:window.__xss=3)',
  '',
  '## 中标候选人',
  '',
  '| 排名 | 中标候选人 | 投标报价（元） |',
  '|:--|:--|--:|',
  '| 1 | 河南第一建设集团有限公司 | 11,880,000.00 |',
  '| 2 | 河南第二建设集团有限公司 | ~~11,990,000.00~~ |',
].join('\n');

let strapi: Core.Strapi;
let base: string;
let browser: Browser;
const ids: Record<string, string> = {};

const docs = (uid: string) => strapi.documents(uid as any) as any;

async function seed() {
  const orgCode = creditCode();
  const org = await docs('api::organization.organization').create({
    data: {
      name: '驻马店市公共资源交易中心',
      shortName: '交易中心',
      creditCode: orgCode,
      kind: 'tradingCenter',
      displayOrder: 1,
    },
  });
  ids.org = org.documentId;

  const D = docs('api::policy-document.policy-document');
  const doc = await D.create({
    data: {
      title: '驻马店市公共资源交易管理办法',
      kind: 'regulation',
      issuingBody: '驻马店市人民政府',
      issuedOn: '2020-03-01',
      documentNumber: '驻马店市人民政府令第7号',
      summary: '规范公共资源交易活动。',
      body: BODY,
    },
  });
  await D.publish({ documentId: doc.documentId });
  ids.document = doc.documentId;

  const P = docs('api::transaction-project.transaction-project');
  const project = await P.create({
    data: {
      name: '驻马店市第一高级中学教学楼建设项目',
      category: 'construction',
      projectCode: 'ZMD-JS-2024-001',
      registeredOn: '2024-03-01',
      principal: '驻马店市教育局',
      method: 'openTender',
      budget: { amount: '12345678.90', unit: 'yuan' },
      keyTimes: {
        bidDeadline: '2024-03-26T01:30:00.000Z',
        bidOpeningAt: '2024-03-26T01:30:00.000Z',
        bidOpeningPlace: '开标一室',
      },
      candidates: [{ rank: 1, name: '河南第一建设集团有限公司', bidAmount: '11880000.00', bidUnit: 'yuan' }],
    },
  });
  await P.publish({ documentId: project.documentId });
  ids.project = project.documentId;
  const N = docs('api::transaction-notice.transaction-notice');
  const notice = await N.create({
    data: {
      project: project.documentId,
      title: '教学楼建设项目中标候选人公示',
      noticeType: 'candidatePublicity',
      releasedAt: '2024-03-28T02:00:00.000Z',
      publicityStart: '2024-03-28',
      publicityEnd: '2024-03-31',
      body: BODY,
    },
  });
  await N.publish({ documentId: notice.documentId });
  ids.notice = notice.documentId;

  const C = docs('api::ca-provider.ca-provider');
  const ca = await C.create({
    data: {
      name: '河南省数字证书有限责任公司',
      shortName: '河南CA',
      website: 'https://www.hnca.com.cn',
      hotline: '0371-96568',
      provinceWide: true,
      displayOrder: 1,
      fees: [{ item: '新办证书（含介质）', price: '300', unit: '套/年', note: '含USB Key' }],
      addresses: [
        {
          name: '驻马店服务点',
          address: '驻马店市驿城区雪松大道公共资源交易中心一楼',
          phone: '0396-2688888',
          hours: '工作日 8:30–17:30',
        },
      ],
      steps: [{ order: 1, title: '网上申请', materials: '营业执照副本复印件\n法定代表人身份证复印件' }],
    },
  });
  await C.publish({ documentId: ca.documentId });

  // The annual report, computed and published by the disclosure plugin (its narratives in simple HTML).
  const service = strapi.plugin('disclosure').service('report');
  const report = await service.compute(org.documentId, 2024);
  await docs('api::annual-report.annual-report').update({
    documentId: report.documentId,
    locale: 'zh-Hans',
    data: {
      overview:
        '<p>本中心坚持以公开为常态、<strong>不公开为例外</strong>。</p><p onclick="window.__xss=4" style="color:red">全年及时发布交易公告。</p><img src=x onerror="window.__xss=5">',
      problems: '公开内容的深度有待加强。',
      otherMatters: '本年度未收取信息处理费。',
    },
  });
  const view = await service.view(org.documentId, 2024);
  if (view.needsAcknowledgement) await service.acknowledge(report.documentId, { id: 1, firstname: 'Test' });
  await service.publish(report.documentId);
  ids.report = report.documentId;
}

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  strapi = await setupStrapi();
  await new Promise<void>((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(strapi.server.httpServer.address() as AddressInfo).port}`;
  await seed();
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
});

afterAll(async () => {
  await browser?.close();
  strapi?.server.httpServer.closeAllConnections?.();
  await teardownStrapi();
});

/** Opens a page and waits until the site's sections have loaded; collects script errors and CSP violations. */
async function open(context: BrowserContext, url: string, { site = true } = {}) {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => {
    (window as any).__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as any).__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto(base + url);
  await page.waitForLoadState('domcontentloaded');
  if (site) {
    await page.waitForFunction(
      () =>
        !!document.querySelector('#site-header nav') &&
        !document.querySelector('[aria-busy="true"]') &&
        !document.querySelector('main .loading'),
    );
  }
  return { page, errors };
}

describe('Markdown bodies on the site', () => {
  let noCsp: BrowserContext;
  let withCsp: BrowserContext;
  beforeAll(async () => {
    // Without the CSP: what stops the payload must be the renderer, not script-src-attr 'none'.
    noCsp = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    withCsp = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => {
    await noCsp?.close();
    await withCsp?.close();
  });

  async function expectInertBody(page: Page) {
    const prose = page.locator('.prose');
    await prose.waitFor();
    // Focus every link and move the mouse over it: an injected onfocus/onmouseover would run now. (Events, not a
    // real hover: an injected style may cover the page and take the pointer.)
    for (const link of await prose.locator('a').all()) {
      await link.focus();
      await link.dispatchEvent('mouseover');
    }
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as any).__xss)).toBeUndefined();
    const injected = await page.evaluate(() =>
      Array.from(document.querySelectorAll('main *')).flatMap((el) =>
        Array.from(el.attributes)
          .filter(
            (a) =>
              /^on/i.test(a.name) ||
              ['autofocus', 'style'].includes(a.name.toLowerCase()) ||
              /javascript:/i.test(a.value),
          )
          .map((a) => `${el.tagName} ${a.name}=${a.value}`),
      ),
    );
    expect(injected).toEqual([]);
    expect(await prose.locator('img, svg, script').count()).toBe(0);
    // The payload is one ordinary link whose address holds the text.
    expect(await prose.locator('a', { hasText: /^x$/ }).getAttribute('href')).toBe(
      'https://a/!%5Bi%5D(x/autofocus/onfocus=window.__xss=77//)',
    );
    expect(await prose.locator('a', { hasText: /^x$/ }).getAttribute('rel')).toBe('noopener noreferrer');
    expect(await prose.locator('a', { hasText: /^z$/ }).count()).toBe(0);
    // Raw HTML shows as text.
    expect(await prose.innerText()).toContain('<img src=x onerror="window.__xss=1">');
    // The GFM table.
    expect(await prose.locator('table thead th').allInnerTexts()).toEqual(['排名', '中标候选人', '投标报价（元）']);
    expect(await prose.locator('table thead th[scope="col"]').count()).toBe(3);
    expect(await prose.locator('table tbody tr').count()).toBe(2);
    expect(await prose.locator('table tbody tr').nth(0).locator('td').allInnerTexts()).toEqual([
      '1',
      '河南第一建设集团有限公司',
      '11,880,000.00',
    ]);
    expect(await prose.locator('table tbody td s').innerText()).toBe('11,990,000.00');
    // "--:" right-aligns the amounts, through a class (no style attribute).
    expect(
      await prose
        .locator('table tbody td')
        .nth(2)
        .evaluate((el) => getComputedStyle(el).textAlign),
    ).toBe('right');
    expect(await prose.innerText()).not.toContain('|');
    // "#" then "##": shifted under the page's h1.
    expect(await prose.locator('h2').allInnerTexts()).toEqual(['第一章 总则']);
    expect(await prose.locator('h3').allInnerTexts()).toEqual(['中标候选人']);
  }

  it('a published policy document holding the payload and a table: the table renders, nothing runs (CSP off)', async () => {
    const { page, errors } = await open(noCsp, `/site/document.html?id=${ids.document}`);
    expect(errors).toEqual([]);
    await expectInertBody(page);
    await page.screenshot({ path: path.join(ARTIFACTS, 'site-markdown-document-desktop.png'), fullPage: true });
    await page.close();
  });

  it('a published notice holding the same body, with the real CSP: the vendor modules load without any violation', async () => {
    const { page, errors } = await open(withCsp, `/site/notice.html?id=${ids.notice}`);
    expect(errors).toEqual([]);
    await expectInertBody(page);
    expect(await page.evaluate(() => (window as any).__cspViolations)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'site-markdown-notice-desktop.png'), fullPage: true });
    await page.close();
  });

  it("a report's narrative in simple HTML keeps its tags and loses its attributes (CSP off)", async () => {
    const { page, errors } = await open(noCsp, `/site/report.html?id=${ids.report}`);
    expect(errors).toEqual([]);
    const overview = page.locator('#section-overview .narrative');
    expect(await overview.innerHTML()).toBe(
      '<p>本中心坚持以公开为常态、<strong>不公开为例外</strong>。</p><p>全年及时发布交易公告。</p>',
    );
    await page.locator('#section-overview p').nth(1).click();
    expect(await page.evaluate(() => (window as any).__xss)).toBeUndefined();
    await page.close();
  });

  it('serves exactly the two vendor modules as JavaScript with a long cache and revalidation', async () => {
    for (const file of ['markdown-it.mjs', 'purify.mjs']) {
      const res = await fetch(`${base}/site/vendor/${file}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('public, max-age=604800');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      const text = await res.text();
      expect(text).toMatch(/export\s*\{[^}]*\bdefault\b/);
      expect(text).not.toMatch(/sourceMappingURL/);
      // As a browser revalidates (fetch() would add "Cache-Control: no-cache", which rightly forbids a 304).
      const again = await request(strapi.server.httpServer)
        .get(`/site/vendor/${file}`)
        .set('If-None-Match', res.headers.get('etag')!);
      expect(again.status).toBe(304);
    }
    for (const other of [
      '/site/vendor/',
      '/site/vendor/purify.js',
      '/site/vendor/../../package.json',
      '/site/vendor/markdown-it.mjs.map',
    ]) {
      expect((await fetch(`${base}${other}`)).status).toBe(404);
    }
  });
});

type Violation = { id: string; impact: string; help: string; nodes: Array<{ target: string[] }> };

/** Runs axe-core (WCAG 2.x A/AA and best practices) on the page as it is now. */
async function audit(page: Page): Promise<Violation[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const result = await (window as any).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n: any) => ({ target: n.target })),
    }));
  });
}

const serious = (violations: Violation[]) =>
  violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    // One short line per violation (a long string would make Jest's diff crawl).
    .map((v) => `${v.impact} ${v.id}: ${v.help} @ ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

describe('accessibility (axe-core): no serious or critical violation on any page type', () => {
  let context: BrowserContext;
  // The CSP forbids inline scripts, which is how addScriptTag injects axe: bypassed for the audit only.
  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true, locale: 'zh-CN' });
  });
  afterAll(async () => context?.close());

  // Three values in every row: a missing one would make Jest pass its done callback in its place.
  const pages: Array<[string, () => string, { site: boolean }]> = [
    ['home', () => '/index.html', { site: true }],
    ['notices', () => '/site/notices.html', { site: true }],
    ['notice', () => `/site/notice.html?id=${ids.notice}`, { site: true }],
    ['project', () => `/site/project.html?id=${ids.project}`, { site: true }],
    ['documents', () => '/site/documents.html', { site: true }],
    ['document', () => `/site/document.html?id=${ids.document}`, { site: true }],
    ['document-en', () => `/site/document.html?id=${ids.document}&locale=en`, { site: true }],
    ['ca', () => '/site/ca.html', { site: true }],
    ['reports', () => '/site/reports.html', { site: true }],
    ['report', () => `/site/report.html?id=${ids.report}`, { site: true }],
    ['apply', () => '/site/apply.html', { site: true }],
    ['report-printable', () => `/api/disclosure/reports/${ids.report}/html?locale=zh-Hans`, { site: false }],
  ];

  it.each(pages)('%s', async (name, url, options) => {
    const { page, errors } = await open(context, url(), options);
    expect(errors).toEqual([]);
    const violations = await audit(page);
    await page.screenshot({ path: path.join(ARTIFACTS, `site-a11y-${name}-desktop.png`), fullPage: true });
    await page.close();
    expect(serious(violations)).toEqual([]);
    // Was moderate on the report page (two landmarks named alike): fixed, kept fixed.
    expect(violations.map((v) => v.id)).not.toContain('landmark-unique');
  });

  it('the audit itself finds what it should: an image without alt text and an unlabelled field on a page', async () => {
    const { page } = await open(context, '/index.html');
    await page.evaluate(() => {
      const main = document.querySelector('main')!;
      main.insertAdjacentHTML('beforeend', '<img src="/favicon.png"><input type="text">');
    });
    const found = serious(await audit(page));
    expect(found.map((v) => v.split(':')[0])).toEqual(expect.arrayContaining(['critical image-alt', 'critical label']));
    await page.close();
  });

  it('every header cell of the report tables says what it heads, and every table has a caption (site and printable)', async () => {
    for (const url of [
      `/site/report.html?id=${ids.report}`,
      `/api/disclosure/reports/${ids.report}/html?locale=zh-Hans`,
    ]) {
      const { page } = await open(context, url, { site: url.startsWith('/site/') });
      const counts = await page.evaluate(() => ({
        tables: document.querySelectorAll('table.report-table').length,
        captions: document.querySelectorAll('table.report-table > caption').length,
        th: document.querySelectorAll('table.report-table th').length,
        scoped: document.querySelectorAll(
          'table.report-table th[scope="col"], table.report-table th[scope="row"], table.report-table th[scope="colgroup"], table.report-table th[scope="rowgroup"]',
        ).length,
        // A colgroup scope is valid only for a header anchored in a <colgroup>.
        strayColgroup: Array.from(document.querySelectorAll('table.report-table th[scope="colgroup"]')).filter(
          (th) => !th.closest('table')!.querySelector('colgroup'),
        ).length,
      }));
      expect(counts.tables).toBeGreaterThanOrEqual(6);
      expect(counts.captions).toBe(counts.tables);
      expect(counts.th).toBeGreaterThan(70);
      expect(counts.scoped).toBe(counts.th);
      expect(counts.strayColgroup).toBe(0);
      await page.close();
    }
  });
});
