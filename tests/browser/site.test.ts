/**
 * The public site (public/) in Chromium against the real app: records written through the Document Service, pages
 * read through the public content API without a token. Each page type, filters, pagination, drafts, the report's
 * national layout, the application forms and the error states; screenshots go to tests/artifacts/.
 */
import fs from 'fs';
import path from 'path';
import type { AddressInfo } from 'net';
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';
import type { Core } from '@strapi/strapi';
import { setupStrapi, teardownStrapi } from '../helpers/strapi';
import { creditCode } from '../helpers/records';

jest.setTimeout(240_000);

const ARTIFACTS = path.resolve(__dirname, '../artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const DESKTOP = { viewport: { width: 1280, height: 900 } };
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

let strapi: Core.Strapi;
let base: string;
let browser: Browser;
let desktop: BrowserContext;
let phone: BrowserContext;

/** What the seed created, by role in the tests. */
const ids: Record<string, string> = {};

const docs = (uid: string) => strapi.documents(uid as any) as any;

async function seed() {
  const O = docs('api::organization.organization');
  const orgCode = creditCode();
  const org = await O.create({
    data: {
      name: '驻马店市公共资源交易中心',
      shortName: '交易中心',
      creditCode: orgCode,
      kind: 'tradingCenter',
      displayOrder: 1,
    },
  });
  await O.update({
    documentId: org.documentId,
    locale: 'en',
    data: { name: 'Zhumadian Public Resource Trading Center', creditCode: orgCode, kind: 'tradingCenter' },
  });
  ids.org = org.documentId;

  const D = docs('api::policy-document.policy-document');
  const publish = async (doc: any, locale?: string) =>
    D.publish({ documentId: doc.documentId, ...(locale ? { locale } : {}) });
  // Twelve published documents: two pages of ten.
  for (let i = 1; i <= 9; i++) {
    await publish(
      await D.create({
        data: {
          title: `关于规范公共资源交易活动的通知（第${i}号）`,
          kind: 'normative',
          issuingBody: '驻马店市人民政府办公室',
          issuedOn: `2022-0${i}-10`,
          documentNumber: `驻政办〔2022〕${i}号`,
        },
      }),
    );
  }
  const regulation = await D.create({
    data: {
      title: '驻马店市公共资源交易管理办法',
      kind: 'regulation',
      issuingBody: '驻马店市人民政府',
      issuedOn: '2020-03-01',
      documentNumber: '驻马店市人民政府令第7号',
      repealedOn: '2023-12-31',
      summary: '规范公共资源交易活动。',
      body: '# 第一章 总则\n\n**第一条** 为了规范公共资源交易活动，制定本办法。\n\n- 工程建设\n- 政府采购',
    },
  });
  await publish(regulation);
  await D.update({
    documentId: regulation.documentId,
    locale: 'en',
    data: {
      title: 'Measures of Zhumadian on Public Resource Trading',
      issuingBody: 'Zhumadian Municipal Government',
      summary: 'Regulates public resource trading.',
    },
  });
  await publish(regulation, 'en');
  ids.regulation = regulation.documentId;
  const future = await D.create({
    data: {
      title: '关于电子招标投标的实施意见',
      kind: 'other',
      issuingBody: '驻马店市公共资源交易中心',
      issuedOn: '2024-12-01',
      effectiveOn: '2099-01-01',
    },
  });
  await publish(future);
  ids.future = future.documentId;
  const last = await D.create({
    data: { title: '公共资源交易目录', kind: 'other', issuingBody: '驻马店市人民政府办公室', issuedOn: '2021-06-01' },
  });
  await publish(last);
  ids.zhOnly = last.documentId;
  const draft = await D.create({
    data: {
      title: '草稿：尚未发布的专家管理办法',
      kind: 'normative',
      issuingBody: '驻马店市公共资源交易中心',
      issuedOn: '2024-05-01',
      documentNumber: '驻交易〔2024〕9号',
    },
  });
  ids.draftDocument = draft.documentId;

  const P = docs('api::transaction-project.transaction-project');
  const N = docs('api::transaction-notice.transaction-notice');
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
  const notice = async (data: Record<string, unknown>, published = true) => {
    const n = await N.create({
      data: { project: project.documentId, body: '## 一、项目概况\n\n本项目已具备招标条件。', ...data },
    });
    if (published) await N.publish({ documentId: n.documentId });
    return n.documentId as string;
  };
  ids.tenderNotice = await notice({
    title: '教学楼建设项目招标公告',
    noticeType: 'tenderNotice',
    releasedAt: '2024-03-04T02:00:00.000Z',
  });
  ids.candidates = await notice({
    title: '教学楼建设项目中标候选人公示',
    noticeType: 'candidatePublicity',
    releasedAt: '2024-03-28T02:00:00.000Z',
    publicityStart: '2024-03-28',
    publicityEnd: '2024-03-31',
  });
  ids.draftNotice = await notice(
    { title: '教学楼建设项目中标结果公告', noticeType: 'awardResult', releasedAt: '2024-04-02T02:00:00.000Z' },
    false,
  );

  const procurement = await P.create({
    data: {
      name: '办公设备采购项目',
      category: 'procurement',
      projectCode: 'ZMD-CG-2024-018',
      registeredOn: '2024-04-01',
      principal: '驻马店市政务服务和大数据管理局',
      method: 'inquiry',
    },
  });
  await P.publish({ documentId: procurement.documentId });
  const pn = await N.create({
    data: {
      project: procurement.documentId,
      title: '办公设备采购项目采购公告',
      noticeType: 'procurementNotice',
      releasedAt: '2024-04-03T02:00:00.000Z',
    },
  });
  await N.publish({ documentId: pn.documentId });

  const C = docs('api::ca-provider.ca-provider');
  const ca = await C.create({
    data: {
      name: '河南省数字证书有限责任公司',
      shortName: '河南CA',
      website: 'https://www.hnca.com.cn',
      hotline: '0371-96568',
      provinceWide: true,
      displayOrder: 1,
      fees: [
        { item: '新办证书（含介质）', price: '300', unit: '套/年', note: '含USB Key' },
        { item: '证书续期', price: '200', unit: '年' },
      ],
      addresses: [
        {
          name: '驻马店服务点',
          address: '驻马店市驿城区雪松大道公共资源交易中心一楼',
          phone: '0396-2688888',
          hours: '工作日 8:30–17:30',
        },
      ],
      steps: [
        { order: 2, title: '现场审核', description: '携带材料到服务点。' },
        { order: 1, title: '网上申请', materials: '营业执照副本复印件\n法定代表人身份证复印件' },
      ],
    },
  });
  await C.publish({ documentId: ca.documentId });

  // The annual report, computed and published by the disclosure plugin.
  const service = strapi.plugin('disclosure').service('report');
  const draftReport = await service.compute(org.documentId, 2024);
  await docs('api::annual-report.annual-report').update({
    documentId: draftReport.documentId,
    locale: 'zh-Hans',
    data: {
      overview: '本中心坚持以公开为常态、不公开为例外。\n\n全年及时发布交易公告。',
      problems: '公开内容的深度有待加强。',
      otherMatters: '本年度未收取信息处理费。',
    },
  });
  const view = await service.view(org.documentId, 2024);
  if (view.needsAcknowledgement) await service.acknowledge(draftReport.documentId, { id: 1, firstname: 'Test' });
  await service.publish(draftReport.documentId);
  ids.report = draftReport.documentId;
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
  desktop = await browser.newContext(DESKTOP);
  phone = await browser.newContext(PHONE);
});

