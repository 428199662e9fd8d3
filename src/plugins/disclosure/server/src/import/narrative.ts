/**
 * Numbers the narrative states about applications, results, carry-over, cases and fees, each tied to its own phrase
 * (the clause around "N件"), compared with the cells. 收到 and 受理 are used both for new applications and for new plus
 * carried over: either reading that fits is accepted; only a number that fits no reading is reported.
 */
import type { BlockDef, ReportFormat, RowDef } from '../format/types';
import { cellId, type CellId } from '../report/cells';
import { Money } from '../report/money';
import type { ImportedReport } from './parse';
import { SourceText, type SourcePlace } from './text';

export type ClaimKind =
  | 'received'
  | 'concluded'
  | 'handled'
  | 'carriedOver'
  | 'carriedForward'
  | 'reviews'
  | 'lawsuits'
  | 'casesTotal'
  | 'category'
  | 'applicants'
  | 'percentage'
  | 'fee';

export interface Claim {
  kind: ClaimKind;
  /** The number stated (a decimal string for money). */
  value: number | string;
  /** The phrase the number belongs to. */
  phrase: string;
  place: SourcePlace;
  /** Readings of the tables it may mean: label → value and the cells behind it. */
  readings: Array<{ label: string; labelEn: string; value: number | string; cells: CellId[] }>;
}

export interface NarrativeFinding {
  claim: Claim;
  /** True when the number fits one of its readings. */
  fits: boolean;
}

/** Clause separators: a number belongs to the words between these. */
const CLAUSE = /[，,。；;：:（）()【】\n]/;

interface CellSource {
  /** Value of a cell, undefined when not read; a blank counts as 0 in sums. */
  get(id: CellId): number | undefined;
}

function sum(src: CellSource, ids: CellId[]): number | undefined {
  let total = 0;
  for (const id of ids) {
    const v = src.get(id);
    if (v === undefined) return undefined;
    total += v;
  }
  return total;
}

