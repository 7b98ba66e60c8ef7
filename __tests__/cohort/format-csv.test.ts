import { compareRuns, readPreviousRun } from '../../src/cohort/compare.js';
import { formatCohortCsv } from '../../src/cohort/format-csv.js';
import { parseCsv } from '../../src/cohort/csv.js';
import { sampleGroups } from '../support/cohort-groups.js';

describe('formatCohortCsv', () => {
  it('should give one row per group and a column group per question', () => {
    const rows = parseCsv(formatCohortCsv(sampleGroups()));
    const header = rows[0] as string[];
    expect(header.slice(0, 6)).toEqual([
      'source',
      'link',
      'ref',
      'edition',
      'course checker',
      'course checker warnings',
    ]);
    expect(header.slice(14, 18)).toEqual(['q1 words', 'q1 images', 'q1 status', 'q1 by']);
    expect(header.at(-1)).toBe('error');
    expect(rows).toHaveLength(9);
    const bravo = Object.fromEntries(header.map((name, i) => [name, (rows[2] as string[])[i]]));
    expect(bravo).toMatchObject({
      source: 'course/bravo',
      edition: '2025',
      'course checker': 'fail 2',
      'scraper num_warnings': '2',
      'q4 words': '87',
      'q4 status': 'short',
      'q4 by': '-13 words',
      error: '',
    });
    const hotel = Object.fromEntries(header.map((name, i) => [name, (rows[8] as string[])[i]]));
    expect(hotel).toMatchObject({
      source: 'course/hotel',
      edition: '',
      'q4 status': '',
      error: expect.stringMatching(/^repository not found/),
    });
  });

  it('should add the change column with --compare', () => {
    const groups = sampleGroups();
    const { changes } = compareRuns(groups, readPreviousRun('{"groups": []}'));
    const rows = parseCsv(formatCohortCsv(groups.map((g, i) => ({ ...g, change: changes[i] }))));
    expect((rows[0] as string[])[14]).toBe('change');
    expect((rows[1] as string[])[14]).toBe('new');
  });
});
