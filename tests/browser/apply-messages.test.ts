/**
 * The public application form (public/site/apply.js) against the real server: a resident ID number whose check digit
 * is wrong is refused by the app's write rules, and the Chinese page shows the Chinese half of the message on the
 * field (the English page the English half). Screenshot: tests/artifacts/apply-resident-id-zh.png.
 */
import type { Browser } from 'playwright-core';
import { setupStrapi, teardownStrapi } from '../helpers/strapi';
import { createOrganization } from '../helpers/records';
import { launchBrowser, newPage, screenshot, serve } from '../helpers/browser';

jest.setTimeout(180_000);

let strapi: any;
let server: Awaited<ReturnType<typeof serve>>;
let browser: Browser;
let orgId: string;

beforeAll(async () => {
  strapi = await setupStrapi();
  server = await serve(strapi);
  const org = await createOrganization(strapi, { name: '驻马店市公共资源交易中心（表单测试）' });
  orgId = org.documentId;
  // The English page lists the organizations that have an English version.
  await strapi.documents('api::organization.organization').update({
    documentId: orgId,
    locale: 'en',
    data: { name: 'Zhumadian Public Resource Trading Center (form test)', creditCode: org.creditCode, kind: org.kind },
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close().catch(() => {});
  await server?.close();
  await teardownStrapi();
});

async function fileWithBadResidentId(locale: 'zh-Hans' | 'en') {
  const { context, page, pageErrors } = await newPage(browser);
  await page.goto(`${server.url}/site/apply.html${locale === 'en' ? '?locale=en' : ''}`);
  await page.waitForFunction(() => document.querySelectorAll('#organization option').length > 1);
  await page.selectOption('#applicantType', 'naturalPerson');
  await page.fill('#applicantName', '张三');
  await page.selectOption('#idType', 'residentId');
  await page.fill('#idNumber', '11010519491231002Y');
  await page.fill('#phone', '0396-1234567');
  await page.selectOption('#organization', orgId);
  await page.fill('#requestedInformation', '请公开本中心2023年度政府采购项目的中标结果');
  await page.click('#apply-form button[type="submit"]');
  const error = page.locator('#idNumber-error');
  await page.waitForFunction(() => (document.querySelector('#idNumber-error')?.textContent ?? '') !== '');
  const text = await error.innerText();
  expect(await page.locator('#idNumber').getAttribute('aria-invalid')).toBe('true');
  return { context, page, pageErrors, text };
}

test('the Chinese form shows the Chinese message of a wrong resident ID check digit', async () => {
  const { context, page, pageErrors, text } = await fileWithBadResidentId('zh-Hans');
  expect(text).toMatch(/^居民身份证号码无效：应为 18 位/);
  expect(text).not.toMatch(/resident ID number|idNumber/);
  await screenshot(page, 'apply-resident-id-zh');
  expect(pageErrors).toEqual([]);
  await context.close();
});

test('the English form shows the English message', async () => {
  const { context, text } = await fileWithBadResidentId('en');
  expect(text).toBe('idNumber is not a valid resident ID number (18 characters, GB 11643 check digit)');
  await context.close();
});
