/** Answers a GET or HEAD with a JavaScript module the server builds or reads itself, validated by its ETag (304). */
import crypto from 'crypto';
import type { Context } from 'koa';

export type ModuleAsset = { body: string | Buffer; etag: string };

export const moduleAsset = (body: string | Buffer): ModuleAsset => ({
  body,
  etag: `"${crypto.createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
});

export function sendModule(ctx: Context, { body, etag }: ModuleAsset, cacheControl: string): void {
  ctx.set('Content-Type', 'text/javascript; charset=utf-8');
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('Cache-Control', cacheControl);
  ctx.set('ETag', etag);
  ctx.status = 200;
  if (ctx.fresh) {
    ctx.status = 304;
    return;
  }
  ctx.body = body;
}
