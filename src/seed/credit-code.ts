/**
 * Valid but fictitious 统一社会信用代码 (GB 32100-2015) for sample organizations and applicants. The 9-character
 * organization-code part starts with "0000", a block no registry hands out, so a sample code is recognisable and
 * unlikely to be a real body's.
 */
import type { Random } from './random';

export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character of the first 17 characters: 31 − (Σ value × weight) mod 31, where 31 is written 0. */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) throw new Error(`creditCodeCheckChar: expected 17 characters, got ${first17.length}`);
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = CREDIT_CODE_ALPHABET.indexOf(first17[i]);
    if (value < 0) throw new Error(`creditCodeCheckChar: "${first17[i]}" is not in the GB 32100 alphabet`);
    sum += value * WEIGHTS[i];
  }
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31];
}

export function withCheckChar(first17: string): string {
  return first17 + creditCodeCheckChar(first17);
}

export function isValidCreditCode(code: string): boolean {
  return (
    /^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code) &&
    creditCodeCheckChar(code.slice(0, 17)) === code[17]
  );
}

/**
 * Registration authority and kind (2 characters), e.g. 11 机构编制·机关, 12 机构编制·事业单位, 91 工商·企业,
 * 31 司法行政·律师事务所, 52 民政·民办非企业单位 (社会服务机构), 53 民政·基金会.
 */
export type CreditCodeKind = '11' | '12' | '31' | '52' | '53' | '91' | '93';

/** A sample code: kind + 6-digit region (e.g. 411700 驻马店市) + "0000" + 5 random characters + check. */
export function sampleCreditCode(rng: Random, kind: CreditCodeKind, region = '411700'): string {
  if (!/^[0-9]{6}$/.test(region)) throw new Error(`sampleCreditCode: region "${region}" is not 6 digits`);
  return withCheckChar(`${kind}${region}0000${rng.chars(CREDIT_CODE_ALPHABET, 5)}`);
}
