/**
 * The site's 404 page: a request for a page that nothing answers (no route, no static file) gets the site's
 * own "page not found" page with status 404 instead of Strapi's JSON. The content API (/api), the admin (/admin),
 * files with an extension other than .html (scripts, images, uploads) and clients asking for JSON keep the plain 404.
 */
import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';

const PAGE = path.join('site', '404.html');

/** Paths whose 404 belongs to the server, compared case-insensitively like the router does. */
const SERVER_PATHS = /^\/(api|admin)(\/|$)/i;
/** A page address: no extension, or .html/.htm. */
const PAGE_PATH = /(^|\/)[^/.]*$|\.html?$/i;

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const file = path.join(strapi.dirs.static.public, PAGE);
  let html: string | null = null;

  return async (ctx: any, next: () => Promise<unknown>) => {
    await next();
    // Nothing set a status: no route answered and the static catch-all found no file (the same test Strapi's error
    // middleware makes before it answers its JSON 404). A route's own 404 (a missing document) is explicit.
    if (ctx.status !== 404 || ctx.response._explicitStatus) return;
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return;
    if (SERVER_PATHS.test(ctx.path) || !PAGE_PATH.test(ctx.path)) return;
    if (ctx.accepts('html', 'json') !== 'html') return;
    html ??= await fs.promises.readFile(file, 'utf8');
    ctx.type = 'text/html; charset=utf-8';
    ctx.set('Cache-Control', 'no-cache');
    ctx.body = html;
    ctx.status = 404; // setting a body sets 200: restore the status
  };
};
