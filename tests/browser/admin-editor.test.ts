/**
 * An editor's body text, in Chromium: Word/WPS HTML pasted into the Content Manager's body field (a real paste event
 * with text/html) becomes Markdown with the numbering, bold and the fee table kept; the draft's preview opens the
 * site's page under a "预览 草稿" banner; once published the public page shows the table; and script in a pasted or
 * stored body never runs on the site. Screenshots go to tests/artifacts/admin-editor-*.png.
 */
import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { memberEverywhere, setupStrapi, teardownStrapi } from '../helpers/strapi';
import { createOrganization, createPolicyDocument } from '../helpers/records';
import { adminLogin, launchBrowser, newPage, screenshot, serve } from '../helpers/browser';

jest.setTimeout(300_000);

const POLICY = 'api::policy-document.policy-document';
const WORD = fs.readFileSync(path.join(__dirname, '../fixtures/paste/word-fee-schedule.html'), 'utf8');
const TABLE_LINES = [
  '| 中标金额（万元） | 费率 / 招标人 | 费率 / 中标人 |',
  '| --- | ---: | ---: |',
  '| 100以下 | 0.10% | 0.15% |',
];
let strapi: any;
let server: Awaited<ReturnType<typeof serve>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];
/** The editor's organization: under the organization scope an editor sees its organizations' documents only. */
let organization: string;
const editor = {
  email: `editor-${crypto.randomBytes(3).toString('hex')}@example.test`,
  password: `Editor-${crypto.randomBytes(6).toString('hex')}A1`,
};

beforeAll(async () => {
  strapi = await setupStrapi();
  server = await serve(strapi);
  const role = await strapi.service('admin::role').findOne({ code: 'content-editor' });
  const user = await strapi
    .service('admin::user')
    .create({ ...editor, firstname: '编辑', lastname: '王', isActive: true, roles: [role.id] });
  organization = (await createOrganization(strapi, { name: '编辑所在机构' })).documentId;
  await memberEverywhere(strapi, user.id);
  browser = await launchBrowser();
  ({ context, page, pageErrors } = await newPage(browser));
  await adminLogin(page, server.url, editor.email, editor.password);
});

afterAll(async () => {
  await context?.close().catch(() => {});
  await browser?.close().catch(() => {});
  await server?.close();
  await teardownStrapi();
});

