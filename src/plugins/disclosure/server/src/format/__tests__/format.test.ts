// The gov-2021 declaration against DOMAIN.md and the real 2021 report: shape, codes, labels, rules.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  APPLICANT_TYPES,
  APPLICANT_TYPE_LABELS,
  DEFAULT_FORMAT,
  FORMATS,
  OUTCOMES,
  OUTCOME_LABELS,
  fillTemplate,
  getFormat,
  getTable,
} from '..';
import { IMPLEMENTED_RULES } from '../../report/check';
import { listCells } from '../../report/cells';
import { fixtureTableLabels, normalizeLabel } from './fixture';

const format = getFormat(DEFAULT_FORMAT);

/** Every printed string of the declaration's tables, with the seed's fee precision (4). */
function declaredLabels(): Set<string> {
  const out = new Set<string>();
  for (const t of format.tables) {
    out.add(t.heading);
    for (const b of t.blocks) {
      for (const l of [b.caption, b.rowHeader, b.note]) if (l) out.add(l.label);
      for (const c of b.columns) {
        c.path.forEach((p) => out.add(p));
        if (c.decimalsLabel) out.add(fillTemplate(c.decimalsLabel.label, { decimals: 4 }));
      }
      for (const r of b.rows) r.path.forEach((p) => out.add(p));
    }
  }
  return new Set([...out].map(normalizeLabel));
}

const blocksCaption = (f: typeof format) => getTable(f, 'proactive').blocks.map((b) => b.caption?.label);

