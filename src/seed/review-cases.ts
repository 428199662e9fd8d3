/**
 * Administrative reviews and lawsuits about disclosure (table 四): a few per organization and year, some linked to
 * the application they contest, some still pending today.
 */
import { type ApplicationSpec, HANDLING_ORGS, applicationSpecs, hasRecords, recordYears } from './applications';
import { addDays, randomDate } from './dates';
import type { OrgKey, Orgs } from './organizations';
import { Random } from './random';
import { orgRef, type Scale, type SeedStore } from './store';

export const REVIEW_CASE_UID = 'api::review-case.review-case';

type Kind = 'review' | 'lawsuitDirect' | 'lawsuitAfterReview';

export type ReviewCaseSpec = {
  organization: OrgKey;
  caseNumber: string;
  kind: Kind;
  filedOn: string;
  concludedOn: string | null;
  result: 'upheld' | 'corrected' | 'other' | null;
  summary: string;
  application: string | null;
};

const CONTESTABLE = (a: ApplicationSpec) => a.outcome !== null && a.outcome !== 'granted';

/** The cases as of `today`, linked to applications of the same scale when one fits. */
export function reviewCaseSpecs(
  scale: Scale,
  today: string,
  applications: ApplicationSpec[] = applicationSpecs(scale, today),
): ReviewCaseSpec[] {
  const out: ReviewCaseSpec[] = [];
  const currentYear = Number(today.slice(0, 4));
  for (const year of recordYears(today)) {
    // Case numbers run per year across organizations, as the reviewing government and the court number them.
    let reviewNo = 0;
    let courtNo = 0;
    for (const org of HANDLING_ORGS) {
      if (!hasRecords(org.key, year)) continue;
      const yearRng = Random.for('review-cases', org.key, year);
      const count = yearRng.int(1, 4);
      for (let k = 0; k < count; k += 1) {
        const rng = Random.for('review-case', org.key, year, k);
        const kind: Kind = rng.weighted([
          ['review', 60],
          ['lawsuitDirect', 25],
          ['lawsuitAfterReview', 15],
        ]);
        // The first case of the current year was filed in the last weeks and is still pending.
        const recent = year === currentYear && k === 0;
        const recentDate = addDays(today, -rng.int(5, 40));
        const filedOn = recent
          ? recentDate.startsWith(String(year))
            ? recentDate
            : `${year}-01-02`
          : randomDate(rng, `${year}-01-10`, `${year}-12-20`);
        reviewNo += rng.int(1, 9);
        courtNo += rng.int(1, 30);
        // Numbers are drawn for every case of the full scale, so the small scale's cases keep theirs.
        if (filedOn > today || (scale === 'small' && k > 0)) continue;
        const caseNumber = kind === 'review' ? `驻政复〔${year}〕${reviewNo}号` : `（${year}）豫1702行初${courtNo}号`;
        const contested = applications.filter(
          (a) =>
            a.organization === org.key &&
            CONTESTABLE(a) &&
            a.concludedOn! >= addDays(filedOn, -90) &&
            a.concludedOn! <= addDays(filedOn, -5),
        );
        const application = contested.length && rng.chance(0.7) ? rng.pick(contested) : null;
        // A review is decided within 60 days (90 when extended); a lawsuit takes months, and a year or more on appeal,
        // so some cases filed last year are still pending.
        const duration =
          kind === 'review' ? rng.int(30, 90) : rng.int(90, 240) + (rng.chance(0.35) ? rng.int(180, 400) : 0);
        const concludedOn = addDays(filedOn, duration);
        const open = recent || concludedOn > today;
        const what =
          kind === 'review'
            ? '申请行政复议'
            : kind === 'lawsuitDirect'
              ? '向人民法院提起行政诉讼'
              : '经行政复议后向人民法院提起行政诉讼';
        out.push({
          organization: org.key,
          caseNumber,
          kind,
          filedOn,
          concludedOn: open ? null : concludedOn,
          result: open
            ? null
            : rng.weighted([
                ['upheld', 65],
                ['corrected', 20],
                ['other', 15],
              ] as const),
          summary: `示例数据 / Sample data：申请人不服政府信息公开答复${application ? `（${application.trackingNumber}）` : ''}，${what}。`,
          application: application?.trackingNumber ?? null,
        });
      }
    }
  }
  return out;
}

export async function seedReviewCases(store: SeedStore, orgs: Orgs, scale: Scale, applicationIds: Map<string, string>) {
  const specs = reviewCaseSpecs(scale, store.today);
  let done = 0;
  await store.inBatches(specs, 50, async (spec) => {
    const { organization, application, ...data } = spec;
    const applicationId = application ? applicationIds.get(application) : undefined;
    await store.ensure('reviewCases', REVIEW_CASE_UID, { caseNumber: spec.caseNumber }, () => ({
      ...data,
      organization: orgRef(orgs[organization]),
      ...(applicationId ? { application: applicationId } : {}),
    }));
    store.progress('reviewCases', (done += 1), specs.length);
  });
}
