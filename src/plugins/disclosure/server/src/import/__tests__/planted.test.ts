// Inconsistencies planted into real reports, and the layouts real copies produce (run-together digits, full-width
// characters, blank marks, page breaks), each checked against what the unmodified report reads.
import { auditReport, parseReport, type AuditProblem, type ImportedReport } from '..';
import { htmlToText } from '../sources';
import { loadFixture } from './fixtures';

const text = (slug: string) => {
  const f = loadFixture(slug);
  const raw = f.data.toString('utf8');
  return f.expected.source.endsWith('.html') ? htmlToText(raw) : raw;
};
const SHUYANG = text('shuyang-county-2025');
const ZHUMADIAN = text('zhumadian-center-2021');
const SHANGHAI_2019 = text('shanghai-office-2019');

const values = (r: ImportedReport) => Object.fromEntries(Object.entries(r.cells).map(([id, c]) => [id, c.value]));
const rules = (ps: AuditProblem[], severity?: AuditProblem['severity']) =>
  ps.filter((p) => !severity || p.severity === severity).map((p) => p.rule);
const replaceOnce = (s: string, from: string, to: string) => {
  const i = s.indexOf(from);
  if (i < 0) throw new Error(`not in the text: ${from}`);
  return s.slice(0, i) + to + s.slice(i + from.length);
};

describe('narrative ↔ tables', () => {
  it('accepts 受理 as new plus carried over (749 = 713 + 36) and as new only (713)', () => {
    expect(rules(auditReport(parseReport(SHUYANG)), 'warning')).toEqual([]);
    const newOnly = replaceOnce(SHUYANG, '共受理政府信息公开申请 749 件', '共受理政府信息公开申请 713 件');
    expect(rules(auditReport(parseReport(newOnly)), 'warning')).toEqual([]);
  });

  it('flags a received count that fits neither reading, tied to its own phrase and place', () => {
    const planted = replaceOnce(SHUYANG, '共受理政府信息公开申请 749 件', '共受理政府信息公开申请 750 件');
    const problems = auditReport(parseReport(planted));
    const p = problems.find((x) => x.rule === 'narrative.received');
    expect(p).toBeDefined();
    expect(p!.actual).toBe(750);
    expect(p!.cells).toContain('applications.main.received.total');
    expect(p!.place?.text).toContain('750');
    expect(p!.message.zh).toContain('750');
    expect(p!.message.en).toContain('750');
  });

  it('does not take 办结N件 for the received count (the rule-based path of the LLM tool did)', () => {
    const planted = replaceOnce(SHUYANG, '共办理 718 件', '共办结 718 件');
    const problems = auditReport(parseReport(planted));
    expect(rules(problems, 'warning')).toEqual([]);
    const wrong = replaceOnce(SHUYANG, '共办理 718 件', '共办结 717 件');
    expect(rules(auditReport(parseReport(wrong)), 'warning')).toEqual(['narrative.concluded']);
  });

  it('flags carry-forward, review and lawsuit counts that contradict table 四 and 三', () => {
    let planted = replaceOnce(SHUYANG, '结转下一年 31 件', '结转下一年 30 件');
    planted = replaceOnce(
      planted,
      '全县共办理相关案件 74 件',
      '全县共办理相关案件 74 件。因政府信息公开引起的行政复议 60 件，行政诉讼 13 件',
    );
    const got = rules(auditReport(parseReport(planted)), 'warning').sort();
    expect(got).toEqual(['narrative.carriedForward', 'narrative.reviews']);
  });

  it('checks counts by applicant (其中自然人申请741件 = 705 new + 36 carried over; 法人或其他组织 8)', () => {
    const planted = replaceOnce(SHUYANG, '其中自然人申请 741 件', '其中自然人申请 740 件');
    const p = auditReport(parseReport(planted)).filter((x) => x.rule === 'narrative.applicants');
    expect(p).toHaveLength(1);
    expect(p[0].cells).toContain('applications.main.received.naturalPerson');
    const org = replaceOnce(SHUYANG, '法人或其他组织申请 8 件', '法人或其他组织申请 9 件');
    expect(rules(auditReport(parseReport(org)), 'warning')).toEqual(['narrative.applicants']);
  });

  it('checks category counts and their percentages (a real Shanghai 2025 paragraph is consistent)', () => {
    const shanghai2025 = text('shanghai-office-2025');
    expect(rules(auditReport(parseReport(shanghai2025)), 'warning')).toEqual([]);
    const planted = replaceOnce(shanghai2025, '不予公开 20 件（1.68%）', '不予公开 21 件（1.68%）');
    expect(rules(auditReport(parseReport(planted)), 'warning').sort()).toEqual([
      'narrative.category',
      'narrative.percentage',
    ]);
  });

  it('warns when section 六 says no fee was collected but the text states a 信息处理费', () => {
    const planted = replaceOnce(
      SHUYANG,
      '全县行政机关在办理2025年度信息公开申请中收取信息处理费共计380元，其中民政局1件，收取380元。',
      '全年未收取信息处理费。',
    ).replace('共办理 718 件', '共办理 718 件，收取信息处理费380元');
    expect(rules(auditReport(parseReport(planted)), 'warning')).toEqual(['plausibility.feeStatedNone']);
  });
});

