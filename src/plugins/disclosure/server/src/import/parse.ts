/**
 * Reads a published annual report (as text) into the cells of a format declaration, with the place of every cell.
 * Everything is driven by the declaration: headings, row labels, captions, columns and the arithmetic between them.
 * Rows are found by their labels in order; the numbers between one label and the next are that row's cells. What cannot
 * be read with certainty is reported with its place and left out, never guessed.
 */
import { getFormat } from '../format';
import type { BlockDef, FormatCode, NarrativeCode, ReportFormat, RowDef, TableDef } from '../format/types';
import { cellId, type CellId } from '../report/cells';
import { Money } from '../report/money';
import { type Candidate, type DecodedCell, resolveRows, splitRow, type ValueToken } from './decode';
import { importMessage, type ImportMessageCode } from './messages';
import { compactLabel, SourceText, type SourcePlace } from './text';

/** A count, the fee as a decimal string in 万元, or null for a cell printed blank (空白, "—", "-", "/", empty). */
export type ImportedValue = number | string | null;

export interface ImportedCell {
  value: ImportedValue;
  /** The characters read. */
  raw: string;
  place: SourcePlace;
  /** cell: read as printed; decoded: cut from run-together digits; positional: row label missing, row order used. */
  how: 'cell' | 'decoded' | 'positional';
}

export interface ImportIssue {
  code: ImportMessageCode;
  /** uncertain: the cells named were not read; notice: read, but the reader should know how. */
  severity: 'uncertain' | 'notice';
  cells: CellId[];
  place: SourcePlace | null;
  message: { zh: string; en: string };
}

export interface ImportedReport {
  format: FormatCode;
  organization: { value: string; place: SourcePlace } | null;
  year: { value: number; place: SourcePlace } | null;
  sections: Partial<Record<NarrativeCode, { text: string; place: SourcePlace }>>;
  cells: Record<CellId, ImportedCell>;
  issues: ImportIssue[];
  /** The text read (width-normalized); places refer to it. */
  text: string;
}

export interface ParseOptions {
  /** The format to read; by default chosen from the year (2019 and 2020: gov-2019). */
  format?: FormatCode;
}

// ---------------------------------------------------------------------------------------------------------------
// Tokens

interface Token extends ValueToken {
  line: number;
  loose?: boolean;
}
/** loose: an empty cell from a line of separators only ("|||||"), whose column cannot be told. */
type RawToken = { kind: ValueToken['kind'] | 'noise'; raw: string; offset: number; line: number; loose?: boolean };

const BLANK = /^(?:[-—–―－~]+|\/|\\|空白|无)$/;
const INT = /^[-+]?\d+$/;
const INT_GROUPED = /^\d{1,3}(?:,\d{3})+$/;
const DECIMAL = /^\d+\.\d+$/;
const SEPARATOR_LINE = /^\s*\|?\s*:?-{3,}/;
const PAGE_FOOTER = /^\s*(?:[-—–]\s*\d+\s*[-—–]|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+)\s*$/;

/** A line of running text (a sentence), whose numbers are not table cells. */
function isSentence(line: string): boolean {
  if (line.trimStart().startsWith('|')) return false;
  if (/[。；;]/.test(line)) return true;
  const commas = (line.match(/[,，]/g) ?? []).length;
  const cjk = (line.match(/[\u4e00-\u9fff]/g) ?? []).length;
  return commas >= 3 && cjk > 30;
}

function classify(raw: string): RawToken['kind'] {
  if (BLANK.test(raw) || raw === '') return 'blank';
  if (INT.test(raw) || INT_GROUPED.test(raw)) return 'int';
  if (DECIMAL.test(raw)) return 'decimal';
  return 'noise';
}

/**
 * Tokens of [start, end): lines of table cells split at "|" or tabs (an empty cell between separators is a blank),
 * other lines at spaces. Separator lines, page footers and sentences give no tokens.
 */
function tokenize(src: SourceText, start: number, end: number): RawToken[] {
  const out: RawToken[] = [];
  let pos = start;
  while (pos < end) {
    let eol = src.text.indexOf('\n', pos);
    if (eol < 0 || eol > end) eol = end;
    const lineText = src.text.slice(pos, eol);
    const lineEnd = src.text.indexOf('\n', pos);
    const wholeLine = src.text.slice(src.text.lastIndexOf('\n', pos - 1) + 1, lineEnd < 0 ? src.text.length : lineEnd);
    const line = src.lineOf(pos);
    if (
      !SEPARATOR_LINE.test(lineText) &&
      !PAGE_FOOTER.test(lineText.replace(/[|\t]/g, ' ')) &&
      !isSentence(wholeLine)
    ) {
      if (/[|\t]/.test(lineText)) {
        const pieces: Array<{ raw: string; offset: number }> = [];
        let from = 0;
        for (let i = 0; i <= lineText.length; i++) {
          if (i === lineText.length || lineText[i] === '|' || lineText[i] === '\t') {
            const piece = lineText.slice(from, i);
            const lead = piece.length - piece.trimStart().length;
            pieces.push({ raw: piece.trim(), offset: pos + from + lead });
            from = i + 1;
          }
        }
        // The piece before the first separator is the rest of a label cell or a leading "|"; after the last, nothing.
        if (pieces.length && pieces[0].raw === '') pieces.shift();
        if (pieces.length && pieces[pieces.length - 1].raw === '') pieces.pop();
        const loose = /^[\s|\t]*$/.test(lineText);
        for (const p of pieces) {
          for (const sub of p.raw === '' ? [''] : splitSpaces(p.raw)) {
            const offset = sub === '' ? p.offset : p.offset + p.raw.indexOf(sub);
            out.push({ kind: classify(sub), raw: sub, offset, line, ...(loose ? { loose: true } : {}) });
          }
        }
      } else {
        const re = /\S+/g;
        let m: RegExpExecArray | null;
        while ((m = re.exec(lineText))) out.push({ kind: classify(m[0]), raw: m[0], offset: pos + m.index, line });
      }
    }
    pos = eol + 1;
  }
  return out;
}

