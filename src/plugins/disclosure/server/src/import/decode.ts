// Decoding a row whose cells ran together ("7053005713" for seven cells): every way to cut the digit strings into
// the row's cells, kept only when the table's own arithmetic holds. One survivor is a reading; several are reported.

/** A value token of a row: an integer (possibly several cells run together), a decimal, or a blank mark. */
export interface ValueToken {
  kind: 'int' | 'decimal' | 'blank';
  raw: string;
  /** Offset of the token in the source text. */
  offset: number;
}

/** One cell of a decoded row: its value (null = blank) and where in the source its characters are. */
export interface DecodedCell {
  value: number | string | null;
  offset: number;
  length: number;
  raw: string;
}

export type Candidate = DecodedCell[];

export interface SplitResult {
  candidates: Candidate[];
  /** True when the enumeration stopped at its limit (the row is then reported as ambiguous). */
  truncated: boolean;
}

/** Ways to cut `digits` into `parts` whole numbers written without leading zeros ("0" itself is fine). */
function cuts(digits: string, parts: number, out: number[][], limit: number, prefix: number[] = [], from = 0): boolean {
  if (out.length >= limit) return false;
  const rest = digits.length - from;
  if (parts === 1) {
    if (rest >= 1 && (rest === 1 || digits[from] !== '0')) out.push([...prefix, digits.length]);
    return true;
  }
  const maxLen = digits[from] === '0' ? 1 : rest - (parts - 1);
  for (let len = 1; len <= maxLen; len++) {
    if (!cuts(digits, parts - 1, out, limit, [...prefix, from + len], from + len)) return false;
  }
  return true;
}

/**
 * Every reading of `tokens` as exactly `n` cells that satisfies `accept`. Blank and decimal tokens are one cell each;
 * an integer token may hold several cells run together.
 */
export function splitRow(
  tokens: readonly ValueToken[],
  n: number,
  accept: (values: ReadonlyArray<number | string | null>) => boolean,
  limit = 200_000,
): SplitResult {
  const candidates: Candidate[] = [];
  let visited = 0;
  let truncated = false;
  const walk = (i: number, acc: DecodedCell[]) => {
    if (truncated) return;
    if (i === tokens.length) {
      if (acc.length === n && accept(acc.map((c) => c.value))) candidates.push(acc);
      return;
    }
    const t = tokens[i];
    const room = n - acc.length - (tokens.length - i - 1);
    if (room < 1) return;
    if (t.kind !== 'int' || !/^\d+$/.test(t.raw)) {
      const value = t.kind === 'blank' ? null : t.kind === 'int' ? Number(t.raw) : t.raw;
      walk(i + 1, [...acc, { value, offset: t.offset, length: t.raw.length, raw: t.raw }]);
      return;
    }
    for (let parts = 1; parts <= Math.min(room, t.raw.length); parts++) {
      if (i === tokens.length - 1 && acc.length + parts !== n) continue;
      const ends: number[][] = [];
      if (!cuts(t.raw, parts, ends, limit)) truncated = true;
      for (const e of ends) {
        if (++visited > limit) {
          truncated = true;
          return;
        }
        let start = 0;
        const cells = e.map((end) => {
          const raw = t.raw.slice(start, end);
          const cell = { value: Number(raw), offset: t.offset + start, length: raw.length, raw };
          start = end;
          return cell;
        });
        walk(i + 1, [...acc, ...cells]);
      }
    }
  };
  walk(0, []);
  return { candidates, truncated };
}

/**
 * Chooses one candidate per ambiguous row so that every constraint that can be evaluated holds. Returns the unique
 * choice, or null when none or several fit (then the rows stay ambiguous). `check` returns false for a violated
 * constraint, true otherwise (including constraints it cannot evaluate).
 */
export function resolveRows<K>(
  rows: ReadonlyArray<{ key: K; candidates: readonly Candidate[] }>,
  check: (chosen: ReadonlyMap<K, Candidate>) => boolean,
  limit = 500_000,
  /** Prunes a partial choice that can no longer be completed (rows not chosen yet are absent from the map). */
  feasible: (chosen: ReadonlyMap<K, Candidate>) => boolean = () => true,
): Map<K, Candidate> | null {
  let solution: Map<K, Candidate> | null = null;
  let count = 0;
  let visited = 0;
  const chosen = new Map<K, Candidate>();
  const walk = (i: number): boolean => {
    if (++visited > limit) return false;
    if (i === rows.length) {
      if (check(chosen)) {
        count++;
        solution = new Map(chosen);
      }
      return count < 2;
    }
    for (const c of rows[i].candidates) {
      chosen.set(rows[i].key, c);
      if (!feasible(chosen)) continue;
      if (!walk(i + 1)) return false;
    }
    chosen.delete(rows[i].key);
    return true;
  };
  const finished = walk(0);
  return finished && count === 1 ? solution : null;
}
