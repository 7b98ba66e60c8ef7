import { omittedQuestions } from './omitted-questions.js';
import type { CheckResult, QuestionSummary, Range } from '../result.js';
import { formatOffBy } from './off-by.js';
import { printable } from './printable.js';
import { formatTextSummary, type TextOptions } from './text.js';

const STATUS_TEXT: Record<QuestionSummary['status'], string> = {
  ok: 'ok',
  fail: 'out of range',
  unanswered: 'unanswered',
  missing: 'missing',
};

const STATUS_COLOR: Record<QuestionSummary['status'], string> = {
  ok: '\u001b[32m',
  fail: '\u001b[31m',
  unanswered: '\u001b[34m',
  missing: '\u001b[33m',
};

function rangeText(range: Range | null): string {
  if (!range) return 'any';
  if (range.min === range.max) return `${range.min}`;
  return range.max === Number.POSITIVE_INFINITY ? `${range.min}+` : `${range.min}–${range.max}`;
}

/** `187/200–300 (-13)`: a count over its range, with how far out of it; `—` for a question the report lacks. */
function budget(question: QuestionSummary, value: number, range: Range | null): string {
  if (question.status === 'missing') return `—/${rangeText(range)}`;
  const by = formatOffBy(value, range);
  return `${value}/${rangeText(range)}${by === '' ? '' : ` ${by}`}`;
}

/**
 * `report-check --summary`: the word budget at a glance, one line per question (number, words/range,
 * images/range, status) and no findings, then the report's summary line; ends with a newline.
 */
export function formatTextQuestions(result: CheckResult, options: TextOptions): string {
  const rows = result.questions.map((q) => [
    `${q.number}`,
    budget(q, q.words, q.wordRange),
    budget(q, q.images, q.imageRange),
    q.status,
  ]);
  const header = ['question', 'words', 'images', 'status'];
  // A loop, not Math.max(...): a report can have tens of thousands of question headings (too many arguments).
  const width = (column: number) =>
    [header, ...rows].reduce((widest, row) => Math.max(widest, (row[column] ?? '').length), 0);
  const [numberWidth, wordsWidth, imagesWidth] = [width(0), width(1), width(2)];
  const line = (cells: string[], status: string) =>
    `  ${(cells[0] ?? '').padStart(numberWidth)}  ${(cells[1] ?? '').padEnd(wordsWidth)}  ${(cells[2] ?? '').padEnd(imagesWidth)}  ${status}`;
  const lines = [printable(result.path)];
  if (rows.length === 0) lines.push('  no questions found');
  else lines.push(line(header, header[3] ?? ''));
  for (const row of rows) {
    const status = row[3] as QuestionSummary['status'];
    const text = STATUS_TEXT[status];
    lines.push(line(row, options.color ? `${STATUS_COLOR[status]}${text}\u001b[0m` : text));
  }
  if (result.questionsOmitted) lines.push(`  ${omittedQuestions(result.questionsOmitted)}`);
  lines.push(formatTextSummary(result, options));
  return `${lines.join('\n')}\n`;
}
