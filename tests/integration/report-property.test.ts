/**
 * Property: for random record sets written through the Document Service, the database computation (GROUP BY on
 * SQLite or PostgreSQL) gives exactly the cells of the in-memory reference, and the result passes every hard rule.
 */
import fc from 'fast-check';
import { setupStrapi, teardownStrapi } from '../helpers/strapi';
import { createApplication, createOrganization } from '../helpers/records';
import { getFormat, OUTCOMES, APPLICANT_TYPES } from '../../src/plugins/disclosure/server/src/format';
import { cellsFromRecords, checkReport, hasErrors } from '../../src/plugins/disclosure/server/src/report';

let strapi: any;
beforeAll(async () => {
  strapi = await setupStrapi();
});
afterAll(teardownStrapi);

const format = getFormat('gov-2021');
const YEAR = 2023;
const day = fc.integer({ min: 0, max: 3 * 365 }).map((n) => new Date(Date.UTC(2022, 0, 1) + n * 86400000).toISOString().slice(0, 10));
const application = fc
  .record({ applicantType: fc.constantFrom(...APPLICANT_TYPES), receivedOn: day, lag: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }), outcome: fc.constantFrom(...OUTCOMES) })
  .map(({ applicantType, receivedOn, lag, outcome }) => {
    const concludedOn = lag === null ? null : new Date(Date.parse(receivedOn) + lag * 86400000).toISOString().slice(0, 10);
    const today = new Date().toISOString().slice(0, 10);
    const done = concludedOn !== null && concludedOn <= today;
    return { applicantType, receivedOn, concludedOn: done ? concludedOn : null, outcome: done ? outcome : null };
  });
const caseRecord = fc
  .record({ kind: fc.constantFrom('review', 'lawsuitDirect', 'lawsuitAfterReview'), filedOn: day, lag: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }), result: fc.constantFrom('upheld', 'corrected', 'other') })
  .map(({ kind, filedOn, lag, result }) => {
    const concludedOn = lag === null ? null : new Date(Date.parse(filedOn) + lag * 86400000).toISOString().slice(0, 10);
    const done = concludedOn !== null && concludedOn <= new Date().toISOString().slice(0, 10);
    return { kind, filedOn, concludedOn: done ? concludedOn : null, result: done ? result : null };
  });
const document = fc
  .record({ kind: fc.constantFrom('regulation', 'normative', 'other'), issuedOn: day, lag: fc.option(fc.integer({ min: 0, max: 700 }), { nil: null }) })
  .map(({ kind, issuedOn, lag }) => ({ kind, issuedOn, repealedOn: lag === null ? null : new Date(Date.parse(issuedOn) + lag * 86400000).toISOString().slice(0, 10) }));
const decision = fc.record({ kind: fc.constantFrom('license', 'penalty', 'enforcement'), decidedOn: day });
const fee = fc.record({ amount: fc.integer({ min: 0, max: 100000 }).map((fen) => (fen / 100).toFixed(2)), collectedOn: day });

let n = 0;
test('database cells equal the in-memory reference and pass every hard rule', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.record({
        applications: fc.array(application, { maxLength: 25 }),
        cases: fc.array(caseRecord, { maxLength: 6 }),
        policyDocuments: fc.array(document, { maxLength: 6 }),
        decisions: fc.array(decision, { maxLength: 5 }),
        fees: fc.array(fee, { maxLength: 6 }),
      }),
      async (records) => {
        n += 1;
        const org = await createOrganization(strapi);
        for (const a of records.applications) await createApplication(strapi, org.documentId, { ...a, state: a.concludedOn ? 'concluded' : 'received' });
        for (const c of records.cases) await strapi.documents('api::review-case.review-case').create({ data: { ...c, organization: org.documentId } });
        for (const [i, d] of records.policyDocuments.entries()) {
          const created = await strapi.documents('api::policy-document.policy-document').create({ data: { ...d, title: `性质测试${n}-${i}`, issuingBody: '测试', organization: org.documentId } });
          await strapi.documents('api::policy-document.policy-document').publish({ documentId: created.documentId });
        }
        for (const [i, d] of records.decisions.entries()) {
          await strapi.documents('api::administrative-decision.administrative-decision').create({ data: { ...d, decisionNumber: `P-${n}-${i}`, organization: org.documentId } });
        }
        for (const f of records.fees) await strapi.documents('api::fee.fee').create({ data: { item: '信息处理费', amount: Number(f.amount), collectedOn: f.collectedOn, organization: org.documentId } });

        const report = await strapi.plugin('disclosure').service('report').compute(org.documentId, YEAR);
        const expected = cellsFromRecords(format, records as any, YEAR);
        expect(report.tables.cells).toEqual(expected);
        expect(hasErrors(checkReport(format, report.tables.cells))).toBe(false);
      }
    ),
    { numRuns: 8, seed: Number(process.env.FC_SEED ?? Date.now() % 100000), verbose: true }
  );
});
