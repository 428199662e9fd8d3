/**
 * Serves the public site's two third-party browser modules straight from the installed packages, so the site stays
 * plain HTML + ES modules with no build step and the versions are the ones package-lock.json pins. Exactly these two
 * paths; anything else under /site/vendor/ falls through to the static files (and is not found).
 */
import fs from 'fs';
import path from 'path';
import type { Context, Next } from 'koa';
import { type ModuleAsset, moduleAsset, sendModule } from '../site/serve-module';

/** URL → file of the package's self-contained ES-module build (no bare imports, so the browser can load it as is). */
const VENDOR: Record<string, () => string> = {
  '/site/vendor/markdown-it.mjs': () =>
    path.join(path.dirname(require.resolve('markdown-it')), 'browser', 'markdown-it.esm.min.mjs'),
  '/site/vendor/purify.mjs': () => path.join(path.dirname(require.resolve('dompurify')), 'purify.es.mjs'),
};

/** Read once on first request: the files change only with `npm ci`, which restarts the app. */
const assets = new Map<string, ModuleAsset>();
function asset(urlPath: string): ModuleAsset {
  let found = assets.get(urlPath);
  if (!found) {
    // The source map comment would make browsers' devtools ask for a file we do not serve.
    found = moduleAsset(
      Buffer.from(fs.readFileSync(VENDOR[urlPath](), 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n')),
    );
    assets.set(urlPath, found);
  }
  return found;
}

export default () => async (ctx: Context, next: Next) => {
  if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || !Object.hasOwn(VENDOR, ctx.path)) return next();
  // The URL carries no version: a week's cache, then revalidated cheaply with the ETag (304) after an upgrade.
  sendModule(ctx, asset(ctx.path), 'public, max-age=604800');
};
