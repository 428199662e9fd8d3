/**
 * The compliance overview in Chromium: a disclosure officer (zh-Hans admin) opens 公开工作总览, sees every planted
 * organization's state and timeliness in Chinese, sorts by overdue applications, follows the click-through to the
 * worklist filtered to that organization and to the report page; then the public index of published reports lists
 * the organizations with their years as links to the reports. axe-core finds no serious or critical violation on
 * either page (the admin page's main content; the site page whole). Screenshots go to tests/artifacts/.
 */
import crypto from 'crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { addMember, setupStrapi, teardownStrapi } from '../helpers/strapi';
import { createApplication, createOrganization } from '../helpers/records';
import { adminLogin, launchBrowser, newPage, screenshot, serve } from '../helpers/browser';

jest.setTimeout(300_000);

const AXE = require.resolve('axe-core/axe.min.js');
const REPORT = 'api::annual-report.annual-report';
const YEAR = 2024;
const SECTIONS = { overview: '总体情况正文', problems: '存在的主要问题及改进情况正文', otherMatters: '无' };

let strapi: any;
let server: Awaited<ReturnType<typeof serve>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];
const orgs: Record<string, any> = {};
let published: string;
const officer = {
  email: `officer-${crypto.randomBytes(3).toString('hex')}@example.test`,
  password: `Officer-${crypto.randomBytes(6).toString('hex')}A1`,
};

