/**
 * How a cell is printed, one rule for every rendering (printable page, Excel, the public JSON's `display`, the admin
 * page). Exact decimal strings and BigInt only, no decimal.js, so that the admin bundle can import it.
 */

const DECIMAL = /^\d+(\.\d+)?$/;

/** True for a non-negative decimal string such as "0", "0.0003" or "24252.311082" (a 万元 cell value). */
export const isDecimalString = (value: unknown): value is string => typeof value === 'string' && DECIMAL.test(value);

/** Prints an amount in 万元 with a fixed number of decimals (0..6), rounding half up: ("0", 4) → "0.0000". */
export function formatWan(value: string | number, decimals: number): string {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 6) {
    throw new RangeError(`Fee decimals must be a whole number from 0 to 6, got ${decimals}`);
  }
  const text = String(value);
  if (!isDecimalString(text)) throw new Error(`Invalid amount in 万元: ${JSON.stringify(value)}`);
  const [whole, fraction = ''] = text.split('.');
  if (fraction.length <= decimals)
    return decimals === 0
      ? whole.replace(/^0+(?=\d)/, '')
      : `${whole.replace(/^0+(?=\d)/, '')}.${fraction.padEnd(decimals, '0')}`;
  let digits = BigInt(whole + fraction.slice(0, decimals));
  if (fraction.charCodeAt(decimals) >= '5'.charCodeAt(0)) digits += 1n;
  const out = digits.toString().padStart(decimals + 1, '0');
  return decimals === 0 ? out : `${out.slice(0, -decimals)}.${out.slice(-decimals)}`;
}

/**
 * A cell as printed: counts as they are, the fee in 万元 with the report's fee decimals ("0" → "0.0000"). Invalid
 * values are printed as they are so that a preview shows what the checks complain about.
 */
export function printedValue(kind: 'count' | 'money', value: number | string, feeDecimals: number): string {
  return kind === 'money' && isDecimalString(value) ? formatWan(value, feeDecimals) : String(value);
}
