import { checkReport } from '../../src/check.js';
import { cellText, failedGroup, scraperRecord } from '../../src/cohort/group.js';
import { groupOf, reportWith } from '../support/cohort-groups.js';
import { makeReport, words } from '../support/report.js';

describe('toGroup', () => {
  it('should give each question its status and how far it is out of range', () => {
    const group = groupOf('o/r', reportWith({ 4: words(87), 11: words(320), 19: 'no image' }));
    const byNumber = new Map(group.questions?.map((q) => [q.number, q]));
    expect(byNumber.get(4)).toMatchObject({ status: 'short', words: 87, wordsBy: -13, imagesBy: 0 });
    expect(byNumber.get(11)).toMatchObject({ status: 'long', wordsBy: 20 });
    expect(byNumber.get(19)).toMatchObject({ status: 'short', wordsBy: 0, imagesBy: -1 });
    expect(byNumber.get(1)).toMatchObject({ status: 'ok', wordsBy: 0, imagesBy: 0 });
    expect(group).toMatchObject({
      courseChecker: { outcome: 'fail' },
      scraper: { numWarnings: 3, checkerEdition: '2026', outcome: 'fail', note: null },
      answered: 31,
      questionCount: 31,
      error: null,
    });
    expect(group.courseChecker?.failures.map((f) => f.question)).toEqual([4, 11, 19]);
  });

  it('should count unanswered questions and not count them as answered', () => {
    const group = groupOf('o/r', makeReport('2025', { 1: words(5) }));
    expect(group.answered).toBe(1);
    expect(group.questions?.filter((q) => q.status === 'unanswered')).toHaveLength(30);
  });
});

describe('scraperRecord', () => {
  it('should record 0 for a report the newest checker crashes on, and say so', () => {
    const text = reportWith({}, '2023');
    const own = checkReport({ path: 'r.md', content: text });
    const newest = checkReport({ path: 'r.md', content: text, edition: '2026' });
    expect(own.courseChecker.outcome).toBe('pass');
    expect(newest.courseChecker.outcome).toBe('crash');
    expect(scraperRecord(own, newest)).toEqual({
      numWarnings: 0,
      checkerEdition: '2026',
      outcome: 'crash',
      note: 'crashes: recorded as 0',
    });
  });

  it("should say when the newest checker counts another number than the report's own", () => {
    // Question 3 of 2025 needs 100-200 words, of 2026 0-200: a 2025 report with 50 words fails only its own checker.
    const text = reportWith({ 3: words(50) });
    const own = checkReport({ path: 'r.md', content: text });
    const newest = checkReport({ path: 'r.md', content: text, edition: '2026' });
    expect(own.edition).toBe('2025');
    expect(scraperRecord(own, newest)).toEqual({
      numWarnings: 0,
      checkerEdition: '2026',
      outcome: 'pass',
      note: 'its own 2025 checker prints 1',
    });
  });
});

describe('cellText', () => {
  it('should show the number by which a question is out of range', () => {
    const group = groupOf('o/r', reportWith({ 4: words(87), 14: `${words(310)}\n\n![a](a.png)` }));
    const texts = Object.fromEntries((group.questions ?? []).map((q) => [q.number, cellText(q)]));
    expect(texts[4]).toBe('-13w');
    // The checker counts the image's markdown as a word too: 311 words against 200-300.
    expect(texts[14]).toBe('+11w');
    expect(texts[1]).toBe('ok');
    const unanswered = groupOf('o/r', makeReport('2025'));
    expect(cellText(unanswered.questions?.[3] as never)).toBe('—');
  });
});

describe('failedGroup', () => {
  it('should set the reason and leave everything else null', () => {
    expect(failedGroup('o/r', 'github', 'no reports/README.md at main')).toEqual({
      source: 'o/r',
      kind: 'github',
      link: null,
      ref: null,
      edition: null,
      editionSource: null,
      courseChecker: null,
      scraper: null,
      summary: null,
      answered: null,
      questionCount: null,
      questions: null,
      unchecked: null,
      error: 'no reports/README.md at main',
    });
  });
});
