/**
 * The short-lived signed token of a draft preview: which document (type, documentId, locale) and until when. Signed
 * with HMAC-SHA256 under a key derived from the admin's JWT secret, so only the server that handed it to an
 * authenticated editor can have made it; it opens that one draft, read-only, until it expires. Pure (no Strapi).
 */
import crypto from 'crypto';
import { z } from 'zod';

export const PREVIEW_TTL_SECONDS = 15 * 60;

const Payload = z.object({
  uid: z.string().min(1),
  documentId: z.string().min(1),
  locale: z.string().min(1),
  exp: z.number().int(),
});
export type PreviewGrant = z.infer<typeof Payload>;

/** A key of its own for previews: a preview token can never pass as an admin session token, nor the reverse. */
export const previewKey = (adminSecret: string) =>
  crypto.createHmac('sha256', adminSecret).update('ggzy-cms draft preview v1').digest();

const mac = (key: Buffer, body: string) => crypto.createHmac('sha256', key).update(body).digest('base64url');

export function signPreview(
  key: Buffer,
  grant: Omit<PreviewGrant, 'exp'>,
  nowMs: number,
  ttlSeconds = PREVIEW_TTL_SECONDS,
): string {
  const body = Buffer.from(JSON.stringify({ ...grant, exp: Math.floor(nowMs / 1000) + ttlSeconds })).toString(
    'base64url',
  );
  return `${body}.${mac(key, body)}`;
}

export type Verified =
  { ok: true; grant: PreviewGrant } | { ok: false; reason: 'missing' | 'malformed' | 'signature' | 'expired' };

export function verifyPreview(key: Buffer, token: string | undefined, nowMs: number): Verified {
  if (!token) return { ok: false, reason: 'missing' };
  const [body, signature, ...rest] = token.split('.');
  if (!body || !signature || rest.length) return { ok: false, reason: 'malformed' };
  const expected = Buffer.from(mac(key, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given))
    return { ok: false, reason: 'signature' };
  let parsed: ReturnType<typeof Payload.safeParse>;
  try {
    parsed = Payload.safeParse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (!parsed.success) return { ok: false, reason: 'malformed' };
  if (parsed.data.exp * 1000 <= nowMs) return { ok: false, reason: 'expired' };
  return { ok: true, grant: parsed.data };
}