describe('tables', () => {
  it('names every cell of a planted arithmetic error (one cell changed: its row, its column, its balance)', () => {
    const planted = replaceOnce(SHUYANG, '| 予以公开 | 290 | 1 |', '| 予以公开 | 291 | 1 |');
    const errors = auditReport(parseReport(planted)).filter((p) => p.severity === 'error');
    // 290 → 291: the row no longer sums to its 总计 and the column no longer sums to (七)总计; the balance of the
    // column (705 + 36 = 710 + 31) still holds, since (七)总计 itself was not changed.
    expect(errors.map((e) => e.rule).sort()).toEqual(['applications.applicantTotal', 'applications.concludedSum']);
    for (const e of errors) expect(e.cells.join(' ')).toMatch(/applications\.main\.(granted|received|concluded)/);
    expect(errors.find((e) => e.rule === 'applications.applicantTotal')!.cells[0]).toBe(
      'applications.main.granted.total',
    );
  });

  it('raises no hard error on a consistent report', () => {
    for (const t of [SHUYANG, ZHUMADIAN, text('shanghai-office-2025')]) {
      expect(auditReport(parseReport(t)).filter((p) => p.severity === 'error')).toEqual([]);
    }
  });

  it('warns when more lawsuits followed a review than there were reviews', () => {
    const planted = replaceOnce(SHUYANG, '| 8 | 0 | 1 | 1 | 10 |', '| 58 | 0 | 2 | 2 | 62 |');
    const p = auditReport(parseReport(planted)).find((x) => x.rule === 'plausibility.lawsuitsAfterReview');
    expect(p).toMatchObject({ severity: 'warning', expected: 61, actual: 62 });
    expect(p!.cells).toEqual([
      'reviewsAndLawsuits.main.cases.lawsuitAfterReviewTotal',
      'reviewsAndLawsuits.main.cases.reviewTotal',
    ]);
  });

  it('checks continuity per column against last year’s report, including a 2019-format one', () => {
    // The 2019 Shanghai report carried 72 forward (natural persons 72); a 2020 report claiming 70 carried over.
    const previous = parseReport(SHANGHAI_2019);
    expect(previous.format).toBe('gov-2019');
    expect(previous.cells['applications.main.carriedForward.naturalPerson'].value).toBe(72);
    const current = parseReport(
      ZHUMADIAN.replace('2021年政府信息公开工作年度报告', '2020年政府信息公开工作年度报告')
        .replace('二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0', '二、上年结转政府信息公开申请数量 70 0 0 0 0 0 70')
        .replace('四、结转下年度继续办理 0 0 0 0 0 0 0', '四、结转下年度继续办理 70 0 0 0 0 0 70'),
      { format: 'gov-2021' },
    );
    const continuity = auditReport(current, { previous }).filter((p) => p.rule === 'continuity.carriedOver');
    expect(continuity.map((p) => [p.cells[0], p.expected, p.actual])).toEqual([
      ['applications.main.carriedOver.naturalPerson', 72, 70],
      ['applications.main.carriedOver.total', 72, 70],
    ]);
  });
});

