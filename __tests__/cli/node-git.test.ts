import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeGit } from '../../src/cli/node-git.js';

describe('nodeGit', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'report-check-node-git-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("should return git's status and output, with stdin passed through", () => {
    expect(nodeGit(['init', '-q'], dir)).toEqual({ status: 0, stdout: '' });
    const out = nodeGit(['check-ignore', '--stdin', '-z', '--no-index'], dir, 'a.png\0');
    expect(out?.status).toBe(1); // nothing ignores a.png
    expect(nodeGit(['ls-files'], join(dir, '..'))?.status).toBe(128); // not a work tree
  });

  it('should return null when git cannot be started', () => {
    const path = process.env.PATH;
    process.env.PATH = dir; // an empty folder: no git on PATH
    try {
      expect(nodeGit(['--version'], dir)).toBeNull();
    } finally {
      process.env.PATH = path;
    }
  });
});
