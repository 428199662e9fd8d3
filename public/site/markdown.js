// A small, safe Markdown renderer for rich-text bodies (Strapi's richtext field is Markdown): headings, paragraphs,
// lists, quotes, emphasis, code, links and images. Every character of the source is escaped first, and only
// http(s), mailto and same-site addresses become links, so the output can be inserted as HTML.

export const escapeHtml = (s) =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** An address that may become a link or an image: http(s), mailto, or relative to this site. */
export function safeUrl(url) {
  const u = String(url ?? '').trim();
  if (!u) return null;
  if (/^(https?:|mailto:)/i.test(u)) return u;
  if (/^[a-z][a-z0-9+.-]*:/i.test(u)) return null;
  if (u.startsWith('//')) return null;
  return u;
}

const emphasis = (s) =>
  s
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/__([^_]+)__/g, '<strong>$1</strong>')
    .replace(/(^|[^*])\*([^*\s][^*]*)\*/g, '$1<em>$2</em>');

function inline(escaped) {
  // Code spans, images and links are set aside behind placeholders so that emphasis never reaches into them.
  const slots = [];
  const keep = (html) => `\u0000${slots.push(html) - 1}\u0000`;
  let s = escaped.replace(/`([^`]+)`/g, (_, code) => keep(`<code>${code}</code>`));
  s = s.replace(/!\[([^\]]*)\]\(([^)\s]+)\)/g, (whole, alt, url) => {
    const safe = safeUrl(url.replace(/&amp;/g, '&'));
    return safe ? keep(`<img src="${escapeHtml(safe)}" alt="${alt}" loading="lazy">`) : alt;
  });
  s = s.replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (whole, text, url) => {
    const safe = safeUrl(url.replace(/&amp;/g, '&'));
    if (!safe) return text;
    const external = /^https?:/i.test(safe) ? ' rel="noopener noreferrer"' : '';
    return keep(`<a href="${escapeHtml(safe)}"${external}>${emphasis(text)}</a>`);
  });
  s = emphasis(s);
  const restore = (t) => t.replace(/\u0000(\d+)\u0000/g, (_, i) => restore(slots[Number(i)]));
  return restore(s);
}

const HEADING = /^\s{0,3}(#{1,6})\s+/;

/**
 * Markdown to HTML. Headings are shifted so that the body's highest one becomes `topLevel` (h2: under the page's
 * h1, whether the editor started with "#" or "##"). Raw HTML in the source is shown as text.
 */
export function renderMarkdown(source, { topLevel = 2, headingOffset } = {}) {
  const lines = String(source ?? '').replace(/\u0000/g, '').replace(/\r\n?/g, '\n').split('\n');
  if (headingOffset === undefined) {
    const levels = lines.map((l) => HEADING.exec(l)?.[1].length).filter(Boolean);
    headingOffset = levels.length ? topLevel - Math.min(...levels) : 0;
  }
  const out = [];
  let paragraph = [];
  let list = null; // { tag, items }
  let quote = [];
  const flushParagraph = () => {
    if (paragraph.length) out.push(`<p>${paragraph.map((l) => inline(escapeHtml(l))).join('<br>')}</p>`);
    paragraph = [];
  };
  const flushList = () => {
    if (list) out.push(`<${list.tag}>${list.items.map((i) => `<li>${inline(escapeHtml(i))}</li>`).join('')}</${list.tag}>`);
    list = null;
  };
  const flushQuote = () => {
    if (quote.length) out.push(`<blockquote>${renderMarkdown(quote.join('\n'), { headingOffset })}</blockquote>`);
    quote = [];
  };
  const flushAll = () => {
    flushParagraph();
    flushList();
    flushQuote();
  };
  for (const raw of lines) {
    const line = raw.replace(/\s+$/, '');
    let m;
    if (!line.trim()) {
      flushAll();
    } else if ((m = /^\s{0,3}>\s?(.*)$/.exec(line))) {
      flushParagraph();
      flushList();
      quote.push(m[1]);
    } else if ((m = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*$/.exec(line))) {
      flushAll();
      const level = Math.max(1, Math.min(6, m[1].length + headingOffset));
      out.push(`<h${level}>${inline(escapeHtml(m[2]))}</h${level}>`);
    } else if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) {
      flushAll();
      out.push('<hr>');
    } else if ((m = /^\s{0,3}[-*+]\s+(.*)$/.exec(line))) {
      flushParagraph();
      flushQuote();
      if (!list || list.tag !== 'ul') {
        flushList();
        list = { tag: 'ul', items: [] };
      }
      list.items.push(m[1]);
    } else if ((m = /^\s{0,3}\d{1,9}[.)]\s+(.*)$/.exec(line))) {
      flushParagraph();
      flushQuote();
      if (!list || list.tag !== 'ol') {
        flushList();
        list = { tag: 'ol', items: [] };
      }
      list.items.push(m[1]);
    } else if (list && /^\s{2,}\S/.test(raw)) {
      list.items[list.items.length - 1] += ` ${line.trim()}`;
    } else {
      flushList();
      flushQuote();
      paragraph.push(line.trim());
    }
  }
  flushAll();
  return out.join('\n');
}
