// Adversarial report shapes: text that made a backtracking regular expression or a quadratic loop take seconds to
// minutes (issue 8), each filled to a given size. Shared by the unit tests (each must finish) and `npm run bench`
// (which prints the worst time per MiB).
import { Buffer } from 'node:buffer';

const HEAD = '### Question 1\n\n> Answer:\n\n';

const utf8 = (text) => Buffer.byteLength(text, 'utf8');

/** Repeats `unit` until the whole text (with `head` and `tail`) is at most `bytes` long in UTF-8. */
function fill(bytes, unit, head = HEAD, tail = '\n') {
  const count = Math.max(1, Math.floor((bytes - utf8(head) - utf8(tail)) / utf8(unit)));
  return head + unit.repeat(count) + tail;
}

/** Name → a report of at most `bytes` bytes of UTF-8. */
export const ADVERSARIAL_SHAPES = {
  'heading of spaces before U+2028': (n) => fill(n, ' ', `${HEAD}#`, '\u2028x\n'),
  'heading text, spaces, closing hashes, U+2028': (n) => fill(n, ' ', `${HEAD}# a`, '###\u2028\n'),
  'dashes between letters': (n) => fill(n, '-', `${HEAD}a`, 'b\n'),
  'spaced dashes between letters': (n) => fill(n, ' -', `${HEAD}a`, 'b\n'),
  '"![" repeated': (n) => fill(n, '!['),
  '"![a](" repeated': (n) => fill(n, '![a]('),
  '"<a" repeated': (n) => fill(n, '<a'),
  '"<img src=a " repeated': (n) => fill(n, '<img src=a '),
  '"<img" repeated, one ">" at the end': (n) => fill(n, '<img', HEAD, '>\n'),
  'unclosed fences': (n) => fill(n, '```x\n'),
  'backtick run, no closing': (n) => fill(n, '`', HEAD, 'x\n'),
  'backtick runs of every length': (n) => {
    let text = HEAD;
    for (let i = 1; text.length + i + 1 < n; i++) text += `${'`'.repeat(i)}a`;
    return text;
  },
  'spaces then U+2028': (n) => fill(n, ' ', `${HEAD}a`, '\u2028b\n'),
  '"Answer:" repeated': (n) => fill(n, 'Answer:'),
  'lone carriage returns': (n) => fill(n, '\r'),
  'quote markers': (n) => fill(n, '> ', HEAD, 'x\n'),
  'empty quote lines': (n) => fill(n, '>\n'),
  '"---" and spaces without a placeholder': (n) => fill(n, ' ', `${HEAD}---`, 'x'),
  'tag with many attributes': (n) => fill(n, ' b="', `${HEAD}<a`),
  'image, then "[" repeated': (n) => fill(n, '[', `${HEAD}![x]\n`),
  'image lines in one block': (n) => fill(n, '![a](b.png)\n', HEAD, '`\n'),
  'query marks in an image path': (n) => fill(n, '?', `${HEAD}![a](<`, '\u2028>)\n'),
  hashes: (n) => fill(n, '#'),
};

/** One-line strings for the functions that echo student text (messages, code spans). */
export const ADVERSARIAL_LINES = {
  'spaces then a line break': (n) => `a${' '.repeat(n - 3)}\nb`,
  'backtick runs of every length': (n) => {
    let text = '';
    for (let i = 1; text.length + i + 1 < n; i++) text += `${'`'.repeat(i)}a`;
    return text;
  },
  'unclosed backtick runs': (n) => '`a``'.repeat(Math.floor(n / 4)),
  '"<!--" repeated': (n) => '<!--'.repeat(Math.floor(n / 4)),
};
