/**
 * The disclosure officer writes the report's narrative sections in the Content Manager (admin in zh-Hans), in
 * Chromium: opens an existing report draft, edits 一、总体情况 (overview), 五、存在的主要问题及改进情况 (problems) and
 * 六、其他需要报告的事项 (otherMatters) one at a time, saves each, and each value is stored. The form posts the
 * untouched organization as { connect: [], disconnect: [] }: that save used to answer 500.
 */
import crypto from 'crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { memberEverywhere, setupStrapi, teardownStrapi } from '../helpers/strapi';
import { createOrganization } from '../helpers/records';
import { createReport } from '../helpers/content';
import { adminLogin, launchBrowser, newPage, screenshot, serve } from '../helpers/browser';

jest.setTimeout(300_000);

const REPORT = 'api::annual-report.annual-report';

let strapi: any;
let server: Awaited<ReturnType<typeof serve>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];
let org: any;
let report: any;
const officer = {
  email: `officer-${crypto.randomBytes(3).toString('hex')}@example.test`,
  password: `Officer-${crypto.randomBytes(6).toString('hex')}A1`,
};

beforeAll(async () => {
  strapi = await setupStrapi();
  server = await serve(strapi);
  const role = await strapi.service('admin::role').findOne({ code: 'disclosure-officer' });
  const officerUser = await strapi
    .service('admin::user')
    .create({ ...officer, firstname: '王', lastname: '专员', isActive: true, roles: [role.id] });
  // The officer's role is scoped to the organizations they are members of: this one works for all of them.
  await memberEverywhere(strapi, officerUser.id);
  org = await createOrganization(strapi, { name: '驻马店市公共资源交易中心（章节测试）' });
  report = await createReport(strapi, org.documentId, { year: 2021, title: '2021年政府信息公开工作年度报告' }, false);
  browser = await launchBrowser();
  ({ context, page, pageErrors } = await newPage(browser, { adminLanguage: 'zh-Hans' }));
});

afterAll(async () => {
  await context?.close().catch(() => {});
  await browser?.close().catch(() => {});
  await server?.close();
  await teardownStrapi();
});

const SECTIONS = [
  { field: 'overview', text: '一、总体情况：本中心2021年依法主动公开政府信息，未收到政府信息公开申请。' },
  { field: 'problems', text: '五、存在的主要问题及改进情况：公开内容的时效性有待提高，下一步将完善发布流程。' },
  { field: 'otherMatters', text: '六、其他需要报告的事项：本年度未收取信息处理费。' },
];

test('the officer edits and saves each narrative section of a report draft in the Content Manager', async () => {
  try {
    await adminLogin(page, server.url, officer.email, officer.password);
    await page.goto(
      `${server.url}/admin/content-manager/collection-types/${REPORT}/${report.documentId}?plugins[i18n][locale]=zh-Hans`,
    );
    await page.locator('textarea[name="overview"]').waitFor({ timeout: 60_000 });
    // The admin really is in Chinese: its save button says 保存.
    const save = page.getByRole('button', { name: '保存', exact: true });
    await save.waitFor();

    for (const { field, text } of SECTIONS) {
      await page.locator(`textarea[name="${field}"]`).fill(text);
      const [request, response] = await Promise.all([
        page.waitForRequest(
          (r) =>
            r.method() === 'PUT' &&
            r.url().includes(`/content-manager/collection-types/${REPORT}/${report.documentId}`),
        ),
        page.waitForResponse(
          (r) =>
            r.request().method() === 'PUT' &&
            r.url().includes(`/content-manager/collection-types/${REPORT}/${report.documentId}`),
        ),
        save.click(),
      ]);
      const body = request.postDataJSON();
      expect(body[field]).toBe(text);
      expect(body.organization).toEqual({ connect: [], disconnect: [] });
      expect({ field, status: response.status() }).toEqual({ field, status: 200 });
      const stored = await strapi
        .documents(REPORT)
        .findOne({ documentId: report.documentId, locale: 'zh-Hans', status: 'draft', populate: ['organization'] });
      expect(stored[field]).toBe(text);
      expect(stored.organization.documentId).toBe(org.documentId);
      // Saved: the button waits for the next change.
      await page.waitForFunction(() => {
        const button = Array.from(document.querySelectorAll('button')).find((b) => b.textContent?.trim() === '保存');
        return !!button && (button.disabled || button.getAttribute('aria-disabled') === 'true');
      });
    }
    await screenshot(page, 'report-sections-saved');

    // All three kept, and the page shows them after a reload.
    const stored = await strapi
      .documents(REPORT)
      .findOne({ documentId: report.documentId, locale: 'zh-Hans', status: 'draft' });
    for (const { field, text } of SECTIONS) expect(stored[field]).toBe(text);
    await page.reload();
    for (const { field, text } of SECTIONS) {
      await page.locator(`textarea[name="${field}"]`).waitFor({ timeout: 60_000 });
      expect(await page.locator(`textarea[name="${field}"]`).inputValue()).toBe(text);
    }
    expect(pageErrors).toEqual([]);
  } catch (error) {
    await screenshot(page, 'report-sections-failure').catch(() => {});
    throw error;
  }
});
