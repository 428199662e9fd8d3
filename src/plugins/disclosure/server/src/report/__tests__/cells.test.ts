// Records → cells: hand-made boundary cases, and properties against naive counts written straight from DOMAIN.md.
import fc from 'fast-check';
import { getFormat } from '../../format';
import type { ColumnSource, RowSource } from '../../format/types';
import {
  type Aggregates,
  type RecordSets,
  aggregatesFromRecords,
  cellId,
  cellsFromAggregates,
  cellsFromRecords,
  classifyApplication,
  classifyCase,
  classifyPolicyDocument,
  emptyCells,
  listCells,
  parseCellId,
} from '../cells';
import { checkReport } from '../check';
import { YEAR, recordSetsArb, yuanFromFen } from './arbitraries';

const format = getFormat('gov-2021');
const NO_AGG: Aggregates = { applications: [], cases: [], policyDocuments: [], decisions: [], feesYuan: '0' };

// ---- A naive count per cell, written straight from DOMAIN.md's definitions (no classify* functions). ----
const S = `${YEAR}-01-01`;
const E = `${YEAR}-12-31`;
const inYear = (d: string | null) => d !== null && d.startsWith(`${YEAR}-`);
const concludedBy = (d: string | null, limit: string) => d !== null && d <= limit;

function naiveCell(r: Required<RecordSets>, rs: RowSource, cs: ColumnSource): number | string {
  switch (rs.records) {
    case 'applications': {
      const apps = r.applications.filter(
        (a) => cs.by === 'applicantTotal' || (cs.by === 'applicantType' && a.applicantType === cs.applicantType),
      );
      if (rs.measure === 'received') return apps.filter((a) => inYear(a.receivedOn)).length;
      if (rs.measure === 'carriedOver')
        return apps.filter((a) => a.receivedOn < S && !concludedBy(a.concludedOn, addDay(S, -1))).length;
      if (rs.measure === 'concluded')
        return apps.filter((a) => inYear(a.concludedOn) && a.outcome === rs.outcome).length;
      if (rs.measure === 'concludedTotal') return apps.filter((a) => inYear(a.concludedOn)).length;
      return apps.filter((a) => a.receivedOn <= E && !concludedBy(a.concludedOn, E)).length;
    }
    case 'cases': {
      if (cs.by !== 'case') throw new Error('bad column');
      const filed = r.cases.filter((c) => c.kind === cs.caseKind && inYear(c.filedOn));
      if (cs.result === 'total') return filed.length;
      if (cs.result === 'pending') return filed.filter((c) => !concludedBy(c.concludedOn, E)).length;
      return filed.filter((c) => concludedBy(c.concludedOn, E) && c.result === cs.result).length;
    }
    case 'policyDocuments': {
      if (cs.by !== 'documentMeasure') throw new Error('bad column');
      const docs = r.policyDocuments.filter((d) => d.kind === rs.kind);
      if (cs.measure === 'issued') return docs.filter((d) => inYear(d.issuedOn)).length;
      if (cs.measure === 'repealed') return docs.filter((d) => inYear(d.repealedOn)).length;
      return docs.filter((d) => d.issuedOn <= E && !concludedBy(d.repealedOn, E)).length;
    }
    case 'decisions':
      return r.decisions.filter((d) => d.kind === rs.kind && inYear(d.decidedOn)).length;
    case 'fees': {
      // 元 → 万元 by integer arithmetic on fen: 1 万元 = 1 000 000 fen.
      const fen = r.fees
        .filter((f) => inYear(f.collectedOn))
        .reduce((s, f) => s + BigInt(String(f.amount).replace('.', '')), 0n);
      const frac = String(fen % 1_000_000n)
        .padStart(6, '0')
        .replace(/0+$/, '');
      return `${fen / 1_000_000n}${frac ? `.${frac}` : ''}`;
    }
    case 'published':
      throw new Error('a published-only row is read by import, never counted');
  }
}
function addDay(date: string, n: number) {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

describe('cell ids', () => {
  it('are table.block.row.column, and row codes may contain dots', () => {
    const id = cellId('applications', 'main', 'withheld.stateSecret', 'total');
    expect(id).toBe('applications.main.withheld.stateSecret.total');
    expect(parseCellId(id)).toEqual({
      table: 'applications',
      block: 'main',
      row: 'withheld.stateSecret',
      column: 'total',
    });
  });

  it('emptyCells sets every count to 0 and the fee to "0"', () => {
    const cells = emptyCells(format);
    expect(Object.keys(cells)).toHaveLength(listCells(format).length);
    expect(cells['proactive.fees.fee.amount']).toBe('0');
    expect(Object.entries(cells).filter(([, v]) => v !== 0)).toEqual([['proactive.fees.fee.amount', '0']]);
    expect(cellsFromAggregates(format, NO_AGG)).toEqual(cells);
  });
});

describe('classifying one record', () => {
  const app = (receivedOn: string, concludedOn: string | null = null) => ({
    applicantType: 'naturalPerson',
    receivedOn,
    concludedOn,
    outcome: concludedOn ? 'granted' : null,
  });
  const measures = (a: ReturnType<typeof app>) => classifyApplication(a, 2021).map((m) => m.measure);

  it.each([
    ['received and concluded in the year', app('2021-03-01', '2021-03-20'), ['received', 'concluded']],
    ['received on 31 Dec, concluded on 1 Jan', app('2021-12-31', '2022-01-01'), ['received', 'carriedForward']],
    ['received last year, concluded on 1 Jan', app('2020-12-31', '2021-01-01'), ['carriedOver', 'concluded']],
    ['received last year, concluded on 31 Dec last year', app('2020-12-01', '2020-12-31'), []],
    ['received last year, still open', app('2019-06-01'), ['carriedOver', 'carriedForward']],
    ['received next year', app('2022-01-01'), []],
  ])('%s', (_, a, expected) => expect(measures(a)).toEqual(expected));

  it('refuses inconsistent records with a message naming the dates', () => {
    expect(() => classifyApplication({ ...app('2021-03-01', '2021-02-01') }, 2021)).toThrow(/2021-02-01.*2021-03-01/);
    expect(() => classifyApplication({ ...app('2021-03-01'), outcome: 'granted' }, 2021)).toThrow(/outcome/);
    expect(() => classifyApplication({ ...app('2021-3-1') }, 2021)).toThrow(/YYYY-MM-DD/);
  });

  it('counts a case as pending unless concluded by 31 December', () => {
    expect(
      classifyCase({ kind: 'review', filedOn: '2021-05-01', concludedOn: '2022-01-01', result: 'upheld' }, 2021),
    ).toBe('pending');
    expect(
      classifyCase({ kind: 'review', filedOn: '2021-05-01', concludedOn: '2021-12-31', result: 'upheld' }, 2021),
    ).toBe('upheld');
    expect(classifyCase({ kind: 'review', filedOn: '2020-05-01', concludedOn: null, result: null }, 2021)).toBeNull();
  });

  it('counts a document in force on 31 December unless repealed by then', () => {
    expect(
      classifyPolicyDocument({ kind: 'normative', issuedOn: '2021-02-01', repealedOn: '2021-12-31' }, 2021),
    ).toEqual(['issued', 'repealed']);
    expect(
      classifyPolicyDocument({ kind: 'normative', issuedOn: '2019-02-01', repealedOn: '2022-01-01' }, 2021),
    ).toEqual(['inForce']);
  });
});

describe('cellsFromAggregates', () => {
  it('fills totals and converts 元 to 万元 exactly', () => {
    const cells = cellsFromAggregates(format, {
      applications: [
        { measure: 'received', applicantType: 'naturalPerson', outcome: null, count: 3 },
        { measure: 'received', applicantType: 'legalServiceOrganization', outcome: null, count: '2' },
        { measure: 'concluded', applicantType: 'naturalPerson', outcome: 'withheld.stateSecret', count: 1n },
        { measure: 'concluded', applicantType: 'naturalPerson', outcome: 'granted', count: 1 },
        { measure: 'carriedForward', applicantType: 'naturalPerson', outcome: null, count: 1 },
      ],
      cases: [
        { kind: 'review', result: 'pending', count: 2 },
        { kind: 'lawsuitAfterReview', result: 'corrected', count: 1 },
      ],
      policyDocuments: [{ kind: 'normative', measure: 'inForce', count: 4 }],
      decisions: [{ kind: 'penalty', count: 7 }],
      feesYuan: '242523110.82',
    });
    expect(cells['applications.main.received.total']).toBe(5);
    expect(cells['applications.main.concluded.naturalPerson']).toBe(2);
    expect(cells['applications.main.concluded.total']).toBe(2);
    expect(cells['applications.main.withheld.stateSecret.total']).toBe(1);
    expect(cells['reviewsAndLawsuits.main.cases.reviewTotal']).toBe(2);
    expect(cells['reviewsAndLawsuits.main.cases.lawsuitAfterReviewTotal']).toBe(1);
    expect(cells['proactive.documents.normative.inForce']).toBe(4);
    expect(cells['proactive.enforcement.penalty.decisions']).toBe(7);
    expect(cells['proactive.fees.fee.amount']).toBe('24252.311082');
    expect(cellsFromAggregates(format, { ...NO_AGG, feesYuan: '3' })['proactive.fees.fee.amount']).toBe('0.0003');
    expect(cellsFromAggregates(format, { ...NO_AGG, feesYuan: null })['proactive.fees.fee.amount']).toBe('0');
  });

  it('names every unknown code and bad count in one error', () => {
    const call = () =>
      cellsFromAggregates(format, {
        applications: [
          { measure: 'received', applicantType: 'alien', outcome: null, count: 1 },
          { measure: 'concluded', applicantType: 'naturalPerson', outcome: 'lost', count: 1 },
          { measure: 'received', applicantType: 'naturalPerson', outcome: null, count: 1.5 },
        ],
        cases: [{ kind: 'appeal', result: 'upheld', count: 1 }],
        policyDocuments: [{ kind: 'other', measure: 'issued', count: 1 }],
        decisions: [{ kind: 'permit', count: 1 }],
        feesYuan: '1.234',
      });
    expect(call).toThrow(/alien/);
    for (const word of ['"lost"', '1.5', 'appeal', 'kind: other', 'permit', 'feesYuan']) expect(call).toThrow(word);
  });
});

describe('cells from random records (properties)', () => {
  it('every cell equals a naive count of the records', () => {
    fc.assert(
      fc.property(recordSetsArb, (records) => {
        const cells = cellsFromRecords(format, records, YEAR);
        for (const ref of listCells(format)) {
          expect([ref.id, cells[ref.id]]).toEqual([ref.id, naiveCell(records, ref.row.source, ref.column.source)]);
        }
      }),
    );
  });

  it('satisfy every hard rule, and continue last year’s report without warnings', () => {
    fc.assert(
      fc.property(recordSetsArb, (records) => {
        const previous = cellsFromRecords(format, records, YEAR - 1);
        const cells = cellsFromRecords(format, records, YEAR);
        expect(checkReport(format, cells, { previous, organization: { canIssueRegulations: true } })).toEqual([]);
      }),
    );
  });

  it('the database path gives the same cells however the rows are grouped or ordered', () => {
    fc.assert(
      fc.property(recordSetsArb, fc.integer(), (records, seed) => {
        const agg = aggregatesFromRecords(format, records, YEAR);
        // Split every group into rows of count 1 (as strings, as pg returns them) and shuffle them.
        const split = <T extends { count: number | string | bigint }>(rows: readonly T[]) =>
          shuffle(
            rows.flatMap((r) => Array.from({ length: Number(r.count) }, () => ({ ...r, count: '1' }))),
            seed,
          );
        const regrouped: Aggregates = {
          applications: split(agg.applications),
          cases: split(agg.cases),
          policyDocuments: split(agg.policyDocuments),
          decisions: split(agg.decisions),
          feesYuan: agg.feesYuan,
        };
        expect(cellsFromAggregates(format, regrouped)).toEqual(cellsFromRecords(format, records, YEAR));
      }),
    );
  });
});

function shuffle<T>(xs: T[], seed: number): T[] {
  const out = [...xs];
  let s = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe('fees', () => {
  it('sums many 0.10 and 0.20 amounts exactly', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('0.10', '0.20'), { maxLength: 2000 }), (amounts) => {
        const fen = amounts.reduce((s, a) => s + (a === '0.10' ? 10 : 20), 0);
        const fees = amounts.map((amount) => ({ amount, collectedOn: '2021-06-30' }));
        expect(aggregatesFromRecords(format, { fees }, YEAR).feesYuan).toBe(
          yuanFromFen(fen).replace(/\.?0+$/, '') || '0',
        );
        const wan = cellsFromRecords(format, { fees }, YEAR)['proactive.fees.fee.amount'];
        expect(wan).toBe(
          naiveCell(
            { applications: [], cases: [], policyDocuments: [], decisions: [], fees },
            { records: 'fees' },
            { by: 'feeAmount' },
          ),
        );
      }),
    );
  });
});
