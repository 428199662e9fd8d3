/**
 * The officer's applications page in Chromium against the real app: the worklist sorted by due date with its marks and
 * counts, an application's history and actions, and concluding it through the form (a refusal shown by its field
 * first). Screenshots go to tests/artifacts/.
 */
import fs from 'fs';
import path from 'path';
import crypto from 'crypto';
import type { AddressInfo } from 'net';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Core } from '@strapi/strapi';
import { memberEverywhere, setupStrapi, teardownStrapi } from '../helpers/strapi';
import { createApplication, createOrganization } from '../helpers/records';

jest.setTimeout(240_000);

const ARTIFACTS = path.resolve(__dirname, '../artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let strapi: Core.Strapi;
let base: string;
let browser: Browser;
let page: Page;
const officer = {
  email: `officer-${crypto.randomBytes(3).toString('hex')}@example.test`,
  password: `Officer-${crypto.randomBytes(6).toString('hex')}A1`,
};
const ids: Record<string, string> = {};

async function record(documentId: string, token: string, body: Record<string, unknown>) {
  const res = await fetch(`${base}/disclosure/applications/${documentId}/events`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`event refused: ${res.status} ${await res.text()}`);
}

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  strapi = await setupStrapi();
  await new Promise<void>((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(strapi.server.httpServer.address() as AddressInfo).port}`;

  const role = await strapi.service('admin::role').findOne({ code: 'disclosure-officer' });
  // An officer who chose English in the profile (new users start in zh-Hans): the Chinese test below switches over.
  const officerUser = await strapi.service('admin::user').create({
    ...officer,
    firstname: '李',
    lastname: '专员',
    isActive: true,
    roles: [role.id],
    preferedLanguage: 'en',
  });
  // The officer's role is scoped to the organizations they are members of: this one works for all of them.
  await memberEverywhere(strapi, officerUser.id);
  const login = await (
    await fetch(`${base}/admin/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(officer),
    })
  ).json();
  const token = login.data.token as string;

  const org = await createOrganization(strapi, { name: '驻马店市公共资源交易中心' });
  // Overdue since 31 March 2025; in consultation (no due date); extended (due 15 April 2025, overdue too).
  ids.overdue = (
    await createApplication(strapi, org.documentId, {
      receivedOn: '2025-03-03',
      applicantName: '陈静',
      trackingNumber: 'XH-2025-0001',
    })
  ).documentId;
  ids.consulting = (
    await createApplication(strapi, org.documentId, {
      receivedOn: '2025-03-03',
      applicantName: '赵敏',
      trackingNumber: 'XH-2025-0002',
    })
  ).documentId;
  await record(ids.consulting, token, {
    type: 'startConsultation',
    on: '2025-03-04',
    party: 'thirdParty',
    note: '涉及第三方商业秘密',
  });
  ids.extended = (
    await createApplication(strapi, org.documentId, {
      receivedOn: '2025-03-03',
      applicantName: '王磊',
      trackingNumber: 'XH-2025-0003',
    })
  ).documentId;
  await record(ids.extended, token, { type: 'extend', on: '2025-03-04', days: 10, approver: '张主任' });
  // Due in 2027, a year whose holiday schedule is not complete: provisional, 2027-01-11 with weekends only.
  ids.provisional = (
    await createApplication(strapi, org.documentId, {
      receivedOn: '2026-11-16',
      applicantName: '孙丽',
      trackingNumber: 'XH-2026-0004',
    })
  ).documentId;
  await record(ids.provisional, token, { type: 'extend', on: '2026-11-17', days: 20, approver: '张主任' });

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
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  await context.addInitScript(() => {
    if (!window.localStorage.getItem('strapi-admin-language'))
      window.localStorage.setItem('strapi-admin-language', 'en');
  });
  page = await context.newPage();
  await page.goto(`${base}/admin/auth/login`);
  await page.fill('input[name=email]', officer.email);
  await page.fill('input[name=password]', officer.password);
  await page.click('button[type=submit]');
  await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 60_000 });
});

afterAll(async () => {
  await browser?.close();
  strapi?.server.httpServer.closeAllConnections?.();
  await teardownStrapi();
});

test('Given open applications, When the officer opens the worklist, Then they are sorted by due date with marks and counts', async () => {
  await page.goto(`${base}/admin/plugins/disclosure-applications`);
  const rows = page.locator('tbody tr');
  await rows.first().waitFor({ timeout: 60_000 });
  expect(await rows.count()).toBe(4);
  // Due 2025-03-31, then 2025-04-15, then 2027-01-11 (provisional), then the stopped clock.
  await expect(rows.nth(0).innerText()).resolves.toContain('XH-2025-0001');
  await expect(rows.nth(1).innerText()).resolves.toContain('XH-2025-0003');
  await expect(rows.nth(2).innerText()).resolves.toContain('XH-2026-0004');
  await expect(rows.nth(3).innerText()).resolves.toContain('XH-2025-0002');
  expect(await rows.nth(0).innerText()).toMatch(/2025-03-31[\s\S]*overdue/i);
  expect(await rows.nth(2).innerText()).toMatch(/2027-01-11[\s\S]*Provisional/i);
  expect(await rows.nth(2).innerText()).not.toMatch(/overdue/i);
  expect(await rows.nth(3).innerText()).toMatch(/clock paused/i);
  // The banner (a warning: role status) names the year and links to where the officer enters it.
  const banner = page.getByRole('status').filter({ hasText: 'Holiday schedule of 2027 not complete' });
  expect(await banner.count()).toBe(1);
  expect(await banner.getByRole('link', { name: 'Enter calendar days' }).getAttribute('href')).toContain(
    'plugin::disclosure.calendar-day',
  );
  expect(await banner.getByRole('link', { name: 'Mark a year complete' }).getAttribute('href')).toContain(
    'plugin::disclosure.calendar-year',
  );
  expect(await page.getByRole('button', { name: /Overdue · 2/ }).count()).toBe(1);
  expect(await page.getByRole('button', { name: /Consulting · 1/ }).count()).toBe(1);
  await page.screenshot({ path: path.join(ARTIFACTS, 'applications-worklist.png'), fullPage: true });
});