describe('layouts of real copies', () => {
  const base = values(parseReport(SHUYANG));

  it('reads full-width digits, brackets and punctuation like ASCII ones', () => {
    const wide = SHUYANG.replace(/[0-9()|.,:]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    expect(values(parseReport(wide))).toEqual(base);
  });

  it('keeps blank marks (空白, —, -, /) apart from zero', () => {
    const planted = replaceOnce(
      SHUYANG,
      '| 予以公开 | 290 | 1 | 0 | 0 | 3 | 0 | 294 |',
      '| 予以公开 | 290 | 1 | 空白 | — | 3 | / | 294 |',
    ).replace(
      '| 部分公开 (区分处理的, 只计这一情形, 不计其他情形) | 99 | 0 | 0 |',
      '| 部分公开 (区分处理的, 只计这一情形, 不计其他情形) | 99 | 0 | - |',
    );
    const r = parseReport(planted);
    expect(r.cells['applications.main.granted.researchInstitution']).toMatchObject({ value: null, raw: '空白' });
    expect(r.cells['applications.main.granted.socialWelfareOrganization']).toMatchObject({ value: null, raw: '—' });
    expect(r.cells['applications.main.granted.otherOrganization']).toMatchObject({ value: null, raw: '/' });
    expect(r.cells['applications.main.partiallyGranted.researchInstitution']).toMatchObject({ value: null, raw: '-' });
    expect(r.cells['applications.main.granted.legalServiceOrganization'].value).toBe(3);
    const blanks = auditReport(r)
      .filter((p) => p.rule === 'cells.valid')
      .map((p) => p.cells[0]);
    expect(blanks.sort()).toEqual([
      'applications.main.granted.otherOrganization',
      'applications.main.granted.researchInstitution',
      'applications.main.granted.socialWelfareOrganization',
      'applications.main.partiallyGranted.researchInstitution',
    ]);
  });

  it('reads through page footers and a repeated header inside a table', () => {
    const planted = replaceOnce(
      SHUYANG,
      '### (四) 无法提供',
      '— 12 —\n\n第 3 页 共 9 页\n(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) 申请人情况\n自然人 法人或其他组织 总计\n### (四) 无法提供',
    );
    expect(values(parseReport(planted))).toEqual(base);
  });

  it('decodes rows whose cells ran together with the table’s own arithmetic, and says so', () => {
    // Every row of table 三 printed as one string of digits, as when a web page's table is copied as text.
    const lines = ZHUMADIAN.split('\n');
    const start = lines.findIndex((l) => l.startsWith('一、本年新收'));
    const real = parseReport(SHUYANG);
    const rowCodes = Object.keys(real.cells)
      .filter((id) => id.startsWith('applications.main.') && id.endsWith('.total'))
      .map((id) => id.slice('applications.main.'.length, -'.total'.length));
    const digits = (row: string) =>
      [
        'naturalPerson',
        'commercialEnterprise',
        'researchInstitution',
        'socialWelfareOrganization',
        'legalServiceOrganization',
        'otherOrganization',
        'total',
      ]
        .map((c) => real.cells[`applications.main.${row}.${c}`].value)
        .join('');
    let i = 0;
    const runTogether = lines
      .map((l, n) => {
        if (n < start || i >= rowCodes.length || !/( 0){7}$/.test(l)) return l;
        return l.replace(/( 0){7}$/, digits(rowCodes[i++]));
      })
      .join('\n');
    expect(i).toBe(25);
    const r = parseReport(runTogether);
    for (const code of rowCodes)
      for (const c of ['naturalPerson', 'total'])
        expect([code, c, r.cells[`applications.main.${code}.${c}`]?.value]).toEqual([
          code,
          c,
          real.cells[`applications.main.${code}.${c}`].value,
        ]);
    expect(r.issues.filter((x) => x.code === 'row.decoded').length).toBeGreaterThan(0);
    // Nothing is guessed: each row is either read exactly or reported as ambiguous with its cells.
    const ambiguous = new Set(r.issues.filter((x) => x.severity === 'uncertain').flatMap((x) => x.cells));
    for (const [id, cell] of Object.entries(r.cells))
      if (id.startsWith('applications.')) expect(cell.value).toEqual(real.cells[id].value);
    for (const id of Object.keys(real.cells).filter((x) => x.startsWith('applications.')))
      expect(r.cells[id] !== undefined || ambiguous.has(id)).toBe(true);
  });

  it('reports an ambiguous run-together row instead of choosing', () => {
    // "1230" for 规章 (三 cells, no arithmetic within the row): 1|2|30, 1|23|0, 12|3|0 … all fit.
    const planted = ZHUMADIAN.replace('规章 0 0 0', '规章 1230');
    const r = parseReport(planted);
    expect(r.cells['proactive.documents.regulation.issued']).toBeUndefined();
    const issue = r.issues.find((x) => x.code === 'row.ambiguous');
    expect(issue?.cells).toEqual([
      'proactive.documents.regulation.issued',
      'proactive.documents.regulation.repealed',
      'proactive.documents.regulation.inForce',
    ]);
    expect(issue?.place?.line).toBeGreaterThan(0);
  });

  it('converts a fee printed in 元 to 万元, exactly, and says so', () => {
    const planted = ZHUMADIAN.replace('本年收费金额(单位:万元,保留4位小数)', '本年收费金额(单位:元)').replace(
      '行政事业性收费 0',
      '行政事业性收费 12345.6',
    );
    const r = parseReport(planted);
    expect(r.cells['proactive.fees.fee.amount'].value).toBe('1.23456');
    expect(r.issues.map((x) => x.code)).toContain('fee.convertedFromYuan');
    const wan = parseReport(ZHUMADIAN.replace('行政事业性收费 0', '行政事业性收费 24252.311082'));
    expect(wan.cells['proactive.fees.fee.amount'].value).toBe('24252.311082');
  });

  it('reports what it cannot find with its place, never a guess', () => {
    const r = parseReport(ZHUMADIAN.replace('四、政府信息公开行政复议、行政诉讼情况', '四、附表'));
    expect(Object.keys(r.cells).some((id) => id.startsWith('reviewsAndLawsuits.'))).toBe(false);
    expect(r.issues.find((x) => x.code === 'heading.notFound')?.cells).toHaveLength(15);
  });
});
