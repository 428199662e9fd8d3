// Which addresses the site may turn into a link or an image: no script, no data, no other site by "//host".

/**
 * The address as a browser reads it: tabs and newlines inside are dropped and control characters or spaces around
 * it are trimmed (the URL standard's preprocessing), so `java\tscript:` cannot pass for a relative path.
 */
const asBrowserReads = (url) =>
  String(url ?? '')
    .replace(/[\t\n\r]/g, '')
    .replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/**
 * An address that may become a link: http(s), mailto, or relative to this site (path, query or fragment).
 * With `{ image: true }`: http(s) or relative only. Anything else (javascript:, data:, vbscript:, "//host") is null.
 */
export function safeUrl(url, { image = false } = {}) {
  const u = asBrowserReads(url);
  if (!u) return null;
  const scheme = SCHEME.exec(u)?.[1].toLowerCase();
  if (scheme) return scheme === 'http' || scheme === 'https' || (!image && scheme === 'mailto') ? u : null;
  // Browsers read "\" as "/" in http(s) addresses: "/\host" and "\\host" are other sites, like "//host".
  if (/^[/\\]{2}/.test(u)) return null;
  return u;
}

/** True for an absolute http(s) address: a link that leaves this site. */
export const isExternal = (url) => /^https?:/i.test(asBrowserReads(url));
