import type { PullRequestState, ReviewThread } from '../../src/github/port.js';
import { marker, readMarker } from '../../src/review/marker.js';
import { planPull, STATUS_CONTEXT, type PullSettings, type PullView } from '../../src/review/pull-plan.js';
import { renderSummaryComment } from '../../src/review/render.js';
import { diag, result } from '../support/results.js';

const PATH = 'reports/README.md';
const HEAD = 'h'.repeat(40);
const PATCH = '@@ -1,8 +1,10 @@\n context\n+added';

const inDiff = diag({ line: 3, fingerprint: 'in-diff' });
const outside = diag({ line: 40, question: 2, fingerprint: 'outside' });
const warning = diag({ line: 5, severity: 'warning', question: 3, fingerprint: 'warn' });

function state(overrides: Partial<PullRequestState> = {}): PullRequestState {
  return {
    pull: { number: 7, headSha: HEAD, baseSha: 'b'.repeat(40), baseRef: 'main', state: 'OPEN' },
    threads: [],
    issueComments: [],
    reviews: [],
    ...overrides,
  };
}

function view(overrides: Partial<PullRequestState> = {}): PullView {
  return {
    state: state(overrides),
    file: { path: PATH, status: 'modified', previousPath: null, patch: PATCH },
  };
}

const settings: PullSettings = { path: PATH, failOn: 'error', status: null };
const dispatched: PullSettings = { ...settings, status: { targetUrl: 'https://x/runs/1' } };

function ownThread(key: string, extra: Partial<ReviewThread> = {}): ReviewThread {
  return {
    id: `T-${key}`,
    isResolved: false,
    isOutdated: false,
    path: PATH,
    comments: [{ author: 'bot', body: `x\n${marker('finding', { fp: key })}`, mine: true }],
    commentCount: 1,
    ...extra,
  };
}

const checked = (diagnostics = [inDiff, outside, warning]) =>
  ({ kind: 'checked', result: result(diagnostics), resolveFixed: true }) as const;

