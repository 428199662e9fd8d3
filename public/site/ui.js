// DOM helpers shared by the pages: element builder, loading and error states, pagination, breadcrumbs.
import { href, isEn, locale, pick, t } from './i18n.js';
import { safeUrl } from './url.js';
import { previewToken } from './api.js';
import { formatDate, formatDateTime } from './query.js';

/** h('a', { href, class }, 'text', child...): attributes as strings, `on*` as listeners, children flattened. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'html')
      el.innerHTML = v; // only for HTML this site sanitized (markdown.js)
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false || child === '') continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Chinese content shown on an English page keeps its language for screen readers and fonts. */
export const zh = (tag, attrs, ...children) => h(tag, { ...attrs, lang: isEn ? 'zh-Hans' : undefined }, ...children);

export const time = (value, withTime = false) =>
  value ? h('time', { datetime: value }, withTime ? formatDateTime(value) : formatDate(value)) : '';

/** Sets the document title: "Page – Site". */
export function setTitle(...parts) {
  document.title =
    (previewToken ? `【${t('previewDraft')}】` : '') + [...parts.filter(Boolean), t('siteName')].join(' - ');
}

/** What to tell a person about an API error: a title and what to do. */
export function describeError(error) {
  switch (error?.kind) {
    case 'network':
      return { title: t('errNetworkTitle'), detail: t('errNetwork') };
    case 'timeout':
      return { title: t('errTimeoutTitle'), detail: t('errNetwork') };
    case 'notFound':
      return { title: t('errNotFoundTitle'), detail: t('errNotFound') };
    case 'rateLimited':
      return {
        title: t('errRateTitle'),
        detail: error.retryAfter ? t('errRateSeconds', { seconds: error.retryAfter }) : t('errRate'),
      };
    case 'badRequest': {
      const problems = error.details?.errors?.map((e) => e.message).filter(Boolean) ?? [];
      return { title: t('errBadRequestTitle'), detail: problems.length ? problems.join('；') : error.message };
    }
    case 'forbidden':
      return { title: t('errForbiddenTitle'), detail: t('errForbidden') };
    case 'server':
      return { title: t('errServerTitle'), detail: t('errServer', { status: error.status }) };
    case 'invalid':
      return { title: t('errInvalidTitle'), detail: t('errServer', { status: error.status }) };
    default:
      return { title: t('errServerTitle'), detail: String(error?.message ?? error) };
  }
}

/** An alert box for an error, with a retry button when the caller can retry. */
export function errorBox(error, { retry, extra } = {}) {
  const { title, detail } = describeError(error);
  return h(
    'div',
    { class: 'alert alert-error', role: 'alert', 'data-error-kind': error?.kind ?? 'unknown' },
    h('p', { class: 'alert-title' }, title),
    detail ? h('p', {}, detail) : null,
    extra ?? null,
    retry ? h('p', {}, h('button', { type: 'button', class: 'button', onclick: retry }, t('retry'))) : null,
  );
}

export const loadingBox = () => h('p', { class: 'loading', role: 'status' }, t('loading'));

/**
 * Fills `target` with what `build` returns once `load` resolves; shows loading meanwhile and an error box (with
 * retry) when it fails. Never leaves the target blank.
 */
export async function section(target, load, build, { onError } = {}) {
  target.setAttribute('aria-busy', 'true');
  target.replaceChildren(loadingBox());
  try {
    const data = await load();
    target.replaceChildren(...[build(data)].flat(Infinity).filter(Boolean));
    return data;
  } catch (error) {
    console.error(error);
    const retry = () => section(target, load, build, { onError });
    target.replaceChildren(...[onError?.(error, retry) ?? errorBox(error, { retry })].flat(Infinity).filter(Boolean));
    return null;
  } finally {
    target.removeAttribute('aria-busy');
  }
}

/** Page links: previous, numbers around the current page (with the first and last), next. */
export function pagination(meta, linkFor) {
  const { page, pageCount } = meta ?? {};
  if (!pageCount || pageCount <= 1) return null;
  const pages = new Set([1, pageCount]);
  for (let p = page - 2; p <= page + 2; p++) if (p >= 1 && p <= pageCount) pages.add(p);
  const sorted = [...pages].sort((a, b) => a - b);
  const items = [];
  if (page > 1) items.push(h('li', {}, h('a', { href: linkFor(page - 1), rel: 'prev' }, t('prev'))));
  sorted.forEach((p, i) => {
    if (i > 0 && p - sorted[i - 1] > 1) items.push(h('li', { class: 'gap', 'aria-hidden': 'true' }, '…'));
    items.push(
      h(
        'li',
        {},
        p === page
          ? h('a', { href: linkFor(p), 'aria-current': 'page', 'aria-label': t('pageN', { page: p }) }, String(p))
          : h('a', { href: linkFor(p), 'aria-label': t('pageN', { page: p }) }, String(p)),
      ),
    );
  });
  if (page < pageCount) items.push(h('li', {}, h('a', { href: linkFor(page + 1), rel: 'next' }, t('next'))));
  return h('nav', { class: 'pagination', 'aria-label': t('pagination') }, h('ul', {}, items));
}