afterAll(async () => {
  await browser?.close();
  strapi?.server.httpServer.closeAllConnections?.();
  await teardownStrapi();
});

type Visit = { page: Page; api: URL[]; errors: string[] };

/** Opens a site page and waits until no section is loading; records its content-API requests and script errors. */
async function visit(
  url: string,
  context: BrowserContext = desktop,
  prepare?: (page: Page) => Promise<void>,
): Promise<Visit> {
  const page = await context.newPage();
  const api: URL[] = [];
  const errors: string[] = [];
  page.on('request', (r: Request) => {
    const u = new URL(r.url());
    // The footer's request for the site's host organization (chrome.js) is made on every page: not a list of the page.
    if (u.pathname.startsWith('/api/') && ![...u.searchParams.values()].includes('isSiteHost')) api.push(u);
  });
  page.on('pageerror', (e) => errors.push(e.message));
  if (prepare) await prepare(page);
  await page.goto(base + url);
  await settle(page);
  return { page, api, errors };
}

async function settle(page: Page) {
  await page.waitForLoadState('domcontentloaded');
  await page.waitForFunction(
    () =>
      !!document.querySelector('#site-header nav') &&
      !document.querySelector('[aria-busy="true"]') &&
      !document.querySelector('main .loading'),
  );
}

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: path.join(ARTIFACTS, `site-${name}.png`), fullPage: true });
}