describe('planPull for a checked report', () => {
  it('should plan one review with diff findings inline, the rest in the body, and a fallback with all in the body', () => {
    const plan = planPull(checked(), view(), settings);
    const first = plan.review?.first;
    expect(first?.review.commitId).toBe(HEAD);
    expect(first?.review.comments.map((c) => [c.line, readMarker(c.body)?.fields.fp])).toEqual([
      [3, 'in-diff'],
      [5, 'warn'],
    ]);
    expect(readMarker(first?.review.body ?? '')?.fields.listed).toBe('outside');
    expect(first?.listed).toBe(1);
    expect(plan.review?.fallback?.review.comments).toEqual([]);
    expect(readMarker(plan.review?.fallback?.review.body ?? '')?.fields.listed?.split(',')).toEqual([
      'in-diff',
      'warn',
      'outside',
    ]);
  });

  it('should plan no fallback when nothing is inline, and no review when every finding was posted before', () => {
    const noPatch = { ...view(), file: null };
    expect(planPull(checked(), noPatch, settings).review?.fallback).toBeNull();
    const posted = view({
      threads: [ownThread('in-diff'), ownThread('warn')],
      reviews: [
        { author: 'bot', body: `b\n${marker('review', { sha: 'x', listed: 'outside' })}`, mine: true },
      ],
    });
    expect(planPull(checked(), posted, settings).review).toBeNull();
  });

  it('should post nothing on a rerun at the same head when the review had no room for every finding', () => {
    const many = Array.from({ length: 900 }, (_, i) =>
      diag({ line: 100 + i, message: `Finding ${i} ${'y'.repeat(200)}`, fingerprint: `f${i}` }),
    );
    const first = planPull(checked(many), view(), settings).review?.first;
    const shown = readMarker(first?.review.body ?? '')?.fields.listed?.split(',').length ?? 0;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(many.length);
    const posted = [{ author: 'bot', body: first?.review.body ?? '', mine: true }];
    expect(planPull(checked(many), view({ reviews: posted }), settings).review).toBeNull();
    // After a push, the findings the first review could not list are posted; the listed ones are not.
    const pushed = view({ reviews: posted, pull: { ...state().pull, headSha: 'n'.repeat(40) } });
    const next = planPull(checked(many), pushed, settings).review?.first;
    const listedNow = readMarker(next?.review.body ?? '')?.fields.listed?.split(',') ?? [];
    expect(listedNow[0]).toBe(`f${shown}`);
  });

  it('should create the summary when there is none, update ours when it differs, and leave it when it is the same', () => {
    expect(planPull(checked(), view(), settings).summary).toMatchObject({ kind: 'create' });
    const stale = view({
      issueComments: [
        { id: 5, author: 'bot', body: `old\n${marker('summary', { path: PATH })}`, mine: true },
      ],
    });
    expect(planPull(checked(), stale, settings).summary).toMatchObject({ kind: 'update', id: 5 });
    const created = planPull(checked(), view(), settings).summary;
    const body = created.kind === 'create' ? created.body : '';
    // The body, up to the marker's pull request facts, is the one rendered for the result.
    const plain = renderSummaryComment({
      result: result([inDiff, outside, warning]),
      headSha: HEAD,
      failOn: 'error',
    });
    expect(body.replace(/ head=.*-->$/, ' -->')).toBe(plain);
    const same = view({ issueComments: [{ id: 5, author: 'bot', body, mine: true }] });
    expect(planPull(checked(), same, settings).summary).toEqual({ kind: 'none' });
  });

  it('should not take a summary someone else wrote for ours', () => {
    const foreign = view({
      issueComments: [{ id: 5, author: 'mia', body: `x\n${marker('summary', { path: PATH })}`, mine: false }],
    });
    expect(planPull(checked(), foreign, settings).summary).toMatchObject({ kind: 'create' });
  });

  it('should resolve our threads of fixed findings only when the report was read', () => {
    const threads = view({ threads: [ownThread('in-diff'), ownThread('fixed')] });
    expect(planPull(checked(), threads, settings).resolve).toEqual(['T-fixed']);
    expect(planPull({ ...checked(), resolveFixed: false }, threads, settings).resolve).toEqual([]);
  });

  it('should plan a commit status only when one is due, failing on findings that reach fail-on', () => {
    expect(planPull(checked(), view(), settings).status).toBeNull();
    expect(planPull(checked(), view(), dispatched).status).toEqual({
      state: 'failure',
      context: STATUS_CONTEXT,
      description: '2 errors, 1 warning, 0 notices; course checker: fail',
      targetUrl: 'https://x/runs/1',
    });
    expect(planPull(checked([warning]), view(), dispatched).status?.state).toBe('success');
  });

  it('should annotate every finding, errors first', () => {
    const plan = planPull(checked(), view(), settings);
    expect(plan.annotations.map((a) => [a.level, a.startLine])).toEqual([
      ['error', 3],
      ['error', 40],
      ['warning', 5],
    ]);
  });
});

describe('planPull for an untouched report or a run that failed', () => {
  const ours = { id: 5, author: 'bot', body: `old\n${marker('summary', { path: PATH })}`, mine: true };

  it('should rewrite our old summary and resolve our undiscussed threads when the report is untouched', () => {
    const discussed = ownThread('d', {
      comments: [...ownThread('d').comments, { author: 'student', body: 'why?', mine: false }],
      commentCount: 2,
    });
    const plan = planPull(
      { kind: 'untouched' },
      view({ issueComments: [ours], threads: [ownThread('a'), discussed] }),
      dispatched,
    );
    expect(plan.summary).toMatchObject({ kind: 'update', id: 5 });
    expect(plan.summary.kind === 'update' && plan.summary.body).toContain(
      'is not changed by this pull request',
    );
    expect(plan.resolve).toEqual(['T-a']);
    expect(plan.status).toMatchObject({
      state: 'success',
      description: 'Report not changed by this pull request.',
    });
    expect(plan.review).toBeNull();
    expect(plan.annotations).toEqual([]);
  });

  it('should plan nothing at all for an untouched report with nothing of ours on the pull request', () => {
    const plan = planPull({ kind: 'untouched' }, view(), settings);
    expect(plan).toMatchObject({ review: null, summary: { kind: 'none' }, resolve: [], status: null });
  });

  it('should say "could not run" in our summary, never create one, and plan an error status when due', () => {
    const run = { kind: 'could-not-run', message: 'GitHub is down' } as const;
    const plan = planPull(run, view({ issueComments: [ours] }), dispatched);
    expect(plan.summary.kind === 'update' && plan.summary.body).toContain('report-check could not run');
    expect(plan.status).toMatchObject({ state: 'error', description: 'could not run: GitHub is down' });
    expect(planPull(run, view(), settings).summary).toEqual({ kind: 'none' });
  });
});

