import { readFileSync } from 'node:fs';
import { applyPatch } from 'diff';
import { checkReport } from '../src/check.js';
import type { Edition } from '../src/result.js';
import {
  gateProblems,
  isEmptyAnswer,
  pythonAnswers,
  sectionAnswer,
  verdictProblems,
  type OracleVerdict,
} from './support/differential.js';

/**
 * A fixed sample of the differential test (scripts/differential.mjs): student-like edits of the course's
 * templates filled with answers, each with the verdict the real `report.py check` of its edition gave. A fresh
 * clone runs it without Python or the corpus.
 */
interface SampleEdit {
  name: string;
  base: string;
  edition: Edition;
  strict: boolean;
  patch: string;
  finish: 'crlf' | 'bom' | 'trailing-newline-removed' | 'lone-cr' | null;
  verdict: OracleVerdict;
}

const sample = JSON.parse(
  readFileSync(new URL('./fixtures/differential/sample.json', import.meta.url), 'utf8'),
) as { bases: Record<string, string>; edits: SampleEdit[] };

const FINISHES = {
  crlf: (text: string) => text.replace(/\n/g, '\r\n'),
  bom: (text: string) => `\ufeff${text}`,
  'trailing-newline-removed': (text: string) => text.replace(/\n+$/, ''),
  'lone-cr': (text: string) => text.replace(/\n/g, '\r'),
};

function editedText(edit: SampleEdit): string {
  const patched = applyPatch(sample.bases[edit.base] ?? '', edit.patch);
  if (patched === false) throw new Error(`the patch of ${edit.name} does not apply to ${edit.base}`);
  return edit.finish ? FINISHES[edit.finish](patched) : patched;
}

describe('the differential sample', () => {
  it('should hold edits of every edition and every verdict', () => {
    expect(new Set(sample.edits.map((e) => e.edition))).toEqual(new Set(['2023', '2024', '2025', '2026']));
    const outcomes = new Set(
      sample.edits.map((e) =>
        e.verdict.status === 'crash' ? 'crash' : e.verdict.failures.length ? 'fail' : 'pass',
      ),
    );
    expect(outcomes).toEqual(new Set(['pass', 'fail', 'crash']));
  });

  it.each(sample.edits.map((edit) => [edit.name, edit] as const))(
    'should agree with the course checker on %s',
    (_name, edit) => {
      const text = editedText(edit);
      for (const strict of [false, true]) {
        const result = checkReport({ path: 'reports/README.md', content: text, strict });
        expect({ strict, problems: verdictProblems(result, edit.verdict) }).toEqual({ strict, problems: [] });
        expect({ strict, problems: gateProblems(result, edit.verdict, text, edit.edition, strict) }).toEqual({
          strict,
          problems: [],
        });
      }
    },
  );
});

describe('the differential yardstick', () => {
  it('should cut answers as the 2025/2026 checker does: after each Answer:, up to the first ### or ##', () => {
    const text = 'intro Answer: one\n### Q2\nAnswer: two ## cut\n### Q3\nAnswer: three\n### trailing';
    expect(pythonAnswers(text, '2026')).toEqual([' one', ' two ', ' three', ' three\n### trailing']);
  });

  it('should drop 43 characters and the first chunk for 2023/2024', () => {
    const text = `${'x'.repeat(43)}intro ### a Answer: one\n### b Answer: two`;
    expect(pythonAnswers(text, '2024')).toEqual([' one', ' two']);
  });

  it('should call an answer empty when it holds only the placeholder, markers and quote marks', () => {
    expect(isEmptyAnswer('--- question 3 fill here ---')).toBe(true);
    expect(isEmptyAnswer('> \n---\n')).toBe(true);
    expect(isEmptyAnswer('--- We used docker ---')).toBe(false);
  });

  it("should read a question's own answer under its heading, skipping heading lines inside it", () => {
    const text =
      '### Question 7\n> prompt\n> Answer:\n\n# Question 7\n\nreal words\n\n### Question 8\n> Answer:\n';
    expect(sectionAnswer(text, 7)).toBe('\n\n\nreal words\n');
    expect(sectionAnswer(text, 9)).toBeNull();
  });

  it('should end an answer where a duplicated or renamed question with its own Answer: starts', () => {
    const duplicated =
      '### Question 24\n> Answer:\n\nours\n\n### Question 24\n\n> **prompt words**\n> Answer:\n';
    expect(sectionAnswer(duplicated, 24)).toBe('\n\nours\n');
    const renamed =
      '### Question 14\n> Answer:\n\n--- question 14 fill here ---\n\n### Q15\n\n> **Docker?**\n> Answer:\n';
    expect(isEmptyAnswer(sectionAnswer(renamed, 14) ?? 'x')).toBe(true);
  });

  it('should read the copy of a question that a finding stands in, and indented headings', () => {
    const twice =
      '### Question 28\n> Answer:\n\nours\n\n### Question 28\n> Answer:\n\n--- question 28 fill here ---\n';
    expect(sectionAnswer(twice, 28)).toBe('\n\nours\n');
    expect(isEmptyAnswer(sectionAnswer(twice, 28, 9) ?? 'x')).toBe(true);
    const indented = '### Question 2\n> Answer:\n\n\n  ### Question 3\n> **prompt words**\n> Answer:\n';
    expect(isEmptyAnswer(sectionAnswer(indented, 2) ?? 'x')).toBe(true);
  });

  it('should flag a failed question without an error, and an answered question called unanswered', () => {
    const text = '### Question 1\n> Answer:\n\nsome words\n';
    const result = checkReport({ path: 'r.md', content: text, edition: '2026' });
    const verdict: OracleVerdict = {
      status: 'ok',
      error: null,
      failures: [{ question: 1, kind: 'words', min: 5, max: 9, got: 2 }],
    };
    const problems = gateProblems(
      {
        ...result,
        diagnostics: [{ ...result.diagnostics[0]!, ruleId: 'unanswered', question: 1, severity: 'notice' }],
      },
      verdict,
      text,
      '2026',
      false,
    );
    expect(problems).toEqual([
      'the checker fails Question 1 but no error names it (notice unanswered)',
      'Question 1 is called unanswered, but its answer has words',
    ]);
  });
});
