import { formatCohortText } from '../../src/cohort/format-text.js';
import { summarize } from '../../src/cohort/summary.js';
import { sampleGroups } from '../support/cohort-groups.js';

const rows = sampleGroups();
const summary = summarize(rows, null);

describe('formatCohortText', () => {
  it('should print a row per group with a cell per question when there is room', () => {
    const lines = formatCohortText(rows, summary, { width: Infinity }).split('\n');
    expect(lines[0]).toMatch(/^group\s+ed\.\s+checker\s+scraper\s+E\s+W\s+N\s+ans\.\s+Q1 .* Q31$/);
    expect(lines[2]).toMatch(/^course\/bravo\s+2025\s+fail 2\s+2\s+2\s+0\s+0\s+31\/31\s/);
    expect(lines[2]).toMatch(/-13w.*\+20w/);
    expect(lines[4]).toMatch(/^course\/delta\s+2023\/2024\s+pass\s+0 \(crash\)/);
    expect(lines[8]).toBe(
      'course/hotel    could not read: repository not found, or private (set GITHUB_TOKEN to read private repositories)',
    );
    expect(lines).toContain(
      '8 groups: course checker 2 pass, 4 fail, 1 crash; 1 could not be read; the grading scraper (2026 checker) ' +
        'records 0 warnings for 2 crashing reports; its record differs from the truth for 2 groups',
    );
  });

  it('should fit a narrow terminal: the failing questions as a list instead of a cell per question', () => {
    const text = formatCohortText(rows, summary, { width: 100 });
    const table = text.split('\n\n')[0] as string;
    for (const line of table.split('\n').slice(0, 8)) expect([...line].length).toBeLessThanOrEqual(100);
    expect(table).toMatch(/failing questions/);
    expect(table).toMatch(/course\/bravo .* Q4 -13w, Q11 \+20w/);
  });

  it.each([60, 80, 100, 120])(
    'should keep every line within a %i-column terminal, the unreadable row and the totals too',
    (width) => {
      const text = formatCohortText(rows, summary, { width });
      for (const line of text.trimEnd().split('\n')) expect([...line].length).toBeLessThanOrEqual(width);
      // Still one row per group, each naming it (cut short if need be), and each failing question listed.
      const [table] = text.split('\n\n') as [string];
      expect(table.split('\n')).toHaveLength(rows.length + 1);
      // From 80 columns the group names are whole; at 60 they are cut, the counts never.
      if (width >= 80) expect(table).toMatch(/^course\/bravo\s.*\s2\s+0\s+0\s+31\/31\s+Q4 -13w/m);
      else expect(table).toMatch(/^course\/…\s.*\s2\s+0\s+0\s+31\/31\s+Q4 -13w/m);
      expect(text).toContain('could not read');
      expect(text.replace(/\n/g, ' ')).toContain('its record differs from the truth for 2 groups');
    },
  );

  it('should count one group and one crashing report in the singular', () => {
    const one = [rows[5] as (typeof rows)[0]];
    const text = formatCohortText(one, summarize(one, null), { width: Infinity });
    expect(text).toContain('1 group: course checker 0 pass, 0 fail, 1 crash;');
    expect(text).toContain('records 0 warnings for 1 crashing report');
    expect(text).not.toMatch(/\(s\)|\b1 groups\b|\b1 crashing reports\b/);
  });

  it('should make a group name that could repaint the terminal printable', () => {
    const hostile = [{ ...(rows[0] as (typeof rows)[0]), source: 'evil\u001b[2Jname' }];
    const text = formatCohortText(hostile, summarize(hostile, null), { width: Infinity });
    expect(text).not.toContain('\u001b');
    expect(text).toContain('evil\\u{001b}[2Jname');
  });
});