describe('planPull keeps one summary and one open thread per finding', () => {
  const summary = (id: number, body = 'old') => ({
    id,
    author: 'github-actions[bot]',
    body: `${body}\n${marker('summary', { path: PATH })}`,
    mine: true,
  });

  it('should update the oldest of several summaries for the path and delete the others', () => {
    const other = { id: 3, author: 'bot', body: `x\n${marker('summary', { path: 'other.md' })}`, mine: true };
    const student = { ...summary(4), mine: false };
    const plan = planPull(
      checked(),
      view({ issueComments: [student, summary(10), other, summary(11), summary(12)] }),
      settings,
    );
    expect(plan.summary).toMatchObject({ kind: 'update', id: 10 });
    expect(plan.deleteComments).toEqual([11, 12]);
  });

  it('should delete duplicate summaries when it could not run or the report is untouched, too', () => {
    const comments = [summary(10), summary(11)];
    const failed = planPull(
      { kind: 'could-not-run', message: 'down' },
      view({ issueComments: comments }),
      settings,
    );
    expect(failed.summary).toMatchObject({ kind: 'update', id: 10 });
    expect(failed.deleteComments).toEqual([11]);
    const untouched = planPull({ kind: 'untouched' }, view({ issueComments: comments }), settings);
    expect(untouched.deleteComments).toEqual([11]);
  });

  it('should post a finding whose line was edited again and resolve its old thread once the review is posted', () => {
    const plan = planPull(
      checked([inDiff]),
      view({ threads: [ownThread('in-diff', { isOutdated: true })] }),
      settings,
    );
    expect(plan.review?.first.review.comments.map((c) => readMarker(c.body)?.fields.fp)).toEqual(['in-diff']);
    expect(plan.resolveAfterReview).toEqual(['T-in-diff']);
    expect(plan.resolve).toEqual([]);
  });

  it('should leave a moved finding’s old thread alone when someone replied in it', () => {
    const discussed = ownThread('in-diff', { isOutdated: true, commentCount: 2 });
    const plan = planPull(checked([inDiff]), view({ threads: [discussed] }), settings);
    expect(plan.review?.first.review.comments).toHaveLength(1);
    expect(plan.resolveAfterReview).toEqual([]);
  });

  it('should resolve every open thread of a finding but its oldest current one, and then write nothing more', () => {
    const threads = [
      ownThread('in-diff', { id: 'OLD', isOutdated: true }),
      ownThread('in-diff', { id: 'KEEP' }),
      ownThread('in-diff', { id: 'DUP' }),
      ownThread('in-diff', { id: 'DONE', isOutdated: true, isResolved: true }),
    ];
    const plan = planPull(checked([inDiff]), view({ threads }), settings);
    expect(plan.review).toBeNull();
    expect(plan.resolve.sort()).toEqual(['DUP', 'OLD']);
    const after = threads.map((t) => (plan.resolve.includes(t.id) ? { ...t, isResolved: true } : t));
    const rerun = planPull(checked([inDiff]), view({ threads: after }), settings);
    expect([rerun.review, rerun.resolve, rerun.resolveAfterReview]).toEqual([null, [], []]);
  });
});
