/**
 * Properties of the report's database computation, on random record sets written through the Document Service:
 * 1. the cells computed in SQL (GROUP BY on SQLite or PostgreSQL) equal the in-memory reference, and pass every hard
 *    rule;
 * 2. every cell's drill-down list (services/drilldown.ts, the admin route GET /disclosure/reports/cell) holds exactly
 *    as many records as the cell counts (for the fee: records whose amounts add up to the cell).
 * Dates are weighted towards the places where year arithmetic breaks (31 December, 1 January, the leap day, a
 * receipt on the last day, a conclusion on 1 January), policy documents are published in one or two locales, left
 * as drafts or edited after publication, and a fixed fixture pins those boundaries with hand-computed cells.
 * Runs: FC_RUNS (cells; default 100 on SQLite, 60 on PostgreSQL), FC_DRILLDOWN_RUNS (default 25 / 20); FC_SEED
 * replays a failure.
 */
import fc from 'fast-check';
import { setupStrapi, teardownStrapi, http, adminToken, isPostgres } from '../helpers/strapi';
import { createApplication, createOrganization } from '../helpers/records';
import { getFormat, OUTCOMES, APPLICANT_TYPES } from '../../src/plugins/disclosure/server/src/format';
import { cellsFromRecords, checkReport, hasErrors, listCells } from '../../src/plugins/disclosure/server/src/report';
import type { Cells, RecordSets } from '../../src/plugins/disclosure/server/src/report';

const POLICY = 'api::policy-document.policy-document';
const format = getFormat('gov-2021');
const CELLS = listCells(format);

let strapi: any;
beforeAll(async () => {
  strapi = await setupStrapi();
});
afterAll(teardownStrapi);

// ---- Generators -------------------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const iso = (dayNumber: number) => new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const later = (a: string, b: string) => (a >= b ? a : b);

/** Days where a year begins or ends (2024 is a leap year: 29 February, and 31 December is its 366th day). */
const BOUNDARY_DAYS = [
  '2021-12-31',
  '2022-01-01',
  '2022-12-30',
  '2022-12-31',
  '2023-01-01',
  '2023-01-02',
  '2023-02-28',
  '2023-03-01',
  '2023-12-30',
  '2023-12-31',
  '2024-01-01',
  '2024-01-02',
  '2024-02-28',
  '2024-02-29',
  '2024-03-01',
  '2024-12-30',
  '2024-12-31',
  '2025-01-01',
];
const uniformDay = fc.integer({ min: dayNumber('2022-01-01'), max: dayNumber('2024-12-31') }).map(iso);
const day = fc.oneof({ arbitrary: fc.constantFrom(...BOUNDARY_DAYS), weight: 3 }, { arbitrary: uniformDay, weight: 2 });
/** A later day (or the same one): a conclusion, a repeal. Often 1 January or 31 December, sometimes the same day. */
const endAfter = (start: string, end: string | null) => (end === null ? null : later(start, end));

const application = fc
  .record({
    applicantType: fc.constantFrom(...APPLICANT_TYPES),
    receivedOn: day,
    end: fc.option(day, { nil: null, freq: 3 }),
    outcome: fc.constantFrom(...OUTCOMES),
  })
  .map(({ applicantType, receivedOn, end, outcome }) => {
    const concludedOn = endAfter(receivedOn, end);
    return { applicantType, receivedOn, concludedOn, outcome: concludedOn ? outcome : null };
  });
const caseRecord = fc
  .record({
    kind: fc.constantFrom('review', 'lawsuitDirect', 'lawsuitAfterReview'),
    filedOn: day,
    end: fc.option(day, { nil: null, freq: 3 }),
    result: fc.constantFrom('upheld', 'corrected', 'other'),
  })
  .map(({ kind, filedOn, end, result }) => {
    const concludedOn = endAfter(filedOn, end);
    return { kind, filedOn, concludedOn, result: concludedOn ? result : null };
  });
/**
 * How a policy document is published: zh: in Chinese; zhEn: in Chinese and English (one document, counted once);
 * draft: never published (not counted); edited: published, then its draft moved to other dates (the published dates
 * count, not the draft's).
 */
