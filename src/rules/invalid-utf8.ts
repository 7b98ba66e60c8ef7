import { sectionAtLine } from '../parse/sections.js';
import { finding } from './finding.js';
import type { Rule } from './rule.js';

/** Bytes that are not valid UTF-8. */
export const invalidUtf8: Rule = {
  id: 'invalid-utf8',
  severity: 'warning',
  summary: 'bytes that are not UTF-8 (the checker crashes on them; the rest is still checked)',
  description:
    'The course checker reads the report as UTF-8 and crashes on any other byte (text pasted from a Latin-1 or Windows-1252 file, for example). report-check still checks the rest of the file and names each line with such bytes (the first under course-checker-crash, with the crash it causes). Save the file as UTF-8.',
  bad: 'Caf\\xe9 (the byte 0xE9 alone, as Latin-1 writes "é")',
  good: 'Café (saved as UTF-8)',
  fixable: false,
  check: ({ model, invalidUtf8Lines }, earlier) => {
    // course-checker-crash names the first such line already, with the crash it causes.
    const named = new Set(earlier.filter((f) => f.ruleId === 'course-checker-crash').map((f) => f.line));
    return invalidUtf8Lines
      .filter((line) => !named.has(line))
      .map((line) =>
        finding({
          ruleId: 'invalid-utf8',
          severity: 'warning',
          message: `Line ${line} has bytes that are not valid UTF-8, on which the course checker crashes; save the file as UTF-8.`,
          line,
          question: sectionAtLine(model, line),
          identity: { question: null, key: String(line) },
        }),
      );
  },
};
