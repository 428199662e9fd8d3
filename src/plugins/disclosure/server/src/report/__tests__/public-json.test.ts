// The public JSON contract.
import { getFormat, labelIn } from '../../format';
import { type Cells, emptyCells } from '../cells';
import { checkReport } from '../check';
import { type PublicReport, toPublicReport } from '../public-json';

const format = getFormat('gov-2021');
const input = {
  format,
  cells: { ...emptyCells(format), 'proactive.fees.fee.amount': '0.0003' } as Cells,
  organization: { documentId: 'abc123', name: '驻马店市公共资源交易中心', shortName: '市交易中心' },
  year: 2021,
  locale: 'zh-Hans' as const,
  publishedAt: new Date('2022-01-29T08:00:00Z'),
  computedAt: '2022-01-28T10:00:00.000Z',
  sections: { overview: '总体情况', problems: null, otherMatters: '' },
};

describe('toPublicReport', () => {
  it('has the documented shape with three tables, and survives JSON', () => {
    const report: PublicReport = toPublicReport(input);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
    expect(report).toMatchObject({
      organization: input.organization,
      year: 2021,
      locale: 'zh-Hans',
      format: { code: 'gov-2021', title: format.title },
      publishedAt: '2022-01-29T08:00:00.000Z',
      computedAt: '2022-01-28T10:00:00.000Z',
      sections: { overview: '总体情况', problems: '', otherMatters: '' },
      checks: { errors: [], warnings: [] },
    });
    expect(report.tables.map((t) => [t.code, t.number, t.blocks.length])).toEqual([
      ['proactive', '二', 4],
      ['applications', '三', 1],
      ['reviewsAndLawsuits', '四', 1],
    ]);
    const [applications] = report.tables[1].blocks;
    expect(applications.rows).toHaveLength(25);
    for (const row of applications.rows)
      expect(Object.keys(row.values)).toEqual(applications.columns.map((c) => c.code));
    expect(report.tables[0].blocks[3].rows[0].values).toEqual({ amount: '0.0003' });
    expect(report.tables[2].blocks[0].rows[0].values.reviewTotal).toBe(0);
  });

  it('uses the labels of the locale and splits the problems it is given', () => {
    const cells: Cells = { ...input.cells, 'applications.main.received.total': 1 };
    const problems = checkReport(format, cells, { organization: { canIssueRegulations: false } });
    const report = toPublicReport({ ...input, cells, locale: 'en', problems, publishedAt: null });
    expect(report.publishedAt).toBeNull();
    expect(report.format.title).toBe(format.titleEn);
    expect(report.tables[1].blocks[0].columns[0].label).toBe(labelIn(format.tables[1].blocks[0].columns[0], 'en'));
    expect(report.checks.errors.map((p) => p.rule)).toEqual(['applications.balance', 'applications.applicantTotal']);
    expect(report.checks.warnings).toEqual([]);
  });
});
