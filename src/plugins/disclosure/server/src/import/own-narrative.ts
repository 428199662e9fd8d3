/**
 * The narrative ↔ table check (./narrative.ts, written for published reports) on the system's own report before it is
 * published: the numbers sections 一, 五 and 六 state are compared with the computed cells. A number that fits no
 * reading is a warning the officer acknowledges (or corrects the text): the sections are written by hand.
 */
import type { NarrativeCode, ReportFormat } from '../format/types';
import type { Cells } from '../report/cells';
import type { Problem } from '../report/check';
import { AUDIT_RULES, narrativeProblem } from './audit';
import { checkNarrative } from './narrative';
import type { ImportedReport } from './parse';
import { SourceText } from './text';

/** Markup of a section as stored (a textarea may hold simple HTML): tags and entities become spaces of equal length. */
const plain = (s: string) =>
  s.replace(/<[^>]*>/g, (m) => ' '.repeat(m.length)).replace(/&nbsp;/gi, (m) => ' '.repeat(m.length));

/** Computed cells and written sections as the importer's report: one text, each section's place in it. */
export function asReport(
  format: ReportFormat,
  cells: Cells,
  sections: Partial<Record<NarrativeCode, string>>,
): ImportedReport {
  let text = '';
  const placed: ImportedReport['sections'] = {};
  const order: NarrativeCode[] = ['overview', 'problems', 'otherMatters'];
  for (const code of order) {
    const body = plain(sections[code] ?? '');
    if (!body.trim()) continue;
    if (text) text += '\n\n';
    const offset = text.length;
    text += body;
    placed[code] = { text: body, place: { offset, length: body.length, line: 0, column: 0, text: '' } };
  }
  const src = new SourceText(text);
  for (const s of Object.values(placed)) if (s) s.place = src.place(s.place.offset, s.place.length);
  const place = src.place(0, 0);
  return {
    format: format.code,
    organization: null,
    year: null,
    sections: placed,
    cells: Object.fromEntries(
      Object.entries(cells).map(([id, value]) => [id, { value, raw: String(value), place, how: 'cell' as const }]),
    ),
    issues: [],
    text,
  };
}

/** Warnings (rule narrative.*) for numbers of the sections that match no reading of the cells. */
export function narrativeProblems(
  format: ReportFormat,
  cells: Cells,
  sections: Partial<Record<NarrativeCode, string>>,
): Problem[] {
  const report = asReport(format, cells, sections);
  if (!report.text.trim()) return [];
  return checkNarrative(report, format)
    .filter((f) => !f.fits)
    .map((f) => {
      const p = narrativeProblem(f);
      return {
        rule: p.rule,
        severity: AUDIT_RULES.narrative.severity,
        cells: p.cells,
        expected: p.expected ?? '',
        actual: p.actual ?? '',
        message: p.message,
      };
    });
}
