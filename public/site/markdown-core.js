// Markdown bodies (Strapi's richtext field) to safe HTML: markdown-it parses (raw HTML off, GFM tables and
// strikethrough on), then DOMPurify keeps only an allow-list of tags and attributes. The libraries are passed in, so
// the site (browser builds served from /site/vendor/) and the unit tests (Node packages, jsdom) run the same code.
import { isExternal, safeUrl } from './url.js';

/** What a body may contain after sanitizing: no style, no event handler, no form, no frame, no SVG. */
export const ALLOWED_TAGS = [
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'p',
  'br',
  'hr',
  'blockquote',
  'pre',
  'code',
  'strong',
  'em',
  's',
  'ul',
  'ol',
  'li',
  'a',
  'img',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
];
export const ALLOWED_ATTR = ['href', 'src', 'alt', 'title', 'start', 'scope', 'class'];
/** The only classes: table column alignment (markdown-it writes it as a style attribute, which is not allowed). */
const ALLOWED_CLASS = /^align-(left|center|right)$/;

/** The narrative sections of a report are plain text or simple HTML written by the officer. */
const NARRATIVE_TAGS = ['p', 'br', 'strong', 'em', 'b', 'i', 'u', 'ul', 'ol', 'li', 'h3', 'h4', 'blockquote'];

/**
 * DOMPurify with the site's rules on top of the allow-list: links only to http(s), mailto or this site (external
 * ones with rel="noopener noreferrer"), images only from http(s) or this site, classes only for alignment.
 */
function configurePurify(DOMPurify) {
  DOMPurify.addHook('uponSanitizeAttribute', (node, data) => {
    if (data.attrName === 'class') data.keepAttr = data.attrValue.split(/\s+/).every((c) => ALLOWED_CLASS.test(c));
  });
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    const tag = node.tagName.toLowerCase();
    if (tag === 'a') {
      const href = node.getAttribute('href');
      if (href !== null && safeUrl(href) === null) node.removeAttribute('href');
      if (node.hasAttribute('href') && isExternal(node.getAttribute('href')))
        node.setAttribute('rel', 'noopener noreferrer');
      else node.removeAttribute('rel');
    } else if (tag === 'img') {
      const src = node.getAttribute('src');
      if (src !== null && safeUrl(src, { image: true }) === null) node.removeAttribute('src');
      node.setAttribute('loading', 'lazy');
    }
  });
  return DOMPurify;
}

const purifyOptions = (tags, attrs) => ({
  ALLOWED_TAGS: tags,
  // rel and loading are set by the hook above, after the allow-list has run.
  ALLOWED_ATTR: attrs,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  // Text inside a dropped element (e.g. <svg>, <form>) stays text; <script> and <style> content goes.
  KEEP_CONTENT: true,
});

/** Shifts heading levels so that the body's highest heading becomes `topLevel` (never beyond h6). */
function shiftHeadings(tokens, topLevel) {
  const levels = tokens.filter((t) => t.type === 'heading_open').map((t) => Number(t.tag.slice(1)));
  if (!levels.length) return;
  const offset = topLevel - Math.min(...levels);
  for (const t of tokens) {
    if (t.type === 'heading_open' || t.type === 'heading_close') {
      t.tag = `h${Math.max(1, Math.min(6, Number(t.tag.slice(1)) + offset))}`;
    }
  }
}

/** Table cells: alignment as a class instead of a style; header cells of the head row say what they head. */
function tableCells(tokens) {
  let inHead = false;
  for (const t of tokens) {
    if (t.type === 'thead_open') inHead = true;
    if (t.type === 'thead_close') inHead = false;
    if (t.type === 'th_open' || t.type === 'td_open') {
      const align = /text-align:(left|center|right)/.exec(t.attrGet('style') ?? '')?.[1];
      t.attrs = (t.attrs ?? []).filter(([name]) => name !== 'style');
      if (t.type === 'th_open' && inHead) t.attrSet('scope', 'col');
      if (align) t.attrSet('class', `align-${align}`);
    }
  }
}

/** An image from anywhere but http(s) or this site (e.g. mailto:) is shown as its alt text. */
function unsafeImagesAsText(tokens) {
  for (const t of tokens) {
    if (t.type !== 'inline' || !t.children) continue;
    for (const child of t.children) {
      if (child.type === 'image' && safeUrl(child.attrGet('src'), { image: true }) === null) {
        child.type = 'text';
        child.tag = '';
        child.attrs = null;
        child.content = child.children?.map((c) => c.content).join('') ?? child.content;
        child.children = null;
      }
    }
  }
}

/**
 * The site's Markdown renderer over the given libraries: `MarkdownIt` (the constructor) and a `DOMPurify` instance
 * bound to a window. Returns `renderMarkdown(source, { topLevel })` and `sanitizeNarrative(html)`.
 */
export function createMarkdown({ MarkdownIt, DOMPurify }) {
  const md = new MarkdownIt('default', {
    html: false, // raw HTML in a body is shown as text
    linkify: true, // bare http(s) addresses become links
    breaks: true, // a line break typed in the editor (or pasted from Word) stays a line break
    typographer: false,
  });
  md.linkify.set({ fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false });
  // markdown-it refuses javascript:/vbscript:/file: and some data: by itself; the site allows less.
  md.validateLink = (url) => safeUrl(url) !== null;
  const purify = configurePurify(DOMPurify);
  const bodyOptions = purifyOptions(ALLOWED_TAGS, ALLOWED_ATTR);
  const narrativeOptions = purifyOptions(NARRATIVE_TAGS, []);

  /**
   * Markdown to sanitized HTML. Headings are shifted so that the body's highest one becomes `topLevel` (h2: under
   * the page's h1, whether the editor started with "#" or "##").
   */
  function renderMarkdown(source, { topLevel = 2 } = {}) {
    const text = String(source ?? '').replace(/\u0000/g, '');
    if (!text.trim()) return '';
    const env = {};
    const tokens = md.parse(text, env);
    shiftHeadings(tokens, topLevel);
    tableCells(tokens);
    unsafeImagesAsText(tokens);
    return purify.sanitize(md.renderer.render(tokens, md.options, env), bodyOptions).trim();
  }

  /** Simple HTML of a report's narrative section, reduced to its allowed tags without any attribute. */
  function sanitizeNarrative(html) {
    return purify.sanitize(String(html ?? ''), narrativeOptions);
  }

  return { renderMarkdown, sanitizeNarrative };
}
