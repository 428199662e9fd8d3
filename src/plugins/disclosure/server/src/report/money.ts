// Exact money arithmetic for fees: amounts in 元 with at most 2 decimals, reported in 万元. Never floats.
import Decimal from 'decimal.js';

/** A private Decimal with ample precision: the default (20 significant digits) would round large sums silently. */
export const Money = Decimal.clone({ precision: 64, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type MoneyValue = InstanceType<typeof Money>;

const YUAN = /^\d+(\.\d{1,2})?$/;

/**
 * Parses an amount in 元: a non-negative decimal with at most 2 decimals. Numbers are accepted when their
 * shortest decimal form qualifies (e.g. 12.3), so a float sum like 0.30000000000000004 is refused, not rounded.
 */
export function parseYuan(value: string | number, what = 'amount'): MoneyValue {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  if (typeof text !== 'string' || !YUAN.test(text.trim())) {
    throw new Error(`Invalid ${what} in 元: ${JSON.stringify(value)} (expected a decimal ≥ 0 with at most 2 decimals)`);
  }
  return new Money(text.trim());
}

/** The exact sum of amounts in 元, as a plain decimal string. */
export function sumYuan(amounts: ReadonlyArray<string | number>): string {
  return amounts.reduce<MoneyValue>((sum, a, i) => sum.plus(parseYuan(a, `amount #${i + 1}`)), new Money(0)).toFixed();
}

/** 元 → 万元, exact (at most 6 decimals since 元 have at most 2), without trailing zeros: "3" → "0.0003". */
export function yuanToWan(yuan: string | number): string {
  return parseYuan(yuan).div(10000).toFixed();
}

// Printing (formatWan, isDecimalString) lives in print.ts, without decimal.js, for the admin bundle too.
export { formatWan, isDecimalString } from './print';
