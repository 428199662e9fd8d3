/**
 * The public site's pages for citizens and bidders (issue 13, items 7, 9, 10) in Chromium against the real app: the
 * 404 page, the footer with the host organization, the disclosure guide, annual reports grouped by organization and
 * year, the printable receipt after filing, the "open now" notices filter and a notice showing its project's deadline,
 * candidates and winner. Screenshots go to tests/artifacts/site-*.png.
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

let strapi: Core.Strapi;
let base: string;
let browser: Browser;
let desktop: BrowserContext;
const ids: Record<string, string> = {};
const docs = (uid: string) => strapi.documents(uid as any) as any;

async function publishReport(org: string, year: number) {
  const service = strapi.plugin('disclosure').service('report');
  const draft = await service.compute(org, year);
  // Sections 一, 五 and 六 must be written before a report is published.
  await docs('api::annual-report.annual-report').update({
    documentId: draft.documentId,
    locale: 'zh-Hans',
    data: { overview: '总体情况。', problems: '存在的问题。', otherMatters: '无' },
  });
  const view = await service.view(org, year);
  if (view.needsAcknowledgement) await service.acknowledge(draft.documentId, { id: 1, firstname: 'Test' });
  await service.publish(draft.documentId);
}

async function seed() {
  const O = docs('api::organization.organization');
  const host = await O.create({
    data: {
      name: '驻马店市公共资源交易中心',
      creditCode: creditCode(),
      kind: 'tradingCenter',
      displayOrder: 2,
      isSiteHost: true,
      address: '驻马店市驿城区开源大道1号',
      postcode: '463000',
      phone: '0396-2688888',
      email: 'ggzy@example.gov.cn',
      workingHours: '工作日 8:30—12:00，14:30—17:30',
      siteCode: '4117000001',
      icpNumber: '豫ICP备12345678号',
      publicSecurityNumber: '豫公网安备41170202000123号',
    },
  });
  const branch = await O.create({
    data: { name: '西平分中心', creditCode: creditCode(), kind: 'districtBranch', displayOrder: 1 },
  });
  ids.host = host.documentId;
  ids.branch = branch.documentId;

  const G = docs('api::disclosure-guide.disclosure-guide');
  const guide = await G.create({
    locale: 'zh-Hans',
    data: {
      title: '政府信息公开指南',
      body: '## 一、申请方式\n\n1. 在线申请：通过本网站“依申请公开”栏目提交。\n2. 信函申请。\n\n## 二、答复期限\n\n自收到申请之日起20个工作日内答复。',
      fees: '不收取费用。申请数量明显超过合理范围的，依法收取信息处理费。',
      acceptingOffice: '驻马店市公共资源交易中心办公室',
      fax: '0396-2688889',
      organization: { documentId: host.documentId, locale: 'zh-Hans' },
    },
  });
  await G.publish({ documentId: guide.documentId, locale: 'zh-Hans' });

  const P = docs('api::transaction-project.transaction-project');
  const N = docs('api::transaction-notice.transaction-notice');
  const open = await P.create({
    data: {
      name: '驿城区道路改造工程',
      category: 'construction',
      projectCode: 'ZMD-JS-2099-001',
      registeredOn: '2024-03-01',
      principal: '驿城区住建局',
      method: 'openTender',
      region: '驿城区',
      organization: host.documentId,
      keyTimes: {
        bidDeadline: '2099-01-10T01:30:00.000Z',
        bidOpeningAt: '2099-01-10T01:30:00.000Z',
        bidOpeningPlace: '开标一室',
      },
    },
  });
  await P.publish({ documentId: open.documentId });
  const closed = await P.create({
    data: {
      name: '西平县学校建设项目',
      category: 'construction',
      projectCode: 'ZMD-JS-2024-002',
      registeredOn: '2024-03-01',
      principal: '西平县教育局',
      method: 'openTender',
      region: '西平县',
      organization: branch.documentId,
      keyTimes: { bidDeadline: '2024-03-26T01:30:00.000Z' },
      candidates: [
        { rank: 2, name: '河南第二建设有限公司', bidAmount: '12100000.00', bidUnit: 'yuan' },
        { rank: 1, name: '河南第一建设集团有限公司', bidAmount: '11880000.00', bidUnit: 'yuan' },
      ],
      winner: '河南第一建设集团有限公司',
      winningAmount: { amount: '11880000.00', unit: 'yuan' },
    },
  });
  await P.publish({ documentId: closed.documentId });
  const notice = async (project: string, data: Record<string, unknown>) => {
    const n = await N.create({ data: { project, body: '## 一、项目概况\n\n详见附件。', ...data } });
    await N.publish({ documentId: n.documentId });
    return n.documentId as string;
  };
  ids.openNotice = await notice(open.documentId, {
    title: '驿城区道路改造工程招标公告',
    noticeType: 'tenderNotice',
    releasedAt: '2024-12-01T02:00:00.000Z',
  });
  ids.closedNotice = await notice(closed.documentId, {
    title: '西平县学校建设项目招标公告',
    noticeType: 'tenderNotice',
    releasedAt: '2024-03-04T02:00:00.000Z',
  });
  ids.candidates = await notice(closed.documentId, {
    title: '西平县学校建设项目中标候选人公示',
    noticeType: 'candidatePublicity',
    releasedAt: '2024-03-28T02:00:00.000Z',
  });
  ids.award = await notice(closed.documentId, {
    title: '西平县学校建设项目中标结果公告',
    noticeType: 'awardResult',
    releasedAt: '2024-04-08T02:00:00.000Z',
  });

  await publishReport(host.documentId, 2023);
  await publishReport(host.documentId, 2024);
  await publishReport(branch.documentId, 2024);
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
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  desktop = await browser.newContext({ viewport: { width: 1280, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  strapi?.server.httpServer.closeAllConnections?.();
  await teardownStrapi();
});

type Visit = { page: Page; api: URL[]; errors: string[]; status: number | undefined };

async function visit(url: string): Promise<Visit> {
  const page = await desktop.newPage();
  const api: URL[] = [];
  const errors: string[] = [];
  page.on('request', (r: Request) => {
    const u = new URL(r.url());
    if (u.pathname.startsWith('/api/')) api.push(u);
  });
  page.on('pageerror', (e) => errors.push(e.message));
  const response = await page.goto(base + url);
  await settle(page);
  return { page, api, errors, status: response?.status() };
}

async function settle(page: Page) {
  await page.waitForLoadState('domcontentloaded');
  await page.waitForFunction(
    () =>
      !!document.querySelector('#site-header nav') &&
      !document.querySelector('[aria-busy="true"]') &&
      !document.querySelector('main .loading'),
  );
  await page.waitForFunction(() => !!document.querySelector('[data-site-host] p'));
}

const shoot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(ARTIFACTS, `site-${name}.png`), fullPage: true });
const texts = (page: Page, selector: string) => page.locator(selector).allInnerTexts();

describe('404 and footer', () => {
  it('answers an unknown page with the site 404 page, its navigation and the footer of the host organization', async () => {
    const { page, status, errors } = await visit('/site/nope.html');
    expect(status).toBe(404);
    expect(errors).toEqual([]);
    expect(await page.locator('h1').innerText()).toBe('页面不存在');
    expect(await page.locator('main a[href="/site/notices.html"]').count()).toBe(1);
    const footer = await page.locator('#site-footer').innerText();
    expect(footer).toContain('主办单位：驻马店市公共资源交易中心');
    expect(footer).toContain('网站标识码：4117000001');
    expect(footer).toContain('豫ICP备12345678号');
    expect(footer).toContain('豫公网安备41170202000123号');
    expect(footer).toContain('电话：0396-2688888');
    expect(await page.locator('#site-footer a[href="https://beian.miit.gov.cn/"]').count()).toBe(1);
    expect(await page.locator('#site-footer a[href="/feeds/notices.atom"]').count()).toBe(1);
    expect(await page.locator('head link[rel="alternate"][type="application/atom+xml"]').count()).toBe(2);
    await shoot(page, '404');
    await page.close();

    const deep = await visit('/nope/deeper/page');
    expect(deep.status).toBe(404);
    expect(await deep.page.locator('h1').innerText()).toBe('页面不存在');
    await deep.page.close();
  });
});

describe('disclosure guide', () => {
  it('shows the published guide with how to apply, fees, the accepting office and its contacts', async () => {
    const { page, errors } = await visit('/site/guide.html');
    expect(errors).toEqual([]);
    expect(await page.locator('h1').innerText()).toBe('政府信息公开指南');
    expect(await texts(page, 'main h2')).toEqual(['一、申请方式', '二、答复期限', '受理机构与联系方式', '收费']);
    const contacts = await page.locator('[data-guide-contacts]').innerText();
    expect(contacts).toContain('驻马店市公共资源交易中心办公室');
    expect(contacts).toContain('0396-2688889'); // the guide's own fax
    expect(contacts).toContain('0396-2688888'); // the phone the guide leaves to the organization
    expect(contacts).toContain('工作日 8:30—12:00');
    expect(await page.locator('.main-nav a[aria-current="page"]').innerText()).toBe('信息公开指南');
    await shoot(page, 'guide');
    await page.close();
  });
});

describe('annual reports by organization', () => {
  it('groups published reports by organization in display order, newest year first', async () => {
    const { page } = await visit('/site/reports.html');
    expect(await texts(page, '.report-group > h2')).toEqual([
      '西平分中心的年度报告',
      '驻马店市公共资源交易中心的年度报告',
    ]);
    const hostGroup = page.locator(`.report-group[data-organization="${ids.host}"]`);
    expect(await hostGroup.locator('.badge').allInnerTexts()).toEqual(['2024年度', '2023年度']);
    await shoot(page, 'reports-by-organization');
    await page.close();
  });
});

describe('notices for bidders', () => {
  it('filters notices open for bids, by region and by organization, and shows each deadline', async () => {
    const all = await visit('/site/notices.html');
    const deadlines = await texts(all.page, '.result .deadline');
    expect(deadlines.some((d) => d.includes('2099-01-10 09:30') && d.includes('正在报名/投标'))).toBe(true);
    expect(deadlines.some((d) => d.includes('2024-03-26 09:30') && d.includes('已截止'))).toBe(true);
    await all.page.check('#open');
    await all.page.click('.filters button[type="submit"]');
    await settle(all.page);
    expect(new URL(all.page.url()).searchParams.get('open')).toBe('1');
    expect(await texts(all.page, '.result-title')).toEqual(['驿城区道路改造工程招标公告']);
    await shoot(all.page, 'notices-open-now');
    await all.page.close();

    const region = await visit('/site/notices.html?region=西平县');
    expect(await texts(region.page, '.result-title')).toEqual([
      '西平县学校建设项目中标结果公告',
      '西平县学校建设项目中标候选人公示',
      '西平县学校建设项目招标公告',
    ]);
    await region.page.close();
    const org = await visit(`/site/notices.html?organization=${ids.host}`);
    expect(await texts(org.page, '.result-title')).toEqual(['驿城区道路改造工程招标公告']);
    expect(await org.page.locator('#organization').inputValue()).toBe(ids.host);
    await org.page.close();
  });

  it('shows the candidates and the winner from the project on the candidate and result notices', async () => {
    const { page, errors } = await visit(`/site/notice.html?id=${ids.candidates}`);
    expect(errors).toEqual([]);
    expect(await page.locator('.facts').innerText()).toContain('2024-03-26 09:30');
    const rows = await texts(page, '[data-candidates] tbody tr');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('河南第一建设集团有限公司');
    expect(rows[0]).toContain('11,880,000.00');
    expect(await page.locator('[data-winner]').count()).toBe(0);
    await shoot(page, 'notice-candidates');
    await page.close();

    const award = await visit(`/site/notice.html?id=${ids.award}`);
    expect(await award.page.locator('[data-winner]').innerText()).toContain('河南第一建设集团有限公司');
    expect(await award.page.locator('[data-winner]').innerText()).toContain('11,880,000.00 元');
    await shoot(award.page, 'notice-award');
    await award.page.close();

    const tender = await visit(`/site/notice.html?id=${ids.openNotice}`);
    expect(await tender.page.locator('.facts').innerText()).toContain('2099-01-10 09:30');
    expect(await tender.page.locator('[data-outcome]').count()).toBe(0);
    await shoot(tender.page, 'notice-deadline');
    await tender.page.close();
  });
});

describe('application receipt', () => {
  it('gives a printable receipt with the tracking number, query code, received and due dates', async () => {
    const { page } = await visit('/site/apply.html');
    await page.waitForFunction(() => document.querySelectorAll('#organization option').length > 1);
    await page.selectOption('#applicantType', 'naturalPerson');
    await page.fill('#applicantName', '张三');
    await page.selectOption('#idType', 'passport');
    await page.fill('#idNumber', 'E12345678');
    await page.fill('#phone', '0396-1234567');
    await page.selectOption('#organization', ids.host);
    await page.fill('#requestedInformation', '请公开驿城区道路改造工程的招标文件');
    await page.click('#apply-form button[type="submit"]');
    const receipt = page.locator('[data-receipt]');
    await receipt.waitFor();
    const text = await receipt.innerText();
    expect(text).toContain('政府信息公开申请回执');
    expect(text).toContain('受理机关');
    expect(text).toContain('驻马店市公共资源交易中心');
    expect(text).toMatch(/受理日期\s*\d{4}-\d{2}-\d{2}/);
    expect(text).toMatch(/答复期限\s*\d{4}-\d{2}-\d{2}/);
    expect(text).toContain('查询码只显示这一次');
    const [trackingNumber, queryCode] = await receipt.locator('code.secret').allInnerTexts();
    expect(trackingNumber).toMatch(/^[A-Z0-9][A-Z0-9-]+$/);
    expect(queryCode.length).toBeGreaterThan(4);
    expect(await receipt.locator('button', { hasText: '打印回执' }).count()).toBe(1);
    await shoot(page, 'receipt');

    // On paper only the receipt: the forms, navigation and footer are hidden, the print button too.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#status-form').isVisible()).toBe(false);
    expect(await page.locator('#site-footer').isVisible()).toBe(false);
    expect(await receipt.isVisible()).toBe(true);
    expect(await receipt.locator('button').isVisible()).toBe(false);
    await shoot(page, 'receipt-print');
    await page.close();
  });

  it('marks a provisional due date with its reason when the filing answer says so', async () => {
    const page = await desktop.newPage();
    await page.route('**/api/disclosure/applications', (route) =>
      route.fulfill({
        status: 201,
        contentType: 'application/json',
        body: JSON.stringify({
          data: {
            trackingNumber: 'YSQ-20261130-0001',
            queryCode: 'ABCD-EFGH',
            receivedOn: '2026-11-30',
            dueOn: '2026-12-28',
            dueOnProvisional: true,
            provisionalReason: '2027年节假日安排尚未公布，期限按暂定日历计算',
          },
        }),
      }),
    );
    await page.goto(`${base}/site/apply.html`);
    await settle(page);
    await page.waitForFunction(() => document.querySelectorAll('#organization option').length > 1);
    await page.selectOption('#applicantType', 'naturalPerson');
    await page.fill('#applicantName', '李四');
    await page.selectOption('#idType', 'passport');
    await page.fill('#idNumber', 'E12345678');
    await page.fill('#phone', '0396-1234567');
    await page.selectOption('#organization', ids.host);
    await page.fill('#requestedInformation', '请公开采购文件');
    await page.click('#apply-form button[type="submit"]');
    const receipt = page.locator('[data-receipt]');
    await receipt.waitFor();
    const text = await receipt.innerText();
    expect(text).toContain('2026-12-28（暂定）');
    expect(text).toContain('2027年节假日安排尚未公布');
    await page.close();
  });
});