/** Both viewports: the page renders on a phone too, with no horizontal scroll of the page itself. */
async function shootBoth(url: string, name: string) {
  const d = await visit(url, desktop);
  await shoot(d.page, `${name}-desktop`);
  await d.page.close();
  const p = await visit(url, phone);
  await shoot(p.page, `${name}-phone`);
  const overflow = await p.page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(1);
  await p.page.close();
}

const texts = (page: Page, selector: string) => page.locator(selector).allInnerTexts();
const listParams = (u: URL) => [...u.searchParams.keys()];

describe('home', () => {
  it('shows the columns, the latest notices and documents, and the latest report, one request per list', async () => {
    const { page, api, errors } = await visit('/index.html');
    expect(errors).toEqual([]);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-Hans');
    expect(await texts(page, '.column-card h2')).toEqual(['政务公开', '交易信息', 'CA证书', '年度报告']);
    const notices = await texts(page, '[aria-labelledby="latest-notices"] .link-list a');
    expect(notices[0]).toBe('办公设备采购项目采购公告');
    expect(notices).not.toContain('教学楼建设项目中标结果公告');
    expect(await texts(page, '[aria-labelledby="latest-documents"] .link-list a')).toContain(
      '关于电子招标投标的实施意见',
    );
    expect(await page.locator('[aria-labelledby="latest-report"] a[href*="report.html"]').count()).toBe(1);
    const lists = api.map((u) => u.pathname);
    expect(lists.sort()).toEqual(['/api/disclosure/reports', '/api/policy-documents', '/api/transaction-notices']);
    for (const u of api.filter((x) => !x.pathname.includes('disclosure'))) {
      expect(listParams(u)).toEqual(
        expect.arrayContaining(['fields[0]', 'sort[0]', 'pagination[page]', 'pagination[pageSize]']),
      );
      expect(u.search).not.toContain('populate=*');
    }
    await page.close();
    await shootBoth('/index.html', 'home');
  });

  it('is usable with the keyboard: the skip link comes first and moves focus to the main content', async () => {
    const { page } = await visit('/index.html');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).toBe('solid');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe('#main');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
    await page.close();
  });
});

