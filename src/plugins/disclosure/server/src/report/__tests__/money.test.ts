// Exact 元/万元 arithmetic and printing.
import fc from 'fast-check';
import { Money, formatWan, isDecimalString, parseYuan, sumYuan, yuanToWan } from '../money';
import { yuanFromFen } from './arbitraries';

describe('money', () => {
  it('accepts amounts in 元 with at most 2 decimals, ≥ 0', () => {
    expect(parseYuan('123456.70').toFixed()).toBe('123456.7');
    expect(parseYuan(12.3).toFixed()).toBe('12.3');
    for (const bad of ['-1', '1.234', 'abc', '', '1e3', 0.1 + 0.2, Number.NaN])
      expect(() => parseYuan(bad)).toThrow(/元/);
  });

  it('converts 元 to 万元 exactly', () => {
    expect(yuanToWan('3')).toBe('0.0003');
    expect(yuanToWan('0')).toBe('0');
    expect(yuanToWan('242523110.82')).toBe('24252.311082');
    expect(yuanToWan('123456789012345678901234.56')).toBe('12345678901234567890.123456');
  });

  it('prints 万元 with fixed decimals, rounding half up', () => {
    expect(formatWan('0', 4)).toBe('0.0000');
    expect(formatWan('24252.311082', 4)).toBe('24252.3111');
    expect(formatWan('0.00005', 4)).toBe('0.0001');
    expect(formatWan('2.5', 0)).toBe('3');
    expect(formatWan('1.000001', 6)).toBe('1.000001');
    expect(() => formatWan('1', 7)).toThrow(RangeError);
    expect(() => formatWan('-1', 2)).toThrow(/万元/);
    expect(isDecimalString('0.0003') && !isDecimalString('1.') && !isDecimalString(1)).toBe(true);
  });

  it('prints like decimal.js would (the printing is BigInt-only, so that the admin bundle can share it)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 14n }),
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 0, max: 6 }),
        (n, scale, decimals) => {
          const digits = n.toString().padStart(scale + 1, '0');
          const value = scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
          expect(formatWan(value, decimals)).toBe(new Money(value).toFixed(decimals, Money.ROUND_HALF_UP));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('sums any amounts exactly (property, against integer fen)', () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: 0n, max: 10n ** 14n }), { maxLength: 200 }), (fens) => {
        const total = fens.reduce((s, f) => s + f, 0n);
        expect(sumYuan(fens.map(yuanFromFen))).toBe(yuanFromFen(total).replace(/\.?0+$/, '') || '0');
      }),
    );
  });
});
