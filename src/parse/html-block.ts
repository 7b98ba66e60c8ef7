// Where CommonMark HTML blocks start and end, read by character for scanLines' fast paths (scan-lines.ts):
// readLine (scan-patterns.ts) decides the same starts by its patterns, and the tests compare the two.
import { isDigitCode } from './linear-scan.js';
import { isJsSpace } from './line-slots.js';
import { BLOCK_TAG_NAMES, RAW_TEXT_TAG_NAMES } from './scan-patterns.js';

/** Whether the character at `i` is whitespace to JavaScript's `\s`. */
const isSpaceAt = (text: string, i: number): boolean => isJsSpace(text.charCodeAt(i));

/** The tag names of CommonMark HTML blocks of type 6 (lower case), and of type 1 (raw text). */
const BLOCK_TAGS = new Set(BLOCK_TAG_NAMES);
const RAW_TEXT_TAGS = new Set(RAW_TEXT_TAG_NAMES);
const LONGEST_TAG = 10;

/**
 * The CommonMark type (1–6) of the HTML block that the `<` at `lt` (after at most three spaces or tabs) starts on
 * the line that ends at `end`, or 0 for none, as readLine's HTML_BLOCK_1_TO_6 and htmlBlockType decide (ASCII
 * letters in any case), without compiling that long case-blind pattern.
 */
export function startsHtmlBlock(text: string, lt: number, end: number): number {
  let i = lt + 1;
  const c = text.charCodeAt(i);
  if (c === 0x3f) return i < end ? 3 : 0;
  if (c === 0x21) {
    if (text.startsWith('--', i + 1)) return 2;
    const next = text.charCodeAt(i + 1) | 0x20;
    if (next >= 0x61 && next <= 0x7a && i + 1 < end) return 4;
    // `<![CDATA[`, its letters in any case (`|0x20` lowers an ASCII letter and makes no other character one).
    for (let k = 0; k < 7; k++) {
      const code = text.charCodeAt(i + 1 + k);
      if ((k === 0 || k === 6 ? code : code | 0x20) !== '[cdata['.charCodeAt(k)) return 0;
    }
    return i + 8 <= end ? 5 : 0;
  }
  const closing = c === 0x2f;
  if (closing) i++;
  const name = i;
  for (let n = text.charCodeAt(i); i < end && i - name <= LONGEST_TAG; n = text.charCodeAt(++i)) {
    const letter = n | 0x20;
    if (!(letter >= 0x61 && letter <= 0x7a) && !isDigitCode(n)) break;
  }
  if (i === name || i - name > LONGEST_TAG) return 0;
  const tag = text.slice(name, i).toLowerCase();
  const ends = i === end || text.charCodeAt(i) === 0x3e || isSpaceAt(text, i);
  if (ends && !closing && RAW_TEXT_TAGS.has(tag)) return 1;
  return BLOCK_TAGS.has(tag) && (ends || text.charCodeAt(i) === 0x2f) ? 6 : 0;
}

/**
 * Whether the line `text[start, end)` meets the end condition of an HTML block of CommonMark type `type` (1–5):
 * it holds `</script>`, `</pre>`, `</style>` or `</textarea>` (any case), `-->`, `?>`, `>` or `]]>`. The line is
 * cut out first, so that a search never runs past it (a long unclosed comment would otherwise cost each of its
 * lines the rest of the report).
 */
export function endsHtmlBlock(text: string, start: number, end: number, type: number): boolean {
  const line = text.slice(start, end);
  switch (type) {
    case 1: {
      if (!line.includes('</')) return false;
      const lower = line.toLowerCase();
      return RAW_TEXT_TAG_NAMES.some((tag) => lower.includes(`</${tag}>`));
    }
    case 2:
      return line.includes('-->');
    case 3:
      return line.includes('?>');
    case 4:
      return line.includes('>');
    case 5:
      return line.includes(']]>');
    default:
      return false;
  }
}