type Publication = 'zh' | 'zhEn' | 'draft' | 'edited';
const policyDocument = fc
  .record({
    kind: fc.constantFrom('regulation', 'normative', 'other'),
    issuedOn: day,
    end: fc.option(day, { nil: null, freq: 2 }),
    publication: fc.constantFrom<Publication>('zh', 'zhEn', 'draft', 'edited'),
    draftIssuedOn: day,
  })
  .map(({ kind, issuedOn, end, publication, draftIssuedOn }) => ({
    kind,
    issuedOn,
    repealedOn: endAfter(issuedOn, end),
    publication,
    draftIssuedOn,
  }));
const decision = fc.record({ kind: fc.constantFrom('license', 'penalty', 'enforcement'), decidedOn: day });
/** Amounts in 分: one 分 (0.000001 万元) and large sums both show whether the exact decimal survives. */
const fee = fc.record({
  fen: fc.oneof(fc.constantFrom(0, 1, 99, 100, 999_999_99), fc.integer({ min: 0, max: 10_000_000 })),
  collectedOn: day,
});

const recordSets = fc.record({
  year: fc.constantFrom(2023, 2024),
  applications: fc.array(application, { maxLength: 12 }),
  cases: fc.array(caseRecord, { maxLength: 4 }),
  policyDocuments: fc.array(policyDocument, { maxLength: 4 }),
  decisions: fc.array(decision, { maxLength: 3 }),
  fees: fc.array(fee, { maxLength: 3 }),
});
type Generated = {
  applications: Array<{
    applicantType: string;
    receivedOn: string;
    concludedOn: string | null;
    outcome: string | null;
  }>;
  cases: Array<{ kind: string; filedOn: string; concludedOn: string | null; result: string | null }>;
  policyDocuments: Array<{
    kind: string;
    issuedOn: string;
    repealedOn: string | null;
    publication: Publication;
    draftIssuedOn: string;
  }>;
  decisions: Array<{ kind: string; decidedOn: string }>;
  fees: Array<{ fen: number; collectedOn: string }>;
};

// ---- Writing records and reading the results ----------------------------------------------------------------------

let n = 0;
/** Writes the records for a new organization; answers the organization and the reference's view of the records. */
async function write(records: Generated): Promise<{ organization: string; reference: RecordSets }> {
  n += 1;
  const org = await createOrganization(strapi);
  for (const a of records.applications) {
    await createApplication(strapi, org.documentId, { ...a, state: a.concludedOn ? 'concluded' : 'received' });
  }
  for (const c of records.cases) {
    await strapi.documents('api::review-case.review-case').create({ data: { ...c, organization: org.documentId } });
  }
  for (const [i, d] of records.policyDocuments.entries()) {
    const created = await strapi.documents(POLICY).create({
      data: {
        kind: d.kind,
        issuedOn: d.issuedOn,
        repealedOn: d.repealedOn,
        title: `性质测试${n}-${i}`,
        issuingBody: '测试',
        organization: org.documentId,
      },
    });
    if (d.publication === 'draft') continue;
    await strapi.documents(POLICY).publish({ documentId: created.documentId });
    if (d.publication === 'zhEn') {
      await strapi.documents(POLICY).update({
        documentId: created.documentId,
        locale: 'en',
        data: { title: `Property ${n}-${i}`, issuingBody: 'Test' },
      });
      await strapi.documents(POLICY).publish({ documentId: created.documentId, locale: 'en' });
    }
    if (d.publication === 'edited') {
      // A later edit of the draft, not yet published: the draft may even give the document a repeal date.
      await strapi.documents(POLICY).update({
        documentId: created.documentId,
        data: { issuedOn: d.draftIssuedOn, repealedOn: endAfter(d.draftIssuedOn, d.repealedOn ?? d.draftIssuedOn) },
      });
    }
  }
  for (const [i, d] of records.decisions.entries()) {
    await strapi.documents('api::administrative-decision.administrative-decision').create({
      data: { ...d, decisionNumber: `P-${n}-${i}`, organization: org.documentId },
    });
  }
  for (const f of records.fees) {
    await strapi.documents('api::fee.fee').create({
      data: { item: '信息处理费', amount: f.fen / 100, collectedOn: f.collectedOn, organization: org.documentId },
    });
  }
  const reference: RecordSets = {
    applications: records.applications,
    cases: records.cases,
    // What the public can read: published documents, with their published dates.
    policyDocuments: records.policyDocuments
      .filter((d) => d.publication !== 'draft')
      .map(({ kind, issuedOn, repealedOn }) => ({ kind, issuedOn, repealedOn })),
    decisions: records.decisions,
    fees: records.fees.map((f) => ({ amount: (f.fen / 100).toFixed(2), collectedOn: f.collectedOn })),
  };
  return { organization: org.documentId, reference };
}

