import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { jest } from '@jest/globals';
import { startRunBudget, TimeBudgetError } from '../../src/github/budget.js';
import { GitHubError } from '../../src/github/errors.js';
import { createOctokitPort } from '../../src/github/octokit.js';

// A server that takes requests and, per request number, hangs, resets the connection or answers.
type Behaviour = 'hang' | 'reset' | 'ok';
let server: Server;
let baseUrl: string;
let plan: Behaviour[];
let seen: number;
const open: ServerResponse[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const behaviour = plan[seen++] ?? 'ok';
    if (behaviour === 'hang') return void open.push(res);
    if (behaviour === 'reset') return void req.socket.destroy();
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ sha: 'abc', tree: [{ path: 'a.png', type: 'blob' }], truncated: false }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(() => {
  for (const res of open.splice(0)) res.destroy();
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  seen = 0;
  plan = [];
});

const port = (extra: Partial<Parameters<typeof createOctokitPort>[0]> = {}) =>
  createOctokitPort({ token: 't', owner: 'o', repo: 'r', baseUrl, retryBaseMs: 1, ...extra });

describe('request time limits', () => {
  it('should retry a request that is never answered once its try times out, and then succeed', async () => {
    plan = ['hang', 'hang'];
    const files = await port({ limits: { timeoutMs: 100 } }).listRepoFiles('main');
    expect(files).toEqual(['a.png']);
    expect(seen).toBe(3);
  });

  it('should retry a connection reset without an answer', async () => {
    plan = ['reset'];
    expect(await port().listRepoFiles('main')).toEqual(['a.png']);
    expect(seen).toBe(2);
  });

  it('should stop retrying once the retry window has passed, saying no answer came', async () => {
    plan = ['hang', 'hang', 'hang', 'hang'];
    const read = port({ limits: { timeoutMs: 100, retryWindowMs: 150 } }).listRepoFiles('main');
    await expect(read).rejects.toThrow(GitHubError);
    await expect(read).rejects.toThrow(/no answer within 0.1 s/);
    expect(seen).toBe(2);
  });

  it('should abort a request in flight when the run budget runs out, without retrying it', async () => {
    plan = ['hang', 'hang', 'hang'];
    const budget = startRunBudget(0.2);
    const read = port({ budget }).listRepoFiles('main');
    await expect(read).rejects.toThrow(TimeBudgetError);
    await expect(read).rejects.toThrow(
      "the run's time limit (timeout-seconds: 0.2) ran out while waiting to list the files at main",
    );
    expect(seen).toBe(1);
    budget.dispose();
  });

  it('should give requests a reserve after the work phase, until the whole budget is spent', async () => {
    // The budget's own clock is faked; the request at the end runs on real timers, as Octokit needs them.
    jest.useFakeTimers();
    try {
      const budget = startRunBudget(120);
      jest.advanceTimersByTime(111_000); // past the work phase (110 s), inside the 10 s reserve
      expect(() => budget.check('post')).toThrow(/ran out while waiting to post/);
      expect(budget.signal().aborted).toBe(false);
      jest.advanceTimersByTime(9_000);
      expect(budget.signal().aborted).toBe(true);
      jest.useRealTimers();
      await expect(port({ budget }).listRepoFiles('main')).rejects.toThrow(TimeBudgetError);
      expect(seen).toBe(0);
    } finally {
      jest.useRealTimers();
    }
  });
});
