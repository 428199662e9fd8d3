/**
 * Fees collected by the department (table 二, 行政事业性收费), in 元 with at most two decimals: a few dozen per year,
 * some as small as 0.1 元 so that the 万元 total shows whether the report sums exactly. Each fee carries a sample
 * receipt number in its payer, its natural key.
 */
import { recordYears } from './applications';
import { randomDate } from './dates';
import type { Orgs } from './organizations';
import { Random } from './random';
import { orgRef, type Scale, type SeedStore } from './store';
import { companyName } from './vocabulary';

export const FEE_UID = 'api::fee.fee';

export type FeeSpec = { item: string; collectedOn: string; amount: number; payer: string };

/** Fee items and their range in 分 (hundredths of a yuan). */
const ITEMS: ReadonlyArray<readonly [string, number, number]> = [
  ['信息处理费（示例）', 10, 10_000],
  ['招标文件工本费（示例）', 20_000, 50_000],
  ['场地使用费（示例）', 50_000, 500_000],
  ['专家评审费（示例）', 80_000, 600_000],
];

export const FEES_PER_YEAR: Record<Scale, [number, number]> = { full: [20, 40], small: [5, 5] };

export function feeSpecs(scale: Scale, today: string): FeeSpec[] {
  const out: FeeSpec[] = [];
  for (const year of recordYears(today)) {
    const [min, max] = FEES_PER_YEAR.full;
    const full = Random.for('fees', year).int(min, max);
    const count = scale === 'full' ? full : Math.min(full, FEES_PER_YEAR.small[0]);
    for (let k = 0; k < count; k += 1) {
      const rng = Random.for('fee', year, k);
      const [item, low, high] = rng.weighted(ITEMS.map((entry, i) => [entry, i === 0 ? 40 : 20] as const));
      // Whole 分 divided by 100 is the nearest double to the decimal, and prints as it (12.5, 0.1, 300).
      const cents =
        k === 0 ? 10 : rng.chance(0.3) ? rng.int(low, high) : Math.max(100, Math.round(rng.int(low, high) / 100) * 100);
      const collectedOn = randomDate(rng, `${year}-01-04`, `${year}-12-30`);
      if (collectedOn > today) continue;
      const receipt = `ZMDF-${year}-${String(k + 1).padStart(3, '0')}`;
      out.push({
        item,
        collectedOn,
        amount: cents / 100,
        payer: `${companyName(rng, 'construction')}（票据号 ${receipt}）`,
      });
    }
  }
  return out;
}

export async function seedFees(store: SeedStore, orgs: Orgs, scale: Scale) {
  const specs = feeSpecs(scale, store.today);
  let done = 0;
  await store.inBatches(specs, 50, async (spec) => {
    await store.ensure('fees', FEE_UID, { payer: spec.payer }, () => ({
      ...spec,
      organization: orgRef(orgs.department),
    }));
    store.progress('fees', (done += 1), specs.length);
  });
}
