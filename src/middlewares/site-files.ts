/**
 * Serves the public site's machine-readable files: /robots.txt, /sitemap.xml (a sitemap index) with its parts under
 * /sitemaps/, and Atom feeds of notices and policy documents under /feeds/. Everything is read through the Document
 * Service with status 'published' (zh-Hans, the site's default locale), so a draft can never appear.
 */
import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { SITEMAP_CHUNK, atomFeed, robotsTxt, sitemapIndex, urlset, type FeedEntry, type SitemapUrl } from '../site/xml';

const LOCALE = 'zh-Hans';
const FEED_SIZE = 50;
/** Crawlers and feed readers poll; five minutes of staleness is fine for a public notice board. */
const CACHE_CONTROL = 'public, max-age=300';

/** The site's own pages, in the order of its navigation. */
const PAGES = [
  '/',
  '/site/documents.html',
  '/site/notices.html',
  '/site/ca.html',
  '/site/reports.html',
  '/site/guide.html',
  '/site/apply.html',
];

/** Published content with a page of its own on the site. */
const SITEMAP_PARTS = {
  'policy-documents': { uid: 'api::policy-document.policy-document', page: '/site/document.html' },
  notices: { uid: 'api::transaction-notice.transaction-notice', page: '/site/notice.html' },
  projects: { uid: 'api::transaction-project.transaction-project', page: '/site/project.html' },
  reports: { uid: 'api::annual-report.annual-report', page: '/site/report.html' },
} as const;
type PartName = keyof typeof SITEMAP_PARTS;

