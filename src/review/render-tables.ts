// The summary's parts that are plain tables and sentences of the result: counts, the course checker's outcome and
// the per-question table (used by the summary comment, the job summary and the action's outputs).
import type { Diagnostic } from '../diagnostic.js';
import { withOffBy as count } from '../output/off-by.js';
import { countSeverities } from '../output/severity-counts.js';
import { plural } from '../plural.js';
import type { CheckResult, QuestionSummary, Range } from '../result.js';
import { neutralise } from './neutralise.js';
import { omittedQuestions } from '../output/omitted-questions.js';

function range(r: Range | null): string {
  if (!r) return '—';
  return r.min === r.max ? `${r.min}` : `${r.min}–${r.max}`;
}

const STATUS_LABEL: Record<QuestionSummary['status'], string> = {
  ok: '✅ ok',
  fail: '❌ out of range',
  unanswered: '⏳ unanswered',
  missing: '❓ missing',
};

/** One line with the counts, e.g. "2 errors, 1 warning, 0 notices". */
export function renderCounts(diagnostics: readonly Diagnostic[]): string {
  const c = countSeverities(diagnostics);
  return `${plural(c.errors, 'error')}, ${plural(c.warnings, 'warning')}, ${plural(c.notices, 'notice')}`;
}

/** The course checker's predicted outcome as one markdown paragraph. */
export function renderCourseChecker(result: CheckResult): string {
  const cc = result.courseChecker;
  if (cc.outcome === 'pass') return 'The course checker (`report.py check`) would **pass** this report.';
  if (cc.outcome === 'crash') {
    return `The course checker (\`report.py check\`) would **crash** on this report${cc.reason ? `: ${neutralise(cc.reason)}` : '.'}`;
  }
  const qs = [...new Set(cc.failures.map((f) => f.question))].sort((a, b) => a - b);
  return `The course checker (\`report.py check\`) would **warn** about ${plural(qs.length, 'question')}: ${qs.join(', ')}.`;
}

/** The per-question table: words and images with their ranges, status, and whether the course checker warns. */
export function renderQuestionTable(result: CheckResult): string {
  const { failures } = result.courseChecker;
  if (result.questions.length === 0 && failures.length === 0) return '_No questions found._';
  const warned = new Set(failures.map((f) => `${f.question}:${f.kind}`));
  const mark = (q: number, kind: 'words' | 'images') => (warned.has(`${q}:${kind}`) ? ' ⚠️' : '');
  const rows = result.questions.map((q) => {
    const words = q.status === 'missing' ? '—' : `${count(q.words, q.wordRange)}${mark(q.number, 'words')}`;
    const images =
      q.status === 'missing' ? '—' : `${count(q.images, q.imageRange)}${mark(q.number, 'images')}`;
    return `| ${q.number} | ${words} | ${range(q.wordRange)} | ${images} | ${range(q.imageRange)} | ${STATUS_LABEL[q.status]} |`;
  });
  // Every question the course checker would warn about gets a row, even one the report model does not list.
  const listed = new Set(result.questions.map((q) => q.number));
  for (const f of failures.filter((x) => !listed.has(x.question))) {
    const cells =
      f.kind === 'words'
        ? `${count(f.got, f)} ⚠️ | ${range(f)} | — | —`
        : `— | — | ${count(f.got, f)} ⚠️ | ${range(f)}`;
    rows.push(`| ${f.question} | ${cells} | ❌ course checker warns |`);
  }
  const table = [
    '| Question | Words | Range | Images | Range | Status |',
    '| ---: | ---: | :---: | ---: | :---: | :--- |',
    ...rows,
  ].join('\n');
  return result.questionsOmitted ? `${table}\n\n${omittedQuestions(result.questionsOmitted)}` : table;
}