describe('policy documents', () => {
  it('lists ten per page with one request, and pages on', async () => {
    const { page, api, errors } = await visit('/site/documents.html');
    expect(errors).toEqual([]);
    expect(api).toHaveLength(1);
    const q = api[0].searchParams;
    expect(api[0].pathname).toBe('/api/policy-documents');
    expect(q.get('pagination[page]')).toBe('1');
    expect(q.get('pagination[pageSize]')).toBe('10');
    expect(q.get('fields[0]')).toBe('title');
    expect(q.get('sort[0]')).toBe('issuedOn:desc');
    expect(await page.locator('.result').count()).toBe(10);
    expect(await page.locator('.result-count').innerText()).toContain('共 12 条');
    await page.locator('.pagination a', { hasText: '下一页' }).click();
    await settle(page);
    expect(page.url()).toContain('page=2');
    expect(await page.locator('.result').count()).toBe(2);
    expect(await page.locator('.pagination a[aria-current="page"]').innerText()).toBe('2');
    await shoot(page, 'documents-page2-desktop');
    await page.close();
    await shootBoth('/site/documents.html', 'documents');
  });

  it('filters by kind, validity, year and by title or 文号 through the form', async () => {
    const { page } = await visit('/site/documents.html');
    await page.selectOption('#kind', 'regulation');
    await page.click('.filters button[type="submit"]');
    await settle(page);
    expect(await texts(page, '.result-title')).toEqual(['驻马店市公共资源交易管理办法']);
    expect(await page.locator('.result .badge-repealed').innerText()).toBe('已废止');

    await page.goto(`${base}/site/documents.html?validity=notYetEffective`);
    await settle(page);
    expect(await texts(page, '.result-title')).toEqual(['关于电子招标投标的实施意见']);

    await page.goto(`${base}/site/documents.html?validity=inForce&year=2022`);
    await settle(page);
    expect(await page.locator('.result').count()).toBe(9);

    await page.fill('#q', '令第7号');
    await page.selectOption('#validity', '');
    await page.selectOption('#year', '');
    await page.press('#q', 'Enter');
    await settle(page);
    expect(await texts(page, '.result-title')).toEqual(['驻马店市公共资源交易管理办法']);
    const searched = new URL(page.url());
    expect(searched.searchParams.get('q')).toBe('令第7号');

    await page.goto(`${base}/site/documents.html?q=${encodeURIComponent('不存在的文件')}`);
    await settle(page);
    expect(await page.locator('.result-count').innerText()).toContain('没有符合条件的结果');
    await page.close();
  });

  it('hides a draft until it is published', async () => {
    const url = `/site/documents.html?q=${encodeURIComponent('驻交易〔2024〕9号')}`;
    const before = await visit(url);
    expect(await before.page.locator('.result').count()).toBe(0);
    await before.page.close();
    const direct = await visit(`/site/document.html?id=${ids.draftDocument}`);
    expect(await direct.page.locator('[role="alert"]').innerText()).toContain('未找到');
    await direct.page.close();

    await docs('api::policy-document.policy-document').publish({ documentId: ids.draftDocument });
    const after = await visit(url);
    expect(await texts(after.page, '.result-title')).toEqual(['草稿：尚未发布的专家管理办法']);
    await after.page.close();
    await docs('api::policy-document.policy-document').unpublish({ documentId: ids.draftDocument });
  });

  it('shows a document with its facts, validity and Markdown body, and switches to English', async () => {
    const { page, api } = await visit(`/site/document.html?id=${ids.regulation}`);
    expect(api).toHaveLength(1);
    expect(api[0].searchParams.get('populate[attachments][fields][0]')).toBe('name');
    expect(await page.locator('h1').innerText()).toBe('驻马店市公共资源交易管理办法');
    expect(await page.locator('.facts').innerText()).toContain('驻马店市人民政府令第7号');
    expect(await page.locator('.badge-repealed').count()).toBe(1);
    expect(await page.locator('.prose h2').innerText()).toBe('第一章 总则');
    expect(await page.locator('.prose strong').innerText()).toBe('第一条');
    await shoot(page, 'document-desktop');

    await page.click('.lang-switch');
    await settle(page);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('h1').innerText()).toBe('Measures of Zhumadian on Public Resource Trading');
    expect(await page.locator('.main-nav').innerText()).toContain('Government affairs');
    expect(await page.locator('.badge-repealed').innerText()).toBe('Repealed');
    await shoot(page, 'document-en-desktop');
    await page.close();
  });

  it('says so when a document has no English version, with a link to the Chinese one', async () => {
    const { page } = await visit(`/site/document.html?id=${ids.zhOnly}&locale=en`);
    const alert = page.locator('[role="alert"]');
    expect(await alert.innerText()).toContain('not available in English');
    await alert.locator('a[hreflang="zh-Hans"]').click();
    await settle(page);
    expect(await page.locator('h1').innerText()).toBe('公共资源交易目录');
    await page.close();
  });
});

