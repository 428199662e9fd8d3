// Every real report of tests/fixtures/reports: every cell typed by hand is read exactly (blank kept apart from zero),
// every problem a careful reader found is found, and no hard error is raised that the reader did not find.
import { auditReport, importFile } from '..';
import { expectedCells, score } from '../score';
import { FIXTURE_SLUGS, loadFixture } from './fixtures';

describe('published reports (tests/fixtures/reports)', () => {
  it('has the real reports it claims', () => {
    expect(FIXTURE_SLUGS.length).toBeGreaterThanOrEqual(5);
  });

  describe.each(FIXTURE_SLUGS)('%s', (slug) => {
    const fixture = loadFixture(slug);
    let imported: Awaited<ReturnType<typeof importFile>>;
    beforeAll(async () => {
      imported = await importFile(fixture.file, fixture.data);
    });

    it('reads the organization, the year and the format', () => {
      expect(imported.organization?.value ?? null).toBe(fixture.expected.organization);
      expect(imported.year?.value ?? null).toBe(fixture.expected.year);
      expect(imported.format).toBe(fixture.expected.format);
    });

    it('reads every expected cell exactly, and reports the cells it cannot read instead of filling them', () => {
      const result = score(fixture.expected, imported, auditReport(imported));
      expect(result.wrong).toEqual([]);
      expect(result.exact).toBe(result.cells);
    });

    it('says where each cell was read: the source text at that place is what was read', () => {
      for (const [id] of expectedCells(fixture.expected)) {
        const cell = imported.cells[id];
        if (!cell || cell.how === 'decoded') continue;
        expect(imported.text.slice(cell.place.offset, cell.place.offset + cell.place.length).trim()).toBe(cell.raw);
        expect(cell.place.line).toBeGreaterThan(0);
      }
    });

    it('finds every problem a careful reader found, and no hard error the reader did not find', () => {
      const result = score(fixture.expected, imported, auditReport(imported));
      expect(result.missed).toEqual([]);
      expect(result.falseErrors.map((p) => `${p.rule} ${p.cells.join(' ')}`)).toEqual([]);
    });
  });
});
