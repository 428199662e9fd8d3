// The standard numeric paragraphs of a computed report, exact strings in both languages; and (property) the Chinese
// text reads back through the narrative check without a warning, whatever the records.
import fc from 'fast-check';
import { getFormat } from '../../format';
import { narrativeProblems } from '../../import/own-narrative';
import { cellsFromRecords, emptyCells, type Cells } from '../cells';
import { standardParagraphs } from '../paragraphs';
import { YEAR, recordSetsArb } from './arbitraries';

const format = getFormat('gov-2021');
const A = (row: string, column: string) => `applications.main.${row}.${column}`;

/** 12 new (9 natural persons, 2 commercial, 1 legal service), 3 carried over, 13 concluded, 2 carried forward. */
function sample(): Cells {
  const cells: Cells = { ...emptyCells(format) };
  const set = (row: string, values: Record<string, number>) => {
    let total = 0;
    for (const [col, v] of Object.entries(values)) {
      cells[A(row, col)] = v;
      total += v;
    }
    cells[A(row, 'total')] = total;
  };
  set('received', { naturalPerson: 9, commercialEnterprise: 2, legalServiceOrganization: 1 });
  set('carriedOver', { naturalPerson: 3 });
  set('granted', { naturalPerson: 6, commercialEnterprise: 1 });
  set('partiallyGranted', { naturalPerson: 2 });
  set('withheld.stateSecret', { naturalPerson: 1 });
  set('unavailable.notHeld', { naturalPerson: 1, legalServiceOrganization: 1 });
  set('notProcessed.duplicate', { commercialEnterprise: 1 });
  set('otherDisposal.other', { naturalPerson: 1 });
  set('concluded', { naturalPerson: 11, commercialEnterprise: 2, legalServiceOrganization: 1 });
  set('carriedForward', { naturalPerson: 1, commercialEnterprise: 0, legalServiceOrganization: 0 });
  cells[A('carriedForward', 'naturalPerson')] = 1;
  cells[A('carriedForward', 'total')] = 1;
  cells['reviewsAndLawsuits.main.cases.reviewUpheld'] = 1;
  cells['reviewsAndLawsuits.main.cases.reviewTotal'] = 1;
  cells['reviewsAndLawsuits.main.cases.lawsuitDirectPending'] = 1;
  cells['reviewsAndLawsuits.main.cases.lawsuitDirectTotal'] = 1;
  cells['proactive.documents.normative.issued'] = 3;
  cells['proactive.documents.normative.repealed'] = 1;
  cells['proactive.documents.normative.inForce'] = 12;
  cells['proactive.enforcement.penalty.decisions'] = 4;
  cells['proactive.fees.fee.amount'] = '0.001265';
  return cells;
}

describe('standardParagraphs', () => {
  it('writes the Chinese paragraphs from the tables', () => {
    const p = standardParagraphs(format, sample(), {
      year: 2024,
      locale: 'zh-Hans',
      feeDecimals: 4,
      organizationName: '驻马店市公共资源交易中心',
    });
    expect(p.overview).toBe(
      '2024年，驻马店市公共资源交易中心制发规章0件、行政规范性文件3件，废止规章0件、行政规范性文件1件，现行有效规章0件、行政规范性文件12件；' +
        '作出行政许可决定0件、行政处罚决定4件、行政强制决定0件；收取行政事业性收费0.0013万元。' +
        '新收政府信息公开申请12件，上年结转3件，办结14件，结转下年度继续办理1件；因政府信息公开被申请行政复议1件，被提起行政诉讼1件。',
    );
    expect(p.applications).toBe(
      '2024年，驻马店市公共资源交易中心新收政府信息公开申请12件（自然人申请9件，法人或其他组织申请3件），上年结转3件。' +
        '本年度办结14件，其中予以公开7件，部分公开2件，不予公开1件，无法提供2件，不予处理1件，其他处理1件；结转下年度继续办理1件。' +
        '因政府信息公开被申请行政复议1件，被提起行政诉讼1件。',
    );
  });

  it('writes the English paragraphs from the tables', () => {
    const p = standardParagraphs(format, sample(), { year: 2024, locale: 'en', feeDecimals: 4 });
    expect(p.overview).toBe(
      'In 2024, documents issued by this agency: government rules 0, administrative normative documents 3; ' +
        'repealed: government rules 0, administrative normative documents 1; in force: government rules 0, administrative normative documents 12. ' +
        'Decisions made: administrative licensing 0, administrative penalties 4, administrative coercion 0. ' +
        'Administrative and institutional fees collected: 0.0013 (10,000 yuan). ' +
        'Applications for government information disclosure: 12 new, 3 carried over from last year, 14 concluded, 1 carried forward to next year. ' +
        'Administrative reviews: 1; administrative lawsuits: 1.',
    );
    expect(p.applications).toBe(
      'In 2024, this agency received 12 new applications for government information disclosure ' +
        '(natural persons: 9; legal persons or other organizations: 3), and 3 were carried over from last year. ' +
        '14 were concluded: disclosed 7, partially disclosed 2, not disclosed 1, cannot be provided 2, not processed 1, other handling 1; ' +
        '1 is carried forward to next year. 1 administrative review was applied for and 1 administrative lawsuit was filed concerning government information disclosure.',
    );
  });

  it('(property) the Chinese paragraphs agree with the tables for the narrative check', () => {
    fc.assert(
      fc.property(recordSetsArb, (records) => {
        const cells = cellsFromRecords(format, records, YEAR);
        const p = standardParagraphs(format, cells, { year: YEAR, locale: 'zh-Hans', feeDecimals: 4 });
        expect(
          narrativeProblems(format, cells, {
            overview: `${p.overview}\n${p.applications}`,
            problems: '无',
            otherMatters: '无',
          }),
        ).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});

describe('narrativeProblems on a computed report', () => {
  it('warns about a number the tables contradict, naming the phrase and the cells', () => {
    const cells = sample();
    const problems = narrativeProblems(format, cells, {
      overview: '2024年，本机关共收到政府信息公开申请13件，办结14件，结转下年度继续办理1件。',
      problems: '无',
      otherMatters: '<p>无</p>',
    });
    expect(problems).toEqual([
      {
        rule: 'narrative.received',
        severity: 'warning',
        cells: [A('received', 'total'), A('carriedOver', 'total')],
        expected: '12 / 15',
        actual: 13,
        message: {
          zh: '正文「本机关共收到政府信息公开申请13件」称 13，与表格不符（本年新收 12；新收加上年结转 15）',
          en: 'The text “本机关共收到政府信息公开申请13件” states 13, which matches no reading of the tables (new 12; new plus carried over 15)',
        },
      },
    ]);
  });

  it('accepts received as new plus carried over, and says nothing of empty sections', () => {
    const cells = sample();
    expect(narrativeProblems(format, cells, { overview: '全年共受理政府信息公开申请15件，办结14件。' })).toEqual([]);
    expect(narrativeProblems(format, cells, {})).toEqual([]);
  });
});
