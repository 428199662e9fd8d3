/**
 * The annual report's admin page in Chromium, end to end: a disclosure officer logs in, opens the report of an
 * organization and year, sees a hard error marked on its cell with publishing blocked, recomputes (which replaces the
 * tampered snapshot with the true counts), sees the error gone, publishes through the warnings' confirm dialog, and
 * the public API serves the published report.
 *
 * Needs the admin bundle in dist/build (`npx strapi build`) and Chromium at /usr/bin/chromium (or CHROMIUM_PATH).
 * Screenshots go to tests/artifacts/.
 */
import crypto from 'crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { memberEverywhere, setupStrapi, teardownStrapi } from '../helpers/strapi';
import { createApplication, createOrganization, createPolicyDocument } from '../helpers/records';
import { adminLogin, launchBrowser, newPage, screenshot, serve } from '../helpers/browser';
import { getFormat } from '../../src/plugins/disclosure/server/src/format';
import zhMessages from '../../src/plugins/disclosure/admin/src/translations/zh-Hans.json';

jest.setTimeout(300_000);

const REPORT = 'api::annual-report.annual-report';
const TAMPERED = 'applications.main.received.naturalPerson';
const format = getFormat('gov-2021');
const year = new Date().getFullYear() - 1;

let strapi: any;
let server: Awaited<ReturnType<typeof serve>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];
let org: any;
let documentId: string;
const officer = {
  email: `officer-${crypto.randomBytes(3).toString('hex')}@example.test`,
  password: `Officer-${crypto.randomBytes(6).toString('hex')}A1`,
};

const cell = (id: string) => page.locator(`td[data-cell-id="${id}"]`);

beforeAll(async () => {
  strapi = await setupStrapi();
  server = await serve(strapi);

  const role = await strapi.service('admin::role').findOne({ code: 'disclosure-officer' });
  const officerUser = await strapi.service('admin::user').create({
    ...officer,
    firstname: '王',
    lastname: '专员',
    isActive: true,
    roles: [role.id],
  });
  // The officer's role is scoped to the organizations they are members of: this one works for all of them.
  await memberEverywhere(strapi, officerUser.id);

  // A decoy first, so that the page's default organization is not the one under test.
  await createOrganization(strapi, { name: '甲测试机构（无记录）', displayOrder: 1 });
  org = await createOrganization(strapi, {
    name: '驻马店市公共资源交易中心（浏览器测试）',
    canIssueRegulations: false,
    displayOrder: 2,
  });
  const apps = [
    { receivedOn: `${year}-02-01`, concludedOn: `${year}-02-20`, outcome: 'granted', applicantType: 'naturalPerson' },
    {
      receivedOn: `${year}-03-01`,
      concludedOn: `${year}-03-05`,
      outcome: 'partiallyGranted',
      applicantType: 'naturalPerson',
    },
    {
      receivedOn: `${year}-04-01`,
      concludedOn: `${year}-04-21`,
      outcome: 'withheld.stateSecret',
      applicantType: 'commercialEnterprise',
    },
    { receivedOn: `${year}-12-20`, concludedOn: null, outcome: null, applicantType: 'researchInstitution' },
  ];
  for (const a of apps)
    await createApplication(strapi, org.documentId, { ...a, state: a.concludedOn ? 'concluded' : 'received' });
  await strapi.documents('api::fee.fee').create({
    data: { item: '信息处理费', collectedOn: `${year}-05-05`, amount: 12.35, organization: org.documentId },
  });
  // An organization without the power to issue rules reporting one: a warning (plausibility.regulations), which
  // publishing asks the officer to acknowledge.
  await createPolicyDocument(strapi, { kind: 'regulation', issuedOn: `${year}-06-01`, organization: org.documentId });

  // Compute, then tamper the stored snapshot: real records always balance, so the hard error is made by hand.
  // Only the plugin writes the snapshot (a Document Service write of `tables` is dropped), so the tamper goes to the row.
  const report = await strapi.plugin('disclosure').service('report').compute(org.documentId, year);
  documentId = report.documentId;
  const tables = report.tables;
  await strapi.db
    .connection('annual_reports')
    .where({ document_id: documentId })
    .whereNull('published_at')
    .update({ tables: JSON.stringify({ ...tables, cells: { ...tables.cells, [TAMPERED]: 99 } }) });
  // Sections 一, 五, 六 are required to publish.
  await strapi.documents(REPORT).update({
    documentId,
    locale: 'zh-Hans',
    data: { overview: '总体情况正文', problems: '存在的主要问题及改进情况正文', otherMatters: '无' },
  });

  browser = await launchBrowser();
  ({ context, page, pageErrors } = await newPage(browser, { adminLanguage: 'zh-Hans' }));
});

