// How findings become markdownlint errors: lines after front matter, quick fixes only where markdownlint can
// apply them exactly as --fix does, and findings kept when their fix cannot be offered.
import { applyFixes } from 'markdownlint';
import type { Diagnostic, Fix } from '../../src/diagnostic.js';
import { applyFixes as ourApplyFixes } from '../../src/fixes/apply.js';
import { toErrors, type ErrorInfo } from '../../src/markdownlint/to-errors.js';

function finding(line: number, fix?: Fix, over: Partial<Diagnostic> = {}): Diagnostic {
  return {
    ruleId: 'template-marker',
    severity: 'warning',
    message: `finding on line ${line}`,
    path: 'reports/README.md',
    line,
    column: 1,
    endLine: line,
    endColumn: 4,
    question: 1,
    fingerprint: `f${line}`,
    ...(fix ? { fix } : {}),
    ...over,
  };
}

const remove = (line: number, column: number, endLine: number, endColumn: number, text = ''): Fix => ({
  description: 'Remove it',
  edits: [{ line, column, endLine, endColumn, text }],
});

/** The errors for `text` without front matter, and markdownlint's applyFixes of them (as its LintErrors). */
function run(text: string, diagnostics: Diagnostic[], hidden = 0) {
  const lines = text.split('\n').slice(hidden);
  const errors = toErrors(diagnostics, { text, hidden, lines });
  const lintErrors = errors.map((e: ErrorInfo) => ({
    lineNumber: e.lineNumber + hidden,
    ruleNames: ['report-check'],
    ruleDescription: '',
    ruleInformation: null,
    errorDetail: e.detail,
    errorContext: e.context ?? null,
    errorRange: e.range ?? null,
    fixInfo: e.fixInfo ? { ...e.fixInfo, lineNumber: (e.fixInfo.lineNumber ?? e.lineNumber) + hidden } : null,
    severity: 'error' as const,
  }));
  return { errors, fixed: applyFixes(text, lintErrors) };
}

describe('toErrors', () => {
  const text = 'a --- b\nsecond line\nthird\nfourth\n';

  it('deletes whole lines with deleteCount -1, one part per line, and fixing all is --fix', () => {
    const fix = remove(2, 1, 4, 1);
    const { errors, fixed } = run(text, [finding(2, fix)]);
    expect(errors.map((e) => [e.lineNumber, e.fixInfo?.deleteCount])).toEqual([
      [2, -1],
      [3, -1],
    ]);
    expect(errors[1]?.detail).toBe('template-marker (fix, part 2 of 2 for line 2): Remove it');
    expect(fixed).toBe(ourApplyFixes(text, [fix]).text);
  });

  it('names the line of the finding as the file counts it in each further part, front matter included', () => {
    const withFrontMatter = `---\ntitle: x\n---\n${text}`;
    const fix = remove(5, 1, 7, 1);
    const { errors, fixed } = run(withFrontMatter, [finding(5, fix)], 3);
    // markdownlint shows lineNumber + 3: the finding on line 5 of the file, its second part on line 6.
    expect(errors.map((e) => e.lineNumber + 3)).toEqual([5, 6]);
    expect(errors[1]?.detail).toBe('template-marker (fix, part 2 of 2 for line 5): Remove it');
    expect(fixed).toBe(ourApplyFixes(withFrontMatter, [fix]).text);
  });

  it('keeps a finding whose fix spans lines other than whole ones, without a quick fix', () => {
    const { errors, fixed } = run(text, [finding(1, remove(1, 3, 2, 3, 'x'))]);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.detail).toBe('template-marker (warning): finding on line 1');
    expect(errors[0]?.fixInfo).toBeUndefined();
    expect(fixed).toBe(text);
  });

  it('offers neither of two overlapping fixes, as --fix applies neither, and a shared fix once', () => {
    const overlapping = run(text, [finding(1, remove(1, 3, 1, 6)), finding(1, remove(1, 5, 1, 8))]);
    expect(overlapping.errors.map((e) => e.fixInfo)).toEqual([undefined, undefined]);
    const shared = remove(1, 3, 1, 7);
    const twins = run(text, [finding(1, shared), finding(1, shared, { ruleId: 'placeholder-left' })]);
    expect(twins.errors.map((e) => e.fixInfo !== undefined)).toEqual([true, false]);
    expect(twins.fixed).toBe('a b\nsecond line\nthird\nfourth\n');
  });

  it('puts a finding in the front matter on the first line markdownlint shows, saying its line', () => {
    const withFrontMatter = '---\ntitle: x\n---\nbody\n';
    const { errors } = run(withFrontMatter, [finding(2), finding(4, undefined, { endColumn: 99 })], 3);
    expect(errors.map((e) => [e.lineNumber, e.context, e.range])).toEqual([
      [1, 'line 2 of the file', undefined],
      // The range stops at the line's end (markdownlint refuses a longer one).
      [1, undefined, [1, 4]],
    ]);
  });

  it('offers no fix that edits the front matter, which markdownlint does not let a rule change', () => {
    const withFrontMatter = '---\ntitle: x\n---\nbody\n';
    const { errors } = run(withFrontMatter, [finding(4, remove(2, 1, 2, 3))], 3);
    expect(errors.map((e) => e.fixInfo)).toEqual([undefined]);
  });
});
