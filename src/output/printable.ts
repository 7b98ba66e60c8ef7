// C0/C1 controls (a report's text can carry ESC sequences that would repaint a teacher's terminal) and the
// bidirectional overrides used in "Trojan Source" tricks; tabs and line ends become spaces so a finding stays on one line.
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

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
  return printable(text.trim().replace(/[ \t]*[\r\n]+[ \t]*/g, ' '));
}
