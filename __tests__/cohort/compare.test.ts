import { changeText, compareRuns, CompareError, readPreviousRun } from '../../src/cohort/compare.js';
import { failedGroup } from '../../src/cohort/group.js';
import { groupOf, reportWith } from '../support/cohort-groups.js';
import { words } from '../support/report.js';

const passing = (source: string) => groupOf(source, reportWith({}));
const failing = (source: string, n = 4) => groupOf(source, reportWith({ [n]: words(10) }));
const crashing = (source: string) =>
  groupOf(source, reportWith({}).replace('### Question 30', '## Question 30'));

function previous(groups: unknown[]) {
  return readPreviousRun(JSON.stringify({ groups }));
}

describe('compareRuns', () => {
  it('should tell newly failing, fixed, newly crashing, unreadable and new groups apart', () => {
    const before = previous([
      passing('a'),
      failing('b'),
      passing('c'),
      crashing('d'),
      failedGroup('e', 'github', 'x'),
      passing('f'),
      failing('g', 4),
      passing('gone'),
    ]);
    const now = [
      failing('a'),
      passing('b'),
      crashing('c'),
      failing('d'),
      passing('e'),
      failedGroup('f', 'github', 'x'),
      failing('g', 7),
      passing('new'),
    ];
    const { changes, gone } = compareRuns(now, before);
    expect(
      changes.map((c) => [c.status, c.before, c.after, c.questionsNewlyFailing, c.questionsFixed]),
    ).toEqual([
      ['newly failing', 'pass', 'fail', [4], []],
      ['fixed', 'fail', 'pass', [], [4]],
      ['newly crashing', 'pass', 'crash', [], []],
      ['newly failing', 'crash', 'fail', [4], []],
      ['readable again', 'unreadable', 'pass', [], []],
      ['newly unreadable', 'pass', 'unreadable', [], []],
      ['unchanged', 'fail', 'fail', [7], [4]],
      ['new', null, 'pass', [], []],
    ]);
    expect(gone).toEqual(['gone']);
    expect(changes.map(changeText)).toEqual([
      'newly failing (+Q4)',
      'fixed (-Q4)',
      'newly crashing',
      'newly failing (+Q4)',
      'readable again',
      'newly unreadable',
      'changed (+Q7 -Q4)',
      'new',
    ]);
    expect(changeText(compareRuns([passing('a')], previous([passing('a')])).changes[0] as never)).toBe('—');
  });
});

describe('readPreviousRun', () => {
  it('should refuse what is not a cohort JSON document, saying what is wrong', () => {
    expect(() => readPreviousRun('{')).toThrow(CompareError);
    expect(() => readPreviousRun('{')).toThrow(/^not JSON/);
    expect(() => readPreviousRun('{"files": []}')).toThrow('no "groups" list');
    expect(() => readPreviousRun('{"groups": [{"edition": "2026"}]}')).toThrow('groups[0] has no "source"');
  });
});
