import type { ActionLog } from '../../src/action.js';
import type { RunContext } from '../../src/context.js';
import type { Settings } from '../../src/inputs.js';
import { fingerprint, type Diagnostic } from '../../src/diagnostic.js';
import type { CheckResult, QuestionSummary } from '../../src/result.js';

/** A hand-made finding; fields default to an error on line 1 of reports/README.md. */
export function diag(overrides: Partial<Diagnostic> = {}): Diagnostic {
  const ruleId = overrides.ruleId ?? 'word-count';
  const question = overrides.question === undefined ? 1 : overrides.question;
  const line = overrides.line ?? 1;
  return {
    ruleId,
    severity: 'error',
    message: `Question ${question} has 10 words; it needs 50–100, so add at least 40.`,
    path: 'reports/README.md',
    line,
    column: 1,
    endLine: line,
    endColumn: 10,
    question,
    fingerprint: fingerprint(ruleId, question, overrides.message ?? ''),
    ...overrides,
  };
}

/** A hand-made question summary. */
export function question(number: number, overrides: Partial<QuestionSummary> = {}): QuestionSummary {
  return {
    number,
    words: 60,
    images: 0,
    answered: true,
    wordRange: { min: 50, max: 100 },
    imageRange: null,
    status: 'ok',
    line: number * 4,
    answerLine: number * 4 + 2,
    ...overrides,
  };
}

/** A hand-made result for reports/README.md holding `diagnostics`. */
export function result(diagnostics: Diagnostic[] = [], overrides: Partial<CheckResult> = {}): CheckResult {
  return {
    path: 'reports/README.md',
    edition: '2026',
    editionSource: 'detected',
    diagnostics,
    questions: [question(1), question(2)],
    courseChecker: {
      outcome: diagnostics.some((d) => d.severity === 'error') ? 'fail' : 'pass',
      failures: [],
      reason: null,
    },
    ...overrides,
  };
}

/** The action's settings at their defaults (as readSettings gives them), with `overrides`. */
export function settings(overrides: Partial<Settings> = {}): Settings {
  return {
    token: 't',
    path: 'reports/README.md',
    edition: 'auto',
    schema: null,
    failOn: 'error',
    strict: false,
    prNumber: null,
    timeoutSeconds: 120,
    ...overrides,
  };
}

/** An action log that keeps the warnings, infos and failure messages, and drops the rest. */
export function recordingLog() {
  const seen = { warnings: [] as string[], infos: [] as string[], failed: [] as string[] };
  const log: ActionLog = {
    info: (m) => void seen.infos.push(m),
    notice: () => undefined,
    warning: (m) => void seen.warnings.push(m),
    annotate: () => undefined,
    setOutput: () => undefined,
    setFailed: (m) => void seen.failed.push(m),
    writeSummary: async () => undefined,
  };
  return { log, seen };
}

/** A `pull_request` run on acme/exam's pull request 7, the event naming `headSha` as its head. */
export function pullContext(headSha: string, overrides: Partial<RunContext> = {}): RunContext {
  return {
    eventName: 'pull_request',
    owner: 'acme',
    repo: 'exam',
    sha: 'm'.repeat(40),
    ref: 'refs/pull/7/merge',
    payload: { pull_request: { number: 7, head: { sha: headSha } }, repository: { default_branch: 'main' } },
    serverUrl: 'https://github.com',
    apiUrl: 'https://api.github.com',
    runId: '99',
    ...overrides,
  };
}
