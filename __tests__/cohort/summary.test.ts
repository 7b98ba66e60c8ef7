import { failedGroup } from '../../src/cohort/group.js';
import { summarize } from '../../src/cohort/summary.js';
import { sampleGroups } from '../support/cohort-groups.js';

describe('summarize', () => {
  it('should total outcomes, crashes the scraper records as 0, and failures per question', () => {
    const summary = summarize(sampleGroups(), null);
    expect(summary).toMatchObject({
      groups: 8,
      unreadable: 1,
      courseChecker: { pass: 2, fail: 4, crash: 1 },
      scraper: { checkerEdition: '2026', crashRecordedAsZero: 2 },
      changes: null,
    });
    expect(summary.questions).toHaveLength(31);
    expect(summary.questions[3]).toEqual({ number: 4, failing: 1, unanswered: 1 });
  });

  it('should count changes by kind', () => {
    const groups = [failedGroup('a', 'github', 'x')];
    const change = {
      status: 'new' as const,
      before: null,
      after: 'unreadable' as const,
      questionsNewlyFailing: [],
      questionsFixed: [],
    };
    expect(summarize(groups, [change]).changes).toEqual({ new: 1 });
  });
});
