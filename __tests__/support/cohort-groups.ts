import { checkReport } from '../../src/check.js';
import { failedGroup, NEWEST_EDITION, toGroup, type CohortGroup } from '../../src/cohort/group.js';
import { makePassingReport, makeReport, words } from './report.js';

/** A passing report of the 2025/2026 template with some answers replaced. */
export function reportWith(changes: Record<number, string>, edition: '2023' | '2025' = '2025'): string {
  const passing = makePassingReport(edition);
  const answers: Record<number, string> = {};
  const sections = passing.split(
    /^### Question (\d+)\n> \*\*Prompt of question \d+\?\*\*\n>\n> Answer:\n\n/m,
  );
  for (let i = 1; i < sections.length; i += 2) {
    answers[Number(sections[i])] = (sections[i + 1] as string).replace(/\n\n$/, '');
  }
  return makeReport(edition, { ...answers, ...changes });
}

/** One group's row from report text, checked as the cohort command checks it (own edition and the newest). */
export function groupOf(source: string, text: string): CohortGroup {
  const input = { path: 'reports/README.md', content: text, files: ['reports/figures/shot.png'] };
  const own = checkReport(input);
  const newest = checkReport({ ...input, edition: NEWEST_EDITION });
  return toGroup(
    {
      source,
      kind: 'github',
      link: `https://github.com/${source}/blob/main/reports/README.md`,
      ref: 'main',
      unchecked: null,
    },
    own,
    newest,
  );
}

/** A small cohort with every kind of row: pass, short, long, images, crash, unanswered, old edition, unreadable. */
export function sampleGroups(): CohortGroup[] {
  return [
    groupOf('course/alpha', reportWith({})),
    groupOf('course/bravo', reportWith({ 4: words(87), 11: words(320) })),
    groupOf('course/charlie', reportWith({ 19: 'no image here', 7: words(20) })),
    groupOf('course/delta', reportWith({}, '2023')),
    groupOf('course/echo', makeReport('2025', { 1: words(10), 2: words(10), 3: words(120) })),
    groupOf('course/foxtrot', reportWith({ 12: words(120) }).replace('### Question 30', '## Question 30')),
    groupOf(
      'course/golf',
      reportWith({ 14: `${words(250)}\n\n![a](a.png) ![b](b.png) ![c](c.png) ![d](d.png)` }),
    ),
    failedGroup(
      'course/hotel',
      'github',
      'repository not found, or private (set GITHUB_TOKEN to read private repositories)',
    ),
  ];
}
