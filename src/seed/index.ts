/**
 * The sample data of a trading center: organizations, CA providers, policy documents, transaction projects and
 * notices, and the records of the disclosure report (applications, review cases, decisions, fees, report drafts).
 * Deterministic (own seeded PRNG), idempotent (natural keys looked up before every create) and labelled as sample.
 * Run it with `node scripts/seed.js [--small]`.
 */
import type { Core } from '@strapi/strapi';
import { seedAnnualReports } from './annual-reports';
import { seedApplications } from './applications';
import { seedCaProviders } from './ca-providers';
import { todayInChina } from './dates';
import { seedDecisions } from './decisions';
import { seedDisclosureGuide } from './disclosure-guide';
import { seedFees } from './fees';
import { seedOrganizations } from './organizations';
import { seedPolicyDocuments } from './policy-documents';
import { seedReviewCases } from './review-cases';
import { SeedStore, ensureEnglishLocale, type Log, type Scale, type Tally } from './store';
import { seedTransactions } from './transactions';

export type SeedOptions = {
  log?: (line: string) => void;
  scale?: Scale;
  /** The day the records are seen from ('YYYY-MM-DD', China time): nothing after it is created. Default: today. */
  today?: string;
};

export type SeedSummary = { scale: Scale; today: string; tally: Tally; created: number; existing: number };

export async function seedSampleData(strapi: Core.Strapi, options: SeedOptions = {}): Promise<SeedSummary> {
  const log: Log = options.log ?? (() => {});
  const scale: Scale = options.scale ?? 'full';
  const today = options.today ?? todayInChina();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`seedSampleData: today must be YYYY-MM-DD, got "${today}"`);
  const store = new SeedStore(strapi, log, today);

  log(`sample data, scale ${scale}, as of ${today}`);
  await ensureEnglishLocale(strapi, log);
  const orgs = await store.section('organizations', () => seedOrganizations(store));
  await store.section('caProviders', () => seedCaProviders(store));
  await store.section('disclosureGuide', () => seedDisclosureGuide(store, orgs.center));
  await store.section('policyDocuments', () => seedPolicyDocuments(store, orgs));
  await store.section('projects', () => seedTransactions(store, orgs, scale));
  const applications = await store.section('applications', () => seedApplications(store, orgs, scale));
  await store.section('reviewCases', () => seedReviewCases(store, orgs, scale, applications));
  await store.section('decisions', () => seedDecisions(store, orgs, scale));
  await store.section('fees', () => seedFees(store, orgs, scale));
  await store.section('annualReports', () => seedAnnualReports(store, orgs));
  await publishSampleReports(strapi, orgs.center, log);

  const totals = Object.values(store.tally).reduce(
    (sum, t) => ({ created: sum.created + t.created, existing: sum.existing + t.existing }),
    { created: 0, existing: 0 },
  );
  return { scale, today, tally: store.tally, ...totals };
}

/** The real publication date of the center's 2021 report (its web page), recorded instead of the seeding time. */
export const REAL_PUBLICATION_DATES: Readonly<Record<number, string>> = { 2021: '2022-01-29T02:00:00.000Z' };

/**
 * Computes the center's sample reports with the disclosure plugin and publishes those of past years that pass the
 * checks, so the public site has reports to show. The seed acknowledges the warnings as itself (its name says so:
 * 2021 has no earlier report to compare with). Reports already published stay as they are.
 */
async function publishSampleReports(strapi: Core.Strapi, centerId: string, log: Log) {
  const service = strapi.plugin('disclosure').service('report');
  const seedUser = { id: 'seed', firstname: '示例数据初始化 / sample data seed' };
  for (const year of [2021, 2022, 2023]) {
    const [published] = await strapi.documents('api::annual-report.annual-report').findMany({
      filters: { year, organization: { documentId: centerId } },
      status: 'published',
      fields: ['documentId'],
      limit: 1,
    } as any);
    if (published) continue;
    const draft = await service.compute(centerId, year);
    const view = await service.view(centerId, year);
    if (view.needsAcknowledgement && !view.problems.some((p: { severity: string }) => p.severity === 'error')) {
      await service.acknowledge(draft.documentId, seedUser);
    }
    const drafts = await strapi.documents('api::annual-report.annual-report').findMany({
      filters: { documentId: draft.documentId },
      locale: '*',
      status: 'draft',
      populate: { organization: { fields: ['documentId'] } },
    } as any);
    const problems: string[] = await service.publishProblems(drafts);
    if (problems.length) {
      log(`report ${year}: left as a draft (${problems[0]})`);
      continue;
    }
    await service.publish(draft.documentId, { user: seedUser, publishedAt: REAL_PUBLICATION_DATES[year] });
    log(`report ${year}: computed and published`);
  }
}

export default seedSampleData;
