// The batch audit as a 政务公开办 runs it: several files, a problems table on stdout, progress on stderr, JSON and CSV
// written, last year's report of the same body paired automatically, zh-Hans by default and en on request.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAudit } from '../cli';
import { FIXTURES_DIR } from './fixtures';

const run = async (args: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAudit(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
};

describe('npm run audit', () => {
  const dir = mkdtempSync(join(tmpdir(), 'audit-'));
  const shanghai2019 = join(FIXTURES_DIR, 'shanghai-office-2019', 'source.html');
  const shuyang = join(FIXTURES_DIR, 'shuyang-county-2025', 'source.txt');
  // A 2020 report of the same office whose 上年结转 (70) contradicts 2019's 结转下年度 (72): continuity per column.
  const zhumadian = readFileSync(join(FIXTURES_DIR, 'zhumadian-center-2021', 'source.txt'), 'utf8');
  const office2020 = join(dir, 'office-2020.txt');
  writeFileSync(
    office2020,
    zhumadian
      .replace('驻马店市公共资源交易中心2021年', '上海市人民政府办公厅2020年')
      .replace('二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0', '二、上年结转政府信息公开申请数量 70 0 0 0 0 0 70')
      .replace('四、结转下年度继续办理 0 0 0 0 0 0 0', '四、结转下年度继续办理 70 0 0 0 0 0 70'),
  );

  it('prints a problems table in Chinese, reports progress, writes JSON and CSV, and fails on hard errors', async () => {
    const out = join(dir, 'out');
    const r = await run([shanghai2019, shuyang, office2020, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('[1/3]');
    expect(r.err).toContain('[3/3]');
    expect(r.out.split('\n')[0]).toMatch(/^文件\s+机关\s+年度\s+级别\s+规则/);
    expect(r.out).toContain('narrative.category');
    expect(r.out).toContain('continuity.carriedOver');
    expect(r.out).toMatch(/3 份报告：\d+ 个错误，\d+ 个警告/);
    const json = JSON.parse(readFileSync(join(out, 'audit.json'), 'utf8'));
    expect(json).toHaveLength(3);
    const paired = json.find((f: { file: string }) => f.file === office2020);
    expect(paired.previousFile).toBe(shanghai2019);
    expect(paired.problems.filter((p: { rule: string }) => p.rule === 'continuity.carriedOver')).toHaveLength(2);
    expect(json[1].cells['applications.main.received.total']).toMatchObject({ value: 713, how: 'cell' });
    const csv = readFileSync(join(out, 'problems.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFfile,organization,year,severity,rule,cells,line,column')).toBe(true);
    expect(csv).toContain('continuity.carriedOver');
  });

  it('speaks English with --lang en and succeeds on a consistent report', async () => {
    const r = await run(['--lang', 'en', shuyang]);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toMatch(/^file\s+organization\s+year\s+severity\s+rule/);
    expect(r.out).toContain('1 reports: 0 errors, 0 warnings');
  });

  it('says how to use it, and reports a file it cannot read', async () => {
    expect((await run([])).code).toBe(2);
    const scan = join(dir, 'scan.txt');
    writeFileSync(scan, '1 2 3');
    const r = await run([scan]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('import.failed');
  });
});
