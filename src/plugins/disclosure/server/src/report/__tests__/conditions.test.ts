// The counting rules are declared once and compiled twice: the predicate and the SQL must agree on every record,
// including null dates and the year's edges. Checked against a real SQLite evaluating the compiled SQL.
import Database from 'better-sqlite3';
import fc from 'fast-check';
import {
  APPLICATION_IN_YEAR,
  APPLICATION_MEASURES,
  CASE_CONCLUDED_BY_YEAR_END,
  CASE_COUNTED,
  type Condition,
  DECISION_COUNTED,
  DOCUMENT_MEASURES,
  FEE_COUNTED,
  holds,
  toSql,
  yearBounds,
} from '../conditions';

const YEAR = 2021;
const bounds = yearBounds(YEAR);
const FIELDS = ['receivedOn', 'concludedOn', 'issuedOn', 'repealedOn', 'filedOn', 'decidedOn', 'collectedOn'] as const;
type Row = Record<(typeof FIELDS)[number], string | null>;

const RULES: Array<[string, Condition]> = [
  ...Object.entries(APPLICATION_MEASURES).map(([k, c]): [string, Condition] => [`application.${k}`, c]),
  ['application.inYear', APPLICATION_IN_YEAR],
  ...Object.entries(DOCUMENT_MEASURES).map(([k, c]): [string, Condition] => [`document.${k}`, c]),
  ['case.counted', CASE_COUNTED],
  ['case.concludedByYearEnd', CASE_CONCLUDED_BY_YEAR_END],
  ['decision.counted', DECISION_COUNTED],
  ['fee.counted', FEE_COUNTED],
];

// Dates around the year's edges, where an off-by-one would show.
const EDGE_DAYS = [
  '2019-06-30',
  '2020-12-30',
  '2020-12-31',
  '2021-01-01',
  '2021-01-02',
  '2021-06-15',
  '2021-12-30',
  '2021-12-31',
  '2022-01-01',
  '2022-01-02',
  '2023-03-01',
];
const dateArb = fc.option(fc.constantFrom(...EDGE_DAYS), { nil: null, freq: 4 });
const rowArb = fc.record(
  Object.fromEntries(FIELDS.map((f) => [f, dateArb])) as Record<(typeof FIELDS)[number], fc.Arbitrary<string | null>>,
);

describe('the counting rules', () => {
  const db = new Database(':memory:');
  afterAll(() => db.close());
  db.exec(`CREATE TABLE r (${FIELDS.map((f) => `${f} TEXT`).join(', ')})`);

  it.each(RULES)('%s: the SQL selects exactly the records the predicate accepts', (_, rule) => {
    const { sql, bindings } = toSql(rule, bounds, (f) => `r.${f}`);
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 30 }), (rows) => {
        db.exec('DELETE FROM r');
        const insert = db.prepare(`INSERT INTO r VALUES (${FIELDS.map(() => '?').join(', ')})`);
        rows.forEach((row) => insert.run(...FIELDS.map((f) => row[f])));
        const bySql = (
          db.prepare(`SELECT rowid - 1 AS i FROM r WHERE ${sql} ORDER BY rowid`).all(...bindings) as Array<{
            i: number;
          }>
        ).map((x) => x.i);
        const byPredicate = rows.flatMap((row: Row, i) => (holds(rule, row, bounds) ? [i] : []));
        expect(bySql).toEqual(byPredicate);
      }),
      { numRuns: 150 },
    );
  });

  it('compile to the SQL the queries have always used', () => {
    const col = (f: string) => `a.${f}`;
    expect(toSql(APPLICATION_MEASURES.carriedOver, bounds, col)).toEqual({
      sql: 'a.receivedOn < ? AND (a.concludedOn IS NULL OR a.concludedOn >= ?)',
      bindings: ['2021-01-01', '2021-01-01'],
    });
    expect(toSql(APPLICATION_MEASURES.carriedForward, bounds, col)).toEqual({
      sql: 'a.receivedOn <= ? AND (a.concludedOn IS NULL OR a.concludedOn > ?)',
      bindings: ['2021-12-31', '2021-12-31'],
    });
    expect(toSql(APPLICATION_MEASURES.received, bounds, col)).toEqual({
      sql: 'a.receivedOn >= ? AND a.receivedOn <= ?',
      bindings: ['2021-01-01', '2021-12-31'],
    });
    expect(toSql(CASE_CONCLUDED_BY_YEAR_END, bounds, col)).toEqual({
      sql: 'a.concludedOn IS NOT NULL AND a.concludedOn <= ?',
      bindings: ['2021-12-31'],
    });
  });

  it('hold on the examples of DOMAIN.md', () => {
    const app = (receivedOn: string, concludedOn: string | null) => ({ receivedOn, concludedOn });
    const measures = (a: { receivedOn: string; concludedOn: string | null }) =>
      Object.entries(APPLICATION_MEASURES)
        .filter(([, c]) => holds(c, a, bounds))
        .map(([k]) => k);
    expect(measures(app('2020-12-31', '2021-01-01'))).toEqual(['carriedOver', 'concluded']);
    expect(measures(app('2020-12-31', '2020-12-31'))).toEqual([]);
    expect(measures(app('2021-12-31', null))).toEqual(['received', 'carriedForward']);
    expect(measures(app('2021-03-01', '2022-01-01'))).toEqual(['received', 'carriedForward']);
    expect(measures(app('2021-03-01', '2021-12-31'))).toEqual(['received', 'concluded']);
    expect(holds(DOCUMENT_MEASURES.inForce, { issuedOn: '2021-12-31', repealedOn: '2021-12-31' }, bounds)).toBe(false);
    expect(holds(DOCUMENT_MEASURES.inForce, { issuedOn: '2021-12-31', repealedOn: '2022-01-01' }, bounds)).toBe(true);
  });
});
