// The real published reports under tests/fixtures/reports, with their expected tables and problems.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectedSchema, type Expected } from '../score';

export const FIXTURES_DIR = join(__dirname, '..', '..', '..', '..', '..', '..', '..', 'tests', 'fixtures', 'reports');

export interface Fixture {
  slug: string;
  expected: Expected;
  file: string;
  data: Buffer;
}

export function loadFixture(slug: string): Fixture {
  const expected = expectedSchema.parse(JSON.parse(readFileSync(join(FIXTURES_DIR, slug, 'expected.json'), 'utf8')));
  const file = join(FIXTURES_DIR, slug, expected.source);
  return { slug, expected, file, data: readFileSync(file) };
}

export const FIXTURE_SLUGS: string[] = readdirSync(FIXTURES_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();
