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
  'backtick run at the end, no newline': (n) => fill(n, '`', HEAD, ''),
  'tilde run at the end, no newline': (n) => fill(n, '~', HEAD, ''),
  ...openerShapes(),
  'nested list markers on one line': (n) => fill(n, '- ', HEAD, 'x\n'),
  'ordered list markers on one line': (n) => fill(n, '1. ', HEAD, 'x\n'),
  'list items, one per line': (n) => fill(n, '- a\n'),
  'list items indented one more each line': (n) => {
    let text = HEAD;
    for (let i = 0; text.length + i + 4 < n; i++) text += `${' '.repeat(i % 200)}- a\n`;
    return text;
  },
  'quotes one deeper each line': (n) => {
    let text = HEAD;
    for (let i = 0; text.length + 2 * (i % 100) + 3 < n; i++) text += `${'> '.repeat(i % 100)}a\n`;
    return text;
  },
  'empty lines': (n) => fill(n, '\n'),
  'one-character lines': (n) => fill(n, 'a\n'),
  'CRLF line ends': (n) => fill(n, 'a\r\n'),
  'one long line of words': (n) => fill(n, 'word '),
  'image lines': (n) => fill(n, '![a](b.png)\n'),
  'image lines with a heading underline': (n) => fill(n, '![a](b.png)\n---\n'),
  'table rows': (n) => fill(n, '|a|b|\n', `${HEAD}|a|b|\n|-|-|\n`),
  '"Question 1" headings with answers': (n) => fill(n, '### Question 1\n\n> Answer: a\n\n', ''),
  'numbered question headings with answers': (n) => {
    let text = '';
    for (let i = 1; text.length < n - 40; i++) text += `### Question ${i}\n\n> Answer: a\n\n`;
    return text;
  },
  'template headings between "<img" runs': (n) =>
    fill(n, '<img<img<img<img\n\n## Overall project checklist\n\n### Question 2\n\n> Answer:\n\n'),
  'seeded mix of openers': (n) => seededMix(n, 20261202),
};

/** Every markdown construct's opener repeated on one line: each parser may try to close it at every position. */
function openerShapes() {
  const openers = [
    '[',
    '](',
    '<',
    '*',
    '_',
    '**a',
    '_a',
    '|',
    '&#',
    '&',
    '\\',
    '<!--',
    '-->',
    '<?',
    '<![CDATA[',
    '[a]:',
    '~',
    '$',
    '=',
    '```a`',
  ];
  return Object.fromEntries(
    openers.map((unit) => [`${JSON.stringify(unit)} repeated`, (n) => fill(n, unit)]),
  );
}

/** Units of markdown picked by a seeded generator (the same text on every run), up to `bytes`. */
function seededMix(bytes, seed) {
  const units = [
    '[',
    '](',
    '![',
    '<img ',
    '<a',
    '>',
    '`',
    '```\n',
    '*',
    '_',
    '|',
    '&#',
    '\\',
    '<!--',
    '- ',
    '1. ',
    '\n',
    '\n\n',
    '> ',
    '#',
    '---\n',
    'Answer:',
    ' ',
    'word',
    '\r',
    '\u2028',
    'ø',
  ];
  let state = seed >>> 0;
  const next = () => {
    // xorshift32: small, seeded, good enough to mix units.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x100000000;
  };
  const parts = [HEAD];
  let size = utf8(HEAD);
  for (;;) {
    const unit = units[Math.floor(next() * units.length)];
    const times = 1 + Math.floor(next() * next() * 2000);
    const piece = unit.repeat(times);
    if (size + utf8(piece) > bytes) break;
    parts.push(piece);
    size += utf8(piece);
  }
  return parts.join('');
}

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
