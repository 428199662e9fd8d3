// Random record sets for property tests: dates over several years around 2021, boundaries included.
import fc from 'fast-check';
import { APPLICANT_TYPES, OUTCOMES } from '../../format';
import type {
  ApplicationRecord,
  CaseRecord,
  DecisionRecord,
  FeeRecord,
  PolicyDocumentRecord,
  RecordSets,
} from '../cells';

export const YEAR = 2021;
const DAY = 86_400_000;
const FIRST = Date.UTC(2018, 0, 1);

const toDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const addDays = (date: string, days: number) => toDate(Date.parse(`${date}T00:00:00Z`) + days * DAY);

/** 2018-01-01 … 2024-12-31, with the year boundaries around the report year over-represented. */
export const dateArb = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 7 * 365 }).map((n) => toDate(FIRST + n * DAY)) },
  { weight: 1, arbitrary: fc.constantFrom('2020-01-01', '2020-12-31', '2021-01-01', '2021-12-31', '2022-01-01') },
);
/** Days until a later event: often 0 or 1 so that events land on both sides of a boundary. */
const delayArb = fc.oneof(fc.constantFrom(0, 1), fc.integer({ min: 0, max: 900 }));

export const applicationArb: fc.Arbitrary<ApplicationRecord> = fc
  .record({
    applicantType: fc.constantFrom(...APPLICANT_TYPES),
    receivedOn: dateArb,
    end: fc.option(fc.record({ delay: delayArb, outcome: fc.constantFrom(...OUTCOMES) }), { nil: null }),
  })
  .map(({ applicantType, receivedOn, end }) => ({
    applicantType,
    receivedOn,
    concludedOn: end ? addDays(receivedOn, end.delay) : null,
    outcome: end ? end.outcome : null,
  }));

export const caseArb: fc.Arbitrary<CaseRecord> = fc
  .record({
    kind: fc.constantFrom('review', 'lawsuitDirect', 'lawsuitAfterReview'),
    filedOn: dateArb,
    end: fc.option(fc.record({ delay: delayArb, result: fc.constantFrom('upheld', 'corrected', 'other') }), {
      nil: null,
    }),
  })
  .map(({ kind, filedOn, end }) => ({
    kind,
    filedOn,
    concludedOn: end ? addDays(filedOn, end.delay) : null,
    result: end ? end.result : null,
  }));

export const policyDocumentArb: fc.Arbitrary<PolicyDocumentRecord> = fc
  .record({
    kind: fc.constantFrom('regulation', 'normative', 'other'),
    issuedOn: dateArb,
    delay: fc.option(delayArb, { nil: null }),
  })
  .map(({ kind, issuedOn, delay }) => ({
    kind,
    issuedOn,
    repealedOn: delay === null ? null : addDays(issuedOn, delay),
  }));

export const decisionArb: fc.Arbitrary<DecisionRecord> = fc.record({
  kind: fc.constantFrom('license', 'penalty', 'enforcement'),
  decidedOn: dateArb,
});

/** Amounts in 元 written from whole fen, so the test's own arithmetic stays in integers. */
export const yuanFromFen = (fen: number | bigint) => {
  const f = BigInt(fen);
  return `${f / 100n}.${String(f % 100n).padStart(2, '0')}`;
};
export const feeArb: fc.Arbitrary<FeeRecord> = fc.record({
  amount: fc.integer({ min: 0, max: 9_999_999_999 }).map(yuanFromFen),
  collectedOn: dateArb,
});

export const recordSetsArb: fc.Arbitrary<Required<RecordSets>> = fc.record({
  applications: fc.array(applicationArb, { maxLength: 80 }),
  cases: fc.array(caseArb, { maxLength: 30 }),
  policyDocuments: fc.array(policyDocumentArb, { maxLength: 30 }),
  decisions: fc.array(decisionArb, { maxLength: 20 }),
  fees: fc.array(feeArb, { maxLength: 20 }),
});
