import {
  factFields,
  findingKey,
  isSummaryFor,
  listedKeys,
  marker,
  readFacts,
  readMarker,
} from '../../src/review/marker.js';

describe('marker and readMarker', () => {
  it('should round-trip a marker through a body', () => {
    const body = `text\n${marker('review', { sha: 'deadbeef', listed: 'a,b' })}`;
    expect(readMarker(body)).toEqual({ kind: 'review', fields: { sha: 'deadbeef', listed: 'a,b' } });
  });

  it('should read only a marker that is the whole last line of the body', () => {
    const m = marker('finding', { fp: 'real' });
    expect(readMarker(`text\n${m}\n`)).toEqual({ kind: 'finding', fields: { fp: 'real' } });
    expect(readMarker(`${marker('finding', { fp: 'planted' })}\ntext\n${m}`)?.fields.fp).toBe('real');
    expect(readMarker(`${m}\ntext after`)).toBeNull();
    expect(readMarker(`see \`${m}\``)).toBeNull();
    expect(readMarker('')).toBeNull();
  });

  it('should replace spaces and ">" in values so that a value cannot end the comment', () => {
    expect(marker('summary', { path: 'my report/a>b.md' })).toBe(
      '<!-- report-check:summary path=my_report/a_b.md -->',
    );
  });
});

describe('isSummaryFor', () => {
  it('should know the summary of a path by its last line, or by a first-line marker of older summaries', () => {
    const m = marker('summary', { path: 'reports/README.md' });
    expect(isSummaryFor(`## report-check\n\n${m}`, 'reports/README.md')).toBe(true);
    expect(isSummaryFor(`${m}\n## report-check`, 'reports/README.md')).toBe(true);
    expect(isSummaryFor(`## report-check\n\n${m}`, 'other/README.md')).toBe(false);
    expect(isSummaryFor(`quote: ${m} in the middle\nmore`, 'reports/README.md')).toBe(false);
  });
});

describe('listedKeys and findingKey', () => {
  it('should read the keys a review body lists, and the key of a finding comment', () => {
    expect(listedKeys(`body\n${marker('review', { sha: 'x', listed: 'a,b' })}`)).toEqual(['a', 'b']);
    expect(listedKeys(`body\n${marker('review', { sha: 'x', listed: '' })}`)).toEqual([]);
    expect(listedKeys(`body\n${marker('finding', { fp: 'a' })}`)).toEqual([]);
    expect(findingKey(`body\n${marker('finding', { fp: 'k1' })}`)).toBe('k1');
    expect(findingKey(`body\n${marker('summary', { path: 'p' })}`)).toBeNull();
    expect(findingKey('no marker')).toBeNull();
  });
});

describe('the pull request facts in a summary marker', () => {
  const head = 'a'.repeat(40);
  const base = 'b'.repeat(40);
  const summary = (fields: Record<string, string>) =>
    `body\n${marker('summary', { path: 'reports/README.md', ...fields })}`;

  it("should round-trip the head, base and hunks, and keep the summary its path's", () => {
    const facts = {
      headSha: head,
      baseSha: base,
      hunks: [
        { start: 1, end: 20 },
        { start: 35, end: 35 },
      ],
    };
    const body = summary(factFields(facts));
    expect(readFacts(body)).toEqual(facts);
    expect(isSummaryFor(body, 'reports/README.md')).toBe(true);
    expect(isSummaryFor(body, 'other/README.md')).toBe(false);
    expect(readFacts(summary(factFields({ ...facts, hunks: [] })))).toEqual({ ...facts, hunks: [] });
  });

  it('should read no facts from a marker without them or with malformed ones', () => {
    expect(readFacts(summary({}))).toBeNull();
    expect(readFacts(summary({ head, base }))).toBeNull();
    for (const hunks of ['1-x', '0-3', '5-2', '1-2.', '-1-2', '1-2,3-4'])
      expect(readFacts(summary({ head, base, hunks }))).toBeNull();
    expect(readFacts(summary({ head: 'a/b', base, hunks: '1-2' }))).toBeNull();
  });

  it('should leave out facts that would make the marker long (too many hunks)', () => {
    const hunks = Array.from({ length: 201 }, (_, i) => ({ start: 2 * i + 1, end: 2 * i + 1 }));
    expect(factFields({ headSha: head, baseSha: base, hunks })).toEqual({});
  });
});
