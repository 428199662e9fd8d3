// Tracking numbers and query codes of online applications. The query code is the applicant's only key to the status
// check: it is shown once, and only a salted scrypt hash of it is stored (queryCodeHash), compared in constant time.
import crypto from 'crypto';
import { promisify } from 'util';

const scrypt = promisify(crypto.scrypt) as (
  password: crypto.BinaryLike,
  salt: crypto.BinaryLike,
  keylen: number,
  options: crypto.ScryptOptions,
) => Promise<Buffer>;

/** No 0/O, 1/I/L, U/V: codes are read aloud and typed from paper. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTWXYZ23456789';
/** 12 symbols of 29: about 58 bits, far beyond what the status check's rate limit lets anyone try. */
export const QUERY_CODE_LENGTH = 12;
const TRACKING_SUFFIX_LENGTH = 6;

interface ScryptParams {
  N: number;
  r: number;
  p: number;
  keylen: number;
}
const SCRYPT: ScryptParams = { N: 16384, r: 8, p: 1, keylen: 32 };

function randomSymbols(n: number): string {
  let out = '';
  for (let i = 0; i < n; i += 1) out += ALPHABET[crypto.randomInt(ALPHABET.length)];
  return out;
}

/** E.g. 'K7QM-9XPA-2WRT': twelve symbols in groups of four. */
export function newQueryCode(): string {
  const code = randomSymbols(QUERY_CODE_LENGTH);
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

/** What the applicant typed, as it was hashed: upper case, without spaces and hyphens. */
export function normalizeQueryCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

/** E.g. 'YSQ-20261128-K7QM9X' (依申请, date received, random part so numbers cannot be enumerated). */
export function newTrackingNumber(receivedOn: string): string {
  return `YSQ-${receivedOn.replace(/-/g, '')}-${randomSymbols(TRACKING_SUFFIX_LENGTH)}`;
}

export function normalizeTrackingNumber(value: string): string {
  return value.trim().toUpperCase();
}

async function derive(code: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  return scrypt(normalizeQueryCode(code), salt, params.keylen, {
    N: params.N,
    r: params.r,
    p: params.p,
    maxmem: 64 * 1024 * 1024,
  });
}

/** 'scrypt$N$r$p$salt$hash' (salt and hash in base64url): the parameters travel with the hash so they can change. */
export async function hashQueryCode(code: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const hash = await derive(code, salt, SCRYPT);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

/** A hash of nothing anyone knows, so that an unknown tracking number costs the same scrypt as a known one. */
let dummyHash: Promise<string> | null = null;

/**
 * Whether the code matches the stored hash. With no stored hash (unknown number, or an application filed on paper)
 * the same work is done against a dummy hash and false is returned, so the answer time does not tell them apart.
 */
export async function verifyQueryCode(code: string, stored: string | null | undefined): Promise<boolean> {
  dummyHash ??= hashQueryCode(crypto.randomBytes(16).toString('hex'));
  const usable = typeof stored === 'string' && /^scrypt\$\d+\$\d+\$\d+\$[\w-]+\$[\w-]+$/.test(stored);
  const [, n, r, p, salt, hash] = (usable ? stored : await dummyHash).split('$') as string[];
  const expected = Buffer.from(hash!, 'base64url');
  const actual = await derive(code, Buffer.from(salt!, 'base64url'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    keylen: expected.length,
  });
  return crypto.timingSafeEqual(actual, expected) && usable;
}
