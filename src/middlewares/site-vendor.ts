/**
 * Serves the public site's two third-party browser modules straight from the installed packages, so the site stays
 * plain HTML + ES modules with no build step and the versions are the ones package-lock.json pins. Exactly these two
 * paths; anything else under /site/vendor/ falls through to the static files (and is not found).
 */
import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import type { Context, Next } from 'koa';

/** URL → file of the package's self-contained ES-module build (no bare imports, so the browser can load it as is). */
const VENDOR: Record<string, () => string> = {
  '/site/vendor/markdown-it.mjs': () => path.join(path.dirname(require.resolve('markdown-it')), 'browser', 'markdown-it.esm.min.mjs'),
  '/site/vendor/purify.mjs': () => path.join(path.dirname(require.resolve('dompurify')), 'purify.es.mjs'),
};

type Asset = { body: Buffer; etag: string };

/** Read once on first request: the files change only with `npm ci`, which restarts the app. */
const assets = new Map<string, Asset>();
function asset(urlPath: string): Asset {
  let found = assets.get(urlPath);
  if (!found) {
    // The source map comment would make browsers' devtools ask for a file we do not serve.
    const body = Buffer.from(fs.readFileSync(VENDOR[urlPath](), 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n'));
    found = { body, etag: `"${crypto.createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
    assets.set(urlPath, found);
  }
  return found;
}

export default () => async (ctx: Context, next: Next) => {
  if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || !Object.hasOwn(VENDOR, ctx.path)) return next();
  const { body, etag } = asset(ctx.path);
  ctx.set('Content-Type', 'text/javascript; charset=utf-8');
  ctx.set('X-Content-Type-Options', 'nosniff');
  // The URL carries no version: a week's cache, then revalidated cheaply with the ETag (304) after an upgrade.
  ctx.set('Cache-Control', 'public, max-age=604800');
  ctx.set('ETag', etag);
  ctx.status = 200;
  if (ctx.fresh) {
    ctx.status = 304;
    return;
  }
  ctx.body = body;
};
