// C0/C1 controls (a report's text can carry ESC sequences that would repaint a teacher's terminal) and the
// bidirectional overrides, isolates and marks used in "Trojan Source" tricks, and the line and paragraph separators
// (a line break to some viewers); tabs and line ends become spaces so a finding stays on one line.
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Makes text safe to print as one terminal line: line ends and tabs become spaces, other controls `\u{..}`. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (char) =>
    char === '\n' || char === '\r' || char === '\t'
      ? ' '
      : `\\u{${char.codePointAt(0)?.toString(16).padStart(4, '0')}}`,
  );
}

/** Text folded onto one printable line: each line break and the spaces around it become one space. */
export function oneLine(text: string): string {
  // Split and trim instead of `/[ \t]*[\r\n]+[ \t]*/g`, which retried every space of a long run of spaces.
  const lines = text.trim().split(/[\r\n]+/);
  return printable(lines.map((line, i) => trimBlanks(line, i > 0, i < lines.length - 1)).join(' '));
}

/** `line` without the spaces and tabs at its start (`start`) and at its end (`end`). */
function trimBlanks(line: string, start: boolean, end: boolean): string {
  let s = 0;
  let e = line.length;
  while (start && s < e && (line[s] === ' ' || line[s] === '\t')) s++;
  while (end && e > s && (line[e - 1] === ' ' || line[e - 1] === '\t')) e--;
  return line.slice(s, e);
}