/** Opens the edit view of a document and replaces its body with a paste of `html` (as Word puts it on the clipboard). */
async function pasteIntoBody(documentId: string, html: string) {
  await page.goto(
    `${server.url}/admin/content-manager/collection-types/${POLICY}/${documentId}?plugins[i18n][locale]=zh-Hans`,
  );
  const editorBox = page.locator('.CodeMirror').first();
  await editorBox.waitFor({ timeout: 60_000 });
  await editorBox.click();
  await page.keyboard.press('Control+A');
  await page.evaluate((clip) => {
    // Where the browser sends a paste: the focused element, CodeMirror's own input inside the editor.
    const target = document.activeElement as HTMLElement;
    if (!target.closest('.CodeMirror'))
      throw new Error(`the focus is on ${target.outerHTML.slice(0, 120)}, not in the body editor`);
    const data = new DataTransfer();
    data.setData('text/html', clip);
    data.setData('text/plain', 'plain text that must not be used');
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
  return page.evaluate(() => (document.querySelector('.CodeMirror') as any).CodeMirror.getValue() as string);
}

async function save(documentId: string, expectInBody: string) {
  await page.getByRole('button', { name: '保存' }).click();
  for (let i = 0; i < 60; i += 1) {
    const draft = await strapi.documents(POLICY).findOne({ documentId, locale: 'zh-Hans' });
    if (draft?.body?.includes(expectInBody)) return draft.body as string;
    await page.waitForTimeout(500);
  }
  throw new Error('the body was not saved');
}

test('a paste from Word keeps numbering, bold and the fee table; the draft previews under a banner; the site shows the table', async () => {
  const doc = await createPolicyDocument(
    strapi,
    { title: '关于调整公共资源交易服务费标准的通知', documentNumber: '驻政〔2021〕12号', body: '待粘贴', organization },
    false,
  );
  const markdown = await pasteIntoBody(doc.documentId, WORD);
  expect(markdown).not.toContain('plain text that must not be used');
  expect(markdown).toContain('1.  自**2022年1月1日**起执行新标准；');
  for (const line of TABLE_LINES) expect(markdown).toContain(line);
  await screenshot(page, 'admin-editor-pasted-body', { fullPage: false });
  const stored = await save(doc.documentId, TABLE_LINES[0]);
  expect(stored).toBe(markdown);

  // Strapi's preview of the draft: the site's page in a frame, with the draft's table and the banner.
  await page
    .getByRole('link', { name: '打开预览' })
    .or(page.getByRole('button', { name: '打开预览' }))
    .first()
    .click();
  const frame = page.frameLocator('iframe').first();
  await frame.locator('.preview-banner').waitFor({ timeout: 60_000 });
  expect(await frame.locator('.preview-banner').innerText()).toContain('预览 草稿');
  await frame.locator('.prose table').waitFor();
  expect(await frame.locator('h1').first().innerText()).toBe('关于调整公共资源交易服务费标准的通知');
  expect(await frame.locator('.prose thead th').allInnerTexts()).toEqual([
    '中标金额（万元）',
    '费率 / 招标人',
    '费率 / 中标人',
  ]);
  await screenshot(page, 'admin-editor-draft-preview', { fullPage: false });

  // The public page of a never-published document: not found (the preview's token is not in its address).
  const site = await context.newPage();
  await site.goto(`${server.url}/site/document.html?id=${doc.documentId}`);
  await site.locator('.alert').first().waitFor();
  expect(await site.locator('.prose').count()).toBe(0);
  await strapi.documents(POLICY).publish({ documentId: doc.documentId });
  await site.reload();
  await site.locator('.prose table').waitFor();
  expect(await site.locator('.preview-banner').count()).toBe(0);
  expect(await site.locator('.prose thead th').allInnerTexts()).toEqual([
    '中标金额（万元）',
    '费率 / 招标人',
    '费率 / 中标人',
  ]);
  expect(await site.locator('.prose tbody tr').first().locator('td').allInnerTexts()).toEqual([
    '100以下',
    '0.10%',
    '0.15%',
  ]);
  expect(await site.locator('.prose ol > li').allInnerTexts()).toEqual([
    '自2022年1月1日起执行新标准；',
    '原标准同时废止。',
  ]);
  expect(await site.locator('.prose ol strong').innerText()).toBe('2022年1月1日');
  await screenshot(site, 'admin-editor-site-table');
  await site.close();
  expect(pageErrors).toEqual([]);
});

test('script in a pasted or stored body never runs on the site', async () => {
  const doc = await createPolicyDocument(strapi, { title: '含有脚本的粘贴', body: '待粘贴', organization }, false);
  const hostile = `<p>正文<b>加粗</b><script>window.__xss=1</script><img src="x" onerror="window.__xss=2"></p>
    <table><tr><th onmouseover="window.__xss=3">项目</th></tr><tr><td><a href="javascript:window.__xss=4">点我</a></td></tr></table>`;
  const markdown = await pasteIntoBody(doc.documentId, hostile);
  expect(markdown).not.toMatch(/__xss|javascript:|onerror|onmouseover/);
  await save(doc.documentId, '| 项目 |');
  // A body stored by other means (API, import) with raw HTML: the site shows it as text.
  await strapi.documents(POLICY).update({
    documentId: doc.documentId,
    locale: 'zh-Hans',
    data: {
      body: `${markdown}\n\n<script>window.__xss=5</script><img src=x onerror="window.__xss=6">\n\n[链接](javascript:window.__xss=7)`,
    },
  });
  await strapi.documents(POLICY).publish({ documentId: doc.documentId });
  const site = await context.newPage();
  const errors: string[] = [];
  site.on('pageerror', (error) => errors.push(error.message));
  await site.goto(`${server.url}/site/document.html?id=${doc.documentId}`);
  await site.locator('.prose table').waitFor();
  for (const link of await site.locator('.prose a').all()) await link.click({ trial: true }).catch(() => {});
  await site.locator('.prose th').hover();
  await site.waitForTimeout(500);
  expect(await site.evaluate(() => (window as any).__xss)).toBeUndefined();
  expect(
    await site
      .locator('.prose script, .prose img, .prose [onerror], .prose [onmouseover], .prose a[href^="javascript"]')
      .count(),
  ).toBe(0);
  expect(await site.locator('.prose').innerText()).toContain('<script>window.__xss=5</script>');
  await screenshot(site, 'admin-editor-site-inert');
  await site.close();
  expect(errors).toEqual([]);
});

test('the list view filter of an enumeration offers its Chinese labels, and filters by the code', async () => {
  await createPolicyDocument(strapi, { title: '筛选用的规章', kind: 'regulation', organization });
  await page.goto(`${server.url}/admin/content-manager/collection-types/${POLICY}?plugins[i18n][locale]=zh-Hans`);
  await page.getByRole('button', { name: '筛选器' }).click();
  await page.getByRole('combobox', { name: '选择字段' }).click();
  await page.getByRole('option', { name: '文件类别' }).click();
  await page.getByRole('combobox', { name: '文件类别' }).click();
  expect(await page.getByRole('option').allInnerTexts()).toEqual(['请选择', '规章', '行政规范性文件', '其他']);
  await screenshot(page, 'admin-editor-enum-filter', { fullPage: false });
  await page.getByRole('option', { name: '规章' }).click();
  await page.getByRole('button', { name: '添加筛选器' }).click();
  await page.waitForURL((url) => decodeURIComponent(url.search).includes('[kind][$eq]=regulation'));
  await page.getByText('筛选用的规章').first().waitFor();
  expect(pageErrors).toEqual([]);
});
