// Exact money arithmetic for fees: amounts in 元 with at most 2 decimals, reported in 万元. Never floats.
import Decimal from 'decimal.js';

/** A private Decimal with ample precision: the default (20 significant digits) would round large sums silently. */
export const Money = Decimal.clone({ precision: 64, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type MoneyValue = InstanceType<typeof Money>;

const YUAN = /^\d+(\.\d{1,2})?$/;
const DECIMAL = /^\d+(\.\d+)?$/;

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

/** True for a non-negative decimal string such as "0", "0.0003" or "24252.311082" (a 万元 cell value). */
export const isDecimalString = (value: unknown): value is string => typeof value === 'string' && DECIMAL.test(value);

/** The exact sum of amounts in 元, as a plain decimal string. */
export function sumYuan(amounts: ReadonlyArray<string | number>): string {
  return amounts.reduce<MoneyValue>((sum, a, i) => sum.plus(parseYuan(a, `amount #${i + 1}`)), new Money(0)).toFixed();
}

/** 元 → 万元, exact (at most 6 decimals since 元 have at most 2), without trailing zeros: "3" → "0.0003". */
export function yuanToWan(yuan: string | number): string {
  return parseYuan(yuan).div(10000).toFixed();
}

/** Prints an amount in 万元 with a fixed number of decimals (0..6), rounding half up: ("0", 4) → "0.0000". */
export function formatWan(value: string | number, decimals: number): string {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 6) {
    throw new RangeError(`Fee decimals must be a whole number from 0 to 6, got ${decimals}`);
  }
  const text = String(value);
  if (!isDecimalString(text)) throw new Error(`Invalid amount in 万元: ${JSON.stringify(value)}`);
  return new Money(text).toFixed(decimals, Money.ROUND_HALF_UP);
}
