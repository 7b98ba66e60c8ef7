import type { Diagnostic } from '../../src/diagnostic.js';
import type { CheckResult, QuestionSummary } from '../../src/result.js';

/** A hand-made finding for formatter tests. */
export function sampleDiagnostic(overrides: Partial<Diagnostic> = {}): Diagnostic {
  return {
    ruleId: 'word-count',
    severity: 'error',
    message: 'Question 14 has 187 words; it needs 200–300, so add at least 13.',
    path: 'reports/README.md',
    line: 120,
    column: 1,
    endLine: 124,
    endColumn: 20,
    question: 14,
    expected: { min: 200, max: 300 },
    actual: 187,
    fingerprint: '0123456789abcdef',
    ...overrides,
  };
}

/** A hand-made question summary. */
export function sampleQuestion(overrides: Partial<QuestionSummary> = {}): QuestionSummary {
  return {
    number: 14,
    words: 187,
    images: 1,
    answered: true,
    wordRange: { min: 200, max: 300 },
    imageRange: { min: 1, max: 3 },
    status: 'fail',
    line: 118,
    answerLine: 120,
    ...overrides,
  };
}

/** A hand-made result: one error on Question 14, which the course checker fails on. */
export function sampleResult(overrides: Partial<CheckResult> = {}): CheckResult {
  return {
    path: 'reports/README.md',
    edition: '2024',
    editionSource: 'detected',
    diagnostics: [sampleDiagnostic()],
    questions: [sampleQuestion()],
    courseChecker: {
      outcome: 'fail',
      failures: [{ question: 14, kind: 'words', min: 200, max: 300, got: 187 }],
      reason: null,
    },
    ...overrides,
  };
}

/** A result with nothing to say. */
export function cleanResult(path = 'reports/README.md'): CheckResult {
  return sampleResult({
    path,
    diagnostics: [],
    questions: [sampleQuestion({ words: 250, status: 'ok' })],
    courseChecker: { outcome: 'pass', failures: [], reason: null },
  });
}
