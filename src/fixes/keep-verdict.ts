import type { Diagnostic, Fix } from '../diagnostic.js';
import type { CourseCheckerVerdict } from '../result.js';
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

/** The checker's failures as keys (`4:words`), or only `crash`. */
function failureKeys(verdict: CourseCheckerVerdict): Set<string> {
  if (verdict.outcome === 'crash') return new Set(['crash']);
  return new Set(verdict.failures.map((f) => `${f.question}:${f.kind}`));
}

/**
 * {@link applyFixes} of the fixes that leave the course checker's verdict no worse than `before`: a fix never
 * makes a question fail that passed, nor makes the checker crash. A template marker that the checker counted as
 * two words can be what keeps an answer at its minimum (`--- 99 words ---` is 101 words to it); removing it makes
 * the report cleaner and the grade worse, so it is held back and the student decides. The fixed text is checked
 * again (`recheck`, the same engine): the fixes of each newly failing question are held, and the rest checked
 * again, until nothing new fails (a new crash holds every fix). A text `recheck` cannot check gets no fixes.
 * Linear in the fixes times the questions they touch; a report has at most a few dozen.
 */
export function fixesKeepingVerdict<F extends FindingFix>(
  text: string,
  fixes: readonly F[],
  before: CourseCheckerVerdict,
  recheck: (text: string) => CourseCheckerVerdict | null,
): KeptVerdict<F> {
  const baseline = failureKeys(before);
  let chosen = [...fixes];
  const held: HeldFix<F>[] = [];
  for (;;) {
    const out = applyFixes(text, chosen);
    if (out.applied.length === 0) return { ...out, held };
    const after = recheck(out.text);
    const worse = after ? [...failureKeys(after)].filter((key) => !baseline.has(key)) : ['unchecked'];
    if (worse.length === 0) return { ...out, held };
    const questions = new Set(worse.map((key) => Number(key.split(':')[0])));
    const crashes = worse.includes('crash') || worse.includes('unchecked');
    const hold = chosen.filter((fix) => crashes || questions.has(fix.finding.question ?? -1));
    // Fixes of no newly failing question changed it (one fix's edits reach into another answer): hold them all.
    const holding = hold.length > 0 ? hold : chosen;
    for (const fix of holding) {
      const question = fix.finding.question;
      const kinds = worse.filter((key) => key.startsWith(`${question}:`)).map((key) => key.split(':')[1]);
      held.push({
        fix,
        because: crashes
          ? 'crash'
          : kinds.length > 0
            ? `Question ${question} (${kinds.join(', ')})`
            : worse.map((key) => `Question ${key.split(':').join(' (')})`).join(', '),
      });
    }
    chosen = chosen.filter((fix) => !holding.includes(fix));
  }
}
