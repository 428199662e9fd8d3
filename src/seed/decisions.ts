/** The department's administrative decisions (table 二): licences, penalties and enforcement measures per year. */
import { recordYears } from './applications';
import { randomDate } from './dates';
import type { Orgs } from './organizations';
import { Random } from './random';
import { orgRef, type Scale, type SeedStore } from './store';
import { companyName } from './vocabulary';

export const DECISION_UID = 'api::administrative-decision.administrative-decision';

type Kind = 'license' | 'penalty' | 'enforcement';

export type DecisionSpec = { kind: Kind; decisionNumber: string; decidedOn: string; subject: string };

const COUNTS: Record<Scale, Record<Kind, [number, number]>> = {
  full: { license: [8, 20], penalty: [2, 8], enforcement: [0, 3] },
  small: { license: [2, 2], penalty: [1, 1], enforcement: [1, 1] },
};
const NUMBER_WORDS: Record<Kind, string> = { license: '驻公管许', penalty: '驻公管罚', enforcement: '驻公管强' };

function subject(rng: Random, kind: Kind): string {
  if (kind === 'license') {
    return `${companyName(rng, rng.pick(['construction', 'agency'] as const))}${rng.pick(['进场交易主体登记', '招标代理机构场所使用', '政府采购进口产品', '评标专家入库'])}许可`;
  }
  if (kind === 'penalty') {
    return `对${companyName(rng, rng.pick(['construction', 'supplier', 'agency'] as const))}${rng.pick(['串通投标', '提供虚假材料谋取中标', '违规代理招标业务', '无正当理由拒不签订合同'])}行为的行政处罚`;
  }
  return `对${companyName(rng, 'construction')}${rng.pick(['投标保证金的冻结措施', '违法所得的强制执行', '罚款的加处罚款'])}`;
}

/** Decisions as of `today`, numbered per kind and year in date order; the small scale is a prefix of the full. */
export function decisionSpecs(scale: Scale, today: string): DecisionSpec[] {
  const out: DecisionSpec[] = [];
  for (const year of recordYears(today)) {
    for (const kind of ['license', 'penalty', 'enforcement'] as const) {
      const [min, max] = COUNTS.full[kind];
      const full = Random.for('decisions', kind, year).int(min, max);
      const count = scale === 'full' ? full : Math.min(full, COUNTS.small[kind][0]);
      const dated = Array.from({ length: full }, (_, k) => {
        const rng = Random.for('decision', kind, year, k);
        return { k, decidedOn: randomDate(rng, `${year}-01-04`, `${year}-12-28`), subject: subject(rng, kind) };
      }).sort((a, b) => a.decidedOn.localeCompare(b.decidedOn) || a.k - b.k);
      dated.forEach((d, i) => {
        if (i >= count || d.decidedOn > today) return;
        out.push({
          kind,
          decisionNumber: `${NUMBER_WORDS[kind]}〔${year}〕${i + 1}号`,
          decidedOn: d.decidedOn,
          subject: d.subject,
        });
      });
    }
  }
  return out;
}

export async function seedDecisions(store: SeedStore, orgs: Orgs, scale: Scale) {
  const specs = decisionSpecs(scale, store.today);
  let done = 0;
  await store.inBatches(specs, 50, async (spec) => {
    await store.ensure('decisions', DECISION_UID, { decisionNumber: spec.decisionNumber }, () => ({
      ...spec,
      organization: orgRef(orgs.department),
    }));
    store.progress('decisions', (done += 1), specs.length);
  });
}
