// The rules on hand-made reports (cells, expected, actual), and a property: any single-cell change is caught.
import fc from 'fast-check';
import { getFormat, labelIn } from '../../format';
import { type Cells, cellsFromRecords, emptyCells, listCells } from '../cells';
import { type Problem, checkReport, describeCell, hasErrors } from '../check';
import { YEAR, recordSetsArb } from './arbitraries';

const format = getFormat('gov-2021');
const A = (row: string, column: string) => `applications.main.${row}.${column}`;
const CASES = (column: string) => `reviewsAndLawsuits.main.cases.${column}`;
const DOCS = (row: string, column: string) => `proactive.documents.${row}.${column}`;
const FEE = 'proactive.fees.fee.amount';

const withCells = (values: Record<string, number | string | undefined>): Cells => {
  const cells: Cells = { ...emptyCells(format) };
  for (const [id, v] of Object.entries(values)) {
    if (v === undefined) delete cells[id];
    else cells[id] = v;
  }
  return cells;
};
const only = (problems: Problem[], rule: string) => problems.filter((p) => p.rule === rule);
const brief = (p: Problem) => ({ cells: p.cells, expected: p.expected, actual: p.actual });

describe('checkReport: hard errors', () => {
  it('finds nothing wrong with the all-zero report', () => {
    expect(checkReport(format, emptyCells(format))).toEqual([]);
    expect(hasErrors([])).toBe(false);
  });

  it('rule 1: received + carriedOver = concluded + carriedForward, per column', () => {
    const problems = checkReport(
      format,
      withCells({
        [A('received', 'naturalPerson')]: 2,
        [A('received', 'total')]: 2,
        [A('carriedForward', 'naturalPerson')]: 1,
        [A('carriedForward', 'total')]: 1,
      }),
    );
    expect(only(problems, 'applications.balance').map(brief)).toEqual(
      ['naturalPerson', 'total'].map((c) => ({
        cells: [A('received', c), A('carriedOver', c), A('concluded', c), A('carriedForward', c)],
        expected: 2,
        actual: 1,
      })),
    );
    expect(problems.every((p) => p.severity === 'error')).toBe(true);
    const [p] = problems;
    const column = listCells(format).find((r) => r.id === A('received', 'naturalPerson'))!.column;
    expect(p.message.zh).toContain(labelIn(column, 'zh-Hans'));
    expect(p.message.en).toContain(labelIn(column, 'en'));
    expect(p.message.zh).toMatch(/2.*1/);
  });

  it('rule 2: concluded = the sum of the result rows, per column', () => {
    const problems = checkReport(
      format,
      withCells({
        [A('received', 'commercialEnterprise')]: 1,
        [A('received', 'total')]: 1,
        [A('notProcessed.duplicate', 'commercialEnterprise')]: 1,
        [A('notProcessed.duplicate', 'total')]: 1,
      }),
    );
    const [p, q, ...rest] = only(problems, 'applications.concludedSum');
    expect(rest).toEqual([]);
    expect(brief(p)).toMatchObject({ expected: 1, actual: 0 });
    expect(p.cells[0]).toBe(A('concluded', 'commercialEnterprise'));
    expect(p.cells).toContain(A('notProcessed.duplicate', 'commercialEnterprise'));
    expect(p.cells).toHaveLength(22);
    expect(q.cells[0]).toBe(A('concluded', 'total'));
    expect(p.message.zh).toContain(describeCell(format, A('concluded', 'commercialEnterprise'), 'zh-Hans'));
  });

  it('rule 3: total = the sum of the six applicant columns, per row', () => {
    const problems = checkReport(
      format,
      withCells({ [A('carriedOver', 'researchInstitution')]: 3, [A('carriedForward', 'researchInstitution')]: 3 }),
    );
    expect(only(problems, 'applications.applicantTotal').map(brief)).toEqual(
      ['carriedOver', 'carriedForward'].map((row) => ({
        cells: [
          A(row, 'total'),
          ...[
            'naturalPerson',
            'commercialEnterprise',
            'researchInstitution',
            'socialWelfareOrganization',
            'legalServiceOrganization',
            'otherOrganization',
          ].map((c) => A(row, c)),
        ],
        expected: 3,
        actual: 0,
      })),
    );
    expect(problems).toHaveLength(2);
  });

  it('rule 4: each group of table 四 totals its four results', () => {
    const problems = checkReport(
      format,
      withCells({ [CASES('lawsuitDirectPending')]: 2, [CASES('lawsuitDirectTotal')]: 1 }),
    );
    expect(problems.map(brief)).toEqual([
      {
        cells: ['Upheld', 'Corrected', 'Other', 'Pending'].reduce(
          (ids, r) => [...ids, CASES(`lawsuitDirect${r}`)],
          [CASES('lawsuitDirectTotal')],
        ),
        expected: 2,
        actual: 1,
      },
    ]);
    expect(problems[0].rule).toBe('cases.groupTotal');
  });

  it('rule 5: counts are whole numbers ≥ 0, the fee a decimal string ≥ 0, and no cell is missing', () => {
    const problems = checkReport(
      format,
      withCells({
        [A('received', 'naturalPerson')]: -1,
        [A('granted', 'otherOrganization')]: 1.5,
        [CASES('reviewUpheld')]: '3',
        [DOCS('regulation', 'inForce')]: undefined,
        [FEE]: '-0.5',
      }),
    );
    expect(only(problems, 'cells.valid').map(brief)).toEqual([
      { cells: [DOCS('regulation', 'inForce')], expected: 'integer ≥ 0', actual: '(missing)' },
      { cells: [FEE], expected: 'decimal ≥ 0', actual: '-0.5' },
      { cells: [A('received', 'naturalPerson')], expected: 'integer ≥ 0', actual: -1 },
      { cells: [A('granted', 'otherOrganization')], expected: 'integer ≥ 0', actual: 1.5 },
      { cells: [CASES('reviewUpheld')], expected: 'integer ≥ 0', actual: '3' },
    ]);
    // Invalid cells are not added up: the sums they take part in are left to rule 5.
    expect(problems.filter((p) => p.rule !== 'cells.valid')).toEqual([]);
    expect(only(checkReport(format, withCells({ [FEE]: 0 })), 'cells.valid')).toHaveLength(1);
    expect(checkReport(format, withCells({ [FEE]: '24252.311082' }))).toEqual([]);
  });
});

