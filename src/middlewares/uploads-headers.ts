/**
 * Files under /uploads share the admin's origin, so none of them may ever run script there, whatever is on disk
 * (a file stored before the upload gate existed, or copied in by hand): every answer for an /uploads path gets a
 * sandboxing CSP and nosniff, and anything but a plain image is a download. PDF is a download too: viewers run
 * PDF JavaScript and forms, and Chromium refuses to render a PDF in a sandboxed document anyway.
 */
import path from 'path';
import { routedPath } from '../content-api/paths';
import { isInlineUpload } from '../uploads/formats';

const UPLOADS_CSP = [
  'sandbox',
  "default-src 'none'",
  "img-src 'self'",
  "media-src 'self'",
  "style-src 'unsafe-inline'",
  "frame-ancestors 'none'",
  "form-action 'none'",
  "base-uri 'none'",
].join('; ');

/**
 * The path as the static servers will resolve it: decoded (koa-send decodes %75ploads), dot segments removed,
 * lower case (the router matches /UPLOADS/ case-insensitively, and a case-insensitive disk would serve it).
 */
export function normalizedPath(rawPath: string): string {
  return path.posix.normalize(routedPath(rawPath).replace(/\\/g, '/'));
}

export const isUploadsPath = (rawPath: string) => {
  const normalized = normalizedPath(rawPath);
  return normalized === '/uploads' || normalized.startsWith('/uploads/');
};

export default () => async (ctx: any, next: () => Promise<unknown>) => {
  if (!isUploadsPath(ctx.path)) return next();
  try {
    await next();
  } finally {
    // Set after the static server has answered, so that nothing downstream overrides them.
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Content-Security-Policy', UPLOADS_CSP);
    if (!isInlineUpload(normalizedPath(ctx.path))) ctx.set('Content-Disposition', 'attachment');
  }
};