/** An exact decimal string in 万元 as a whole number of 分 (1 万元 = 1 000 000 分). */
function wanToFen(value: string | number): bigint {
  const [whole, fraction = ''] = String(value).split('.');
  if (fraction.length > 6) throw new Error(`a fee cell finer than 1 分: ${value}`);
  return BigInt(whole!) * 1_000_000n + BigInt(fraction.padEnd(6, '0'));
}
const yuanToFen = (value: string | number) => {
  const [whole, fraction = ''] = String(value).split('.');
  return BigInt(whole!) * 100n + BigInt(fraction.padEnd(2, '0').slice(0, 2));
};

/** Every cell whose drill-down list does not match it, as { cell, value, listed }; empty when all match. */
async function drilldownMismatches(organization: string, year: number, cells: Cells) {
  const drilldown = strapi.plugin('disclosure').service('drilldown');
  const mismatches: Array<{ cell: string; value: number | string; listed: number | string }> = [];
  for (const ref of CELLS) {
    const value = cells[ref.id]!;
    if (ref.kind === 'money') {
      const { data } = await drilldown.records({
        organization,
        year,
        cell: ref.id,
        page: 1,
        pageSize: 1000,
        withPersonalData: false,
      });
      const listed = (data as Array<{ amount: string | number }>).reduce((sum, r) => sum + yuanToFen(r.amount), 0n);
      if (listed !== wanToFen(value)) mismatches.push({ cell: ref.id, value, listed: `${listed} 分` });
    } else {
      const { meta } = await drilldown.records({
        organization,
        year,
        cell: ref.id,
        page: 1,
        pageSize: 1,
        withPersonalData: false,
      });
      if (meta.pagination.total !== value) mismatches.push({ cell: ref.id, value, listed: meta.pagination.total });
    }
  }
  return mismatches;
}

// ---- The properties ---------------------------------------------------------------------------------------------

// Listing every cell costs ~200 queries a run, so the drill-down property gets fewer runs than the cells one.
const RUNS = Number(process.env.FC_RUNS ?? (isPostgres() ? 60 : 100));
const DRILLDOWN_RUNS = Number(process.env.FC_DRILLDOWN_RUNS ?? (isPostgres() ? 20 : 25));
const SEED = Number(process.env.FC_SEED ?? Date.now() % 100000);

