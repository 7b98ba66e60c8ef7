import { plural } from '../plural.js';

/** The line under a question list that leaves extra questions out: how many, and where they are reported. */
export function omittedQuestions(omitted: number): string {
  return `${plural(omitted, 'more question')} not in the template ${omitted === 1 ? 'is' : 'are'} not listed here (see the \`question-unknown\` findings).`;
}
