/** Exact sample amounts: integers of minor units (分, or 0.01 万元) formatted as decimal strings, never floats. */
import type { Random } from './random';

export type MoneyUnit = 'yuan' | 'wanYuan';
export type Money = { amount: string; currency: 'CNY'; unit: MoneyUnit };

/** An integer of hundredths as a string with two decimals: 128645 → "1286.45". */
export function hundredths(value: number): string {
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`hundredths: ${value} is not a whole number ≥ 0`);
  return `${Math.floor(value / 100)}.${String(value % 100).padStart(2, '0')}`;
}

export const money = (valueInHundredths: number, unit: MoneyUnit): Money => ({
  amount: hundredths(valueInHundredths),
  currency: 'CNY',
  unit,
});

/** A log-uniform amount between min and max units, rounded to a multiple of `step` units (≥ 0.01), in hundredths. */
export function amountBetween(rng: Random, min: number, max: number, step = 1): number {
  const value = Math.exp(Math.log(min) + rng.next() * (Math.log(max) - Math.log(min)));
  const stepHundredths = Math.max(1, Math.round(step * 100));
  return Math.max(stepHundredths, Math.round((value * 100) / stepHundredths) * stepHundredths);
}

/** `base` (hundredths) times a ratio, rounded to whole hundredths. */
export const scaled = (base: number, ratio: number) => Math.round(base * ratio);

export const label = (m: Money) => `${m.amount}${m.unit === 'wanYuan' ? '万元' : '元'}`;
