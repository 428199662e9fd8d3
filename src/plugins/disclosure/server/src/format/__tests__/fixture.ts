// Reads the labels printed in the tables of a real 2021 report (驻马店市公共资源交易中心), the layout reference.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { normalizeLabel } from '../index';

/** Compares labels across full-width and half-width punctuation and spacing, as the fixture's text was extracted. */
export { normalizeLabel };

export const FIXTURE_TEXT = readFileSync(join(__dirname, 'fixtures', 'zhumadian-2021-annual-report.txt'), 'utf8');

/** Every label token printed in tables 二, 三 and 四 (section headings included), numbers left out. */
export function fixtureTableLabels(): string[] {
  const lines = FIXTURE_TEXT.split(/\r?\n/);
  const start = lines.findIndex((l) => l.startsWith('二、'));
  const end = lines.findIndex((l) => l.startsWith('五、'));
  const tokens = lines
    .slice(start, end)
    .flatMap((l) => l.trim().split(/\s+/))
    .filter((t) => t && !/^\d+$/.test(t));
  return [...new Set(tokens.map(normalizeLabel))];
}
