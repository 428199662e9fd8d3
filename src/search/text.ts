/**
 * The text side of site-wide search, pure: what a search entry is indexed under and what a query asks for.
 *
 * Chinese has no spaces between words, so words are not what is indexed: every run of letters and digits is cut into
 * overlapping character pairs (bigrams: 政府采购 → 政府 府采 采购) plus its last character alone. A query of two
 * characters or more then needs every bigram of each of its runs (AND), and one of a single character needs a token
 * that starts with it (prefix). Bigrams say "these pairs occur somewhere", not "in this order": a query part of three
 * characters or more is confirmed by a substring test on the entry's text (see `verifyTerms`), so a hit always
 * contains what was typed. Latin letters are lowercased and full-width letters and digits (ＺＪ２０２４) read as
 * half-width, in the index and in the query alike.
 */

/** Longest query accepted (characters, after trimming). */
export const MAX_QUERY_LENGTH = 50;
/** Characters of a body that are indexed and kept for snippets. */
export const MAX_INDEXED_CHARS = 50_000;

const RUN = /[\p{L}\p{N}]+/gu;

/** Full-width digits and Latin letters (U+FF10–FF19, FF21–FF3A, FF41–FF5A) as ASCII; every other character kept. Length-preserving. */
export function foldWidth(text: string): string {
  return text.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) =>
    String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

/** The text as it is matched: width-folded and lowercased. */
export const matchForm = (text: string) => foldWidth(text).toLowerCase();

/** Runs of letters and digits of the text, in match form. */
export function runsOf(text: string): string[] {
  return matchForm(text).match(RUN) ?? [];
}

/** Bigrams of a run, by code point (no surrogate halves). */
function bigrams(run: string): string[] {
  const chars = Array.from(run);
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i += 1) out.push(chars[i] + chars[i + 1]);
  return out;
}

/** The distinct tokens an entry's text is indexed under: every run's bigrams and its last character. */
export function indexTokens(text: string): string[] {
  const tokens = new Set<string>();
  for (const run of runsOf(text)) {
    for (const pair of bigrams(run)) tokens.add(pair);
    const chars = Array.from(run);
    tokens.add(chars[chars.length - 1]);
  }
  return [...tokens];
}

/** What the index is asked for one run of the query: all of these tokens, or a token starting with `prefix`. */
export type RunNeed = { all: string[] } | { prefix: string };

export interface ParsedQuery {
  /** The query as typed, trimmed. */
  text: string;
  needs: RunNeed[];
  /** Lowercased substrings every hit must contain (whitespace-separated parts the bigrams cannot confirm alone). */
  verify: string[];
  /** Lowercased strings to highlight (the query's parts and runs). */
  highlight: string[];
}

/** Parses a query already checked for length; null when it has no letter or digit (nothing to search for). */
export function parseQuery(raw: string): ParsedQuery | null {
  const text = raw.trim();
  const needs: RunNeed[] = [];
  const seen = new Set<string>();
  for (const run of runsOf(text)) {
    if (seen.has(run)) continue;
    seen.add(run);
    const chars = Array.from(run);
    needs.push(chars.length === 1 ? { prefix: run } : { all: bigrams(run) });
  }
  if (needs.length === 0) return null;
  const parts = matchForm(text).split(/\s+/).filter(Boolean);
  // A part that is one run of two characters is exactly one bigram: the index alone confirms it.
  const verify = parts.filter((part) => !(/^[\p{L}\p{N}]+$/u.test(part) && Array.from(part).length <= 2));
  const highlight = [...new Set([...parts, ...seen])].sort((a, b) => b.length - a.length);
  return { text, needs, verify: [...new Set(verify)], highlight };
}

/** The query for SQLite FTS5 (tokens are quoted; tokens hold letters and digits only, so no quote can occur). */
export function fts5Query(parsed: ParsedQuery): string {
  return parsed.needs
    .map((need) => ('prefix' in need ? `"${need.prefix}"*` : need.all.map((token) => `"${token}"`).join(' AND ')))
    .join(' AND ');
}

/** The tsquery for PostgreSQL (same tokens: letters and digits only, so quoting is safe). */
export function tsQuery(parsed: ParsedQuery): string {
  return parsed.needs
    .map((need) => ('prefix' in need ? `'${need.prefix}':*` : need.all.map((token) => `'${token}'`).join(' & ')))
    .join(' & ');
}

/** The tsvector literal of an entry's tokens (no positions: the substring test confirms order). */
export function tsVector(tokens: string[]): string {
  return tokens.map((token) => `'${token}'`).join(' ');
}

/** Markdown (Strapi's richtext) as plain text for the index and snippets: marks, link targets and tags dropped. */
export function plainText(markdown: string | null | undefined): string {
  if (!markdown) return '';
  return markdown
    .replace(/<[^>]*>/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/gm, ' ')
    .replace(/[*_`~|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_INDEXED_CHARS);
}

export type Range = [start: number, end: number];

/** Where the strings occur in the text (case-insensitively, width-folded), longest first, without overlaps. */
export function occurrences(text: string, strings: string[]): Range[] {
  const haystack = matchForm(text);
  const ranges: Range[] = [];
  for (const needle of strings) {
    if (!needle) continue;
    for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) {
      const end = at + needle.length;
      if (!ranges.some(([s, e]) => at < e && end > s)) ranges.push([at, end]);
    }
  }
  return ranges.sort((a, b) => a[0] - b[0]);
}

/**
 * A window of the body around the first hit (or its start), with the hits in it. `highlights` are offsets into
 * `snippet` (UTF-16 code units, as JavaScript's String#slice counts), for the client to mark.
 */
export function snippetOf(body: string, highlight: string[], width = 90): { snippet: string; highlights: Range[] } {
  const ranges = occurrences(body, highlight);
  const first = ranges[0]?.[0] ?? 0;
  let start = Math.max(0, first - Math.floor(width / 3));
  // Do not cut a surrogate pair.
  if (start > 0 && /[\uDC00-\uDFFF]/.test(body[start])) start -= 1;
  let end = Math.min(body.length, start + width);
  if (end < body.length && /[\uDC00-\uDFFF]/.test(body[end])) end += 1;
  const lead = start > 0 ? '…' : '';
  const snippet = lead + body.slice(start, end) + (end < body.length ? '…' : '');
  const highlights = ranges
    .filter(([s, e]) => s >= start && e <= end)
    .map(([s, e]): Range => [s - start + lead.length, e - start + lead.length]);
  return { snippet, highlights };
}
