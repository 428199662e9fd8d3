/**
 * The batch audit (`npm run audit -- FILES…`), for a 政务公开办 checking many bodies' reports at once: imports each
 * file, audits it (with last year's report of the same body when it is among the files), prints a problems table and
 * writes JSON and CSV. No server, no database.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { auditReport, type AuditProblem } from './audit';
import { importFile, type ImportedFile } from './index';

type Lang = 'zh-Hans' | 'en';

const TEXT = {
  usage: {
    'zh-Hans': '用法：npm run audit -- [--lang zh-Hans|en] [--out 目录] 文件…（.txt .html .docx .pdf）',
    en: 'Usage: npm run audit -- [--lang zh-Hans|en] [--out DIR] FILE… (.txt .html .docx .pdf)',
  },
  reading: { 'zh-Hans': '读取', en: 'reading' },
  failed: { 'zh-Hans': '无法读取', en: 'cannot read' },
  header: {
    'zh-Hans': ['文件', '机关', '年度', '级别', '规则', '位置', '说明'],
    en: ['file', 'organization', 'year', 'severity', 'rule', 'place', 'message'],
  },
  severity: {
    'zh-Hans': { error: '错误', warning: '警告', uncertain: '未读取', notice: '提示' },
    en: { error: 'error', warning: 'warning', uncertain: 'not read', notice: 'notice' },
  },
  summary: {
    'zh-Hans': '{files} 份报告：{errors} 个错误，{warnings} 个警告，{uncertain} 处未能确定读取',
    en: '{files} reports: {errors} errors, {warnings} warnings, {uncertain} places not read with certainty',
  },
  written: { 'zh-Hans': '已写入', en: 'written' },
  line: { 'zh-Hans': '第{line}行', en: 'line {line}' },
  previous: { 'zh-Hans': '上年报告', en: 'previous year' },
} as const;

const fill = (s: string, v: Record<string, string | number>) =>
  s.replace(/\{(\w+)\}/g, (m, k) => (k in v ? String(v[k]) : m));

/** Display width: CJK characters take two columns in a terminal. */
const width = (s: string) => [...s].reduce((w, c) => w + (/[\u1100-\uffff]/.test(c) ? 2 : 1), 0);
const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - width(s)));
const csvField = (s: string | number) => {
  const t = String(s);
  return /[",\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
};

export interface AuditedFile {
  file: string;
  report: ImportedFile | null;
  error: string | null;
  previousFile: string | null;
  problems: AuditProblem[];
  ms: number;
}

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

export async function runAudit(argv: string[], io: Io): Promise<number> {
  let lang: Lang = 'zh-Hans';
  let outDir: string | null = null;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--lang') lang = argv[++i] === 'en' ? 'en' : 'zh-Hans';
    else if (a.startsWith('--lang=')) lang = a.slice(7) === 'en' ? 'en' : 'zh-Hans';
    else if (a === '--out') outDir = argv[++i] ?? null;
    else if (a.startsWith('--out=')) outDir = a.slice(6);
    else if (a === '--help' || a === '-h') {
      io.out(TEXT.usage[lang]);
      return 0;
    } else files.push(a);
  }
  if (!files.length) {
    io.err(TEXT.usage[lang]);
    return 2;
  }

  const results: AuditedFile[] = [];
  for (const [i, file] of files.entries()) {
    const started = Date.now();
    io.err(`[${i + 1}/${files.length}] ${TEXT.reading[lang]} ${file}`);
    try {
      const report = await importFile(basename(file), readFileSync(file));
      results.push({ file, report, error: null, previousFile: null, problems: [], ms: Date.now() - started });
    } catch (e) {
      results.push({
        file,
        report: null,
        error: (e as Error).message,
        previousFile: null,
        problems: [],
        ms: Date.now() - started,
      });
      io.err(`  ${TEXT.failed[lang]}: ${(e as Error).message}`);
    }
  }
  // Continuity: last year's report of the same organization, when it is among the files.
  for (const r of results) {
    if (!r.report) continue;
    const started = Date.now();
    const prev = results.find(
      (p) =>
        p.report &&
        p !== r &&
        p.report.organization?.value === r.report!.organization?.value &&
        p.report.year?.value === (r.report!.year?.value ?? 0) - 1,
    );
    r.previousFile = prev?.file ?? null;
    r.problems = auditReport(r.report, { previous: prev?.report ?? null });
    r.ms += Date.now() - started;
  }

  const sev = TEXT.severity[lang];
  const rows: string[][] = [];
  for (const r of results) {
    const org = r.report?.organization?.value ?? '?';
    const year = String(r.report?.year?.value ?? '?');
    if (r.error) rows.push([basename(r.file), org, year, sev.error, 'import.failed', '', r.error]);
    for (const p of r.problems.filter((x) => x.severity !== 'notice')) {
      rows.push([
        basename(r.file),
        org,
        year,
        sev[p.severity],
        p.rule,
        p.place ? fill(TEXT.line[lang], { line: p.place.line }) : '',
        lang === 'en' ? p.message.en : p.message.zh,
      ]);
    }
  }
  const header = [...TEXT.header[lang]];
  const widths = header.map((h, c) => Math.min(c === 6 ? 0 : 40, Math.max(width(h), ...rows.map((r) => width(r[c])))));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i]))).join('  ');
  io.out(line(header));
  io.out(line(widths.map((w) => '-'.repeat(Math.max(w, 4)))));
  rows.forEach((r) => io.out(line(r)));
  const count = (s: string) => results.reduce((n, r) => n + r.problems.filter((p) => p.severity === s).length, 0);
  io.out('');
  io.out(
    fill(TEXT.summary[lang], {
      files: results.length,
      errors: count('error') + results.filter((r) => r.error).length,
      warnings: count('warning'),
      uncertain: count('uncertain'),
    }),
  );

  if (outDir) {
    const dir = resolve(outDir);
    mkdirSync(dir, { recursive: true });
    const json = results.map((r) => ({
      file: r.file,
      error: r.error,
      form: r.report?.form ?? null,
      format: r.report?.format ?? null,
      organization: r.report?.organization ?? null,
      year: r.report?.year ?? null,
      previousFile: r.previousFile,
      cells: r.report
        ? Object.fromEntries(
            Object.entries(r.report.cells).map(([id, c]) => [id, { value: c.value, how: c.how, place: c.place }]),
          )
        : {},
      problems: r.problems,
      ms: r.ms,
    }));
    writeFileSync(join(dir, 'audit.json'), `${JSON.stringify(json, null, 2)}\n`);
    const csvHeader = [
      'file',
      'organization',
      'year',
      'severity',
      'rule',
      'cells',
      'line',
      'column',
      'expected',
      'actual',
      'message_zh',
      'message_en',
    ];
    const csvRows = results.flatMap((r) =>
      r.problems.map((p) => [
        r.file,
        r.report?.organization?.value ?? '',
        r.report?.year?.value ?? '',
        p.severity,
        p.rule,
        p.cells.join(' '),
        p.place?.line ?? '',
        p.place?.column ?? '',
        p.expected ?? '',
        p.actual ?? '',
        p.message.zh,
        p.message.en,
      ]),
    );
    writeFileSync(
      join(dir, 'problems.csv'),
      `\uFEFF${[csvHeader, ...csvRows].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`,
    );
    io.err(`${TEXT.written[lang]}: ${join(dir, 'audit.json')}, ${join(dir, 'problems.csv')}`);
  }
  return count('error') + results.filter((r) => r.error).length > 0 ? 1 : 0;
}
