import { EXPECTED_ANSWERS } from '../../src/parse/course-checker.js';
import type { Edition } from '../../src/result.js';

/** `count` distinct words, for answers of a given length. */
export function words(count: number): string {
  return Array.from({ length: count }, (_, i) => `word${i}`).join(' ');
}

/**
 * A report shaped like the course template of `edition`: intro, `### Question N` headings with a quoted prompt and
 * `> Answer:` line, and each answer (default: the untouched placeholder). 2023/2024 start with the front matter
 * their checker drops.
 */
export function makeReport(
  edition: Edition,
  answers: Record<number, string> = {},
  count = EXPECTED_ANSWERS[edition],
): string {
  const legacy = edition === '2023' || edition === '2024';
  const parts = [
    legacy ? '---\nlayout: default\nnav_exclude: true\n---\n\n' : '',
    '# Exam template for 02476 Machine Learning Operations\n\n',
  ];
  parts.push(
    'This is the report template. Please only remove the text formatted as with three dashes.\n\n## Group information\n\n',
  );
  for (let n = 1; n <= count; n++) {
    parts.push(
      `### Question ${n}\n> **Prompt of question ${n}?**\n>\n> Answer:\n\n${answers[n] ?? `--- question ${n} fill here ---`}\n\n`,
    );
  }
  return parts.join('');
}

/** Answers to every question of `edition` inside its ranges (images where asked). */
function passingAnswers(edition: Edition): Record<number, string> {
  const answers: Record<number, string> = {};
  for (let n = 1; n <= EXPECTED_ANSWERS[edition]; n++) answers[n] = words(60);
  answers[11] = words(210);
  const image = '![shot](figures/shot.png)';
  answers[14] = `${words(220)}\n\n${image}`;
  answers[19] = image;
  answers[20] = image;
  answers[21] = image;
  if (edition === '2023' || edition === '2024') {
    for (const n of [3, 4, 5, 8, 9, 10, 13, 15, 16, 18, 22, 23]) answers[n] = words(120);
    answers[25] = `${words(210)}\n\n${image}`;
    answers[26] = words(210);
  } else {
    for (const n of [3, 4, 5, 6, 8, 9, 10, 13, 15, 16, 18, 22, 23, 24, 25, 26, 27]) answers[n] = words(120);
    answers[29] = `${words(210)}\n\n${image}`;
    answers[30] = words(210);
  }
  return answers;
}

/** A report with every question answered inside its edition's ranges (images where asked). */
export function makePassingReport(edition: Edition): string {
  return makeReport(edition, passingAnswers(edition));
}

/** A passing 2026 report with the answers in `changes` instead. */
export function passingReportWith(changes: Record<number, string>): string {
  return makeReport('2026', { ...passingAnswers('2026'), ...changes });
}
