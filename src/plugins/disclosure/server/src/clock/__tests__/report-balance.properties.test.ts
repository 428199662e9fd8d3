// Table 三 of the annual report stays balanced whatever the applications' histories: the outcome and conclusion date
// the clock replays are exactly what the report counts, so no history can make a published report break its rules.
import fc from 'fast-check';
import { APPLICANT_TYPES, getFormat } from '../../format';
import { cellId, cellsFromRecords, checkReport, type ApplicationRecord } from '../../report';
import { historyArb, status } from './histories';

const format = getFormat('gov-2021');
const cell = (row: string, column = 'total') => cellId('applications', 'main', row, column);

/** An organization's applications: random histories, each from a random kind of applicant. */
const recordsArb = fc.array(fc.tuple(historyArb, fc.constantFrom(...APPLICANT_TYPES)), { maxLength: 40 }).map((apps) =>
  apps.map(([history, applicantType]): ApplicationRecord => {
    const s = status(history);
    return { applicantType, receivedOn: history.receivedOn, concludedOn: s.concludedOn, outcome: s.outcome };
  }),
);
// Histories start 2005 – mid 2025 and may run into 2026: every report year they touch, and the edges.
const yearArb = fc.integer({ min: 2004, max: 2027 });

describe('table 三 from replayed histories', () => {
  it('passes every hard rule of the format, for any report year', () => {
    fc.assert(
      fc.property(recordsArb, yearArb, (applications, year) => {
        const cells = cellsFromRecords(format, { applications }, year);
        const errors = checkReport(format, cells).filter((p) => p.severity === 'error');
        expect(errors).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('counts each application concluded in the year once, under the outcome its history ended with', () => {
    fc.assert(
      fc.property(recordsArb, yearArb, (applications, year) => {
        const cells = cellsFromRecords(format, { applications }, year);
        const inYear = applications.filter((a) => a.concludedOn?.startsWith(`${year}-`));
        expect(cells[cell('concluded')]).toBe(inYear.length);
        for (const a of inYear) expect(a.outcome).not.toBeNull();
        const outcomes = new Set(inYear.map((a) => a.outcome!));
        for (const outcome of outcomes) {
          expect(cells[cell(outcome)]).toBe(inYear.filter((a) => a.outcome === outcome).length);
        }
        // The printed rule, in the total column: 一 + 二 = 三 + 四.
        expect(Number(cells[cell('received')]) + Number(cells[cell('carriedOver')])).toBe(
          Number(cells[cell('concluded')]) + Number(cells[cell('carriedForward')]),
        );
      }),
      { numRuns: 300 },
    );
  });
});