describe('transaction notices', () => {
  it('filters by category through the project, by type and by date, with one request', async () => {
    const { page, api: all } = await visit('/site/notices.html');
    // One list request; the other fills the organization filter.
    expect(all.map((u) => u.pathname).sort()).toEqual(['/api/organizations', '/api/transaction-notices']);
    const api = all.filter((u) => u.pathname === '/api/transaction-notices');
    expect(api[0].searchParams.get('populate[project][fields][0]')).toBe('name');
    expect(await page.locator('.result').count()).toBe(3);
    expect(await texts(page, '.result-title')).not.toContain('教学楼建设项目中标结果公告');

    await page.selectOption('#category', 'procurement');
    await page.click('.filters button[type="submit"]');
    await settle(page);
    expect(new URL(page.url()).searchParams.get('category')).toBe('procurement');
    expect(await texts(page, '.result-title')).toEqual(['办公设备采购项目采购公告']);
    expect(await page.locator('h1').innerText()).toBe('政府采购');

    const filtered = await visit('/site/notices.html?category=construction&type=candidatePublicity');
    expect(
      filtered.api
        .find((u) => u.pathname === '/api/transaction-notices')!
        .searchParams.get('filters[project][category][$eq]'),
    ).toBe('construction');
    expect(await texts(filtered.page, '.result-title')).toEqual(['教学楼建设项目中标候选人公示']);
    await filtered.page.close();

    // Released 2024-03-04 10:00 in China: inside 03-04, outside from 03-05.
    const day = await visit('/site/notices.html?from=2024-03-04&to=2024-03-04');
    expect(await texts(day.page, '.result-title')).toEqual(['教学楼建设项目招标公告']);
    await day.page.close();
    const after = await visit('/site/notices.html?from=2024-03-05&category=construction');
    expect(await texts(after.page, '.result-title')).toEqual(['教学楼建设项目中标候选人公示']);
    await after.page.close();
    await page.close();
    await shootBoth('/site/notices.html?category=construction', 'notices');
  });

  it('narrows the notice types to the chosen category', async () => {
    const { page } = await visit('/site/notices.html');
    expect(await page.locator('#type option').count()).toBe(1 + 16);
    await page.selectOption('#category', 'stateProperty');
    expect(await page.locator('#type option').allInnerTexts()).toEqual(['全部', '挂牌披露', '交易结果公告']);
    await page.close();
  });

  it('shows a notice and leads to its project', async () => {
    const { page } = await visit(`/site/notice.html?id=${ids.candidates}`);
    expect(await page.locator('h1').innerText()).toBe('教学楼建设项目中标候选人公示');
    expect(await page.locator('.facts').innerText()).toContain('2024-03-28 10:00');
    expect(await page.locator('.prose h2').first().innerText()).toBe('一、项目概况');
    await shoot(page, 'notice-desktop');
    await page.locator('a.button', { hasText: '查看项目及交易流程' }).click();
    await settle(page);
    expect(page.url()).toContain(`project.html?id=${ids.project}`);
    await page.close();
  });
});

describe('project process (交易流程可视化)', () => {
  const statuses = (page: Page) =>
    page
      .locator('.timeline .step')
      .evaluateAll((els) => els.map((e) => [e.getAttribute('data-stage'), e.className.replace('step step-', '')]));

  it('shows stages done, current and to come, each linked to its published notices; a draft appears once published', async () => {
    const { page, api } = await visit(`/site/project.html?id=${ids.project}`);
    expect(api).toHaveLength(1);
    expect(api[0].pathname).toBe(`/api/transaction-projects/${ids.project}`);
    expect(await statuses(page)).toEqual([
      ['registered', 'done'],
      ['announced', 'done'],
      ['opened', 'done'],
      ['evaluated', 'done'],
      ['candidates', 'current'],
      ['result', 'upcoming'],
      ['contract', 'upcoming'],
    ]);
    expect(await page.locator('.step[aria-current="step"] .step-name').innerText()).toBe('候选人公示');
    const announced = page.locator('.step[data-stage="announced"] .step-notices a');
    expect(await announced.innerText()).toBe('教学楼建设项目招标公告');
    expect(await announced.getAttribute('href')).toContain(`notice.html?id=${ids.tenderNotice}`);
    expect(await page.locator('.timeline').innerText()).not.toContain('中标结果公告');
    expect(await page.locator('table caption').innerText()).toBe('中标候选人');
    expect(await page.locator('.facts').first().innerText()).toContain('12,345,678.90 元');
    await page.close();
    await shootBoth(`/site/project.html?id=${ids.project}`, 'project');

    await docs('api::transaction-notice.transaction-notice').publish({ documentId: ids.draftNotice });
    const after = await visit(`/site/project.html?id=${ids.project}`);
    expect((await statuses(after.page)).slice(4)).toEqual([
      ['candidates', 'done'],
      ['result', 'current'],
      ['contract', 'upcoming'],
    ]);
    expect(await after.page.locator('.step[data-stage="result"] .step-notices a').innerText()).toBe(
      '教学楼建设项目中标结果公告',
    );
    await after.page.close();
  });
});

