// Reads the public content API (no token) and turns every failure into an ApiError the pages can explain.
import { toQuery } from './query.js';

const TIMEOUT_MS = 15000;

export class ApiError extends Error {
  /**
   * kind: 'network' | 'timeout' | 'notFound' | 'rateLimited' | 'badRequest' | 'forbidden' | 'server' | 'invalid'.
   * details: Strapi's error.details (ValidationError lists problems in details.errors).
   */
  constructor(kind, status, message, details = null, retryAfter = null) {
    super(message || kind);
    this.name = 'ApiError';
    this.kind = kind;
    this.status = status;
    this.details = details;
    this.retryAfter = retryAfter;
  }
}

const kindOf = (status) =>
  status === 404
    ? 'notFound'
    : status === 429
      ? 'rateLimited'
      : status === 400
        ? 'badRequest'
        : status === 401 || status === 403
          ? 'forbidden'
          : status >= 500
            ? 'server'
            : 'badRequest';

async function request(url, init = {}) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  let res;
  try {
    res = await fetch(url, {
      ...init,
      headers: { Accept: 'application/json', ...(init.headers ?? {}) },
      signal: controller.signal,
      credentials: 'omit',
    });
  } catch (error) {
    throw new ApiError(controller.signal.aborted ? 'timeout' : 'network', 0, error?.message ?? 'network error');
  } finally {
    clearTimeout(timer);
  }
  let body = null;
  const text = await res.text().catch(() => '');
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      if (res.ok) throw new ApiError('invalid', res.status, 'The answer is not JSON');
    }
  }
  if (!res.ok) {
    const retryAfter = Number(res.headers.get('Retry-After')) || null;
    throw new ApiError(
      kindOf(res.status),
      res.status,
      body?.error?.message ?? res.statusText,
      body?.error?.details ?? null,
      retryAfter,
    );
  }
  if (body === null || typeof body !== 'object') throw new ApiError('invalid', res.status, 'Empty answer');
  return body;
}

const page = typeof location === 'undefined' ? new URLSearchParams() : new URLSearchParams(location.search);
/**
 * A draft preview link from the admin (`?id=<documentId>&preview=<token>`, see README "Preview"): the page's own
 * document is read as its draft through /preview/api/…, which checks the token; everything else stays public.
 */
export const previewToken = page.get('preview') || null;
const previewId = page.get('id');

/** GET /api/<path>?<params> → the parsed body ({ data, meta }). */
export function get(path, params) {
  const query = params ? toQuery(params) : '';
  if (previewToken && previewId && path.split('/').pop() === encodeURIComponent(previewId)) {
    return request(`/preview/api/${path}${query ? `?${query}` : ''}`, { headers: { 'X-Preview-Token': previewToken } });
  }
  return request(`/api/${path}${query ? `?${query}` : ''}`);
}

/** POST /api/<path> with a JSON body → the parsed body. */
export function post(path, body) {
  return request(`/api/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}