type Row = Record<string, any>;

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const localized = (uid: string) => Boolean((strapi.contentType(uid as any) as any)?.pluginOptions?.i18n?.localized);

  /** Published rows only; the locale only where the type is localized (others have none). */
  const published = (uid: string, params: Record<string, unknown>) => ({
    ...params,
    status: 'published',
    ...(localized(uid) ? { locale: LOCALE } : {}),
  });

  const docs = (uid: string) =>
    strapi.documents(uid as any) as unknown as {
      findMany(params: Record<string, unknown>): Promise<Row[]>;
      count(params: Record<string, unknown>): Promise<number>;
    };

  /** The public origin: PUBLIC_URL when configured (behind a proxy), else the request's own. */
  const originOf = (ctx: any): string => {
    const configured = String(strapi.config.get('server.url', '') ?? '');
    return /^https?:\/\//i.test(configured) ? configured.replace(/\/+$/, '') : ctx.origin;
  };

  /** The organization hosting the site (isSiteHost first, then displayOrder): the feeds' author. */
  const hostName = async () => {
    const organizations = docs('api::organization.organization');
    // Two queries rather than a sort on isSiteHost: PostgreSQL sorts NULL (rows older than the field) first.
    const [host] = await organizations.findMany({
      locale: LOCALE,
      fields: ['name'],
      filters: { isSiteHost: true },
      sort: ['displayOrder:asc', 'id:asc'],
      limit: 1,
    });
    const [first] = host
      ? [host]
      : await organizations.findMany({
          locale: LOCALE,
          fields: ['name'],
          sort: ['displayOrder:asc', 'id:asc'],
          limit: 1,
        });
    return first?.name ?? '公共资源交易中心';
  };

  async function sitemapIndexXml(origin: string) {
    const entries: SitemapUrl[] = [{ loc: `${origin}/sitemaps/pages.xml` }];
    for (const [name, part] of Object.entries(SITEMAP_PARTS)) {
      const total = await docs(part.uid).count(published(part.uid, {}));
      for (let n = 1; n <= Math.ceil(total / SITEMAP_CHUNK); n += 1)
        entries.push({ loc: `${origin}/sitemaps/${name}-${n}.xml` });
    }
    return sitemapIndex(entries);
  }

  async function sitemapPartXml(origin: string, name: PartName, n: number) {
    const part = SITEMAP_PARTS[name];
    const rows = await docs(part.uid).findMany(
      published(part.uid, {
        fields: ['publishedAt', 'updatedAt'],
        sort: ['id:asc'],
        start: (n - 1) * SITEMAP_CHUNK,
        limit: SITEMAP_CHUNK,
      }),
    );
    if (rows.length === 0) return null;
    return urlset(
      rows.map((r) => ({
        loc: `${origin}${part.page}?id=${encodeURIComponent(r.documentId)}`,
        lastmod: r.publishedAt ?? r.updatedAt,
      })),
    );
  }

  async function noticesFeed(origin: string) {
    const uid = 'api::transaction-notice.transaction-notice';
    const rows = await docs(uid).findMany(
      published(uid, {
        fields: ['title', 'releasedAt', 'publishedAt', 'updatedAt'],
        populate: { project: { fields: ['name', 'projectCode'] } },
        sort: ['releasedAt:desc', 'id:desc'],
        limit: FEED_SIZE,
      }),
    );
    const entries: FeedEntry[] = rows.map((r) => ({
      id: `${origin}/site/notice.html?id=${r.documentId}`,
      title: r.title,
      link: `${origin}/site/notice.html?id=${encodeURIComponent(r.documentId)}`,
      updated: r.publishedAt ?? r.updatedAt,
      published: r.releasedAt,
      summary: r.project
        ? `项目：${r.project.name}${r.project.projectCode ? `（${r.project.projectCode}）` : ''}`
        : undefined,
    }));
    return atomFeed({
      id: `${origin}/feeds/notices.atom`,
      title: '交易公告',
      subtitle: '最新发布的公共资源交易公告',
      selfLink: `${origin}/feeds/notices.atom`,
      siteLink: `${origin}/site/notices.html`,
      author: await hostName(),
      lang: LOCALE,
      entries,
    });
  }

  async function documentsFeed(origin: string) {
    const uid = 'api::policy-document.policy-document';
    const rows = await docs(uid).findMany(
      published(uid, {
        fields: ['title', 'documentNumber', 'issuingBody', 'issuedOn', 'publishedAt', 'updatedAt'],
        sort: ['issuedOn:desc', 'id:desc'],
        limit: FEED_SIZE,
      }),
    );
    const entries: FeedEntry[] = rows.map((r) => ({
      id: `${origin}/site/document.html?id=${r.documentId}`,
      title: r.title,
      link: `${origin}/site/document.html?id=${encodeURIComponent(r.documentId)}`,
      updated: r.publishedAt ?? r.updatedAt,
      published: r.issuedOn,
      summary: [r.issuingBody, r.documentNumber].filter(Boolean).join(' ') || undefined,
    }));
    return atomFeed({
      id: `${origin}/feeds/policy-documents.atom`,
      title: '政策文件',
      subtitle: '最新发布的政策文件',
      selfLink: `${origin}/feeds/policy-documents.atom`,
      siteLink: `${origin}/site/documents.html`,
      author: await hostName(),
      lang: LOCALE,
      entries,
    });
  }

  /** What a path asks for, or null when it is not one of these files. */
  async function render(path: string, origin: string): Promise<{ type: string; body: string } | null | 'missing'> {
    const XML = 'application/xml; charset=utf-8';
    if (path === '/robots.txt') return { type: 'text/plain; charset=utf-8', body: robotsTxt(origin) };
    if (path === '/sitemap.xml') return { type: XML, body: await sitemapIndexXml(origin) };
    if (path === '/sitemaps/pages.xml')
      return { type: XML, body: urlset(PAGES.map((p) => ({ loc: `${origin}${p}` }))) };
    const part = /^\/sitemaps\/([a-z-]+)-([1-9][0-9]{0,5})\.xml$/.exec(path);
    if (part) {
      if (!(part[1] in SITEMAP_PARTS)) return 'missing';
      const body = await sitemapPartXml(origin, part[1] as PartName, Number(part[2]));
      return body ? { type: XML, body } : 'missing';
    }
    if (path === '/feeds/notices.atom')
      return { type: 'application/atom+xml; charset=utf-8', body: await noticesFeed(origin) };
    if (path === '/feeds/policy-documents.atom')
      return { type: 'application/atom+xml; charset=utf-8', body: await documentsFeed(origin) };
    return null;
  }

  return async (ctx: any, next: () => Promise<unknown>) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    const path = ctx.path as string;
    if (path !== '/robots.txt' && !path.startsWith('/sitemap') && !path.startsWith('/feeds/')) return next();
    const answer = await render(path, originOf(ctx));
    if (answer === null) return next();
    if (answer === 'missing') {
      ctx.status = 404;
      ctx.type = 'text/plain; charset=utf-8';
      ctx.body = 'Not Found';
      return;
    }
    ctx.set('Cache-Control', CACHE_CONTROL);
    ctx.type = answer.type;
    const etag = `"${crypto.createHash('sha1').update(answer.body).digest('base64url')}"`;
    ctx.set('ETag', etag);
    const asked = String(ctx.get('If-None-Match') ?? '')
      .split(',')
      .map((tag) => tag.trim().replace(/^W\//, ''));
    if (asked.includes(etag)) {
      ctx.status = 304;
      return;
    }
    ctx.status = 200;
    ctx.body = answer.body;
  };
};
