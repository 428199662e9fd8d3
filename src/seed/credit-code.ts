/**
 * Valid but fictitious 统一社会信用代码 (GB 32100-2015) for sample organizations and applicants. The 9-character
 * organization-code part starts with "0000", a block no registry hands out, so a sample code is recognisable and
 * unlikely to be a real body's.
 */
import {
  CREDIT_CODE_ALPHABET,
  creditCodeCheckChar as checkCharOrNull,
  isValidCreditCode as isValid,
} from '../validation/identifiers';
import type { Random } from './random';

export { CREDIT_CODE_ALPHABET };

/** The check character of the first 17 characters (validation/identifiers.ts); throws on a malformed argument. */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) throw new Error(`creditCodeCheckChar: expected 17 characters, got ${first17.length}`);
  const check = checkCharOrNull(first17);
  if (check === null) {
    const bad = [...first17].find((c) => !CREDIT_CODE_ALPHABET.includes(c));
    throw new Error(`creditCodeCheckChar: "${bad}" is not in the GB 32100 alphabet`);
  }
  return check;
}

export function withCheckChar(first17: string): string {
  return first17 + creditCodeCheckChar(first17);
}

export const isValidCreditCode = (code: string): boolean => isValid(code);

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
