// Check digits against published examples, not against a second copy of the arithmetic.
import { CONTENT_VIEWS } from '../../labels';
import { creditCodeCheckChar, isValidCreditCode, isValidResidentId, residentIdCheckChar } from '../identifiers';

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it.each([
    // The standard's own example.
    ['91350100M000100Y43', '3'],
  ])('%s has check character %s and is valid', (code, check) => {
    expect(creditCodeCheckChar(code.slice(0, 17))).toBe(check);
    expect(isValidCreditCode(code)).toBe(true);
  });

  it('refuses a wrong check character, a letter outside the alphabet, a wrong length or a non-string', () => {
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false);
    // I, O, S, V and Z are not in the alphabet.
    expect(isValidCreditCode('91350100M0001I0Y43')).toBe(false);
    expect(creditCodeCheckChar('91350100M0001O0Y4')).toBeNull();
    expect(isValidCreditCode(91350100)).toBe(false);
  });

  it('the example the edit form shows is itself valid', () => {
    const hint = CONTENT_VIEWS['api::organization.organization'].fields.creditCode.hint!;
    const example = /[0-9A-Z]{18}/.exec(hint)![0];
    expect(example).toBe('12411700MB1C37466U');
    expect(isValidCreditCode(example)).toBe(true);
  });
});

describe('居民身份证号码 (GB 11643-1999)', () => {
  it.each([
    // The standard's examples.
    ['11010519491231002X', 'X'],
    ['440524188001010014', '4'],
  ])('%s has check character %s and is valid', (id, check) => {
    expect(residentIdCheckChar(id.slice(0, 17))).toBe(check);
    expect(isValidResidentId(id)).toBe(true);
  });

  it('refuses a wrong check character and an impossible birth date', () => {
    expect(isValidResidentId('110105194912310021')).toBe(false);
    // 1949-02-30 does not exist (the check character is right for the digits).
    const first17 = '11010519490230002';
    expect(isValidResidentId(first17 + residentIdCheckChar(first17))).toBe(false);
  });
});