afterAll(async () => {
  await context?.close().catch(() => {});
  await browser?.close().catch(() => {});
  await server?.close();
  await teardownStrapi();
});

test('the officer sees the error on its cell, recomputes, and publishes through the warnings dialog', async () => {
  try {
    await officerJourney();
  } catch (error) {
    await screenshot(page, 'report-admin-failure').catch(() => {});
    throw error;
  }
});

async function officerJourney() {
  await adminLogin(page, server.url, officer.email, officer.password);
  await page.goto(`${server.url}/admin/plugins/disclosure`);

  // Choose the organization and the year (the page defaults to last year and the first organization).
  const selects = page.getByRole('combobox');
  await selects.first().waitFor({ timeout: 60_000 });
  await selects.nth(0).click();
  await page.getByRole('option', { name: org.name }).click();
  await selects.nth(1).click();
  await page.getByRole('option', { name: String(year), exact: true }).click();
  await page.waitForFunction(
    ([organization, y]) => {
      const params = new URL(window.location.href).searchParams;
      return params.get('organization') === organization && params.get('year') === y;
    },
    [org.documentId, String(year)],
  );

  // The language the admin offers decides the labels: Chinese verbatim in zh-Hans, English otherwise.
  const heading = page.locator('h1');
  await heading.waitFor();
  const zh = (await heading.innerText()).trim() === (zhMessages as Record<string, string>)['report.title'];
  const tableThree = format.tables.find((t) => t.code === 'applications')!;
  await expectText(page.locator('#report-table-applications'), zh ? tableThree.heading : tableThree.headingEn);
  await expectText(
    page.locator('[data-table="applications"] thead'),
    zh ? tableThree.blocks[0].note!.label : tableThree.blocks[0].note!.labelEn,
  );

  // The tampered cell: marked as an error (colour, icon and words), with the message and expected vs actual.
  const tampered = cell(TAMPERED);
  await tampered.waitFor({ timeout: 60_000 });
  expect(await tampered.getAttribute('data-problem')).toBe('error');
  expect(await tampered.getAttribute('data-problem-role')).toBe('cell');
  expect(await tampered.locator('svg').count()).toBe(1);
  expect((await tampered.innerText()).replace(/\s+/g, ' ')).toMatch(/99/);
  const title = (await tampered.locator('button').getAttribute('title')) ?? '';
  expect(title).toContain('99');
  expect(title).toMatch(zh ? /应为 .*实际为/ : /Expected .*actual/);
  // Zeros are printed as 0, the fee in 万元 with the configured decimals.
  expect((await cell('applications.main.carriedOver.otherOrganization').innerText()).trim()).toBe('0');
  expect((await cell('proactive.fees.fee.amount').innerText()).trim()).toBe('0.0012');

  // Errors listed above the tables; publishing disabled, with the reason.
  expect(await page.getByTestId('report-problems-error').locator('li').count()).toBeGreaterThan(0);
  const publish = page.getByTestId('report-publish');
  expect(await publish.isDisabled()).toBe(true);
  const blockers = page.getByTestId('report-publish-blockers');
  expect(await blockers.innerText()).toMatch(zh ? /错误/ : /error/);
  expect(await publish.getAttribute('aria-describedby')).toBe('report-publish-blockers');
  expect(await page.getByTestId('report-status').getAttribute('data-status')).toBe('draft');
  await screenshot(page, 'report-admin-1-error');

  // The records behind a cell, opened from the keyboard.
  await cell('applications.main.granted.naturalPerson').locator('button').focus();
  await page.keyboard.press('Enter');
  const records = page.getByTestId('cell-records');
  await records.locator('tbody tr').first().waitFor();
  expect(await records.locator('tbody tr').count()).toBe(1);
  expect(await records.locator('tbody').innerText()).toMatch(/T-\d+-/);
  await screenshot(page, 'report-admin-2-records', { fullPage: false });
  await page.keyboard.press('Escape');
  await records.waitFor({ state: 'detached' });

  // "Fix the records": recomputing replaces the tampered snapshot with the true counts.
  await page.getByTestId('report-compute').click();
  await page.waitForFunction(
    (id) => !document.querySelector(`td[data-cell-id="${id}"]`)?.hasAttribute('data-problem'),
    TAMPERED,
  );
  expect((await tampered.innerText()).trim()).toBe('2');
  expect(await page.getByTestId('report-problems-error').count()).toBe(0);
  expect(await page.getByTestId('report-problems-warning').count()).toBe(1);
  // No published report of the year before: said plainly, as a warning.
  expect(await page.getByTestId('report-problems-warning').innerText()).toMatch(
    zh ? new RegExp(`没有${year - 1}年已发布的报告`) : new RegExp(`no published ${year - 1} report`),
  );
  // The statutory deadline (31 January) has passed for last year's report: a late publication.
  expect(await page.getByTestId('report-deadline').innerText()).toContain(`${year + 1}-01-31`);
  await page.getByTestId('report-late').waitFor();
  expect(await cell('proactive.documents.regulation.inForce').getAttribute('data-problem')).toBe('warning');
  expect(await publish.isEnabled()).toBe(true);
  await screenshot(page, 'report-admin-3-fixed');

  // Publishing asks for the warnings to be acknowledged, then publishes.
  await publish.click();
  const confirm = page.getByTestId('report-acknowledge-publish');
  await confirm.waitFor();
  await screenshot(page, 'report-admin-4-confirm', { fullPage: false });
  await confirm.click();
  await page.waitForSelector('[data-testid="report-status"][data-status="published"]', { timeout: 60_000 });
  expect(await publish.isDisabled()).toBe(true);
  await page.getByTestId('report-publish-uptodate').waitFor();
  await screenshot(page, 'report-admin-5-published');

  // The public API serves the published report, with the recomputed (true) numbers.
  const res = await fetch(`${server.url}/api/disclosure/reports/${documentId}`);
  expect(res.status).toBe(200);
  const body = await res.json();
  expect(body.data.corrections).toEqual([]);
  expect(body.data).toMatchObject({ year, format: { code: 'gov-2021' } });
  expect(JSON.stringify(body.data)).not.toContain('"99"');
  const draft = await strapi.documents(REPORT).findOne({ documentId, locale: 'zh-Hans', status: 'published' });
  expect(draft?.tables?.cells?.[TAMPERED]).toBe(2);
  expect(draft?.acknowledgement?.by?.name).toBe('王 专员');

  // A record entered late: the admin (never the public report) says the records changed since publication.
  await createApplication(strapi, org.documentId, {
    receivedOn: `${year}-07-01`,
    concludedOn: `${year}-07-10`,
    outcome: 'granted',
    applicantType: 'naturalPerson',
    state: 'concluded',
  });
  await page.reload();
  await page.getByTestId('report-records-changed').waitFor({ timeout: 60_000 });
  expect(await (await fetch(`${server.url}/api/disclosure/reports/${documentId}`)).text()).toBe(JSON.stringify(body));

  // The correction (更正): recompute, then publish with a reason; the earlier publication stays in the history.
  await page.getByTestId('report-compute').click();
  await page.waitForFunction(
    (id) => document.querySelector(`td[data-cell-id="${id}"]`)?.textContent?.trim() === '3',
    TAMPERED,
  );
  expect((await publish.innerText()).trim()).toBe(zh ? '发布更正' : 'Publish a correction');
  await publish.click();
  const reasonBox = page.getByTestId('report-correction-reason');
  await reasonBox.waitFor();
  expect(await confirm.isDisabled()).toBe(true);
  await reasonBox.fill('补录一件7月1日收到的申请');
  await screenshot(page, 'report-admin-6-correction', { fullPage: false });
  await confirm.click();
  await page.getByTestId('report-corrections').waitFor({ timeout: 60_000 });
  expect(await page.getByTestId('report-corrections').innerText()).toContain('补录一件7月1日收到的申请');
  expect(await page.getByTestId('report-records-changed').count()).toBe(0);
  await screenshot(page, 'report-admin-7-corrected');
  const corrected = await (await fetch(`${server.url}/api/disclosure/reports/${documentId}`)).json();
  expect(corrected.data.corrections).toEqual([
    expect.objectContaining({ reason: '补录一件7月1日收到的申请', previousPublishedAt: body.data.publishedAt }),
  ]);

  expect(pageErrors).toEqual([]);
}

async function expectText(locator: ReturnType<Page['locator']>, text: string) {
  await locator.first().waitFor({ timeout: 60_000 });
  expect((await locator.first().innerText()).replace(/\s+/g, '')).toContain(text.replace(/\s+/g, ''));
}
