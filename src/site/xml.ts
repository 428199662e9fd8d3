/**
 * The public site's machine-readable files as pure functions over plain data: robots.txt, sitemaps (sitemaps.org 0.9)
 * and Atom feeds (RFC 4287). Strapi code (src/middlewares/site-files.ts) reads the published content and calls these.
 */

/** Characters XML 1.0 forbids outright (C0 controls but tab, LF, CR; U+FFFE/U+FFFF; lone surrogates). */
const FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text or attribute value made safe for XML: the five special characters escaped, forbidden characters dropped. */
export function escapeXml(value: unknown): string {
  return String(value ?? '')
    .replace(FORBIDDEN, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** An instant as W3C datetime (UTC); null when absent or invalid. */
export function w3cDate(value: unknown): string | null {
  if (!value) return null;
  const d = new Date(String(value));
  return Number.isNaN(d.getTime()) ? null : d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A sitemap file holds at most 50,000 URLs (sitemaps.org); we stay well below so one file stays small. */
export const SITEMAP_CHUNK = 10000;

export type SitemapUrl = { loc: string; lastmod?: string | null };

export function urlset(urls: SitemapUrl[]): string {
  const body = urls
    .map((u) => {
      const lastmod = w3cDate(u.lastmod);
      return `<url><loc>${escapeXml(u.loc)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`;
}

export function sitemapIndex(sitemaps: SitemapUrl[]): string {
  const body = sitemaps
    .map((s) => {
      const lastmod = w3cDate(s.lastmod);
      return `<sitemap><loc>${escapeXml(s.loc)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</sitemap>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</sitemapindex>\n`;
}

export type FeedEntry = {
  id: string;
  title: string;
  link: string;
  updated: string | null;
  published?: string | null;
  summary?: string;
};
export type Feed = {
  id: string;
  title: string;
  subtitle?: string;
  selfLink: string;
  siteLink: string;
  author: string;
  lang: string;
  entries: FeedEntry[];
};

/** An Atom feed. `updated` of the feed is its newest entry (or the epoch when empty: a feed must carry one). */
export function atomFeed(feed: Feed): string {
  const dates = feed.entries
    .map((e) => w3cDate(e.updated))
    .filter((d): d is string => !!d)
    .sort();
  const updated = dates[dates.length - 1] ?? '1970-01-01T00:00:00Z';
  const entries = feed.entries
    .map((e) => {
      const published = w3cDate(e.published);
      return [
        '<entry>',
        `<id>${escapeXml(e.id)}</id>`,
        `<title type="text">${escapeXml(e.title)}</title>`,
        `<link rel="alternate" type="text/html" href="${escapeXml(e.link)}"/>`,
        `<updated>${w3cDate(e.updated) ?? updated}</updated>`,
        published ? `<published>${published}</published>` : '',
        e.summary ? `<summary type="text">${escapeXml(e.summary)}</summary>` : '',
        '</entry>',
      ].join('');
    })
    .join('\n');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(feed.lang)}">`,
    `<id>${escapeXml(feed.id)}</id>`,
    `<title type="text">${escapeXml(feed.title)}</title>`,
    feed.subtitle ? `<subtitle type="text">${escapeXml(feed.subtitle)}</subtitle>` : '',
    `<link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfLink)}"/>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(feed.siteLink)}"/>`,
    `<updated>${updated}</updated>`,
    `<author><name>${escapeXml(feed.author)}</name></author>`,
    entries,
    '</feed>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

/**
 * robots.txt: the site is open to crawlers; the admin, the application endpoints and the search (page and API: endless
 * result pages of what the sitemaps already list) are not.
 */
export function robotsTxt(origin: string): string {
  return [
    'User-agent: *',
    'Allow: /',
    'Disallow: /admin',
    'Disallow: /api/disclosure/applications',
    'Disallow: /site/search.html',
    'Disallow: /api/search',
    '',
    `Sitemap: ${origin}/sitemap.xml`,
    '',
  ].join('\n');
}
