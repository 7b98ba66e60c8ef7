import { plural } from '../plural.js';
import { printable } from '../output/printable.js';
import { cellText } from './group.js';
import { checkerText, questionNumbers, rowChangeText, scraperText, type CohortRow } from './columns.js';
import type { CohortSummary } from './summary.js';

/** Options for {@link formatCohortText}. */
export interface CohortTextOptions {
  /** Terminal width; the table is fitted to it. Infinity (a pipe or file) prints every column in full. */
  width: number;
}

/** The shortest the group column gets before question cells give way to a list of failing questions. */
const MIN_SOURCE_WIDTH = 16;
const GAP = '  ';

function truncate(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, Math.max(0, width - 1)).join('')}…`;
}

function pad(text: string, width: number, right = false): string {
  const length = [...text].length;
  const fill = ' '.repeat(Math.max(0, width - length));
  return right ? fill + text : text + fill;
}

function failingList(row: CohortRow): string {
  const failing = (row.questions ?? []).filter(
    (q) => q.status === 'short' || q.status === 'long' || q.status === 'fail',
  );
  return failing.map((q) => `Q${q.number} ${cellText(q)}`).join(', ') || '—';
}

/** The fixed columns' headers: everything before the question cells. */
function fixedHeaders(compared: boolean): string[] {
  return ['group', 'ed.', 'checker', 'scraper', 'E', 'W', 'N', 'ans.', ...(compared ? ['change'] : [])];
}

/** A row's fixed cells; an unreadable source has only its name (its reason takes the rest of the line). */
function fixedCells(row: CohortRow, compared: boolean): string[] {
  if (row.error !== null) return [printable(row.source)];
  return [
    printable(row.source),
    row.edition ?? '',
    checkerText(row),
    scraperText(row),
    String(row.summary?.errors ?? ''),
    String(row.summary?.warnings ?? ''),
    String(row.summary?.notices ?? ''),
    `${row.answered}/${row.questionCount}`,
    ...(compared ? [rowChangeText(row)] : []),
  ];
}

function questionCell(row: CohortRow, n: number): string {
  const question = row.questions?.find((q) => q.number === n);
  return question ? cellText(question) : '';
}

/** The fewest characters the failing-questions list gets. */
const MIN_LIST_WIDTH = 10;
/** The narrowest the group column gets when even the list of failing questions does not fit beside the rest. */
const MIN_SHORT_SOURCE = 8;

/** Columns whose text may be cut short (with `…`) to fit a narrow terminal; the counts never are. */
const SHORTENED = new Set(['group', 'ed.', 'checker', 'scraper', 'change']);

/**
 * `widths` with the {@link SHORTENED} columns narrowed until the columns and their gaps take at most `room`
 * characters, or cannot be narrowed further: first the widest of the others, a character at a time down to their
 * header, then the group column, which tells the rows apart, down to {@link MIN_SHORT_SOURCE}. A group's full
 * row is in `--format csv`, `json` and `html`.
 */
function shrinkToFit(headers: readonly string[], widths: readonly number[], room: number): number[] {
  const out = [...widths];
  let over = out.reduce((sum, w) => sum + w + GAP.length, 0) - room;
  while (over > 0) {
    let widest = -1;
    for (let c = 1; c < out.length; c++) {
      const header = headers[c] as string;
      if (SHORTENED.has(header) && (out[c] as number) > header.length)
        if (widest === -1 || (out[c] as number) > (out[widest] as number)) widest = c;
    }
    if (widest === -1) break;
    out[widest] = (out[widest] as number) - 1;
    over -= 1;
  }
  if (over > 0) out[0] = Math.max(Math.min(MIN_SHORT_SOURCE, out[0] as number), (out[0] as number) - over);
  return out;
}

/** `text` broken at spaces into lines of at most `width` characters (a longer word keeps a line of its own). */
function wrap(text: string, width: number): string[] {
  if (!Number.isFinite(width) || [...text].length <= width) return [text];
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && [...line].length + 1 + [...word].length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  lines.push(line);
  return lines;
}

/** How the table fits the width: column widths, and whether the question cells fit or give way to a list. */
interface Layout {
  widths: number[];
  sourceWidth: number;
  questionWidths: number[];
  perQuestion: boolean;
  /** Room for the failing-questions list when the cells do not fit. */
  rest: number;
}

function fitLayout(
  headers: readonly string[],
  table: readonly string[][],
  rows: readonly CohortRow[],
  numbers: readonly number[],
  width: number,
): Layout {
  const widths = headers.map((header, c) =>
    Math.max(
      header.length,
      ...table.filter((cells) => cells.length > c).map((cells) => [...(cells[c] as string)].length),
    ),
  );
  const questionWidths = numbers.map((n) =>
    Math.max(`Q${n}`.length, ...rows.map((row) => questionCell(row, n).length)),
  );
  const fixedWidth = (sourceWidth: number) =>
    [sourceWidth, ...widths.slice(1)].reduce((sum, w) => sum + w + GAP.length, 0);
  const questionsWidth = questionWidths.reduce((sum, w) => sum + w + 1, 0);
  const sourceWanted = widths[0] as number;
  let sourceWidth = sourceWanted;
  let perQuestion = fixedWidth(sourceWidth) + questionsWidth <= width;
  if (!perQuestion) {
    // Shorten long group names before giving up the question cells.
    const room = width - (fixedWidth(0) + questionsWidth);
    if (room >= MIN_SOURCE_WIDTH) {
      sourceWidth = Math.min(sourceWanted, room);
      perQuestion = true;
    } else {
      sourceWidth = Math.min(sourceWanted, Math.max(MIN_SOURCE_WIDTH, Math.floor(width / 3)));
    }
  }
  if (!perQuestion && Number.isFinite(width)) {
    const fitted = shrinkToFit(headers, [sourceWidth, ...widths.slice(1)], width - MIN_LIST_WIDTH);
    sourceWidth = fitted[0] as number;
    widths.splice(1, widths.length - 1, ...fitted.slice(1));
  }
  const rest = Number.isFinite(width) ? Math.max(MIN_LIST_WIDTH, width - fixedWidth(sourceWidth)) : Infinity;
  return { widths, sourceWidth, questionWidths, perQuestion, rest };
}

/** The lines under the table: the totals, the changes since the last run, and the legend. */
function summaryLines(summary: CohortSummary): string[] {
  const { pass, fail, crash } = summary.courseChecker;
  const out = [
    `${plural(summary.groups, 'group')}: course checker ${pass} pass, ${fail} fail, ${crash} crash` +
      `${summary.unreadable ? `; ${summary.unreadable} could not be read` : ''}` +
      `${summary.unchecked ? `; image checks could not run for ${plural(summary.unchecked, 'group')}` : ''}` +
      `; the grading scraper (${summary.scraper.checkerEdition} checker) records 0 warnings for ${plural(summary.scraper.crashRecordedAsZero, 'crashing report')}` +
      `${summary.scraper.disagreeing ? `; its record differs from the truth for ${plural(summary.scraper.disagreeing, 'group')}` : ''}`,
  ];
  if (summary.changes) {
    const parts = Object.entries(summary.changes)
      .filter(([status]) => status !== 'unchanged')
      .map(([status, count]) => `${count} ${status}`);
    out.push(`since the previous run: ${parts.length ? parts.join(', ') : 'no group changed its outcome'}`);
  }
  out.push(
    'cells: ok; -Nw / +Nw words short / over the range; -Ni / +Ni images; — unanswered; ? missing. ' +
      "checker: the course checker of the report's own edition; scraper: num_warnings the grading scraper records.",
  );
  return out;
}

const NUMERIC = new Set(['E', 'W', 'N', 'ans.']);

/**
 * The cohort as a text table, one row per group, fitted to `width`: the group, edition, the course checker's
 * outcome (own edition), what the grading scraper records, errors / warnings / notices, questions answered, the
 * change since the last run, and a cell per question; when those do not fit, the failing questions as a list.
 */
export function formatCohortText(
  rows: readonly CohortRow[],
  summary: CohortSummary,
  options: CohortTextOptions,
): string {
  const numbers = questionNumbers(rows);
  const compared = rows.some((row) => row.change);
  const headers = fixedHeaders(compared);
  const table = rows.map((row) => fixedCells(row, compared));
  const { widths, sourceWidth, questionWidths, perQuestion, rest } = fitLayout(
    headers,
    table,
    rows,
    numbers,
    options.width,
  );
  const line = (cells: string[], tail: string) => {
    const fixed = cells
      .map((text, c) => {
        const width = c === 0 ? sourceWidth : (widths[c] as number);
        return pad(truncate(text, width), width, NUMERIC.has(headers[c] as string));
      })
      .join(GAP);
    return `${fixed}${GAP}${tail}`.trimEnd();
  };
  const questionTail = (texts: string[]) =>
    texts.map((text, i) => pad(text, questionWidths[i] as number, true)).join(' ');
  const listHeader = rest >= 'failing questions'.length ? 'failing questions' : 'failing';
  const out = [line(headers, perQuestion ? questionTail(numbers.map((n) => `Q${n}`)) : listHeader)];
  for (const [index, row] of rows.entries()) {
    const cells = table[index] as string[];
    if (row.error !== null) {
      out.push(
        truncate(
          `${pad(truncate(cells[0] as string, sourceWidth), sourceWidth)}${GAP}could not read: ${printable(row.error)}`,
          options.width,
        ),
      );
      continue;
    }
    const tail = perQuestion
      ? questionTail(numbers.map((n) => questionCell(row, n)))
      : truncate(failingList(row), rest);
    out.push(line(cells, tail));
  }
  // A row whose image checks did not run counts no missing figure: said under the table, group by group.
  const unchecked = rows.flatMap((row) =>
    row.unchecked === null
      ? []
      : [`${printable(row.source)}: image checks not run: ${printable(row.unchecked)}`],
  );
  const footer = [...unchecked, ...summaryLines(summary)].flatMap((text) => wrap(text, options.width));
  return `${[...out, '', ...footer].join('\n')}\n`;
}
