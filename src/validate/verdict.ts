import type { CheckerReading } from '../parse/course-checker.js';
import type { CourseCheckerFailure, CourseCheckerVerdict } from '../result.js';
import type { Constraints } from './constraints.js';

/** The course checker's outcome: crash (bad bytes or answer count), else a warning per range it finds broken. */
export function predictVerdict(
  reading: CheckerReading,
  builtin: Constraints,
  invalidUtf8Lines: readonly number[],
): CourseCheckerVerdict {
  if (invalidUtf8Lines.length > 0) {
    return {
      outcome: 'crash',
      failures: [],
      reason: `UnicodeDecodeError: 'utf-8' codec can't decode the bytes on line ${invalidUtf8Lines[0]}`,
    };
  }
  if (reading.crash) return { outcome: 'crash', failures: [], reason: reading.crash };
  const failures: CourseCheckerFailure[] = [];
  reading.answers.forEach((answer, index) => {
    const ranges = builtin.ranges.get(index + 1);
    for (const kind of ['words', 'images'] as const) {
      const range = ranges?.[kind];
      const got = answer[kind];
      if (range && (got < range.min || got > range.max)) {
        failures.push({ question: index + 1, kind, min: range.min, max: range.max, got });
      }
    }
  });
  return { outcome: failures.length ? 'fail' : 'pass', failures, reason: null };
}