/** A cell holding "12 0" is two numbers; a cell holding "（含 3 件）" is noise, kept whole. */
function splitSpaces(raw: string): string[] {
  const parts = raw.split(/\s+/);
  return parts.every((p) => classify(p) !== 'noise') ? parts : [raw];
}

const valueTokens = (tokens: RawToken[]): Token[] =>
  tokens.filter((t): t is Token => t.kind !== 'noise').map((t) => ({ ...t, raw: t.raw.replace(/,/g, '') }));

// ---------------------------------------------------------------------------------------------------------------
// Headings and labels

const NUMBER_PREFIX = /^(\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+、|\d+\.)/;

function bigrams(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < s.length; i++) out.push(s.slice(i, i + 2));
  return out;
}
/** Share of the declared heading's character pairs that the line contains. */
function containment(declared: string, line: string): number {
  const pairs = bigrams(declared);
  return pairs.length ? pairs.filter((p) => line.includes(p)).length / pairs.length : 0;
}

interface Heading {
  key: string;
  lineStart: number;
  lineEnd: number;
}

type SectionKey = NarrativeCode | TableDef['code'];

function findHeadings(src: SourceText, format: ReportFormat): Map<SectionKey, Heading> {
  const lines = src.lines();
  const found = new Map<SectionKey, Heading>();
  let from = 0;
  for (const section of format.sections) {
    const heading =
      section.kind === 'narrative' ? section.heading : format.tables.find((t) => t.code === section.table)!.heading;
    const key: SectionKey = section.kind === 'narrative' ? section.code : section.table;
    const declared = compactLabel(heading);
    const prefix = declared.match(NUMBER_PREFIX)?.[0] ?? '';
    const core = declared.slice(prefix.length);
    const test = (strictNumber: boolean) => (l: { text: string }) => {
      const line = compactLabel(l.text).replace(/^[#*>|]+/, '');
      if (line.length > declared.length * 2 + 12) return false;
      const m = line.match(NUMBER_PREFIX);
      if (!m || !m[0].endsWith('、')) return false;
      if (strictNumber && m[0] !== prefix) return false;
      return containment(core, line.slice(m[0].length)) >= (strictNumber ? 0.6 : 0.85);
    };
    let index = lines.findIndex((l, i) => i >= from && test(true)(l));
    if (index < 0) index = lines.findIndex((l, i) => i >= from && test(false)(l));
    if (index >= 0) {
      found.set(key, { key, lineStart: lines[index].start, lineEnd: lines[index].end });
      from = index + 1;
    }
  }
  return found;
}

interface Matcher {
  re: RegExp;
  needsBoundary: boolean;
}

/** A row label as a pattern: its numbering prefix optional unless the rest is too short to be unambiguous. */
function labelMatcher(label: string): Matcher {
  const compact = compactLabel(label);
  const prefix = compact.match(NUMBER_PREFIX)?.[0] ?? '';
  let core = compact.slice(prefix.length);
  let tail = '';
  const paren = core.match(/^(.+?)(\(.*\))$/);
  if (paren && paren[1].length >= 2) {
    core = paren[1];
    tail = paren[2];
  }
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const prefixRe = prefix ? (/^\d+\.$/.test(prefix) ? `${esc(prefix.slice(0, -1))}[.、]` : esc(prefix)) : '';
  const required = prefix !== '' && core.length < 4;
  const source = `${prefixRe ? `(?:${prefixRe})${required ? '' : '?'}` : ''}${esc(core)}${tail ? `(?:${esc(tail)})?` : ''}`;
  return { re: new RegExp(source, 'g'), needsBoundary: !prefix && core.length < 4 };
}

/** Shorter forms of a label without a numbering prefix: its tails of at least 60 % of its length, cell-aligned. */
function labelVariants(label: string): Matcher[] {
  const compact = compactLabel(label);
  if (NUMBER_PREFIX.test(compact)) return [];
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const out: Matcher[] = [];
  for (let k = 1; compact.length - k >= Math.max(4, Math.ceil(compact.length * 0.6)); k++) {
    out.push({ re: new RegExp(esc(compact.slice(k)), 'g'), needsBoundary: true });
  }
  return out;
}

interface Occurrence {
  row: RowDef | null;
  block: BlockDef;
  start: number;
  end: number;
}

const isSeparatorChar = (c: string | undefined) => c === undefined || /[\s|#>*]/.test(c);

function occurrences(
  src: SourceText,
  matcher: Matcher,
  start: number,
  end: number,
): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  const cs = src.compactIndexAt(start);
  const ce = src.compactIndexAt(end);
  const hay = src.compact.slice(cs, ce);
  matcher.re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = matcher.re.exec(hay))) {
    if (m[0].length === 0) {
      matcher.re.lastIndex++;
      continue;
    }
    const s = src.offsetOfCompact(cs + m.index);
    let e = src.offsetOfCompact(cs + m.index + m[0].length - 1) + 1;
    // A closing quote printed after the label (危及“三安全一稳定”) belongs to it, not to the first number.
    while (/["'“”‘’」』]/.test(src.text[e] ?? '')) e++;
    if (matcher.needsBoundary) {
      const before = src.text[s - 1];
      const after = src.text[e];
      if (!isSeparatorChar(before) || !(isSeparatorChar(after) || /\d/.test(after ?? ''))) continue;
    }
    const lineStart = src.text.lastIndexOf('\n', s - 1) + 1;
    const lineEndRaw = src.text.indexOf('\n', s);
    const lineText = src.text.slice(lineStart, lineEndRaw < 0 ? src.text.length : lineEndRaw);
    if (isSentence(lineText)) continue;
    out.push({ start: s, end: e });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Arithmetic of a block, from the declaration's sources

type Values = ReadonlyArray<number | string | null>;
const num = (v: number | string | null | undefined) => (typeof v === 'number' ? v : v === null ? 0 : undefined);

/** Sums within one row: the applicant columns sum to 总计; each case kind's results sum to its 总计. */
function rowRelations(block: BlockDef): Array<{ parts: number[]; total: number }> {
  const idx = (pred: (c: BlockDef['columns'][number]) => boolean) =>
    block.columns.map((c, i) => (pred(c) ? i : -1)).filter((i) => i >= 0);
  const relations: Array<{ parts: number[]; total: number }> = [];
  const totals = idx((c) => c.source.by === 'applicantTotal');
  if (totals.length === 1) relations.push({ parts: idx((c) => c.source.by === 'applicantType'), total: totals[0] });
  const kinds = new Set(block.columns.flatMap((c) => (c.source.by === 'case' ? [c.source.caseKind] : [])));
  for (const kind of kinds) {
    const total = idx((c) => c.source.by === 'case' && c.source.caseKind === kind && c.source.result === 'total');
    const parts = idx((c) => c.source.by === 'case' && c.source.caseKind === kind && c.source.result !== 'total');
    if (total.length === 1) relations.push({ parts, total: total[0] });
  }
  return relations;
}

/** True unless a relation can be evaluated and fails; blanks count as zero parts, a blank total is not checked. */
function rowHolds(relations: ReturnType<typeof rowRelations>, values: Values): boolean {
  return relations.every(({ parts, total }) => {
    const t = values[total];
    if (typeof t !== 'number') return true;
    let sum = 0;
    for (const p of parts) {
      const v = num(values[p]);
      if (v === undefined) return true;
      sum += v;
    }
    return sum === t;
  });
}

/** Column relations between rows: concluded = Σ outcomes; received + carriedOver = concluded + carriedForward. */
function columnCheck(block: BlockDef, rowsValues: (code: string) => Values | undefined): boolean {
  const measure = (r: RowDef) => (r.source.records === 'applications' ? r.source.measure : null);
  const outcomes = block.rows.filter((r) => measure(r) === 'concluded').map((r) => r.code);
  const code = (m: string) => block.rows.find((r) => measure(r) === m)?.code;
  const [received, over, done, fwd] = ['received', 'carriedOver', 'concludedTotal', 'carriedForward'].map(code);
  for (let c = 0; c < block.columns.length; c++) {
    const at = (row: string | undefined) => (row ? num(rowsValues(row)?.[c]) : undefined);
    if (done) {
      const parts = outcomes.map(at);
      const total = at(done);
      if (total !== undefined && parts.every((p) => p !== undefined)) {
        if (parts.reduce<number>((s, p) => s + (p as number), 0) !== total) return false;
      }
    }
    const [a, b, d, f] = [received, over, done, fwd].map(at);
    if ([a, b, d, f].every((v) => v !== undefined) && a! + b! !== d! + f!) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------------------------

const TITLE_ORG_FIRST = /^(.{2,40}?)(\d{4})年度?(?:政府)?信息公开(?:工作)?(?:年度)?(?:工作)?报告/;
const TITLE_YEAR_FIRST = /^(\d{4})年度?(.{2,40}?)(?:政府)?信息公开(?:工作)?(?:年度)?(?:工作)?报告/;
/** Words that start a sentence about the report, not its title. */
const NOT_AN_ORGANIZATION = /关于|根据|依据|按照|现将|本年度|我(?:市|县|区|局|办|委|镇|乡)|[,，。:：《》]|\d/;

/** The title: a line (or two, when wrapped) near the top reading "{机关}{年}年…报告" or "{年}年{机关}…报告". */
function readTitle(src: SourceText): Pick<ImportedReport, 'organization' | 'year'> {
  const lines = src
    .lines()
    .filter((l) => l.text.trim())
    .slice(0, 25);
  for (let i = 0; i < lines.length; i++) {
    const start = lines[i].start;
    const end = (lines[i + 1] ?? lines[i]).end;
    const from = src.compactIndexAt(start);
    const to = src.compactIndexAt(end);
    let head = src.compact.slice(from, to);
    const skip = head.match(/^(?:#+|正文|标题:)*/)![0].length;
    head = head.slice(skip);
    const a = head.match(TITLE_ORG_FIRST);
    const b = head.match(TITLE_YEAR_FIRST);
    const found = a
      ? { org: a[1], orgAt: 0, year: a[2], yearAt: a[1].length }
      : b
        ? { org: b[2], orgAt: b[1].length + 1, year: b[1], yearAt: 0 }
        : null;
    if (!found || NOT_AN_ORGANIZATION.test(found.org)) continue;
    const at = (ci: number, len: number) => {
      const s = src.offsetOfCompact(from + skip + ci);
      return src.place(s, src.offsetOfCompact(from + skip + ci + len - 1) + 1 - s);
    };
    const year = Number(found.year);
    return {
      organization: { value: found.org, place: at(found.orgAt, found.org.length) },
      year: year >= 2000 && year <= 2100 ? { value: year, place: at(found.yearAt, 4) } : null,
    };
  }
  return { organization: null, year: null };
}

interface RowPlan {
  block: BlockDef;
  row: RowDef;
  occurrence: Occurrence | null;
}

export function parseReport(input: string, options: ParseOptions = {}): ImportedReport {
  const src = new SourceText(input);
  const title = readTitle(src);
  if (!options.format) {
    const year = title.year?.value;
    if (year !== undefined) return parseWith(src, getFormat(year <= 2020 ? 'gov-2019' : 'gov-2021'), title);
    // No year: the format whose rows were read more completely.
    const tries = (['gov-2021', 'gov-2019'] as const).map((code) => parseWith(src, getFormat(code), title));
    const unread = (r: ImportedReport) => r.issues.filter((i) => i.severity === 'uncertain').length;
    return unread(tries[1]) < unread(tries[0]) ? tries[1] : tries[0];
  }
  return parseWith(src, getFormat(options.format), title);
}

function parseWith(
  src: SourceText,
  format: ReportFormat,
  title: Pick<ImportedReport, 'organization' | 'year'>,
): ImportedReport {
  const issues: ImportIssue[] = [];
  const cells: Record<CellId, ImportedCell> = {};
  const headings = findHeadings(src, format);
  const order = format.sections.map((s) => (s.kind === 'narrative' ? s.code : s.table));
  const regionOf = (key: SectionKey): { start: number; end: number } | null => {
    const h = headings.get(key);
    if (!h) return null;
    const later = order
      .slice(order.indexOf(key) + 1)
      .map((k) => headings.get(k))
      .find(Boolean);
    return { start: h.lineEnd, end: later ? later.lineStart : src.text.length };
  };
  if (!title.organization)
    issues.push({
      code: 'organization.notFound',
      severity: 'uncertain',
      cells: [],
      place: null,
      message: importMessage('organization.notFound', {}),
    });
  if (!title.year)
    issues.push({
      code: 'year.notFound',
      severity: 'uncertain',
      cells: [],
      place: null,
      message: importMessage('year.notFound', {}),
    });

  // Narrative sections.
  const sections: ImportedReport['sections'] = {};
  for (const s of format.sections) {
    if (s.kind !== 'narrative') continue;
    let region = regionOf(s.code);
    if (!region && s.code === 'overview') {
      const next = order.map((k) => headings.get(k)).find(Boolean);
      region = { start: 0, end: next ? next.lineStart : src.text.length };
    }
    if (!region) continue;
    const text = src.text.slice(region.start, region.end).trim();
    const lead =
      src.text.slice(region.start, region.end).length - src.text.slice(region.start, region.end).trimStart().length;
    sections[s.code] = { text, place: src.place(region.start + lead, text.length) };
  }

  for (const table of format.tables) {
    const region = regionOf(table.code);
    const tableIds = table.blocks.flatMap((b) =>
      b.rows.flatMap((r) => b.columns.map((c) => cellId(table.code, b.code, r.code, c.code))),
    );
    if (!region) {
      issues.push({
        code: 'heading.notFound',
        severity: 'uncertain',
        cells: tableIds,
        place: null,
        message: importMessage('heading.notFound', {
          heading: table.heading,
          what: `表${table.number}`,
          whatEn: `table ${table.numberEn}`,
        }),
      });
      continue;
    }
    readTable(src, format, table, region, cells, issues);
  }
  return {
    format: format.code,
    organization: title.organization,
    year: title.year,
    sections,
    cells,
    issues,
    text: src.text,
  };
}

function readTable(
  src: SourceText,
  format: ReportFormat,
  table: TableDef,
  region: { start: number; end: number },
  cells: Record<CellId, ImportedCell>,
  issues: ImportIssue[],
) {
  const consumed = new Set<number>();
  const names = (rows: RowDef[], en: boolean) => rows.map((r) => (en ? r.pathEn : r.path).join(' ')).join('、');
  const msg = (code: ImportMessageCode, rows: RowDef[], extra: Record<string, string | number> = {}) =>
    importMessage(code, {
      table: table.number,
      tableEn: table.numberEn,
      row: names(rows, false),
      rowEn: names(rows, true),
      rows: names(rows, false),
      rowsEn: names(rows, true),
      ...extra,
    });
  const idsOf = (block: BlockDef, rows: RowDef[]) =>
    rows.flatMap((r) => block.columns.map((c) => cellId(table.code, block.code, r.code, c.code)));
  const put = (block: BlockDef, row: RowDef, values: DecodedCell[], how: ImportedCell['how']) => {
    block.columns.forEach((col, i) => {
      const cell = values[i];
      let value: ImportedValue = cell.value;
      if (row.source.records !== 'fees' && typeof value === 'string') value = Number.NaN; // a decimal in a count cell
      if (row.source.records === 'fees' && typeof value === 'number') value = String(value);
      cells[cellId(table.code, block.code, row.code, col.code)] = {
        value: typeof value === 'number' && Number.isNaN(value) ? cell.raw : value,
        raw: cell.raw,
        place: src.place(cell.offset, cell.length),
        how,
      };
    });
  };
  const asCells = (tokens: Token[]): DecodedCell[] =>
    tokens.map((t) => ({
      value: t.kind === 'blank' ? null : t.kind === 'int' ? Number(t.raw) : t.raw,
      offset: t.offset,
      length: t.raw.length,
      raw: t.raw,
    }));

  // Captions and row labels of every block: all their occurrences bound the segments.
  const boundaries: Occurrence[] = [];
  const blockStart = new Map<string, number>();
  for (const block of table.blocks) {
    if (block.caption) {
      const occ = occurrences(src, labelMatcher(block.caption.label), region.start, region.end);
      occ.forEach((o) => boundaries.push({ row: null, block, start: o.start, end: o.end }));
      if (occ.length) blockStart.set(block.code, occ[0].end);
    }
    if (!block.showRowLabels) continue;
    for (const row of block.rows) {
      const own = row.path[row.path.length - 1];
      let found = occurrences(src, labelMatcher(own), region.start, region.end);
      // A label printed shorter (规范性文件 for 行政规范性文件, the 2019 wording kept in a 2021 report): its tail,
      // at the start of a cell, when the full label is nowhere in the table.
      for (const variant of found.length ? [] : labelVariants(own)) {
        found = occurrences(src, variant, region.start, region.end);
        if (found.length) {
          issues.push({
            code: 'row.labelVariant',
            severity: 'notice',
            cells: [],
            place: src.place(found[0].start, found[0].end - found[0].start),
            message: importMessage('row.labelVariant', {
              table: table.number,
              tableEn: table.numberEn,
              row: own,
              rowEn: row.labelEn,
              printed: src.text.slice(found[0].start, found[0].end),
            }),
          });
          break;
        }
      }
      for (const o of found) boundaries.push({ row, block, start: o.start, end: o.end });
    }
  }
  // Captions of article items the format does not declare (the 2019 format's 第二十条第（九）项).
  if (table.blocks.some((b) => b.caption)) {
    const declared = new Set(table.blocks.map((b) => (b.caption ? compactLabel(b.caption.label) : '')));
    const re = /第二十条第\([一二三四五六七八九十]+\)项/g;
    const text = src.text.slice(region.start, region.end);
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      if (declared.has(compactLabel(m[0]))) continue;
      const start = region.start + m.index;
      boundaries.push({ row: null, block: table.blocks[0], start, end: start + m[0].length });
      issues.push({
        code: 'block.notImported',
        severity: 'notice',
        cells: [],
        place: src.place(start, m[0].length),
        message: importMessage('block.notImported', { caption: m[0], format: format.basis }),
      });
    }
  }
  boundaries.sort((a, b) => a.start - b.start);
  const nextBoundary = (after: number) => boundaries.find((b) => b.start >= after)?.start ?? region.end;
  const segmentTokens = (start: number, end: number) => tokenize(src, start, end);

  const plans: RowPlan[] = [];
  for (const block of table.blocks) {
    if (!block.showRowLabels) {
      plans.push(...block.rows.map((row) => ({ block, row, occurrence: null })));
      continue;
    }
    let pos = blockStart.get(block.code) ?? region.start;
    for (const row of block.rows) {
      const mine = boundaries.filter((b) => b.row === row && b.block === block && b.start >= pos);
      const withValues = mine.find((o) => valueTokens(segmentTokens(o.end, nextBoundary(o.end))).length > 0);
      const chosen = withValues ?? mine[0] ?? null;
      plans.push({ block, row, occurrence: chosen });
      if (chosen) pos = chosen.end;
    }
  }

  // Groups: a found row and the rows after it whose labels were not found share its numbers.
  const pending: Array<{ block: BlockDef; row: RowDef; candidates: Candidate[]; raw: string; place: SourcePlace }> = [];
  const lastRowOfTable = plans[plans.length - 1]?.row;
  for (const block of table.blocks) {
    const blockPlans = plans.filter((p) => p.block === block);
    const n = block.columns.length;
    if (!block.showRowLabels) {
      // Table 四: one unlabelled row, the first numbers after the heading.
      const raw = tokenize(src, region.start, region.end);
      const values = takeLines(valueTokens(raw), n);
      readGroup(
        block,
        blockPlans.map((p) => p.row),
        values,
        null,
      );
      continue;
    }
    let i = 0;
    while (i < blockPlans.length && !blockPlans[i].occurrence) {
      issues.push({
        code: 'row.notFound',
        severity: 'uncertain',
        cells: idsOf(block, [blockPlans[i].row]),
        place: null,
        message: msg('row.notFound', [blockPlans[i].row]),
      });
      i++;
    }
    while (i < blockPlans.length) {
      const head = blockPlans[i];
      let j = i + 1;
      while (j < blockPlans.length && !blockPlans[j].occurrence) j++;
      const rows = blockPlans.slice(i, j).map((p) => p.row);
      const occ = head.occurrence!;
      const all = valueTokens(segmentTokens(occ.end, nextBoundary(occ.end)));
      const values = rows[rows.length - 1] === lastRowOfTable ? takeLines(all, n * rows.length) : all;
      readGroup(block, rows, values, occ);
      i = j;
    }
  }

  function readGroup(block: BlockDef, rows: RowDef[], tokens: Token[], occ: Occurrence | null) {
    const n = block.columns.length;
    const relations = rowRelations(block);
    let values = tokens;
    const want = n * rows.length;
    const place = occ
      ? src.place(occ.start, occ.end - occ.start)
      : values[0]
        ? src.place(values[0].offset, values[0].raw.length || 1)
        : null;
    // Empty cells after the last number are merged-cell remnants, unless they may be cells shifted by a lost one: in a
    // block with sums, the remnants are dropped only when every sum of the remaining row holds.
    if (values.length > want && values.slice(want).every((t) => t.kind === 'blank')) {
      const kept = values.slice(0, want);
      const rowsOk = rows.every((_, r) =>
        rowHoldsStrict(
          relations,
          asCells(kept.slice(r * n, r * n + n)).map((c) => c.value),
        ),
      );
      if (!relations.length || rowsOk) values = kept;
    }
    const listing = values.map((t) => (t.kind === 'blank' ? `“${t.raw}”` : t.raw)).join(' ');
    // Empty cells printed apart from their columns ("3 |" "3 |" "|||||"): the order of the cells is not certain
    // unless the row's sums confirm it.
    const looseUnverified =
      values.some((t) => t.loose) &&
      relations.length > 0 &&
      !rows.every((_, r) =>
        rowHoldsStrict(
          relations,
          asCells(values.slice(r * n, r * n + n)).map((c) => c.value),
        ),
      );
    if (values.length === want && looseUnverified) {
      values.forEach((t) => consumed.add(t.offset));
      issues.push({
        code: 'row.count',
        severity: 'uncertain',
        cells: idsOf(block, rows),
        place,
        message: msg('row.looseBlanks', rows.slice(0, 1), { values: listing }),
      });
      return;
    }
    if (values.length === want) {
      values.forEach((t) => consumed.add(t.offset));
      const perRow = rows.map((_, r) => asCells(values.slice(r * n, r * n + n)));
      if (rows.length === 1) {
        put(block, rows[0], perRow[0], 'cell');
        return;
      }
      const holds = (c: DecodedCell[]) =>
        rowHoldsStrict(
          relations,
          c.map((x) => x.value),
        );
      const verified = relations.length > 0 && perRow.every(holds);
      if (verified) {
        rows.forEach((row, r) => put(block, row, perRow[r], r === 0 ? 'cell' : 'positional'));
        issues.push({
          code: 'rows.positional',
          severity: 'notice',
          cells: idsOf(block, rows.slice(1)),
          place,
          message: msg('rows.positional', rows.slice(1)),
        });
      } else {
        // The labelled row's own numbers come first; the rows after it cannot be attributed without their sums.
        if (!relations.length || holds(perRow[0])) put(block, rows[0], perRow[0], 'cell');
        else
          issues.push({
            code: 'row.count',
            severity: 'uncertain',
            cells: idsOf(block, rows.slice(0, 1)),
            place,
            message: msg('row.count', rows.slice(0, 1), { expected: n, actual: n, values: listing }),
          });
        issues.push({
          code: 'rows.positionalUnverified',
          severity: 'uncertain',
          cells: idsOf(block, rows.slice(1)),
          place,
          message: msg('rows.positionalUnverified', rows.slice(1)),
        });
      }
      return;
    }
    // Too few numbers for one row: cells may have run together.
    if (rows.length === 1 && values.length < want && values.some((t) => t.kind === 'int' && t.raw.length > 1)) {
      const { candidates, truncated } = splitRow(values, n, (v) => rowHolds(relations, v));
      const raw = values.map((t) => t.raw).join(' ');
      values.forEach((t) => consumed.add(t.offset));
      if (candidates.length === 1 && !truncated) {
        put(block, rows[0], candidates[0], 'decoded');
        issues.push({
          code: 'row.decoded',
          severity: 'notice',
          cells: idsOf(block, rows),
          place,
          message: msg('row.decoded', rows, { raw, values: show(candidates[0]) }),
        });
      } else if (candidates.length === 0) {
        issues.push({
          code: 'row.undecodable',
          severity: 'uncertain',
          cells: idsOf(block, rows),
          place,
          message: msg('row.undecodable', rows, { raw }),
        });
      } else {
        pending.push({ block, row: rows[0], candidates: truncated ? [] : candidates, raw, place: place! });
      }
      return;
    }
    // The found row is still read when its numbers are the only numbers before the next label (the rows after it are
    // cut off or printed without numbers); with more numbers than its own, which ones are its own is not certain.
    const own = values.slice(0, n);
    const ownHolds = relations.length
      ? rowHoldsStrict(
          relations,
          asCells(own).map((c) => c.value),
        )
      : rowHoldsLoose(relations, own);
    const firstOnly = values.length >= n && values.slice(n).every((t) => t.kind === 'blank') && ownHolds;
    if ((rows.length > 1 || values.length > want) && firstOnly) {
      own.forEach((t) => consumed.add(t.offset));
      put(block, rows[0], asCells(own), 'cell');
      if (rows.length > 1)
        issues.push({
          code: 'rows.positionalUnverified',
          severity: 'uncertain',
          cells: idsOf(block, rows.slice(1)),
          place,
          message: msg('rows.positionalUnverified', rows.slice(1)),
        });
      return;
    }
    if (values.length) values.forEach((t) => consumed.add(t.offset));
    if (rows.length > 1) {
      // Neither the found row nor the rows after it can be attributed with certainty.
      issues.push({
        code: 'rows.positionalUnverified',
        severity: 'uncertain',
        cells: idsOf(block, rows.slice(1)),
        place,
        message: msg('rows.positionalUnverified', rows.slice(1)),
      });
    }
    issues.push({
      code: 'row.count',
      severity: 'uncertain',
      cells: idsOf(block, rows.length > 1 ? rows.slice(0, 1) : rows),
      place,
      message: msg('row.count', rows.slice(0, 1), { expected: n, actual: values.length, values: listing || '—' }),
    });
  }

  // Rows with several readings: the column arithmetic of the table may leave only one.
  if (pending.length) {
    const block = pending[0].block;
    const known = (code: string): Values | undefined => {
      const row = block.rows.find((r) => r.code === code)!;
      const vals = block.columns.map((c) => cells[cellId(table.code, block.code, row.code, c.code)]?.value);
      return vals.every((v) => v !== undefined) ? (vals as Values) : undefined;
    };
    const solvable = pending.every((p) => p.candidates.length > 0);
    // Totals first, so that the sums of the result rows are bounded as soon as possible.
    const rank = (r: RowDef) => (r.source.records === 'applications' && r.source.measure !== 'concluded' ? 0 : 1);
    const ordered = [...pending].sort((a, b) => rank(a.row) - rank(b.row));
    const choice = solvable
      ? resolveRows(
          ordered.map((p) => ({ key: p.row.code, candidates: p.candidates })),
          (chosen) =>
            columnCheck(block, (code) => (chosen.has(code) ? chosen.get(code)!.map((c) => c.value) : known(code))),
          500_000,
          (chosen) => outcomeBounds(block, ordered, chosen, known),
        )
      : null;
    for (const p of pending) {
      const chosen = choice?.get(p.row.code);
      if (chosen) {
        put(p.block, p.row, chosen, 'decoded');
        issues.push({
          code: 'row.decoded',
          severity: 'notice',
          cells: idsOf(p.block, [p.row]),
          place: p.place,
          message: msg('row.decoded', [p.row], { raw: p.raw, values: show(chosen) }),
        });
      } else {
        const example = p.candidates.slice(0, 3).map(show).join(' / ') || '—';
        issues.push({
          code: 'row.ambiguous',
          severity: 'uncertain',
          cells: idsOf(p.block, [p.row]),
          place: p.place,
          message: msg('row.ambiguous', [p.row], { raw: p.raw, values: example }),
        });
      }
    }
  }

  // Whole-block reading by position: when labels and numbers came apart (text extracted from a PDF whose label column
  // wrapped, so labels float before or after their numbers), the block's numbers in order may still be its rows in
  // order. Accepted only when their count is exact, every row read by its label agrees, and every row and column sum
  // holds; otherwise the rows stay unread.
  for (const block of table.blocks) {
    if (!block.showRowLabels) continue;
    const relations = rowRelations(block);
    const n = block.columns.length;
    const ids = block.rows.map((r) => block.columns.map((c) => cellId(table.code, block.code, r.code, c.code)));
    if (!relations.length || ids.flat().every((id) => cells[id])) continue;
    const starts = plans.filter((p) => p.block === block && p.occurrence).map((p) => p.occurrence!.start);
    if (!starts.length) continue;
    const want = n * block.rows.length;
    let tokens = valueTokens(tokenize(src, Math.min(...starts), region.end));
    // Remnants of merged cells: empty cells after a row's n-th number on the same line.
    const byLine = new Map<number, Token[]>();
    for (const t of tokens) byLine.set(t.line, [...(byLine.get(t.line) ?? []), t]);
    const surplus = new Set<Token>();
    for (const line of byLine.values())
      if (line.length > n)
        line
          .slice(n)
          .filter((t) => t.kind === 'blank')
          .forEach((t) => surplus.add(t));
    tokens = tokens.filter((t) => !surplus.has(t));
    // A number alone on a line among table rows is a page number.
    if (tokens.length > want) {
      const lone = tokens.filter(
        (t) => byLine.get(t.line)!.length === 1 && !/[|\t]/.test(src.lines()[t.line - 1].text),
      );
      if (tokens.length - lone.length === want) tokens = tokens.filter((t) => !lone.includes(t));
    }
    if (tokens.length !== want) continue;
    const rowsValues = block.rows.map((_, r) => asCells(tokens.slice(r * n, r * n + n)));
    const agrees = block.rows.every((_, r) =>
      ids[r].every(
        (id, c) =>
          !cells[id] ||
          cells[id].value === rowsValues[r][c].value ||
          (cells[id].value === null && rowsValues[r][c].value === null),
      ),
    );
    const rowsHold = rowsValues.every((v) =>
      rowHolds(
        relations,
        v.map((x) => x.value),
      ),
    );
    const unknownBlank = (v: number | string | null) => (v === null ? 'blank' : v);
    const columnsHold = columnCheck(block, (code) => {
      const r = block.rows.findIndex((x) => x.code === code);
      return rowsValues[r].map((x) => unknownBlank(x.value));
    });
    if (!agrees || !rowsHold || !columnsHold) continue;
    const filled: RowDef[] = [];
    block.rows.forEach((row, r) => {
      if (ids[r].every((id) => cells[id])) return;
      filled.push(row);
      block.columns.forEach((col, c) => {
        const id = ids[r][c];
        if (cells[id]) return;
        const v = rowsValues[r][c];
        cells[id] = { value: v.value, raw: v.raw, place: src.place(v.offset, v.length), how: 'positional' };
      });
    });
    tokens.forEach((t) => consumed.add(t.offset));
    for (let i = issues.length - 1; i >= 0; i--) {
      const issue = issues[i];
      if (issue.severity === 'uncertain' && issue.cells.length && issue.cells.every((id) => cells[id]))
        issues.splice(i, 1);
    }
    issues.push({
      code: 'table.positional',
      severity: 'notice',
      cells: filled.flatMap((r) => ids[block.rows.indexOf(r)]),
      place: src.place(Math.min(...starts), 1),
      message: msg('table.positional', filled),
    });
  }

  // Fee printed in 元 instead of 万元: the unit stated in the fee block's header decides.
  for (const block of table.blocks) {
    for (const row of block.rows) {
      if (row.source.records !== 'fees') continue;
      const plan = plans.find((p) => p.row === row);
      for (const col of block.columns) {
        const id = cellId(table.code, block.code, row.code, col.code);
        const cell = cells[id];
        if (!cell || typeof cell.value !== 'string' || !plan?.occurrence) continue;
        const from = blockStart.get(block.code) ?? region.start;
        const header = src.text.slice(Math.min(from, plan.occurrence.start), plan.occurrence.start);
        if (/元/.test(header) && !/万元/.test(header)) {
          const wan = new Money(cell.value).div(10000).toFixed();
          issues.push({
            code: 'fee.convertedFromYuan',
            severity: 'notice',
            cells: [id],
            place: cell.place,
            message: importMessage('fee.convertedFromYuan', { raw: cell.value, wan }),
          });
          cells[id] = { ...cell, value: wan };
        }
      }
    }
  }

  // Numbers in the table's region that belong to no cell.
  const stray = valueTokens(tokenize(src, region.start, region.end)).filter(
    (t) => t.kind !== 'blank' && !consumed.has(t.offset),
  );
  const insideCells = new Set(Object.values(cells).map((c) => c.place.offset));
  const orphans = stray.filter((t) => !insideCells.has(t.offset));
  if (orphans.length && orphans.length <= 40) {
    issues.push({
      code: 'values.unassigned',
      severity: 'notice',
      cells: [],
      place: src.place(orphans[0].offset, orphans[0].raw.length),
      message: importMessage('values.unassigned', {
        table: table.number,
        tableEn: table.numberEn,
        values: orphans.map((t) => `${t.raw}（第${src.lineOf(t.offset)}行）`).join('、'),
      }),
    });
  }
}

function rowHoldsLoose(relations: ReturnType<typeof rowRelations>, tokens: Token[]): boolean {
  return rowHolds(
    relations,
    tokens.map((t) => (t.kind === 'blank' ? null : t.kind === 'int' ? Number(t.raw) : t.raw)),
  );
}

/**
 * Whether the result rows chosen so far can still add up to (七)总计 in every column: the sum of the known and chosen
 * ones must not exceed it, and with the largest candidates of the rows not chosen yet it must be able to reach it.
 */
function outcomeBounds(
  block: BlockDef,
  pending: ReadonlyArray<{ row: RowDef; candidates: Candidate[] }>,
  chosen: ReadonlyMap<string, Candidate>,
  known: (code: string) => Values | undefined,
): boolean {
  const measure = (r: RowDef) => (r.source.records === 'applications' ? r.source.measure : null);
  const totalRow = block.rows.find((r) => measure(r) === 'concludedTotal');
  if (!totalRow) return true;
  const outcomes = block.rows.filter((r) => measure(r) === 'concluded');
  const pendingByCode = new Map(pending.map((p) => [p.row.code, p]));
  for (let c = 0; c < block.columns.length; c++) {
    const totalValues = chosen.get(totalRow.code)?.map((x) => x.value) ?? known(totalRow.code);
    const target = num(totalValues?.[c]);
    if (target === undefined) continue;
    let sum = 0;
    let rest = 0;
    let open = false;
    for (const r of outcomes) {
      const pick = chosen.get(r.code);
      if (pick) sum += num(pick[c].value) ?? 0;
      else if (pendingByCode.has(r.code))
        rest += Math.max(...pendingByCode.get(r.code)!.candidates.map((k) => num(k[c].value) ?? 0));
      else {
        const v = num(known(r.code)?.[c]);
        if (v === undefined) open = true;
        else sum += v;
      }
    }
    if (open) continue;
    if (sum > target || sum + rest < target) return false;
  }
  return true;
}

/** Like rowHolds, but every relation must be evaluable: used to accept rows read by position. */
function rowHoldsStrict(relations: ReturnType<typeof rowRelations>, values: Values): boolean {
  return relations.every(({ parts, total }) => {
    const t = values[total];
    if (typeof t !== 'number') return false;
    return parts.reduce<number>((s, p) => s + (num(values[p]) ?? Number.NaN), 0) === t;
  });
}

/**
 * The first tokens up to the end of the line where `n` of them have been read (what follows is other text); empty
 * cells after the n-th on that line are merged-cell remnants and are dropped.
 */
function takeLines(tokens: Token[], n: number): Token[] {
  if (tokens.length <= n) return tokens;
  const lastLine = tokens[n - 1].line;
  const rest = tokens.filter((t, i) => i >= n && t.line === lastLine);
  return rest.every((t) => t.kind === 'blank') ? tokens.slice(0, n) : [...tokens.slice(0, n), ...rest];
}

const show = (c: Candidate) => c.map((x) => (x.value === null ? '空' : String(x.value))).join(' ');
