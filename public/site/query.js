// Pure helpers of the site: Strapi query strings, list filters from the page's URL parameters, dates in China.
// No DOM and no globals here, so that the unit tests import this file as it is served.

/**
 * Serialises nested params the way Strapi's qs parser reads them: filters[project][category][$eq]=x,
 * fields[0]=title. Brackets and $ stay readable; everything else is percent-encoded.
 */
export function toQuery(params) {
  const parts = [];
  const enc = (s) => encodeURIComponent(s).replace(/%5B/g, '[').replace(/%5D/g, ']').replace(/%24/g, '$');
  const walk = (value, key) => {
    if (value === undefined || value === null || value === '') return;
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${key}[${i}]`));
    else if (typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, key ? `${key}[${k}]` : k);
    } else parts.push(`${enc(key)}=${enc(String(value))}`);
  };
  walk(params, '');
  return parts.join('&');
}

/** Today's calendar date in Asia/Shanghai as 'YYYY-MM-DD' (the server computes validity the same way). */
export function todayInShanghai(now = new Date()) {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const YEAR = /^\d{4}$/;

/** A positive page number from a URL parameter; anything else is page 1. */
export function pageOf(value) {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 100000 ? n : 1;
}

/** The start of a China calendar day as an ISO instant: '2024-03-01' → '2024-02-29T16:00:00.000Z'. */
export function chinaDayStart(date) {
  return new Date(`${date}T00:00:00+08:00`).toISOString();
}
/** The start of the following China day, for an inclusive "until" date. */
export function chinaDayEnd(date) {
  return new Date(new Date(`${date}T00:00:00+08:00`).getTime() + 86400000).toISOString();
}

export const DOCUMENT_KINDS = ['regulation', 'normative', 'other'];
export const DOCUMENT_VALIDITIES = ['inForce', 'notYetEffective', 'repealed'];

/**
 * Filters of the policy documents list from URL parameters: q (title or 文号), kind, validity, year. Validity
 * follows the server's rule (src/api/policy-document/domain/validity.ts): repealed once repealedOn ≤ today; not yet
 * effective while effectiveOn (or issuedOn when absent) > today; in force otherwise.
 */
export function documentFilters(params, today) {
  const and = [];
  const q = (params.q ?? '').trim().slice(0, 100);
  if (q) and.push({ $or: [{ title: { $containsi: q } }, { documentNumber: { $containsi: q } }] });
  if (DOCUMENT_KINDS.includes(params.kind)) and.push({ kind: { $eq: params.kind } });
  if (YEAR.test(params.year ?? ''))
    and.push({ issuedOn: { $gte: `${params.year}-01-01`, $lte: `${params.year}-12-31` } });
  const notRepealed = { $or: [{ repealedOn: { $null: true } }, { repealedOn: { $gt: today } }] };
  const effective = {
    $or: [
      { effectiveOn: { $lte: today } },
      { $and: [{ effectiveOn: { $null: true } }, { issuedOn: { $lte: today } }] },
    ],
  };
  const notEffective = {
    $or: [{ effectiveOn: { $gt: today } }, { $and: [{ effectiveOn: { $null: true } }, { issuedOn: { $gt: today } }] }],
  };
  if (params.validity === 'repealed') and.push({ repealedOn: { $lte: today } });
  if (params.validity === 'inForce') and.push(notRepealed, effective);
  if (params.validity === 'notYetEffective') and.push(notRepealed, notEffective);
  return and.length ? { $and: and } : undefined;
}

/**
 * Filters of the transaction notices list: category, region and organization (through the project), type, release
 * dates, title, and "open now" (open=1): the project's bid deadline (keyTimes.bidDeadline) is still ahead of `now`.
 */
export function noticeFilters(params, { categories, noticeTypes, now = new Date() }) {
  const filters = {};
  const project = {};
  if (categories.includes(params.category)) project.category = { $eq: params.category };
  const region = (params.region ?? '').trim().slice(0, 60);
  if (region) project.region = { $eq: region };
  if (/^[A-Za-z0-9]{1,64}$/.test(params.organization ?? ''))
    project.organization = { documentId: { $eq: params.organization } };
  if (params.open === '1') project.keyTimes = { bidDeadline: { $gt: now.toISOString() } };
  if (Object.keys(project).length) filters.project = project;
  if (noticeTypes.includes(params.type)) filters.noticeType = { $eq: params.type };
  const released = {};
  if (DATE.test(params.from ?? '')) released.$gte = chinaDayStart(params.from);
  if (DATE.test(params.to ?? '')) released.$lt = chinaDayEnd(params.to);
  if (Object.keys(released).length) filters.releasedAt = released;
  const q = (params.q ?? '').trim().slice(0, 100);
  if (q) filters.title = { $containsi: q };
  return Object.keys(filters).length ? filters : undefined;
}

/** URL parameters as a plain object, keeping only non-empty values. */
export function paramsOf(search) {
  const out = {};
  for (const [k, v] of new URLSearchParams(search)) if (v.trim() !== '') out[k] = v.trim();
  return out;
}

/** Date and time of an instant in China: '2024-03-01 09:30'. A date-only value is returned as it is. */
export function formatDateTime(value) {
  if (!value) return '';
  if (DATE.test(value)) return value;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** The China calendar date of an instant or a date: '2024-03-01'. */
export function formatDate(value) {
  if (!value) return '';
  if (DATE.test(value)) return value;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? String(value) : todayInShanghai(d);
}

/** An exact decimal string with thousands separators, never through a float: '1234567.5' → '1,234,567.5'. */
export function groupDigits(amount) {
  const text = String(amount ?? '');
  if (!/^-?\d+(\.\d+)?$/.test(text)) return text;
  const [int, frac] = text.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}