describe('the gov-2021 declaration', () => {
  it('is the default format and is found by code', () => {
    expect(getFormat()).toBe(FORMATS['gov-2021']);
    expect(() => getFormat('gov-1999')).toThrow(/Unknown report format "gov-1999"/);
  });

  it('has the three tables in the order of the national format, with their section headings', () => {
    expect(format.tables.map((t) => [t.code, t.number])).toEqual([
      ['proactive', '二'],
      ['applications', '三'],
      ['reviewsAndLawsuits', '四'],
    ]);
    expect(format.sections.map((s) => (s.kind === 'table' ? s.table : s.code))).toEqual([
      'overview',
      'proactive',
      'applications',
      'reviewsAndLawsuits',
      'problems',
      'otherMatters',
    ]);
  });

  it('has 25 rows × 7 columns in table 三 and 15 cells in table 四', () => {
    const [applications] = getTable(format, 'applications').blocks;
    expect(applications.rows).toHaveLength(25);
    expect(applications.columns).toHaveLength(7);
    const cases = getTable(format, 'reviewsAndLawsuits').blocks;
    expect(cases.flatMap((b) => b.rows.flatMap(() => b.columns))).toHaveLength(15);
    expect(listCells(format)).toHaveLength(10 + 175 + 15);
  });

  it('table 二 has four blocks with captions and the 信息内容 row header', () => {
    const blocks = getTable(format, 'proactive').blocks;
    expect(blocks.map((b) => normalizeLabel(b.caption?.label ?? ''))).toEqual(
      ['(一)', '(五)', '(六)', '(八)'].map((i) => normalizeLabel(`第二十条第${i}项`)),
    );
    expect(new Set(blocks.map((b) => b.rowHeader))).toEqual(new Set([blocks[0].rowHeader]));
  });

  it('prints Chinese labels with the national template’s full-width punctuation, and readers accept both forms', () => {
    const chinese: string[] = [];
    for (const t of format.tables) {
      chinese.push(t.heading);
      for (const b of t.blocks) {
        for (const l of [b.caption, b.note, b.rowHeader]) if (l) chinese.push(l.label);
        for (const x of [...b.columns, ...b.rows]) chinese.push(x.label, ...x.path);
      }
    }
    for (const r of format.rules) chinese.push(r.description.zh, r.message.zh);
    const ascii = chinese.filter((label) => /[():,;]/.test(label));
    expect(ascii).toEqual([]);
    expect(blocksCaption(format)).toEqual([
      '第二十条第（一）项',
      '第二十条第（五）项',
      '第二十条第（六）项',
      '第二十条第（八）项',
    ]);
    // A report page printed with ASCII brackets still reads as the same labels.
    expect(normalizeLabel('第二十条第(一)项')).toBe(normalizeLabel('第二十条第（一）项'));
    expect(normalizeLabel('(一)予以公开')).toBe(normalizeLabel('（一）予以公开'));
  });

  it('uses unique codes, and no dots where a cell id needs none', () => {
    const unique = (xs: string[]) => expect(new Set(xs).size).toBe(xs.length);
    unique(format.tables.map((t) => t.code));
    for (const t of format.tables) {
      unique(t.blocks.map((b) => b.code));
      for (const b of t.blocks) {
        unique(b.rows.map((r) => r.code));
        unique(b.columns.map((c) => c.code));
        for (const code of [t.code, b.code, ...b.columns.map((c) => c.code)]) expect(code).not.toContain('.');
      }
    }
    unique(listCells(format).map((c) => c.id));
    unique(format.rules.map((r) => r.id));
  });

  it('gives every row and column a label path ending with its own label, in both languages', () => {
    for (const t of format.tables)
      for (const b of t.blocks)
        for (const item of [...b.rows, ...b.columns]) {
          expect(item.path[item.path.length - 1]).toBe(item.label);
          expect(item.pathEn[item.pathEn.length - 1]).toBe(item.labelEn);
          expect(item.path).toHaveLength(item.pathEn.length);
          expect(item.labelEn).not.toMatch(/[\u4e00-\u9fff]/);
        }
  });

  it('declares every label printed in the tables of the real 2021 report', () => {
    const declared = declaredLabels();
    const printed = fixtureTableLabels();
    expect(printed.length).toBeGreaterThan(60);
    const missing = printed.filter((l) => !declared.has(l));
    expect(missing).toEqual([]);
  });

  it('uses the row codes of DOMAIN.md and exports the applicant types and the 21 outcomes in order', () => {
    const [applications] = getTable(format, 'applications').blocks;
    const codes = applications.rows.map((r) => r.code);
    expect(codes.slice(0, 3)).toEqual(['received', 'carriedOver', 'granted']);
    expect(codes.slice(-2)).toEqual(['concluded', 'carriedForward']);
    expect(OUTCOMES).toEqual(codes.slice(2, -2));
    // DOMAIN.md and the brief say "22 result rows"; the national table has 21 results, then (七)总计 (25 = 2 + 21 + 2).
    expect(OUTCOMES).toHaveLength(21);
    expect(OUTCOMES[2]).toBe('withheld.stateSecret');
    expect(OUTCOMES[20]).toBe('otherDisposal.other');
    expect(APPLICANT_TYPES).toEqual([
      'naturalPerson',
      'commercialEnterprise',
      'researchInstitution',
      'socialWelfareOrganization',
      'legalServiceOrganization',
      'otherOrganization',
    ]);
    expect(applications.columns.map((c) => c.code)).toEqual([...APPLICANT_TYPES, 'total']);
    expect(Object.keys(APPLICANT_TYPE_LABELS)).toEqual(APPLICANT_TYPES);
    expect(Object.keys(OUTCOME_LABELS)).toEqual(OUTCOMES);
    expect(normalizeLabel(OUTCOME_LABELS['withheld.stateSecret'].label)).toBe(
      normalizeLabel('(三)不予公开1.属于国家秘密'),
    );
  });

  it('matches the enumerations of the content model', () => {
    const schema = join(
      __dirname,
      '../../../../../../api/disclosure-application/content-types/disclosure-application/schema.json',
    );
    const { attributes } = JSON.parse(readFileSync(schema, 'utf8'));
    expect(attributes.applicantType.enum).toEqual(APPLICANT_TYPES);
    expect(attributes.outcome.enum).toEqual(OUTCOMES);
  });

  it('declares table 四 as 行政复议 and two kinds of 行政诉讼, each with five results', () => {
    const [block] = getTable(format, 'reviewsAndLawsuits').blocks;
    expect(block.columns.map((c) => c.source)).toEqual(
      (['review', 'lawsuitDirect', 'lawsuitAfterReview'] as const).flatMap((caseKind) =>
        (['upheld', 'corrected', 'other', 'pending', 'total'] as const).map((result) => ({
          by: 'case',
          caseKind,
          result,
        })),
      ),
    );
    expect(block.columns.map((c) => c.path.length)).toEqual([...Array(5).fill(2), ...Array(10).fill(3)]);
  });

  it('declares only rules that report/check.ts implements, with both languages', () => {
    expect([...format.rules.map((r) => r.id)].sort()).toEqual([...IMPLEMENTED_RULES].sort());
    for (const r of format.rules)
      expect(r.description.zh && r.description.en && r.message.zh && r.message.en).toBeTruthy();
    expect(format.rules.filter((r) => r.severity === 'error')).toHaveLength(5);
  });
});