/** Runs the property and reports its cost, so the run time of this file stays visible. */
async function assertTimed(name: string, runs: number, property: fc.IAsyncPropertyWithHooks<any>) {
  const started = Date.now();
  await fc.assert(property, { numRuns: runs, seed: SEED, verbose: true });
  console.info(
    `report-property, ${name}: ${runs} runs (seed ${SEED}) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

test(`database cells equal the in-memory reference and pass every hard rule (${RUNS} runs)`, async () => {
  await assertTimed(
    'cells',
    RUNS,
    fc.asyncProperty(recordSets, async ({ year, ...records }) => {
      const { organization, reference } = await write(records);
      const report = await strapi.plugin('disclosure').service('report').compute(organization, year);
      expect(report.tables.cells).toEqual(cellsFromRecords(format, reference, year));
      expect(hasErrors(checkReport(format, report.tables.cells))).toBe(false);
    }),
  );
}, 600_000);

test(`every drill-down list has exactly as many records as its cell, for every cell (${DRILLDOWN_RUNS} runs)`, async () => {
  await assertTimed(
    'drill-down',
    DRILLDOWN_RUNS,
    fc.asyncProperty(recordSets, async ({ year, ...records }) => {
      const { organization } = await write(records);
      const report = await strapi.plugin('disclosure').service('report').compute(organization, year);
      expect(await drilldownMismatches(organization, year, report.tables.cells)).toEqual([]);
    }),
  );
}, 600_000);

// ---- A fixed fixture at the boundaries, with cells computed by hand ---------------------------------------------------

describe('a fixed fixture at the year boundaries (report on 2023)', () => {
  const fixture: Generated = {
    applications: [
      // Received on the last day of 2022, concluded on 1 January 2023: carried over into 2023, concluded in it.
      { applicantType: 'naturalPerson', receivedOn: '2022-12-31', concludedOn: '2023-01-01', outcome: 'granted' },
      // Received and concluded on 31 December 2022: nothing in 2023.
      { applicantType: 'naturalPerson', receivedOn: '2022-12-31', concludedOn: '2022-12-31', outcome: 'granted' },
      // Received 1 January, concluded 31 December 2023: received and concluded in 2023.
      {
        applicantType: 'commercialEnterprise',
        receivedOn: '2023-01-01',
        concludedOn: '2023-12-31',
        outcome: 'withheld.stateSecret',
      },
      // Received on the last day of 2023, open: received in 2023, carried forward.
      { applicantType: 'naturalPerson', receivedOn: '2023-12-31', concludedOn: null, outcome: null },
      // Received on the last day of 2023, concluded on 1 January 2024: still carried forward from 2023.
      {
        applicantType: 'legalServiceOrganization',
        receivedOn: '2023-12-31',
        concludedOn: '2024-01-01',
        outcome: 'partiallyGranted',
      },
      // Received on 1 January 2024: not in 2023 at all.
      { applicantType: 'naturalPerson', receivedOn: '2024-01-01', concludedOn: null, outcome: null },
      // Received 2023-02-28 of a non-leap year, concluded 2023-03-01.
      {
        applicantType: 'researchInstitution',
        receivedOn: '2023-02-28',
        concludedOn: '2023-03-01',
        outcome: 'otherDisposal.other',
      },
    ],
    cases: [
      // Filed on the last day of 2023 and decided on 1 January 2024: pending (尚未审结) on 31 December.
      { kind: 'review', filedOn: '2023-12-31', concludedOn: '2024-01-01', result: 'upheld' },
      // Filed 1 January 2023 and decided 31 December 2023: counted with its result.
      { kind: 'lawsuitDirect', filedOn: '2023-01-01', concludedOn: '2023-12-31', result: 'corrected' },
      // Filed on the last day of 2022: a case of 2022, not of 2023.
      { kind: 'review', filedOn: '2022-12-31', concludedOn: '2023-01-01', result: 'other' },
    ],
    policyDocuments: [
      // Issued on the last day of 2023, published in both languages: one document issued and in force.
      { kind: 'normative', issuedOn: '2023-12-31', repealedOn: null, publication: 'zhEn', draftIssuedOn: '2023-12-31' },
      // Repealed on 1 January 2023: repealed in 2023, not in force on 31 December.
      {
        kind: 'normative',
        issuedOn: '2022-06-01',
        repealedOn: '2023-01-01',
        publication: 'zh',
        draftIssuedOn: '2022-06-01',
      },
      // Repealed on 1 January 2024: in force on 31 December 2023.
      {
        kind: 'regulation',
        issuedOn: '2021-12-31',
        repealedOn: '2024-01-01',
        publication: 'zh',
        draftIssuedOn: '2021-12-31',
      },
      // Never published: not counted.
      {
        kind: 'regulation',
        issuedOn: '2023-05-05',
        repealedOn: null,
        publication: 'draft',
        draftIssuedOn: '2023-05-05',
      },
      // Published as issued 2024-01-01, then its draft moved to 2023-06-01: the published date counts (not issued in 2023).
      {
        kind: 'regulation',
        issuedOn: '2024-01-01',
        repealedOn: null,
        publication: 'edited',
        draftIssuedOn: '2023-06-01',
      },
    ],
    decisions: [
      { kind: 'license', decidedOn: '2023-12-31' },
      { kind: 'license', decidedOn: '2024-01-01' },
      { kind: 'penalty', decidedOn: '2023-01-01' },
      { kind: 'enforcement', decidedOn: '2022-12-31' },
    ],
    fees: [
      { fen: 1, collectedOn: '2023-12-31' }, // 0.01 元 = 0.000001 万元
      { fen: 12_345_678, collectedOn: '2023-01-01' }, // 123456.78 元
      { fen: 50_000, collectedOn: '2024-01-01' }, // next year
    ],
  };
  let organization: string;
  let cells: Cells;

  beforeAll(async () => {
    ({ organization } = await write(fixture));
    cells = (await strapi.plugin('disclosure').service('report').compute(organization, 2023)).tables.cells;
  });

  test('the cells at the boundaries, by hand', () => {
    const a = (row: string, column = 'total') => cells[`applications.main.${row}.${column}`];
    expect([a('received'), a('carriedOver'), a('concluded'), a('carriedForward')]).toEqual([4, 1, 3, 2]);
    expect([
      a('received', 'naturalPerson'),
      a('carriedOver', 'naturalPerson'),
      a('carriedForward', 'naturalPerson'),
    ]).toEqual([1, 1, 1]);
    expect([a('granted'), a('withheld.stateSecret'), a('otherDisposal.other'), a('partiallyGranted')]).toEqual([
      1, 1, 1, 0,
    ]);
    expect(a('carriedForward', 'legalServiceOrganization')).toBe(1);
    const c = (column: string) => cells[`reviewsAndLawsuits.main.cases.${column}`];
    expect([c('reviewPending'), c('reviewOther'), c('reviewTotal')]).toEqual([1, 0, 1]);
    expect([c('lawsuitDirectCorrected'), c('lawsuitDirectTotal')]).toEqual([1, 1]);
    const d = (row: string, column: string) => cells[`proactive.documents.${row}.${column}`];
    expect([d('normative', 'issued'), d('normative', 'repealed'), d('normative', 'inForce')]).toEqual([1, 1, 1]);
    expect([d('regulation', 'issued'), d('regulation', 'repealed'), d('regulation', 'inForce')]).toEqual([0, 0, 1]);
    expect(cells['proactive.licensing.license.decisions']).toBe(1);
    expect(cells['proactive.enforcement.penalty.decisions']).toBe(1);
    expect(cells['proactive.enforcement.enforcement.decisions']).toBe(0);
    expect(wanToFen(cells['proactive.fees.fee.amount']!)).toBe(12_345_679n);
  });

  test('equal the in-memory reference and pass every hard rule', async () => {
    const reference = {
      ...fixture,
      policyDocuments: fixture.policyDocuments.filter((p) => p.publication !== 'draft'),
      fees: fixture.fees.map((f) => ({ amount: (f.fen / 100).toFixed(2), collectedOn: f.collectedOn })),
    };
    expect(cells).toEqual(cellsFromRecords(format, reference, 2023));
    expect(hasErrors(checkReport(format, cells))).toBe(false);
  });

  test('every cell lists exactly its records through the admin route GET /disclosure/reports/cell', async () => {
    const { token } = await adminToken('disclosure-officer');
    for (const ref of CELLS) {
      const res = await http()
        .get('/disclosure/reports/cell')
        .query({ organization, year: 2023, cell: ref.id, pageSize: 100 })
        .set('Authorization', `Bearer ${token}`);
      expect({ cell: ref.id, status: res.status }).toEqual({ cell: ref.id, status: 200 });
      if (ref.kind === 'money') {
        const listed = (res.body.data as Array<{ amount: string | number }>).reduce(
          (sum, r) => sum + yuanToFen(r.amount),
          0n,
        );
        expect({ cell: ref.id, fen: listed }).toEqual({ cell: ref.id, fen: wanToFen(cells[ref.id]!) });
      } else {
        expect({ cell: ref.id, total: res.body.meta.pagination.total }).toEqual({ cell: ref.id, total: cells[ref.id] });
        expect(res.body.data).toHaveLength(Number(cells[ref.id]));
      }
    }
  });
});
