/**
 * Check digits of Chinese identifiers: 统一社会信用代码 (GB 32100-2015) and the resident ID number (GB 11643-1999).
 * The one place they are computed: validation here, the seed's sample codes (src/seed) on top.
 */

export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function creditCodeCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = CREDIT_CODE_ALPHABET.indexOf(first17[i]);
    if (value < 0) return null;
    sum += value * CREDIT_CODE_WEIGHTS[i];
  }
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31];
}

export function isValidCreditCode(code: unknown): boolean {
  if (typeof code !== 'string' || !/^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false;
  return creditCodeCheckChar(code.slice(0, 17)) === code[17];
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

export function residentIdCheckChar(first17: string): string {
  const sum = ID_WEIGHTS.reduce((acc, weight, i) => acc + Number(first17[i]) * weight, 0);
  return ID_CHECK[sum % 11];
}

export function isValidResidentId(id: unknown): boolean {
  if (typeof id !== 'string' || !/^[1-9][0-9]{16}[0-9X]$/.test(id)) return false;
  const birth = id.slice(6, 14);
  const date = new Date(`${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10).replace(/-/g, '') !== birth) return false;
  return residentIdCheckChar(id.slice(0, 17)) === id[17];
}

/** Money in 元 with at most two decimals, as the database stores it (decimal(10,2) on PostgreSQL). */
export function isYuanAmount(value: unknown): boolean {
  const text = typeof value === 'number' ? String(value) : value;
  return typeof text === 'string' && /^(0|[1-9][0-9]{0,7})(\.[0-9]{1,2})?$/.test(text);
}