describe('CA certificates', () => {
  it('shows each provider with its fees table, addresses and steps, from one request', async () => {
    const { page, api } = await visit('/site/ca.html');
    expect(api).toHaveLength(1);
    expect(api[0].searchParams.get('populate[fees][fields][0]')).toBe('item');
    expect(api[0].search).not.toContain('populate=*');
    expect(await page.locator('.provider h2').innerText()).toContain('河南省数字证书有限责任公司');
    expect(await page.locator('.provider h2 .badge').innerText()).toBe('全省互认');
    const fees = page.locator('table.fees');
    expect(await fees.locator('thead th[scope="col"]').allInnerTexts()).toEqual([
      '收费项目',
      '价格（元）',
      '计价单位',
      '说明',
    ]);
    expect(await fees.locator('tbody th[scope="row"]').allInnerTexts()).toEqual(['新办证书（含介质）', '证书续期']);
    expect(await page.locator('table.addresses').innerText()).toContain('0396-2688888');
    expect(await page.locator('.steps > li h4').allInnerTexts()).toEqual(['网上申请', '现场审核']);
    expect(await page.locator('.materials li').allInnerTexts()).toEqual([
      '营业执照副本复印件',
      '法定代表人身份证复印件',
    ]);
    await page.close();
    await shootBoth('/site/ca.html', 'ca');
  });
});

describe('annual reports', () => {
  it('lists published reports by organization and year', async () => {
    const { page, api } = await visit('/site/reports.html');
    expect(api.map((u) => u.pathname).sort()).toEqual(['/api/disclosure/reports', '/api/organizations']);
    expect(await page.locator('#organization option').allInnerTexts()).toEqual(['全部', '驻马店市公共资源交易中心']);
    expect(await texts(page, '.result-title')).toEqual(['驻马店市公共资源交易中心2024年政府信息公开工作年度报告']);
    await page.selectOption('#year', '2023');
    await page.click('.filters button[type="submit"]');
    await settle(page);
    expect(await page.locator('.result').count()).toBe(0);
    await page.goto(`${base}/site/reports.html?organization=${ids.org}&year=2024`);
    await settle(page);
    expect(await page.locator('.result').count()).toBe(1);
    await page.close();
    await shootBoth('/site/reports.html', 'reports');
  });

  it('shows the narrative and the three tables with the verbatim labels and merges of the national format', async () => {
    const { page, api, errors } = await visit(`/site/report.html?id=${ids.report}`);
    expect(errors).toEqual([]);
    expect(api.map((u) => u.pathname)).toEqual([`/api/disclosure/reports/${ids.report}`]);
    expect(await page.locator('h1').innerText()).toBe('驻马店市公共资源交易中心2024年政府信息公开工作年度报告');
    expect(await page.locator('.report-section h2').allInnerTexts()).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
    expect(await page.locator('#section-overview p').allInnerTexts()).toEqual([
      '本中心坚持以公开为常态、不公开为例外。',
      '全年及时发布交易公告。',
    ]);
    const body = await page.locator('article').innerText();
    for (const label of [
      '第二十条第（一）项',
      '第二十条第（五）项',
      '第二十条第（六）项',
      '第二十条第（八）项',
      '信息内容',
      '本年制发件数',
      '本年废止件数',
      '现行有效件数',
      '规章',
      '行政规范性文件',
      '本年处理决定数量',
      '行政许可',
      '行政处罚',
      '行政强制',
      '行政事业性收费',
      '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
      '申请人情况',
      '自然人',
      '法人或其他组织',
      '商业企业',
      '科研机构',
      '社会公益组织',
      '法律服务机构',
      '总计',
      '一、本年新收政府信息公开申请数量',
      '二、上年结转政府信息公开申请数量',
      '三、本年度办理结果',
      '（一）予以公开',
      '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
      '（三）不予公开',
      '1.属于国家秘密',
      '3.危及“三安全一稳定”',
      '8.属于行政查询事项',
      '（四）无法提供',
      '3.补正后申请内容仍不明确',
      '（五）不予处理',
      '5.要求行政机关确认或重新出具已获取信息',
      '（六）其他处理',
      '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
      '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
      '（七）总计',
      '四、结转下年度继续办理',
      '行政复议',
      '行政诉讼',
      '未经复议直接起诉',
      '复议后起诉',
      '结果维持',
      '结果纠正',
      '其他结果',
      '尚未审结',
    ]) {
      expect(body).toContain(label);
    }
    // Table 三: 3 header rows, 3 row-label columns, 25 rows of 7 values; the group labels span what is under them.
    const t3 = page.locator('#table-applications-main');
    expect(await t3.locator('thead tr').count()).toBe(3);
    expect(await t3.locator('tbody tr').count()).toBe(25);
    expect(await t3.locator('td[data-cell]').count()).toBe(25 * 7);
    expect(await t3.locator('th', { hasText: '三、本年度办理结果' }).getAttribute('rowspan')).toBe('22');
    expect(await t3.locator('th', { hasText: '（三）不予公开' }).getAttribute('rowspan')).toBe('8');
    expect(await t3.locator('th', { hasText: '法人或其他组织' }).getAttribute('colspan')).toBe('5');
    expect(await t3.locator('th', { hasText: '法人或其他组织' }).getAttribute('scope')).toBe('col');
    // Table 四: one row of 15 cells, no row label.
    const t4 = page.locator('#table-reviewsAndLawsuits-main');
    expect(await t4.locator('td[data-cell]').count()).toBe(15);
    expect(await t4.locator('tbody th').count()).toBe(0);
    expect(await t4.locator('td[data-cell]').allInnerTexts()).toEqual(Array(15).fill('0'));
    // The fee prints as the printable page prints it (one rule, fixed at publication): 0.0000, not 0.
    expect((await page.locator('td[data-cell="fee.amount"]').innerText()).trim()).toBe('0.0000');

    // The same grid as the plugin's printable page: header texts and spans, cell for cell.
    const shape = () =>
      Array.from(document.querySelectorAll('table.report-table')).map((t) =>
        Array.from(t.querySelectorAll('th')).map((th) => [
          th.textContent?.trim(),
          th.getAttribute('rowspan') ?? '1',
          th.getAttribute('colspan') ?? '1',
        ]),
      );
    const site = await page.evaluate(shape);
    const printable = await desktop.newPage();
    await printable.goto(`${base}/api/disclosure/reports/${ids.report}/html?locale=zh-Hans`);
    const national = await printable.evaluate(shape);
    await printable.close();
    expect(site.length).toBe(national.length);
    site.forEach((table, i) =>
      table.forEach((cell, j) => {
        if (cell[0]?.startsWith('本年收费金额')) expect(national[i][j][0]).toContain('本年收费金额');
        else expect(cell).toEqual(national[i][j]);
      }),
    );

    // Downloads answer.
    for (const kind of ['csv', 'xlsx', 'html']) {
      const href = await page.locator(`.downloads a[href*="/${kind}?"]`).getAttribute('href');
      const res = await page.request.get(base + href!);
      expect(res.status()).toBe(200);
    }
    await page.close();
    await shootBoth(`/site/report.html?id=${ids.report}`, 'report');
  });

  it('offers the Chinese version when the report has no English one', async () => {
    const { page } = await visit(`/site/report.html?id=${ids.report}&locale=en`);
    expect(await page.locator('[role="alert"]').innerText()).toContain('not available in English');
    await page.close();
  });
});

