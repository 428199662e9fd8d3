/**
 * The public site's server-side files: robots.txt, the sitemap index and its parts, the Atom feeds of notices and
 * policy documents, and the 404 page. Given published and draft content, they list the published content only, are
 * well-formed XML with the special characters escaped, carry caching headers, and the API keeps its JSON 404.
 */
import type { Core } from '@strapi/strapi';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { setupStrapi, teardownStrapi, http } from '../helpers/strapi';
import { createOrganization, createPolicyDocument } from '../helpers/records';
import { createNotice, createProject, createReport } from '../helpers/content';

let strapi: Core.Strapi;
const ids: Record<string, string> = {};
/** A title with every XML special character, a control character and Chinese text. */
const NASTY = '关于<招标>公告 & "测试" \'引号\' \u0001结束';

const parse = (xml: string) =>
  new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => ['url', 'sitemap', 'entry', 'link'].includes(name),
  }).parse(xml);
const wellFormed = (xml: string) => expect(XMLValidator.validate(xml)).toBe(true);

/** GET with a text body whatever the content type (supertest buffers only JSON and text by default). */
const getText = (path: string, headers: Record<string, string> = {}) => {
  let req = http()
    .get(path)
    .buffer(true)
    .parse((res, done) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => done(null, body));
    });
  for (const [k, v] of Object.entries(headers)) req = req.set(k, v);
  return req;
};

beforeAll(async () => {
  strapi = await setupStrapi();
  const host = await createOrganization(strapi, {
    name: '驻马店市公共资源交易中心',
    displayOrder: 5,
    isSiteHost: true,
  });
  await createOrganization(strapi, { name: '排在前面但不是主办单位', displayOrder: 1 });
  ids.org = host.documentId;

  ids.document = (
    await createPolicyDocument(strapi, { title: NASTY, documentNumber: '驻政〔2021〕12号', issuedOn: '2021-06-01' })
  ).documentId;
  ids.draftDocument = (await createPolicyDocument(strapi, { title: '从未发布的草稿文件DRAFTDOC' }, false)).documentId;

  const project = await createProject(strapi, { name: '已发布项目' });
  ids.project = project.documentId;
  ids.draftProject = (await createProject(strapi, { name: '草稿项目DRAFTPROJECT' }, false)).documentId;
  ids.notice = (
    await createNotice(strapi, project.documentId, { title: NASTY, releasedAt: '2024-03-04T02:00:00.000Z' })
  ).documentId;
  ids.draftNotice = (
    await createNotice(strapi, project.documentId, { title: '草稿公告DRAFTNOTICE' }, false)
  ).documentId;
  // A published notice whose newer draft must not leak into the feed.
  const changed = await createNotice(strapi, project.documentId, {
    title: '已发布的原标题',
    releasedAt: '2024-03-05T02:00:00.000Z',
  });
  await strapi
    .documents('api::transaction-notice.transaction-notice')
    .update({ documentId: changed.documentId, data: { title: '未发布的新标题DRAFTCHANGE' } } as any);
  ids.changed = changed.documentId;

  ids.draftReport = (await createReport(strapi, host.documentId, { year: 2022 }, false)).documentId;
});

afterAll(async () => {
  await teardownStrapi();
});

describe('robots.txt', () => {
  it('allows the site, disallows the admin, the application endpoints and the search, and links the sitemap', async () => {
    const res = await getText('/robots.txt');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    const lines = (res.body as string).split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        'User-agent: *',
        'Allow: /',
        'Disallow: /admin',
        'Disallow: /api/disclosure/applications',
        'Disallow: /site/search.html',
        'Disallow: /api/search',
      ]),
    );
    expect(lines.find((l) => l.startsWith('Sitemap: '))).toMatch(
      /^Sitemap: http:\/\/127\.0\.0\.1(:\d+)?\/sitemap\.xml$/,
    );
  });
});