describe('checkReport: warnings', () => {
  it('compares carriedOver with last year’s carriedForward, per column', () => {
    const previous = withCells({ [A('carriedForward', 'naturalPerson')]: 2, [A('carriedForward', 'total')]: 2 });
    const problems = checkReport(format, emptyCells(format), { previous });
    expect(problems.map((p) => [p.rule, p.severity, ...Object.values(brief(p))])).toEqual([
      ['continuity.carriedOver', 'warning', [A('carriedOver', 'naturalPerson')], 2, 0],
      ['continuity.carriedOver', 'warning', [A('carriedOver', 'total')], 2, 0],
    ]);
    expect(hasErrors(problems)).toBe(false);
    expect(checkReport(format, emptyCells(format), { previous: null })).toEqual([]);
  });

  it('checks continuity forwards too: carriedForward against next year’s published carriedOver, naming that year', () => {
    const next = {
      year: 2025,
      cells: withCells({ [A('carriedOver', 'naturalPerson')]: 1, [A('carriedOver', 'total')]: 1 }),
    };
    const problems = checkReport(format, emptyCells(format), { year: 2024, previous: emptyCells(format), next });
    expect(problems.map((p) => [p.rule, p.severity, ...Object.values(brief(p))])).toEqual([
      ['continuity.nextYear', 'warning', [A('carriedForward', 'naturalPerson')], 1, 0],
      ['continuity.nextYear', 'warning', [A('carriedForward', 'total')], 1, 0],
    ]);
    expect(problems[0].message.zh).toContain('2025年已发布报告');
    expect(problems[0].message.en).toContain('published 2025 report');
    expect(
      checkReport(format, emptyCells(format), {
        year: 2024,
        previous: emptyCells(format),
        next: { year: 2025, cells: emptyCells(format) },
      }),
    ).toEqual([]);
  });

  it('says plainly when there is no previous published report to compare with (a warning, not a pass)', () => {
    const problems = checkReport(format, emptyCells(format), { year: 2024, previous: null });
    expect(problems.map((p) => [p.rule, p.severity, ...Object.values(brief(p))])).toEqual([
      ['continuity.noPreviousReport', 'warning', [A('carriedOver', 'total')], 2023, '—'],
    ]);
    expect(problems[0].message.zh).toContain('没有2023年已发布的报告');
    expect(problems[0].message.en).toContain('no published 2023 report');
    // Without a year (a preview without history), nothing is claimed either way.
    expect(checkReport(format, emptyCells(format), { previous: null })).toEqual([]);
  });

  it('expects 现行有效件数 = last year’s + issued − repealed', () => {
    const previous = withCells({ [DOCS('normative', 'inForce')]: 5 });
    const cells = withCells({
      [DOCS('normative', 'issued')]: 2,
      [DOCS('normative', 'repealed')]: 1,
      [DOCS('normative', 'inForce')]: 5,
    });
    expect(checkReport(format, cells, { previous }).map(brief)).toEqual([
      {
        cells: [DOCS('normative', 'inForce'), DOCS('normative', 'issued'), DOCS('normative', 'repealed')],
        expected: 6,
        actual: 5,
      },
    ]);
    expect(checkReport(format, { ...cells, [DOCS('normative', 'inForce')]: 6 }, { previous })).toEqual([]);
  });

  it('flags 规章 reported by an organization that cannot issue them', () => {
    const cells = withCells({ [DOCS('regulation', 'issued')]: 1, [DOCS('regulation', 'inForce')]: 1 });
    const problems = checkReport(format, cells, { organization: { canIssueRegulations: false } });
    expect(problems.map((p) => [p.rule, p.severity, ...Object.values(brief(p))])).toEqual([
      ['plausibility.regulations', 'warning', [DOCS('regulation', 'issued')], 0, 1],
      ['plausibility.regulations', 'warning', [DOCS('regulation', 'inForce')], 0, 1],
    ]);
    expect(checkReport(format, cells, { organization: { canIssueRegulations: true } })).toEqual([]);
    expect(checkReport(format, cells)).toEqual([]);
  });
});

describe('any single-cell change to tables 三 and 四 of a valid report is an error (property)', () => {
  const ids = listCells(format)
    .filter((r) => r.table.code !== 'proactive')
    .map((r) => r.id);

  it('±1', () => {
    fc.assert(
      fc.property(recordSetsArb, fc.constantFrom(...ids), fc.constantFrom(1, -1), (records, id, delta) => {
        const cells = cellsFromRecords(format, records, YEAR);
        const changed = (cells[id] as number) + delta;
        fc.pre(changed >= 0);
        expect(hasErrors(checkReport(format, { ...cells, [id]: changed }))).toBe(true);
      }),
    );
  });

  it('any other value', () => {
    const anyValue = fc.oneof(fc.integer({ min: -5, max: 10_000 }), fc.double(), fc.string(), fc.constant(undefined));
    fc.assert(
      fc.property(recordSetsArb, fc.constantFrom(...ids), anyValue, (records, id, value) => {
        const cells = cellsFromRecords(format, records, YEAR);
        fc.pre(value !== cells[id]);
        const changed: Cells = { ...cells };
        if (value === undefined) delete changed[id];
        else changed[id] = value;
        expect(hasErrors(checkReport(format, changed))).toBe(true);
      }),
    );
  });
});