test('When the officer opens one, Then its status, history and the actions its state allows are shown', async () => {
  await page.locator('tbody tr', { hasText: 'XH-2025-0002' }).click();
  await page.getByRole('heading', { name: 'History' }).waitFor();
  const history = page.locator('table tbody tr');
  expect(await history.count()).toBe(1);
  expect(await history.first().innerText()).toMatch(
    /2025-03-04[\s\S]*Start consultation[\s\S]*In progress → Consulting[\s\S]*Third party[\s\S]*涉及第三方商业秘密[\s\S]*李 专员/,
  );
  const actions = await page
    .locator('section, div')
    .getByRole('button', { name: /^(End consultation|Withdrawn by applicant|Conclude|Extend the period)$/ })
    .allInnerTexts();
  expect([...new Set(actions)].sort()).toEqual(['End consultation', 'Withdrawn by applicant']);
  await page.screenshot({ path: path.join(ARTIFACTS, 'applications-detail.png'), fullPage: true });
});

test('When the officer concludes an application through the form, Then a missing outcome is named, and the conclusion is recorded', async () => {
  await page.goto(`${base}/admin/plugins/disclosure-applications/${ids.overdue}`);
  await page.getByRole('button', { name: 'Conclude', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Record' }).click();
  await expect(
    dialog
      .getByText(/conclude needs an outcome/)
      .first()
      .waitFor(),
  ).resolves.toBeUndefined();
  await page.screenshot({ path: path.join(ARTIFACTS, 'applications-form-refused.png') });

  await dialog.locator('input[type=date]').fill('2025-03-28');
  await dialog.getByRole('combobox').click();
  await page.getByRole('option', { name: /^\(1\) Disclosed$/ }).click();
  await dialog.locator('textarea').fill('已通过电子邮件答复');
  await dialog.getByRole('button', { name: 'Record' }).click();
  await dialog.waitFor({ state: 'detached' });

  const history = page.locator('table tbody tr');
  await history.first().waitFor();
  expect(await history.first().innerText()).toMatch(
    /2025-03-28[\s\S]*Conclude[\s\S]*In progress → Concluded[\s\S]*\(1\) Disclosed[\s\S]*已通过电子邮件答复/,
  );
  expect(await page.getByRole('button', { name: 'Conclude', exact: true }).count()).toBe(0);
  await page.screenshot({ path: path.join(ARTIFACTS, 'applications-concluded.png'), fullPage: true });

  const stored = await strapi.db
    .query('api::disclosure-application.disclosure-application')
    .findOne({ where: { documentId: ids.overdue } });
  expect(stored).toMatchObject({ state: 'concluded', concludedOn: '2025-03-28', outcome: 'granted' });

  await page.getByRole('link', { name: 'Worklist' }).click();
  await page.locator('tbody tr').first().waitFor();
  expect(await page.locator('tbody tr').count()).toBe(3);
});

test('When the officer opens an application due in 2027, Then its due date is marked provisional with the year named', async () => {
  await page.goto(`${base}/admin/plugins/disclosure-applications/${ids.provisional}`);
  await page.getByRole('heading', { name: 'History' }).waitFor({ timeout: 60_000 });
  const notice = page.getByRole('status').filter({ hasText: 'Provisional due date' });
  expect(await notice.innerText()).toContain('2027');
  expect(await page.getByText('2027-01-11').count()).toBeGreaterThan(0);
  await page.screenshot({ path: path.join(ARTIFACTS, 'applications-provisional.png'), fullPage: true });
});

test('When the officer works in Chinese, Then the worklist and the application speak zh-Hans', async () => {
  // As the profile's language switch does: the user's language, which the admin applies when it loads the user.
  await strapi.db
    .query('admin::user')
    .update({ where: { email: officer.email }, data: { preferedLanguage: 'zh-Hans' } });
  await page.evaluate(() => window.localStorage.setItem('strapi-admin-language', 'zh-Hans'));
  await page.goto(`${base}/admin/plugins/disclosure-applications`);
  await page.getByRole('heading', { name: '依申请公开办理' }).waitFor({ timeout: 60_000 });
  const row = page.locator('tbody tr', { hasText: 'XH-2025-0003' });
  expect(await row.innerText()).toMatch(/已延期[\s\S]*2025-04-15[\s\S]*已逾期/);
  expect(await page.getByRole('button', { name: /征求意见中 · 1/ }).count()).toBe(1);
  expect(await page.locator('tbody tr', { hasText: 'XH-2026-0004' }).innerText()).toMatch(/2027-01-11[\s\S]*暂定/);
  expect(await page.getByRole('status').filter({ hasText: '2027年法定节假日安排尚未确认' }).count()).toBe(1);
  await page.screenshot({ path: path.join(ARTIFACTS, 'applications-worklist-zh.png'), fullPage: true });
  await row.click();
  await page.getByRole('heading', { name: '办理记录' }).waitFor();
  expect(await page.locator('table tbody tr').first().innerText()).toMatch(
    /延长答复期限[\s\S]*办理中 → 已延期[\s\S]*延长 10 个工作日，批准人：张主任/,
  );
  await page.screenshot({ path: path.join(ARTIFACTS, 'applications-detail-zh.png'), fullPage: true });
});