type Violation = {
  id: string;
  impact: string;
  help: string;
  nodes: Array<{ target: string[]; html: string; message: string }>;
};
async function audit(p: Page, include?: string): Promise<string[]> {
  await p.addScriptTag({ path: AXE });
  const violations: Violation[] = await p.evaluate(async (selector) => {
    const result = await (window as any).axe.run(selector ? { include: [[selector]] } : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n: any) => ({
        target: n.target,
        html: String(n.html).slice(0, 120),
        message: n.any?.[0]?.message ?? '',
      })),
    }));
  }, include ?? null);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} @ ${v.nodes.map((n) => `${n.html} (${n.message})`).join(', ')}`);
}

beforeAll(async () => {
  strapi = await setupStrapi();
  server = await serve(strapi);
  const role = await strapi.service('admin::role').findOne({ code: 'disclosure-officer' });
  const officerUser = await strapi
    .service('admin::user')
    .create({ ...officer, firstname: '王', lastname: '专员', isActive: true, roles: [role.id] });

  const names = ['市公共资源交易中心', '市发展和改革委员会', '市财政局', '某某县人民政府'];
  for (const [i, name] of names.entries()) orgs[name] = await createOrganization(strapi, { name, displayOrder: i + 1 });
  // The officer's scope: every organization (the worklist lists only the officer's own).
  await addMember(strapi, officerUser.id);
  const service = strapi.plugin('disclosure').service('report');
  const publish = async (name: string, year: number, publishedAt: string) => {
    const report = await service.compute(orgs[name].documentId, year);
    await strapi.documents(REPORT).update({ documentId: report.documentId, locale: 'zh-Hans', data: SECTIONS });
    const draft = await strapi.documents(REPORT).findOne({ documentId: report.documentId, locale: 'zh-Hans' });
    await service.acknowledge(report.documentId, { id: 1, firstname: '王' });
    await service.publish(draft.documentId, { publishedAt });
    return report.documentId as string;
  };
  published = await publish('市公共资源交易中心', YEAR, '2025-01-20T02:00:00.000Z');
  await publish('市公共资源交易中心', 2023, '2024-01-25T02:00:00.000Z');
  await publish('市发展和改革委员会', YEAR, '2025-02-10T02:00:00.000Z');
  await service.compute(orgs['市财政局'].documentId, YEAR);
  for (const receivedOn of ['2025-03-03', '2025-04-01']) {
    await createApplication(strapi, orgs['某某县人民政府'].documentId, {
      receivedOn,
      state: 'received',
      applicantName: '赵六',
    });
  }

  browser = await launchBrowser();
  ({ context, page, pageErrors } = await newPage(browser, { adminLanguage: 'zh-Hans' }));
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
  await teardownStrapi();
});

test('the officer reads the overview in Chinese, sorts it and follows the links', async () => {
  await adminLogin(page, server.url, officer.email, officer.password);
  await page.goto(`${server.url}/admin/plugins/disclosure-overview?year=${YEAR}`);
  await page.getByRole('heading', { name: '政府信息公开工作总览' }).waitFor();
  const row = (name: string) => page.locator('tbody tr').filter({ has: page.getByText(name, { exact: true }) });
  await row('市公共资源交易中心').waitFor();
  await expect(row('市公共资源交易中心').innerText()).resolves.toMatch(/已发布[\s\S]*按时发布/);
  await expect(row('市发展和改革委员会').innerText()).resolves.toMatch(/已发布[\s\S]*逾期发布/);
  await expect(row('市财政局').innerText()).resolves.toMatch(/提示未确认[\s\S]*逾期未发布/);
  // The county's first records are its 2025 applications: 2024 has no records, not an overdue report.
  await expect(row('某某县人民政府').innerText()).resolves.toMatch(/未建立[\s\S]*无记录[\s\S]*2\s*\/ 未办结 2/);
  await screenshot(page, 'overview-admin-zh');
  expect(await audit(page, 'main')).toEqual([]);

  // Sorted by overdue applications, most first: the county comes first.
  await page.getByRole('button', { name: '按逾期申请排序' }).click();
  await page.getByRole('button', { name: '按逾期申请排序' }).click();
  await page.waitForURL(/sort=overdue&order=desc/);
  await expect(page.locator('tbody tr').first().innerText()).resolves.toContain('某某县人民政府');

  await row('某某县人民政府').getByRole('link', { name: '申请办理' }).click();
  await page.waitForURL(
    new RegExp(`/plugins/disclosure-applications\\?organization=${orgs['某某县人民政府'].documentId}`),
  );
  await page.getByText('机构：某某县人民政府').waitFor();
  await expect(page.locator('tbody tr').count()).resolves.toBe(2);

  await page.goto(`${server.url}/admin/plugins/disclosure-overview?year=${YEAR}`);
  await row('市公共资源交易中心').getByRole('link', { name: '年度报告' }).click();
  await page.waitForURL(
    new RegExp(`/plugins/disclosure\\?organization=${orgs['市公共资源交易中心'].documentId}&year=${YEAR}`),
  );
  expect(pageErrors).toEqual([]);
});

test('the auditor reads the overview without the worklist link (it may not open the worklist)', async () => {
  const role = await strapi.service('admin::role').findOne({ code: 'auditor' });
  const auditor = {
    email: `auditor-${crypto.randomBytes(3).toString('hex')}@example.test`,
    password: `Auditor-${crypto.randomBytes(6).toString('hex')}A1`,
  };
  await strapi
    .service('admin::user')
    .create({ ...auditor, firstname: '审', lastname: '计', isActive: true, roles: [role.id] });
  const opened = await newPage(browser, { adminLanguage: 'zh-Hans' });
  try {
    await adminLogin(opened.page, server.url, auditor.email, auditor.password);
    await opened.page.goto(`${server.url}/admin/plugins/disclosure-overview?year=${YEAR}`);
    const row = opened.page
      .locator('tbody tr')
      .filter({ has: opened.page.getByText('某某县人民政府', { exact: true }) });
    await row.getByRole('link', { name: '年度报告' }).waitFor();
    expect(await opened.page.getByRole('link', { name: '申请办理' }).count()).toBe(0);
    expect(await row.innerText()).toMatch(/2\s*\/ 未办结 2/);
    expect(opened.pageErrors).toEqual([]);
  } finally {
    await opened.context.close();
  }
});

test('the public index lists each organization with its published years as links', async () => {
  const site = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true, locale: 'zh-CN' });
  const p = await site.newPage();
  const errors: string[] = [];
  p.on('pageerror', (e) => errors.push(e.message));
  await p.goto(`${server.url}/site/report-index.html`);
  await p.waitForFunction(
    () => !document.querySelector('[aria-busy="true"]') && !!document.querySelector('table.report-index'),
  );
  const rows = await p
    .locator('table.report-index tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())));
  expect(await p.locator('table.report-index thead th').allInnerTexts()).toEqual(['机构', '2024年度', '2023年度']);
  expect(rows.filter((r) => r[0] in orgs)).toEqual([
    ['市公共资源交易中心', '2024', '2023'],
    ['市发展和改革委员会', '2024', '—'],
  ]);
  await p.screenshot({
    path: require('path').resolve(__dirname, '../artifacts/overview-site-index.png'),
    fullPage: true,
  });
  expect(await audit(p)).toEqual([]);
  await p.getByRole('link', { name: '市公共资源交易中心2024年度报告' }).click();
  await p.waitForURL(new RegExp(`report\\.html\\?id=${published}`));
  expect(errors).toEqual([]);
  await site.close();
});
