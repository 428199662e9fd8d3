/**
 * The standard numeric paragraphs of a computed report, for the officer to insert into section 一 and edit: the
 * overview (documents, decisions, fees, applications and cases in one paragraph) and the applications part (table 三
 * in words: received, carried over, results by category, carried forward; table 四's cases). Row and column names
 * come from the format declaration; only the connecting words are written here. The Chinese text reads back through
 * the narrative check (import/narrative.ts) without a warning: each number sits in a clause of its own.
 */
import type { Locale, ReportFormat, RowDef } from '../format/types';
import { cellId, type Cells } from './cells';
import { formatWan } from './money';

export interface ParagraphOptions {
  year: number;
  locale: Locale;
  /** Printed decimals of the fee (万元), as on the report. */
  feeDecimals: number;
  /** The organization's name; "本机关" / "this agency" when absent. */
  organizationName?: string | null;
}

export interface Paragraphs {
  overview: string;
  applications: string;
}

/** A label without its numbering and parenthesised note: "（二）部分公开（区分处理的…）" → "部分公开". */
const core = (label: string) =>
  label
    .replace(/^(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+\.)\s*/, '')
    .replace(/\s*[（(].*$/, '')
    .trim();
const lower = (s: string) => (/^[A-Z][a-z]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s);

function model(format: ReportFormat, cells: Cells) {
  const table = (code: string) => format.tables.find((t) => t.code === code);
  const count = (id: string) => {
    const v = cells[id];
    return typeof v === 'number' ? v : 0;
  };
  const apps = table('applications')!.blocks[0];
  const measure = (r: RowDef) => (r.source.records === 'applications' ? r.source.measure : null);
  const total = apps.columns.find((c) => c.source.by === 'applicantTotal')!;
  const rowTotal = (r: RowDef) => count(cellId('applications', apps.code, r.code, total.code));
  const rowOf = (m: string) => apps.rows.find((r) => measure(r) === m)!;
  // Applicant groups: a column on its own (自然人), or the columns under one header (法人或其他组织).
  const applicantGroups: Array<{ label: string; labelEn: string; value: number }> = [];
  for (const c of apps.columns.filter((x) => x.source.by === 'applicantType')) {
    const i = c.path.length > 2 ? 1 : c.path.length - 1;
    const value = count(cellId('applications', apps.code, rowOf('received').code, c.code));
    const found = applicantGroups.find((g) => g.label === c.path[i]);
    if (found) found.value += value;
    else applicantGroups.push({ label: c.path[i], labelEn: c.pathEn[i], value });
  }
  // Result categories: rows sharing the label under 三、本年度办理结果 ((三)不予公开 …), in the declared order.
  const categories: Array<{ label: string; labelEn: string; value: number }> = [];
  for (const r of apps.rows.filter((x) => measure(x) === 'concluded')) {
    const found = categories.find((g) => g.label === core(r.path[1]));
    if (found) found.value += rowTotal(r);
    else categories.push({ label: core(r.path[1]), labelEn: lower(core(r.pathEn[1])), value: rowTotal(r) });
  }
  const cases = table('reviewsAndLawsuits')!.blocks[0];
  const caseTotal = (kind: string) => {
    const col = cases.columns.find(
      (c) => c.source.by === 'case' && c.source.caseKind === kind && c.source.result === 'total',
    );
    return col ? count(cellId('reviewsAndLawsuits', cases.code, cases.rows[0].code, col.code)) : 0;
  };
  const proactive = table('proactive')!;
  const block = (code: string) => proactive.blocks.find((b) => b.code === code)!;
  const docs = block('documents');
  const doc = (row: string, col: string) => count(cellId('proactive', 'documents', row, col));
  const decisions = [...block('licensing').rows, ...block('enforcement').rows].map((r) => ({
    label: r.label,
    labelEn: lower(r.labelEn),
    value: count(
      cellId(
        'proactive',
        r.source.records === 'decisions' && r.source.kind === 'license' ? 'licensing' : 'enforcement',
        r.code,
        'decisions',
      ),
    ),
  }));
  return {
    received: rowTotal(rowOf('received')),
    carriedOver: rowTotal(rowOf('carriedOver')),
    concluded: rowTotal(rowOf('concludedTotal')),
    carriedForward: rowTotal(rowOf('carriedForward')),
    applicantGroups,
    categories,
    reviews: caseTotal('review'),
    lawsuits: caseTotal('lawsuitDirect') + caseTotal('lawsuitAfterReview'),
    documents: docs.rows.map((r) => ({
      label: r.label,
      labelEn: lower(r.labelEn),
      issued: doc(r.code, 'issued'),
      repealed: doc(r.code, 'repealed'),
      inForce: doc(r.code, 'inForce'),
    })),
    decisions,
    fee: cells[cellId('proactive', 'fees', 'fee', 'amount')],
  };
}

const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** The two paragraphs in the locale asked for. */
export function standardParagraphs(format: ReportFormat, cells: Cells, options: ParagraphOptions): Paragraphs {
  const m = model(format, cells);
  const fee = typeof m.fee === 'string' ? formatWan(m.fee, options.feeDecimals) : formatWan('0', options.feeDecimals);
  if (options.locale === 'en') {
    const who = options.organizationName ?? 'this agency';
    const docs = (pick: 'issued' | 'repealed' | 'inForce') =>
      m.documents.map((d) => `${d.labelEn} ${d[pick]}`).join(', ');
    const overview =
      `In ${options.year}, documents issued by ${who}: ${docs('issued')}; repealed: ${docs('repealed')}; in force: ${docs('inForce')}. ` +
      `Decisions made: ${m.decisions.map((d) => `${d.labelEn} ${d.value}`).join(', ')}. ` +
      `Administrative and institutional fees collected: ${fee} (10,000 yuan). ` +
      `Applications for government information disclosure: ${m.received} new, ${m.carriedOver} carried over from last year, ` +
      `${m.concluded} concluded, ${m.carriedForward} carried forward to next year. ` +
      `Administrative reviews: ${m.reviews}; administrative lawsuits: ${m.lawsuits}.`;
    const applications =
      `In ${options.year}, ${who} received ${n(m.received, 'new application', 'new applications')} for government information disclosure ` +
      `(${m.applicantGroups.map((g) => `${g.labelEn.toLowerCase()}: ${g.value}`).join('; ')}), ` +
      `and ${m.carriedOver} ${m.carriedOver === 1 ? 'was' : 'were'} carried over from last year. ` +
      `${m.concluded} ${m.concluded === 1 ? 'was' : 'were'} concluded: ${m.categories.map((c) => `${c.labelEn} ${c.value}`).join(', ')}; ` +
      `${m.carriedForward} ${m.carriedForward === 1 ? 'is' : 'are'} carried forward to next year. ` +
      `${n(m.reviews, 'administrative review was', 'administrative reviews were')} applied for and ` +
      `${n(m.lawsuits, 'administrative lawsuit was', 'administrative lawsuits were')} filed concerning government information disclosure.`;
    return { overview, applications };
  }
  const who = options.organizationName ?? '本机关';
  const docs = (pick: 'issued' | 'repealed' | 'inForce') => m.documents.map((d) => `${d.label}${d[pick]}件`).join('、');
  const overview =
    `${options.year}年，${who}制发${docs('issued')}，废止${docs('repealed')}，现行有效${docs('inForce')}；` +
    `作出${m.decisions.map((d) => `${d.label}决定${d.value}件`).join('、')}；` +
    `收取行政事业性收费${fee}万元。` +
    `新收政府信息公开申请${m.received}件，上年结转${m.carriedOver}件，办结${m.concluded}件，结转下年度继续办理${m.carriedForward}件；` +
    `因政府信息公开被申请行政复议${m.reviews}件，被提起行政诉讼${m.lawsuits}件。`;
  const applications =
    `${options.year}年，${who}新收政府信息公开申请${m.received}件` +
    `（${m.applicantGroups.map((g) => `${g.label}申请${g.value}件`).join('，')}），上年结转${m.carriedOver}件。` +
    `本年度办结${m.concluded}件，其中${m.categories.map((c) => `${c.label}${c.value}件`).join('，')}；` +
    `结转下年度继续办理${m.carriedForward}件。` +
    `因政府信息公开被申请行政复议${m.reviews}件，被提起行政诉讼${m.lawsuits}件。`;
  return { overview, applications };
}
