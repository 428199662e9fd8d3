/**
 * The import page in Chromium: a disclosure officer pastes a published report whose table 三 does not add up, reads
 * it, sees the error marked on its cell and the number's place in the source text beside the tables, and saves it as
 * the organization's historical report; then, on the report page, opens the standard paragraphs of a computed report.
 * Screenshots go to tests/artifacts/import-admin-*.png.
 */
import crypto from 'crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { addMember, setupStrapi, teardownStrapi } from '../helpers/strapi';
import { createApplication, createOrganization } from '../helpers/records';
import { adminLogin, launchBrowser, newPage, screenshot, serve } from '../helpers/browser';
import { getFormat } from '../../src/plugins/disclosure/server/src/format';
import { cellsFromRecords, renderReportHtml, standardParagraphs } from '../../src/plugins/disclosure/server/src/report';
import { htmlToText } from '../../src/plugins/disclosure/server/src/import/sources';

jest.setTimeout(300_000);

const HISTORICAL = 'plugin::disclosure.historical-report';
const format = getFormat('gov-2021');
const lastYear = new Date().getFullYear() - 1;
const TAMPERED = 'applications.main.received.naturalPerson';

let strapi: any;
let server: Awaited<ReturnType<typeof serve>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];
let org: any;
const officer = {
  email: `officer-${crypto.randomBytes(3).toString('hex')}@example.test`,
  password: `Officer-${crypto.randomBytes(6).toString('hex')}A1`,
};

/** A published 2023 report whose 自然人 column of 一、本年新收 says 7 while its 总计 (and every other sum) says 3. */
function publishedText(): string {
  const applications = [
    { receivedOn: '2023-02-01', concludedOn: '2023-02-20', outcome: 'granted', applicantType: 'naturalPerson' },
    {
      receivedOn: '2023-03-01',
      concludedOn: '2023-03-09',
      outcome: 'unavailable.notHeld',
      applicantType: 'naturalPerson',
    },
    { receivedOn: '2023-12-28', concludedOn: null, outcome: null, applicantType: 'naturalPerson' },
  ];
  const cells = cellsFromRecords(
    format,
    { applications, cases: [], policyDocuments: [], decisions: [], fees: [] } as any,
    2023,
  );
  cells[TAMPERED] = 7;
  const html = renderReportHtml({
    format,
    cells,
    organizationName: '浏览器测试区政务服务中心',
    year: 2023,
    locale: 'zh-Hans',
    sections: {
      overview: '2023年共收到政府信息公开申请3件，办结2件，结转下年度继续办理1件。',
      problems: '无',
      otherMatters: '无',
    },
    feeDecimals: 4,
  });
  return htmlToText(html);
}

beforeAll(async () => {
  strapi = await setupStrapi();
  server = await serve(strapi);
  const role = await strapi.service('admin::role').findOne({ code: 'disclosure-officer' });
  const officerUser = await strapi
    .service('admin::user')
    .create({ ...officer, firstname: '李', lastname: '专员', isActive: true, roles: [role.id] });
  await createOrganization(strapi, { name: '甲测试机构（无记录）', displayOrder: 1 });
  org = await createOrganization(strapi, { name: '浏览器测试区政务服务中心', displayOrder: 2 });
  // The officer's scope: both organizations (the import page offers only the officer's own).
  await addMember(strapi, officerUser.id);
  // Last year's computed report, for the standard paragraphs.
  await createApplication(strapi, org.documentId, {
    receivedOn: `${lastYear}-03-01`,
    concludedOn: `${lastYear}-03-10`,
    outcome: 'granted',
    state: 'concluded',
  });
  await strapi.plugin('disclosure').service('report').compute(org.documentId, lastYear);
  browser = await launchBrowser();
  ({ context, page, pageErrors } = await newPage(browser, { adminLanguage: 'zh-Hans' }));
});

afterAll(async () => {
  await context?.close().catch(() => {});
  await browser?.close().catch(() => {});
  await server?.close();
  await teardownStrapi();
});

test('the officer pastes a report, sees its error on the cell and the cell’s place in the source, and saves it', async () => {
  try {
    await journey();
  } catch (error) {
    await screenshot(page, 'import-admin-failure').catch(() => {});
    throw error;
  }
});