const core = (label: string) =>
  label
    .replace(/^(?:\(|（)?[一二三四五六七八九十]+(?:\)|）|、)|^\d+[.、]/, '')
    .replace(/[（(].*$/, '')
    .trim();

/** Everything the narrative checks needs from the declaration: codes, groups of outcome rows and their cores. */
function model(format: ReportFormat) {
  const apps = format.tables.find((t) => t.code === 'applications')!;
  const block = apps.blocks[0];
  const cases = format.tables.find((t) => t.code === 'reviewsAndLawsuits')!.blocks[0];
  const measure = (r: RowDef) => (r.source.records === 'applications' ? r.source.measure : null);
  const total = block.columns.find((c) => c.source.by === 'applicantTotal')!;
  const applicants = block.columns.filter((c) => c.source.by === 'applicantType');
  const rowIds = (row: RowDef) => ({
    total: cellId(apps.code, block.code, row.code, total.code),
    parts: applicants.map((c) => cellId(apps.code, block.code, row.code, c.code)),
  });
  const rowOf = (m: string) => block.rows.find((r) => measure(r) === m)!;
  // Outcome groups: rows sharing the label path element under 三、本年度办理结果 ((三)不予公开 …), or a row on its own.
  const groups = new Map<string, RowDef[]>();
  for (const r of block.rows.filter((x) => measure(x) === 'concluded')) {
    const key = r.path[1];
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const caseTotal = (kind: string) =>
    cases.columns.find((c) => c.source.by === 'case' && c.source.caseKind === kind && c.source.result === 'total')!;
  const caseId = (kind: string) => cellId('reviewsAndLawsuits', cases.code, cases.rows[0].code, caseTotal(kind).code);
  // Applicant groups named in narratives: each applicant column by its own label, and the columns sharing a group
  // label (法人或其他组织); labels shorter than three characters (其他) are too common to tie a number to.
  const applicantGroups: Array<{ core: string; columns: string[] }> = [];
  for (const c of applicants) {
    const own = c.path[c.path.length - 1];
    if (own.length >= 3) applicantGroups.push({ core: own, columns: [c.code] });
    if (c.path.length > 2) {
      const group = c.path[c.path.length - 2];
      const existing = applicantGroups.find((g) => g.core === group);
      if (existing) existing.columns.push(c.code);
      else applicantGroups.push({ core: group, columns: [c.code] });
    }
  }
  // The longest label first, so that 法人或其他组织 is not taken for one of its columns.
  applicantGroups.sort((a, b) => b.core.length - a.core.length);
  return { apps, block, rowIds, rowOf, groups, caseId, caseTotal, applicantGroups };
}

/** A row's total: the 总计 cell, or the sum of the applicant columns when 总计 was left blank. */
function rowTotal(
  report: ImportedReport,
  ids: { total: CellId; parts: CellId[] },
): { value: number; cells: CellId[] } | undefined {
  const cell = report.cells[ids.total];
  if (cell && typeof cell.value === 'number') return { value: cell.value, cells: [ids.total] };
  if (cell && cell.value !== null) return undefined;
  const parts = ids.parts.map((id) => report.cells[id]);
  if (parts.some((p) => !p || (p.value !== null && typeof p.value !== 'number'))) return undefined;
  return { value: parts.reduce((s, p) => s + ((p!.value as number | null) ?? 0), 0), cells: ids.parts };
}

function claimsOf(
  report: ImportedReport,
  format: ReportFormat,
  src: SourceText,
  ranges: Array<[number, number]>,
): Claim[] {
  const m = model(format);
  const claims: Claim[] = [];
  const total = (measureName: string) => rowTotal(report, m.rowIds(m.rowOf(measureName)));
  const caseValue = (kind: string) => {
    const id = m.caseId(kind);
    const v = report.cells[id]?.value;
    return typeof v === 'number' ? { value: v, cells: [id] } : v === null ? { value: 0, cells: [id] } : undefined;
  };
  const reading = (label: string, labelEn: string, r: { value: number; cells: CellId[] } | undefined) =>
    r ? [{ label, labelEn, value: r.value, cells: r.cells }] : [];
  const plus = (a?: { value: number; cells: CellId[] }, b?: { value: number; cells: CellId[] }) =>
    a && b ? { value: a.value + b.value, cells: [...a.cells, ...b.cells] } : undefined;

  const groupEntries = [...m.groups.entries()].map(([key, rows]) => ({
    key,
    core: core(key),
    rows: rows.map((r) => ({ row: r, core: core(r.path[r.path.length - 1]) })),
  }));
  const groupTotal = (rows: RowDef[]) =>
    rows.reduce<{ value: number; cells: CellId[] } | undefined>(
      (acc, r) => (acc ? plus(acc, rowTotal(report, m.rowIds(r))) : undefined),
      { value: 0, cells: [] },
    );

  for (const [start, end] of ranges) {
    // A single line break inside a paragraph is a wrap (text from PDF), not a clause boundary: same length, no break.
    const text = src.text.slice(start, end).replace(/([^\n])\n(?=[^\n])/g, '$1\u200b');
    const re = /(\d+(?:\.\d+)?)\s*(件|份|条|个|元|万元)/g;
    let mt: RegExpExecArray | null;
    while ((mt = re.exec(text))) {
      const at = start + mt.index;
      // The clause: from the previous separator to the next one.
      let a = mt.index;
      while (a > 0 && !CLAUSE.test(text[a - 1])) a--;
      let b = mt.index + mt[0].length;
      while (b < text.length && !CLAUSE.test(text[b])) b++;
      const clause = text.slice(a, b).replace(/[\s\u200b]+/g, '');
      const before = text.slice(a, mt.index).replace(/[\s\u200b]+/g, '');
      let sa = mt.index;
      while (sa > 0 && !/[。\n]/.test(text[sa - 1])) sa--;
      let sb = mt.index;
      while (sb < text.length && !/[。\n]/.test(text[sb])) sb++;
      const sentence = text.slice(sa, sb);
      const n = mt[1];
      const unit = mt[2];
      const place = src.place(at, mt[0].length);
      const value = Number(n);
      const push = (kind: ClaimKind, readings: Claim['readings'], v: number | string = value) =>
        claims.push({ kind, value: v, phrase: clause, place, readings });
      // A percentage right after the count: "208 件（17.46%）" or "258件，占33.9%".
      const after = text.slice(mt.index + mt[0].length, mt.index + mt[0].length + 12);
      const pct = after.match(/^\s*[（(，,]?\s*占?\s*(\d+(?:\.\d+)?)\s*%/);

      if (unit === '元' || unit === '万元') {
        if (/收费|收取|处理费/.test(clause)) {
          const amount = unit === '万元' ? n : new Money(n).div(10000).toFixed();
          const isTableFee = /行政事业性收费/.test(clause);
          const feeId = cellId('proactive', 'fees', 'fee', 'amount');
          const cell = report.cells[feeId];
          push(
            'fee',
            isTableFee && cell && typeof cell.value === 'string'
              ? [
                  {
                    label: '行政事业性收费（万元）',
                    labelEn: 'Administrative fees (10,000 yuan)',
                    value: cell.value,
                    cells: [feeId],
                  },
                ]
              : [],
            amount,
          );
        }
        continue;
      }
      if (unit !== '件' && unit !== '份' && unit !== '条') continue;
      if (!/申请|复议|诉讼|案件|办结|答复|结转|顺延|公开|提供|处理/.test(clause)) continue;

      if (/结转|顺延|转入|转下|转至下/.test(clause) && /下一?年|下年度|明年|次年/.test(clause)) {
        push('carriedForward', reading('结转下年度', 'carried forward', total('carriedForward')));
        continue;
      }
      if (/上一?年度?|往年/.test(clause) && /结转/.test(clause)) {
        push('carriedOver', reading('上年结转', 'carried over', total('carriedOver')));
        continue;
      }
      const review = /复议/.test(clause) && !/复议后起诉/.test(clause);
      const lawsuit = /诉讼|起诉/.test(clause);
      if (review || lawsuit) {
        const r = caseValue('review');
        const d = caseValue('lawsuitDirect');
        const s = caseValue('lawsuitAfterReview');
        if (review && lawsuit)
          push('casesTotal', reading('复议与诉讼合计', 'reviews and lawsuits', plus(plus(r, d), s)));
        else if (review) push('reviews', reading('行政复议总计', 'reviews', r));
        else
          push('lawsuits', [
            ...reading('行政诉讼合计', 'lawsuits', plus(d, s)),
            ...reading('未经复议直接起诉', 'filed directly', d),
            ...reading('复议后起诉', 'filed after review', s),
          ]);
        continue;
      }
      // Results by category: the clause names outcome groups ((三)不予公开) or single rows (本机关不掌握).
      const named = groupEntries.filter((g) => g.core.length >= 2 && clause.includes(g.core));
      const namedRows = groupEntries.flatMap((g) =>
        g.rows.filter((r) => r.core.length >= 4 && clause.includes(r.core)),
      );
      if (named.length || namedRows.length) {
        const readings: Claim['readings'] = [];
        const byGroups = groupTotal(named.flatMap((g) => g.rows.map((r) => r.row)));
        if (named.length && byGroups)
          readings.push({
            label: named.map((g) => g.key).join('+'),
            labelEn: 'results',
            value: byGroups.value,
            cells: byGroups.cells,
          });
        const byRows = groupTotal(namedRows.map((r) => r.row));
        if (namedRows.length && byRows)
          readings.push({
            label: namedRows.map((r) => r.core).join('+'),
            labelEn: 'results',
            value: byRows.value,
            cells: byRows.cells,
          });
        push(
          'category',
          readings.filter((r, i) => readings.findIndex((x) => x.value === r.value) === i),
        );
        if (pct) {
          const denominators = [
            total('concludedTotal'),
            total('received'),
            plus(total('received'), total('carriedOver')),
          ];
          const p = pct[1];
          const decimals = (p.split('.')[1] ?? '').length;
          const fitsPct = (count: number, d?: { value: number }) => {
            if (!d || d.value === 0) return false;
            const exact = new Money(count).mul(100).div(d.value);
            return (
              exact.toFixed(decimals, Money.ROUND_HALF_UP) === new Money(p).toFixed(decimals) ||
              exact.toFixed(decimals, Money.ROUND_DOWN) === new Money(p).toFixed(decimals)
            );
          };
          const ok = denominators.some((d) => fitsPct(value, d));
          claims.push({
            kind: 'percentage',
            value: p,
            phrase: `${clause} ${pct[0].trim()}`,
            place: src.place(at, mt[0].length + pct[0].length),
            readings: ok
              ? [{ label: '百分比', labelEn: 'percentage', value: p, cells: [] }]
              : denominators.filter(Boolean).length
                ? [
                    {
                      label: '按办结总数计算',
                      labelEn: 'computed from the results',
                      value: denominators[0] ? new Money(value).mul(100).div(denominators[0].value).toFixed(2) : '',
                      cells: denominators[0]?.cells ?? [],
                    },
                  ]
                : [],
          });
        }
        continue;
      }
      // By applicant: "其中自然人申请741件", "法人或其他组织申请8件" (received, with or without the carried over).
      const applicant = m.applicantGroups.find((g) => clause.includes(g.core));
      if (applicant && /申请/.test(clause)) {
        const col = (row: string) => {
          const ids = applicant.columns.map((c) => cellId(m.apps.code, m.block.code, m.rowOf(row).code, c));
          const vals = ids.map((id) => report.cells[id]?.value);
          return vals.every((v) => v === null || typeof v === 'number')
            ? { value: vals.reduce<number>((acc, v) => acc + ((v as number | null) ?? 0), 0), cells: ids }
            : undefined;
        };
        push('applicants', [
          ...reading(`${applicant.core}·本年新收`, 'new', col('received')),
          ...reading(
            `${applicant.core}·新收加上年结转`,
            'new plus carried over',
            plus(col('received'), col('carriedOver')),
          ),
          ...reading(`${applicant.core}·办理结果`, 'concluded', col('concludedTotal')),
        ]);
        continue;
      }
      const received =
        /收到|受理|接收|新收|共收/.test(before) || (/收到|受理|接收/.test(clause) && /申请/.test(clause));
      // "同意公开答复9件", "不予公开答复2件": a reply qualified by its result is a category, not the concluded total.
      const concludedWord = /办结|答复|办理完毕|已办理|处理完毕/.test(clause) && !/(?:公开|提供|处理)答复/.test(clause);
      const handled = /办理/.test(clause) && !concludedWord && /申请/.test(sentence);
      const rec = total('received');
      const both = plus(rec, total('carriedOver'));
      const done = total('concludedTotal');
      if (received) {
        push('received', [
          ...reading('本年新收', 'new', rec),
          ...reading('新收加上年结转', 'new plus carried over', both),
        ]);
      } else if (concludedWord) {
        push('concluded', reading('办理结果总计', 'concluded', done));
      } else if (handled) {
        push('handled', [
          ...reading('本年新收', 'new', rec),
          ...reading('新收加上年结转', 'new plus carried over', both),
          ...reading('办理结果总计', 'concluded', done),
        ]);
      }
    }
    // "未收到…申请" states zero received.
    const none = /(?:未|没有)(?:收到|受理)[^，,。；;]{0,12}申请/g;
    let z: RegExpExecArray | null;
    while ((z = none.exec(text))) {
      const rec = total('received');
      claims.push({
        kind: 'received',
        value: 0,
        phrase: z[0],
        place: src.place(start + z.index, z[0].length),
        readings: rec ? [{ label: '本年新收', labelEn: 'new', value: rec.value, cells: rec.cells }] : [],
      });
    }
  }
  return claims;
}

/** Places of the narrative: the sections, and running text (sentences) printed inside the tables' sections. */
function narrativeRanges(report: ImportedReport, src: SourceText): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const s of Object.values(report.sections)) if (s) ranges.push([s.place.offset, s.place.offset + s.place.length]);
  const covered = (o: number) => ranges.some(([a, b]) => o >= a && o < b);
  for (const line of src.lines()) {
    if (covered(line.start) || line.text.trimStart().startsWith('|')) continue;
    if (/[。；;]/.test(line.text) && /\d+\s*[件份]/.test(line.text)) ranges.push([line.start, line.end]);
  }
  return ranges;
}

/** A fee stated with fewer decimals than the cell fits when it is the cell rounded to those decimals (as printed). */
function feeFits(cell: string, stated: string): boolean {
  const decimals = (stated.split('.')[1] ?? '').length;
  const exact = new Money(cell);
  return (
    exact.eq(new Money(stated)) ||
    (decimals > 0 && exact.toFixed(decimals, Money.ROUND_HALF_UP) === new Money(stated).toFixed(decimals))
  );
}

export function checkNarrative(report: ImportedReport, format: ReportFormat): NarrativeFinding[] {
  const src = new SourceText(report.text);
  // Wrapped lines (text extracted from PDF) split clauses: compare on the text with line breaks inside sentences removed.
  const claims = claimsOf(
    report,
    format,
    src,
    narrativeRanges(report, src).map(([a, b]) => [a, b]),
  );
  return claims.map((claim) => ({
    claim,
    fits:
      claim.readings.length === 0 ||
      claim.readings.some(
        (r) =>
          String(r.value) === String(claim.value) ||
          (claim.kind === 'fee' && feeFits(String(r.value), String(claim.value))),
      ),
  }));
}

export type { BlockDef };
