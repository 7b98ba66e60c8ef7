import { runAction, type ActionDeps, type ActionLog } from '../src/action.js';
import { checkReport } from '../src/check.js';
import type { Engine } from '../src/engine.js';
import { findingKey } from '../src/review/marker.js';
import { FakeGitHub, type FakeGitHubSetup } from './support/fake-github.js';
import { makeReport, words } from './support/report.js';
import { pullContext, settings } from './support/results.js';

const PATH = 'reports/README.md';
const HEAD = 'h'.repeat(40);

// Question 4 keeps the template's markers (line 33), question 5 its placeholder (lines 41-42), question 6 has a
// `---` under its text (lines 48-49), question 7 repeats "Answer:" (line 56), question 8 quotes a mention.
const REPORT = makeReport('2026', {
  4: `--- ${words(120)} ---`,
  5: `${words(120)}\n--- question 5 fill here ---`,
  6: `${words(110)}\n---`,
  7: `Answer: ${words(30)}`,
  8: `--- ask @dana ${words(120)} ---`,
});
const LINES = REPORT.split('\n');
// One hunk showing new lines 30-70.
const PATCH = '@@ -30,41 +30,41 @@\n+x';

const quiet: ActionLog = {
  info: () => undefined,
  notice: () => undefined,
  warning: () => undefined,
  annotate: () => undefined,
  setOutput: () => undefined,
  setFailed: () => undefined,
  writeSummary: async () => undefined,
};

const context = pullContext(HEAD);

const engine: Engine = { checkReport, loadConstraints: () => Promise.reject(new Error('no schema')) };

function deps(
  setup: FakeGitHubSetup = {},
  report: string = REPORT,
): { deps: ActionDeps; github: FakeGitHub } {
  const github = new FakeGitHub({
    pull: { number: 7, headSha: HEAD, baseSha: 'b'.repeat(40), baseRef: 'main', state: 'OPEN' },
    files: [{ path: PATH, status: 'modified', previousPath: null, patch: PATCH }],
    trees: { [HEAD]: { [PATH]: report } },
    ...setup,
  });
  return { deps: { github, log: quiet, settings: settings(), context, engine }, github };
}

/** The review's inline comments by rule: the lines they cover and the suggestion block they carry. */
function comments(github: FakeGitHub) {
  return (github.reviews[0]?.comments ?? []).map((c) => ({
    rule: /\[`([a-z-]+)`\]/.exec(c.body)?.[1],
    lines: [c.startLine ?? c.line, c.line],
    suggestion: /\n```suggestion\n([\s\S]*?)```\n/.exec(c.body)?.[1] ?? null,
  }));
}

describe('runAction: suggested changes', () => {
  it('should carry a suggestion replacing exactly the commented lines for each fix that can be shown as it is', async () => {
    const { deps: d, github } = deps();
    await runAction(d);
    const byRule = Object.fromEntries(comments(github).map((c) => [`${c.rule}:${c.lines[0]}`, c]));
    expect(byRule['template-marker:33']).toEqual({
      rule: 'template-marker',
      lines: [33, 33],
      suggestion: `${words(120)}\n`,
    });
    // The placeholder and the empty line after it: a two-line range, deleted by an empty suggestion.
    expect(byRule['placeholder-left:41']).toEqual({
      rule: 'placeholder-left',
      lines: [41, 42],
      suggestion: '',
    });
    expect(byRule['setext-heading:48']).toEqual({
      rule: 'setext-heading',
      lines: [48, 49],
      suggestion: `${LINES[47]}\n\n---\n`,
    });
    // The escape (a backslash) and the mention would be changed by neutralise: posted, without a suggestion.
    expect(byRule['answer-repeated:56']?.suggestion).toBeNull();
    expect(byRule['template-marker:63']?.suggestion).toBeNull();
    expect(LINES[62]).toContain('@dana');
  });

  it('should post nothing new on a rerun: the comments with suggestions are the same findings', async () => {
    const first = deps();
    await runAction(first.deps);
    const keys = first.github.threads.map((t) => findingKey(t.comments[0]?.body ?? ''));
    expect(keys.every(Boolean)).toBe(true);
    const second = deps({
      threads: first.github.threads,
      issueComments: first.github.issueComments,
      reviews: first.github.reviews,
    });
    const outcome = await runAction(second.deps);
    expect(second.github.calls.filter((c) => /^(create|update|resolve)/.test(c))).toEqual([]);
    expect(outcome.posting).toMatchObject({ inline: 0, body: 0, resolved: 0 });
  });

  it('should offer no suggestion for a report with \\r\\n line ends, and still post the findings', async () => {
    const { deps: d, github } = deps({}, REPORT.replace(/\n/g, '\r\n'));
    await runAction(d);
    expect(comments(github).length).toBeGreaterThan(3);
    expect(comments(github).every((c) => c.suggestion === null)).toBe(true);
  });

  it('should keep a finding whose fix lies outside the hunk inline, on its own lines, without a suggestion', async () => {
    // The hunk ends at line 41: the placeholder fix also deletes line 42.
    const { deps: d, github } = deps({
      files: [{ path: PATH, status: 'modified', previousPath: null, patch: '@@ -30,12 +30,12 @@\n+x' }],
    });
    await runAction(d);
    expect(comments(github).find((c) => c.rule === 'placeholder-left')).toEqual({
      rule: 'placeholder-left',
      lines: [41, 41],
      suggestion: null,
    });
  });
});
