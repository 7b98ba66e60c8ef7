// fixesKeepingVerdict: the fixes `--fix` (and markdownlint's fix-all) apply leave the course checker's verdict
// no worse; each held fix says what the checker would do after it.
import type { Fix } from '../../src/diagnostic.js';
import { fixesKeepingVerdict } from '../../src/fixes/keep-verdict.js';
import type { CourseCheckerVerdict } from '../../src/result.js';

const text = 'a1\nb2\nc3\n';
/** A fix of question `q` that deletes line `line`'s first character. */
const fix = (q: number, line: number) =>
  ({
    description: `fix ${q}`,
    edits: [{ line, column: 1, endLine: line, endColumn: 2, text: '' }],
    finding: { question: q },
  }) as Fix & { finding: { question: number } };
const pass: CourseCheckerVerdict = { outcome: 'pass', failures: [], reason: null };
const failing = (...questions: number[]): CourseCheckerVerdict => ({
  outcome: 'fail',
  failures: questions.map((question) => ({ question, kind: 'words', min: 1, max: 2, got: 0 })),
  reason: null,
});

describe('fixesKeepingVerdict', () => {
  it('applies every fix when the fixed text fails nothing new', () => {
    const out = fixesKeepingVerdict(text, [fix(1, 1), fix(2, 2)], failing(2), () => failing(2));
    expect(out.text).toBe('1\n2\nc3\n');
    expect(out.held).toEqual([]);
  });

  it('holds the fixes of a question that would newly fail, checks the rest again, and keeps those', () => {
    const seen: string[] = [];
    const recheck = (fixed: string) => {
      seen.push(fixed);
      return fixed.startsWith('1') ? failing(1) : pass;
    };
    const out = fixesKeepingVerdict(text, [fix(1, 1), fix(2, 2)], pass, recheck);
    expect(out.text).toBe('a1\n2\nc3\n');
    expect(out.held.map((h) => [h.fix.description, h.because])).toEqual([['fix 1', 'Question 1 (words)']]);
    expect(seen).toEqual(['1\n2\nc3\n', 'a1\n2\nc3\n']);
  });

  it('holds every fix when the fixed text would crash the checker or cannot be checked', () => {
    const crash: CourseCheckerVerdict = { outcome: 'crash', failures: [], reason: 'IndexError' };
    for (const after of [crash, null]) {
      const out = fixesKeepingVerdict(text, [fix(1, 1), fix(2, 2)], pass, () => after);
      expect(out.text).toBe(text);
      expect(out.held.map((h) => h.because)).toEqual(['crash', 'crash']);
    }
  });

  it('applies every fix to a report the checker already crashes on, which no fix can make worse', () => {
    const crash: CourseCheckerVerdict = { outcome: 'crash', failures: [], reason: 'IndexError' };
    const out = fixesKeepingVerdict(text, [fix(1, 1)], crash, () => failing(1));
    expect(out.text).toBe('1\nb2\nc3\n');
    expect(out.held).toEqual([]);
  });

  it('holds the fixes of other questions when a question no fix belongs to would newly fail', () => {
    const out = fixesKeepingVerdict(text, [fix(1, 1)], pass, (fixed) => (fixed === text ? pass : failing(3)));
    expect(out.text).toBe(text);
    expect(out.held.map((h) => h.because)).toEqual(['Question 3 (words)']);
  });
});