describe('sitemap', () => {
  it('is an index of the pages and one part per type with published content', async () => {
    const res = await getText('/sitemap.xml');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/xml/);
    expect(res.headers.etag).toBeTruthy();
    wellFormed(res.body);
    const locs = parse(res.body).sitemapindex.sitemap.map((s: any) => new URL(s.loc).pathname);
    // No published report: no reports part.
    expect(locs).toEqual([
      '/sitemaps/pages.xml',
      '/sitemaps/policy-documents-1.xml',
      '/sitemaps/notices-1.xml',
      '/sitemaps/projects-1.xml',
    ]);
  });

  it('lists published documents, notices and projects with lastmod, and never a draft', async () => {
    const all: string[] = [];
    for (const part of ['pages', 'policy-documents-1', 'notices-1', 'projects-1']) {
      const res = await getText(`/sitemaps/${part}.xml`);
      expect(res.status).toBe(200);
      wellFormed(res.body);
      const urls = parse(res.body).urlset.url;
      if (part !== 'pages') for (const u of urls) expect(u.lastmod).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      all.push(...urls.map((u: any) => u.loc));
    }
    const paths = all.map((loc) => {
      const u = new URL(loc);
      return u.pathname + u.search;
    });
    expect(paths).toEqual(
      expect.arrayContaining([
        '/',
        '/site/notices.html',
        '/site/guide.html',
        `/site/document.html?id=${ids.document}`,
        `/site/notice.html?id=${ids.notice}`,
        `/site/notice.html?id=${ids.changed}`,
        `/site/project.html?id=${ids.project}`,
      ]),
    );
    for (const draft of [ids.draftDocument, ids.draftNotice, ids.draftProject, ids.draftReport])
      expect(all.join('\n')).not.toContain(draft);
    expect(all.filter((l) => l.includes(ids.notice))).toHaveLength(1);
  });

  it('answers 404 for a part past the end or of an unknown type, and 304 when unchanged', async () => {
    expect((await getText('/sitemaps/notices-2.xml')).status).toBe(404);
    expect((await getText('/sitemaps/reports-1.xml')).status).toBe(404);
    expect((await getText('/sitemaps/applications-1.xml')).status).toBe(404);
    // supertest listens on a new port per request: a fixed Host keeps the origin, hence the body, the same.
    const host = { Host: 'ggzy.example.cn' };
    const first = await getText('/sitemap.xml', host);
    expect(first.body).toContain('<loc>http://ggzy.example.cn/sitemaps/pages.xml</loc>');
    expect((await getText('/sitemap.xml', { ...host, 'If-None-Match': first.headers.etag })).status).toBe(304);
  });
});

describe('Atom feeds', () => {
  it('carry the latest published notices in zh-Hans, escaped, without drafts or unpublished changes', async () => {
    const res = await getText('/feeds/notices.atom');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/atom\+xml/);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    wellFormed(res.body);
    expect(res.body).toContain('xml:lang="zh-Hans"');
    expect(res.body).toContain('关于&lt;招标&gt;公告 &amp; &quot;测试&quot; &apos;引号&apos; 结束');
    expect(res.body).not.toContain('\u0001');
    const feed = parse(res.body).feed;
    expect(feed.author.name).toBe('驻马店市公共资源交易中心');
    const titles = feed.entry.map((e: any) => String(e.title['#text']));
    expect(titles).toEqual(['已发布的原标题', '关于<招标>公告 & "测试" \'引号\' 结束']);
    expect(res.body).not.toMatch(/DRAFTNOTICE|DRAFTCHANGE/);
    expect(feed.entry[1].link[0]['@_href']).toMatch(new RegExp(`/site/notice\\.html\\?id=${ids.notice}$`));
    expect(feed.entry[1].published).toBe('2024-03-04T02:00:00Z');
  });

  it('carry the latest published policy documents', async () => {
    const res = await getText('/feeds/policy-documents.atom');
    expect(res.status).toBe(200);
    wellFormed(res.body);
    const feed = parse(res.body).feed;
    expect(feed.entry).toHaveLength(1);
    expect(feed.entry[0].summary['#text']).toBe('测试机关 驻政〔2021〕12号');
    expect(res.body).not.toContain('DRAFTDOC');
  });

  it('show a draft once it is published', async () => {
    await strapi
      .documents('api::transaction-notice.transaction-notice')
      .publish({ documentId: ids.draftNotice } as any);
    const res = await getText('/feeds/notices.atom');
    expect(res.body).toContain('草稿公告DRAFTNOTICE');
    const map = await getText('/sitemaps/notices-1.xml');
    expect(map.body).toContain(ids.draftNotice);
  });
});

describe('/site/labels.js', () => {
  it('is generated from src/labels as a JavaScript module, with an ETag', async () => {
    const res = await getText('/site/labels.js').expect(200);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.body).toContain(
      'export const NOTICE_TYPE_LABELS = {"tenderNotice":{"zh":"招标公告","en":"Tender notice"}',
    );
    await getText('/site/labels.js', { 'If-None-Match': res.headers.etag }).expect(304);
  });
});