/** "N results, page x of y", or the "no results" message; a message with a link when the page is past the end. */
export function resultSummary(meta, linkFor) {
  const { total = 0, page = 1, pageCount = 0 } = meta?.pagination ?? meta ?? {};
  if (total === 0) return h('p', { class: 'result-count', role: 'status' }, t('noResults'));
  if (page > pageCount) {
    return h(
      'p',
      { class: 'result-count', role: 'status' },
      t('pageBeyond', { page }),
      ' ',
      h('a', { href: linkFor(1) }, t('goFirst')),
    );
  }
  return h('p', { class: 'result-count', role: 'status' }, t('resultCount', { total, page, pages: pageCount }));
}

export function breadcrumbs(...trail) {
  return h(
    'nav',
    { class: 'breadcrumbs', 'aria-label': t('breadcrumb') },
    h(
      'ol',
      {},
      h('li', {}, h('a', { href: href('/index.html') }, t('home'))),
      trail.map(([label, link], i) =>
        h(
          'li',
          {},
          link
            ? h('a', { href: link }, label)
            : h('span', { 'aria-current': i === trail.length - 1 ? 'page' : undefined }, label),
        ),
      ),
    ),
  );
}

/** A definition list from [term, value] pairs, leaving out empty values. */
export function facts(pairs, attrs = {}) {
  const kept = pairs.filter(
    ([, v]) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0),
  );
  return kept.length
    ? h(
        'dl',
        { class: 'facts', ...attrs },
        kept.map(([term, value]) => h('div', {}, h('dt', {}, term), h('dd', {}, value))),
      )
    : null;
}

/** A labelled select of codes with { zh, en } labels. */
export function selectField(
  id,
  label,
  labels,
  value,
  { codes = Object.keys(labels), allLabel = t('all'), groups } = {},
) {
  const options = groups
    ? groups.map(([groupLabel, groupCodes]) =>
        h(
          'optgroup',
          { label: groupLabel },
          groupCodes.map((code) => h('option', { value: code, selected: code === value }, pick(labels[code]))),
        ),
      )
    : codes.map((code) => h('option', { value: code, selected: code === value }, pick(labels[code])));
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label),
    h('select', { id, name: id }, allLabel !== null ? h('option', { value: '' }, allLabel) : null, options),
  );
}

export function inputField(id, label, value, attrs = {}) {
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label),
    h('input', { id, name: id, value: value ?? '', ...attrs }),
  );
}

/**
 * A GET filter form: submitting navigates to the same page with the non-empty fields (page reset to 1), so that
 * every list state has its own address (back button, bookmarks, sharing).
 */
export function filterForm(fields, { label = t('filters'), action = location.pathname } = {}) {
  const form = h(
    'form',
    { class: 'filters', method: 'get', action, role: 'search', 'aria-label': label },
    fields,
    locale === 'en' ? h('input', { type: 'hidden', name: 'locale', value: 'en' }) : null,
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit', class: 'button button-primary' }, t('search')),
      h('a', { class: 'button', href: href(action) }, t('reset')),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const params = {};
    for (const [k, v] of new FormData(form))
      if (String(v).trim() !== '' && k !== 'locale') params[k] = String(v).trim();
    location.assign(href(action, params));
  });
  return form;
}

export const badge = (text, kind = '') => h('span', { class: `badge ${kind ? `badge-${kind}` : ''}`.trim() }, text);

const sizeText = (kb) =>
  typeof kb === 'number' ? (kb >= 1024 ? `${(kb / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(kb))} KB`) : '';

/** Attachments of a document or notice (Strapi media: name, url, ext, size in KB). */
export function attachmentList(files) {
  if (!Array.isArray(files) || files.length === 0) return null;
  return h(
    'section',
    { class: 'attachments', 'aria-labelledby': 'attachments-heading' },
    h('h2', { id: 'attachments-heading' }, t('downloads')),
    h(
      'ul',
      {},
      files.map((f) =>
        h(
          'li',
          {},
          h('a', { href: safeUrl(f.url) ?? undefined, download: f.name }, f.name),
          ' ',
          h(
            'span',
            { class: 'muted' },
            [f.ext?.replace('.', '').toUpperCase(), sizeText(f.size)].filter(Boolean).join(' · '),
          ),
        ),
      ),
    ),
  );
}