describe('applications (依申请公开)', () => {
  it('checks the status form before sending and explains 404, 429 and 400 answers', async () => {
    const { page } = await visit('/site/apply.html');
    expect(await page.locator('label[for="trackingNumber"]').count()).toBe(1);
    expect(await page.locator('label[for="queryCode"]').count()).toBe(1);
    // Empty: nothing is sent, each field says what is missing.
    const sent: string[] = [];
    page.on('request', (r) => r.method() === 'POST' && sent.push(r.url()));
    await page.click('#status-form button[type="submit"]');
    expect(sent).toEqual([]);
    expect(await page.locator('#trackingNumber').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#trackingNumber-error').innerText()).toContain('请填写申请编号');

    await page.route('**/api/disclosure/applications/status', (route) =>
      route.fulfill({
        status: 404,
        contentType: 'application/json',
        body: JSON.stringify({
          data: null,
          error: { status: 404, name: 'NotFoundError', message: 'No application matches', details: {} },
        }),
      }),
    );
    await page.fill('#trackingNumber', 'YSQ-20240101-0001');
    await page.fill('#queryCode', 'wrong');
    await page.click('#status-form button[type="submit"]');
    await expect(page.locator('.status-result [role="alert"]').innerText()).resolves.toContain(
      '未找到与该申请编号和查询码相符的申请',
    );

    await page.unroute('**/api/disclosure/applications/status');
    await page.route('**/api/disclosure/applications/status', (route) =>
      route.fulfill({
        status: 429,
        headers: { 'Retry-After': '60' },
        contentType: 'application/json',
        body: JSON.stringify({
          data: null,
          error: { status: 429, name: 'TooManyRequestsError', message: 'Too many requests', details: {} },
        }),
      }),
    );
    await page.click('#status-form button[type="submit"]');
    await expect(page.locator('.status-result [role="alert"]').innerText()).resolves.toContain('请在 60 秒后再试');

    await page.unroute('**/api/disclosure/applications/status');
    await page.route('**/api/disclosure/applications/status', (route) =>
      route.fulfill({
        status: 400,
        contentType: 'application/json',
        body: JSON.stringify({
          data: null,
          error: {
            status: 400,
            name: 'ValidationError',
            message: 'Invalid',
            details: { errors: [{ path: ['queryCode'], message: 'queryCode is required (请填写查询码)' }] },
          },
        }),
      }),
    );
    await page.click('#status-form button[type="submit"]');
    await page.waitForFunction(() => !!document.querySelector('#queryCode-error')?.textContent); // the answer is async
    expect(await page.locator('#queryCode-error').innerText()).toBe('请填写查询码');
    expect(await page.locator('#queryCode').getAttribute('aria-invalid')).toBe('true');
    await shoot(page, 'apply-errors-desktop');
    await page.close();
  });

  it('files an application online and finds its status with the tracking number and query code', async () => {
    const { page } = await visit('/site/apply.html');
    await page.waitForFunction(() => document.querySelectorAll('#organization option').length > 1);
    await page.selectOption('#applicantType', 'naturalPerson');
    await page.fill('#applicantName', '张三');
    await page.selectOption('#idType', 'passport');
    await page.fill('#idNumber', 'E12345678');
    await page.fill('#phone', '0396-1234567');
    await page.selectOption('#organization', ids.org);
    await page.fill('#requestedInformation', '请公开驻马店市第一高级中学教学楼建设项目的招标文件');
    await page.click('#apply-form button[type="submit"]');
    const card = page.locator('.apply-result [data-filed]');
    await card.waitFor();
    const [trackingNumber, queryCode] = await card.locator('code.secret').allInnerTexts();
    expect(trackingNumber).toMatch(/^[A-Z0-9][A-Z0-9-]+$/);
    await shoot(page, 'apply-filed-desktop');

    await page.fill('#trackingNumber', trackingNumber);
    await page.fill('#queryCode', queryCode);
    await page.click('#status-form button[type="submit"]');
    const status = page.locator('.status-result [data-status]');
    await status.waitFor();
    expect(await status.getAttribute('data-status')).toBe('received');
    expect(await status.innerText()).toContain(trackingNumber);
    await page.close();
    await shootBoth('/site/apply.html', 'apply');
  });
});

describe('API errors are shown, never a blank page', () => {
  const fail =
    (status: number, headers: Record<string, string> = {}) =>
    async (page: Page) =>
      page.route('**/api/**', (route) =>
        route.fulfill({
          status,
          headers,
          contentType: 'application/json',
          body: JSON.stringify({ data: null, error: { status, name: 'Error', message: 'failure', details: {} } }),
        }),
      );

  it.each([
    ['/site/documents.html', 500, '服务器出错'],
    ['/site/notices.html', 503, '服务器出错'],
    ['/site/ca.html', 429, '请求过于频繁'],
    [`/site/project.html?id=missing`, 404, '未找到所请求的内容'],
    ['/index.html', 500, '服务器出错'],
  ])('%s answering %i says "%s"', async (url, status, message) => {
    const { page } = await visit(url, desktop, fail(status));
    const alerts = await page.locator('main [role="alert"]').allInnerTexts();
    expect(alerts.length).toBeGreaterThan(0);
    for (const text of alerts) expect(text).toContain(message);
    expect(await page.locator('h1').count()).toBeGreaterThan(0);
    if (url === '/site/documents.html') await shoot(page, 'error-500-desktop');
    await page.close();
  });

  it('says the server cannot be reached when the network fails, and retries', async () => {
    let down = true;
    const { page } = await visit('/site/documents.html', desktop, async (p) =>
      p.route('**/api/policy-documents**', (route) => (down ? route.abort('connectionrefused') : route.continue())),
    );
    expect(await page.locator('main [role="alert"]').innerText()).toContain('无法连接服务器');
    down = false;
    await page.locator('main [role="alert"] button').click();
    await settle(page);
    expect(await page.locator('.result').count()).toBe(10);
    await page.close();
  });

  it('a real 404 from the API for an unknown document', async () => {
    const { page } = await visit('/site/document.html?id=doesnotexist123');
    expect(await page.locator('[role="alert"]').innerText()).toContain('未找到所请求的内容');
    await shoot(page, 'error-404-desktop');
    await page.close();
  });
});
