import type { Diagnostic, Fix } from '../diagnostic.js';
import type { CourseCheckerFailure, CourseCheckerVerdict } from '../result.js';
import { applyFixes, type Applied } from './apply.js';

/** A fix with the finding it fixes. */
export type FindingFix = Fix & { finding: Pick<Diagnostic, 'question'> };

/** A fix left out because the course checker would fail, or crash on, the fixed report where it did not before. */
export interface HeldFix<F extends FindingFix> {
  fix: F;
  /** What the checker would do after it: `Question 4 (words)`, or `crash`. */
  because: string;
}

/** What {@link fixesKeepingVerdict} applies, and what it holds back. */
export interface KeptVerdict<F extends FindingFix> extends Applied<F> {
  held: HeldFix<F>[];
}

/** A failure's question and range kind, as one key. */
const failureKey = (f: CourseCheckerFailure): string => `${f.question}:${f.kind}`;

/** "Question 4 (words)", "Question 4 (words, images), Question 9 (images)". */
function describeFailures(failures: readonly CourseCheckerFailure[]): string {
  const kinds = new Map<number, string[]>();
  for (const f of failures) kinds.set(f.question, [...(kinds.get(f.question) ?? []), f.kind]);
  return [...kinds].map(([question, of]) => `Question ${question} (${of.join(', ')})`).join(', ');
}

/**
 * {@link applyFixes} of the fixes that leave the course checker's verdict no worse than `before`: a fix never
 * makes a question fail that passed, nor makes the checker crash. A template marker that the checker counted as
 * two words can be what keeps an answer at its minimum (`--- 99 words ---` is 101 words to it); removing it makes
 * the report cleaner and the grade worse, so it is held back and the student decides. The fixed text is checked
 * again (`recheck`, the same engine): the fixes of each newly failing question are held, and the rest checked
 * again, until nothing new fails (a new crash, or a text `recheck` cannot check, holds every fix). A report the
 * checker crashes on already can get no worse. Linear in the fixes times the questions they touch; a report has
 * at most a few dozen.
 */
export function fixesKeepingVerdict<F extends FindingFix>(
  text: string,
  fixes: readonly F[],
  before: CourseCheckerVerdict,
  recheck: (text: string) => CourseCheckerVerdict | null,
): KeptVerdict<F> {
  const failing = new Set(before.failures.map(failureKey));
  let chosen = [...fixes];
  const held: HeldFix<F>[] = [];
  for (;;) {
    const out = applyFixes(text, chosen);
    if (out.applied.length === 0 || before.outcome === 'crash') return { ...out, held };
    const after = recheck(out.text);
    if (!after || after.outcome === 'crash') {
      for (const fix of chosen) held.push({ fix, because: 'crash' });
      chosen = [];
      continue;
    }
    const newly = after.failures.filter((f) => !failing.has(failureKey(f)));
    if (newly.length === 0) return { ...out, held };
    const questions = new Set(newly.map((f) => f.question));
    const own = chosen.filter((fix) => questions.has(fix.finding.question ?? -1));
    // Fixes of no newly failing question changed it (one fix's edits reach into another answer): hold them all.
    const holding = own.length > 0 ? own : chosen;
    for (const fix of holding) {
      const its = newly.filter((f) => f.question === fix.finding.question);
      held.push({ fix, because: describeFailures(its.length > 0 ? its : newly) });
    }
    chosen = chosen.filter((fix) => !holding.includes(fix));
  }
}