async function journey() {
  await adminLogin(page, server.url, officer.email, officer.password);
  await page.goto(`${server.url}/admin/plugins/disclosure-import`);
  const selects = page.getByRole('combobox');
  await selects.first().waitFor({ timeout: 60_000 });
  await selects.nth(0).click();
  await page.getByRole('option', { name: org.name }).click();
  await selects.nth(1).click();
  await page.getByRole('option', { name: '2023', exact: true }).click();
  // No import yet: the list below the form says so.
  expect(await page.getByTestId('import-list-empty').innerText()).toBe('尚未导入任何年报。');
  await page.getByTestId('import-text').fill(publishedText());
  await page.getByTestId('import-preview').click();

  // The tables read, with the error on the tampered cell.
  const tampered = page.locator(`td[data-cell-id="${TAMPERED}"]`);
  await tampered.waitFor({ timeout: 60_000 });
  expect((await tampered.innerText()).replace(/\s+/g, ' ')).toMatch(/^7 /);
  expect(await tampered.getAttribute('data-problem')).toBe('error');
  expect(await tampered.getAttribute('data-problem-role')).toBe('cell');
  const problems = page.getByTestId('import-problems');
  expect(await problems.locator('[data-rule="applications.applicantTotal"][data-severity="error"]').count()).toBe(1);
  expect(await page.getByTestId('import-summary').innerText()).toBe(
    '浏览器测试区政务服务中心，2023年，格式依据 国办公开办函〔2021〕30号，读自 文本：共 200 个单元格。',
  );

  // Selecting the cell marks the number in the source text beside the tables.
  await tampered.locator('button').click();
  const mark = page.getByTestId('import-source-mark');
  await mark.waitFor();
  expect(await mark.innerText()).toBe('7');
  expect(await page.getByTestId('import-source-place').innerText()).toMatch(/第 \d+ 行第 \d+ 列/);
  await screenshot(page, 'import-admin-1-preview');

  // Saved as the organization's historical report of 2023.
  expect(await strapi.db.query(HISTORICAL).count()).toBe(0);
  await page.getByTestId('import-confirm').click();
  await page.getByTestId('import-saved').waitFor({ timeout: 60_000 });
  expect(await page.getByTestId('import-saved').innerText()).toContain('李 专员');
  const [stored] = await strapi.documents(HISTORICAL).findMany({ populate: { organization: true, file: true } });
  expect(stored).toMatchObject({ source: 'imported', year: 2023, importedBy: '李 专员' });
  expect(stored.organization.documentId).toBe(org.documentId);
  // The list below the form now shows it: organization, year, who and when, its original file.
  const listed = page.getByTestId('import-list-row');
  await listed.first().waitFor();
  expect(await listed.count()).toBe(1);
  expect(await listed.getAttribute('data-document-id')).toBe(stored.documentId);
  const cells = await listed.locator('td').allInnerTexts();
  expect(cells.slice(0, 2)).toEqual(['浏览器测试区政务服务中心', '2023']);
  expect(cells[2]).toMatch(/^李 专员，.*\d{4}.*\d{1,2}:\d{2}$/);
  expect(cells[3]).toBe(stored.file.name);
  expect(await listed.getByRole('link', { name: stored.file.name }).getAttribute('href')).toBe(stored.file.url);
  expect(stored.file.mime).toBe('text/plain');
  expect(stored.cells[TAMPERED].value).toBe(7);
  await screenshot(page, 'import-admin-2-saved', { fullPage: false });

  // The report page: the standard paragraphs of last year's computed tables.
  await page.goto(`${server.url}/admin/plugins/disclosure?organization=${org.documentId}&year=${lastYear}`);
  await page.getByTestId('paragraphs-open').click();
  const zh = page.getByTestId('paragraphs-zh-Hans.applications');
  await zh.waitFor({ timeout: 60_000 });
  const report = await strapi.plugin('disclosure').service('report').view(org.documentId, lastYear);
  const expected = standardParagraphs(format, report.snapshot.cells, {
    year: lastYear,
    locale: 'zh-Hans',
    feeDecimals: 4,
    organizationName: org.name,
  });
  await page.waitForFunction(
    (text) =>
      (document.querySelector('[data-testid="paragraphs-zh-Hans.applications"]') as HTMLTextAreaElement | null)
        ?.value === text,
    expected.applications,
  );
  expect(await page.getByTestId('paragraphs-en.overview').inputValue()).toContain(
    'Applications for government information disclosure: 1 new',
  );
  await screenshot(page, 'import-admin-3-paragraphs', { fullPage: false });
  expect(pageErrors).toEqual([]);
}