describe('404 page', () => {
  it.each(['/nope', '/site/nope.html', '/SITE/Nope.HTML', '/a/b/c'])(
    'answers %s with the site page and status 404',
    async (path) => {
      const res = await getText(path, { Accept: 'text/html,application/xhtml+xml' });
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toContain('<script type="module" src="/site/404.js"></script>');
      expect(res.body).toContain('页面不存在');
    },
  );

  it('keeps JSON 404s for the API in any letter case, and plain 404s for missing assets', async () => {
    for (const path of ['/api/nope', '/API/nope', '/api/policy-documents/doesnotexist']) {
      const res = await http().get(path).set('Accept', 'text/html');
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/json/);
    }
    const asset = await getText('/site/nope.js', { Accept: '*/*' });
    expect(asset.status).toBe(404);
    expect(asset.body).not.toContain('404.js');
    const json = await getText('/nope', { Accept: 'application/json' });
    expect(json.status).toBe(404);
    expect(json.body).not.toContain('<html');
  });

  it('leaves existing pages alone', async () => {
    const res = await getText('/site/notices.html', { Accept: 'text/html' });
    expect(res.status).toBe(200);
    expect(res.body).toContain('/site/notices.js');
  });
});

describe('disclosure guide and site host', () => {
  it('the public reads the published guide only, and the host organization with its site fields', async () => {
    const G = strapi.documents('api::disclosure-guide.disclosure-guide' as any) as any;
    expect((await http().get('/api/disclosure-guide')).status).toBe(404);
    const guide = await G.create({
      locale: 'zh-Hans',
      data: { title: '政府信息公开指南', body: '## 一、申请方式', phone: '0396-1234567' },
    });
    expect((await http().get('/api/disclosure-guide')).status).toBe(404);
    expect((await http().get('/api/disclosure-guide?status=draft')).status).toBe(404);
    await G.publish({ documentId: guide.documentId, locale: 'zh-Hans' });
    const res = await http().get('/api/disclosure-guide');
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ title: '政府信息公开指南', phone: '0396-1234567' });
    expect(
      (
        await http()
          .put('/api/disclosure-guide')
          .send({ data: { title: 'x' } })
      ).status,
    ).toBe(403);

    await strapi.documents('api::organization.organization').update({
      documentId: ids.org,
      locale: 'zh-Hans',
      data: {
        siteCode: '4117000001',
        icpNumber: '豫ICP备12345678号',
        publicSecurityNumber: '豫公网安备41170202000123号',
        phone: '0396-0000000',
      },
    } as any);
    const host = await http()
      .get('/api/organizations')
      .query({ 'sort[0]': 'isSiteHost:desc', 'sort[1]': 'displayOrder:asc', 'pagination[pageSize]': 1 });
    expect(host.status).toBe(200);
    expect(host.body.data[0]).toMatchObject({
      name: '驻马店市公共资源交易中心',
      isSiteHost: true,
      siteCode: '4117000001',
      icpNumber: '豫ICP备12345678号',
    });
  });

  it('refuses a malformed site code naming the field', async () => {
    await expect(
      strapi
        .documents('api::organization.organization')
        .update({ documentId: ids.org, locale: 'zh-Hans', data: { siteCode: '12<script>' } } as any),
    ).rejects.toThrow(/siteCode/);
  });
});

describe('sample seed', () => {
  it('publishes a 示例 guide in zh-Hans and en and makes the center the site host; a second run creates nothing', async () => {
    const { SeedStore } = await import('../../src/seed/store');
    const { seedOrganizations } = await import('../../src/seed/organizations');
    const { seedDisclosureGuide } = await import('../../src/seed/disclosure-guide');
    const G = strapi.documents('api::disclosure-guide.disclosure-guide' as any) as any;
    // The guide created above stands in the way of the seed's: remove it, as on a fresh database.
    const existing = await G.findFirst({ locale: 'zh-Hans', status: 'draft' });
    if (existing) await G.delete({ documentId: existing.documentId, locale: '*' });

    const store = new SeedStore(strapi, () => {}, '2026-11-30');
    const orgs = await seedOrganizations(store);
    await seedDisclosureGuide(store, orgs.center);
    const center = await strapi
      .documents('api::organization.organization')
      .findOne({ documentId: orgs.center, locale: 'zh-Hans' } as any);
    expect(center).toMatchObject({ isSiteHost: true, siteCode: '4117000000', email: 'ggzy@example.com' });
    const zh = await http().get('/api/disclosure-guide');
    expect(zh.body.data.title).toBe('政府信息公开指南（示例）');
    const en = await http().get('/api/disclosure-guide?locale=en');
    expect(en.body.data.title).toBe('Guide to government information disclosure (sample)');

    const again = new SeedStore(strapi, () => {}, '2026-11-30');
    await seedOrganizations(again);
    await seedDisclosureGuide(again, orgs.center);
    expect(Object.values(again.tally).every((t) => t.created === 0)).toBe(true);
  });
});
