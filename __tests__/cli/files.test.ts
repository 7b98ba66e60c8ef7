import { normalize, relative, sep } from 'node:path';
import fc from 'fast-check';
import {
  describeFsError,
  displayPath,
  MAX_REPORT_BYTES,
  readReportBytes,
  repositoryFiles,
  pathInRepository,
  repositoryRoot,
} from '../../src/cli/files.js';
import type { CliFileSystem } from '../../src/cli/file-system.js';
import { memoryFileSystem } from './memory-file-system.js';

describe('repositoryRoot', () => {
  it('should find the nearest folder holding .git, even when .git is a file', () => {
    const fs = memoryFileSystem({
      '/w/.git/HEAD': 'x',
      '/w/sub/.git': 'gitdir: ../.git/modules/sub',
      '/w/sub/r/README.md': '',
    });
    expect(repositoryRoot(fs, '/w/sub/r/README.md')).toBe('/w/sub');
    expect(repositoryRoot(fs, '/w/r/README.md')).toBe('/w');
  });

  it("should fall back to the parent of the report's folder", () => {
    const fs = memoryFileSystem({ '/c/g1/reports/README.md': '' });
    expect(repositoryRoot(fs, '/c/g1/reports/README.md')).toBe('/c/g1');
  });

  it('should ask exists() instead of stat() when the file system has it', () => {
    const base = memoryFileSystem({ '/w/.git/HEAD': 'x', '/w/sub/r/README.md': '' });
    const asked: string[] = [];
    const fs: CliFileSystem = {
      ...base,
      stat: () => {
        throw new Error('stat should not be needed');
      },
      exists: (path) => {
        asked.push(path);
        try {
          base.stat(path);
          return true;
        } catch {
          return false;
        }
      },
    };
    expect(repositoryRoot(fs, '/w/sub/r/README.md')).toBe('/w');
    expect(asked).toEqual(['/w/sub/r/.git', '/w/sub/.git', '/w/.git']);
  });
});

describe('pathInRepository', () => {
  it('should give the path from the root as relative() does, `/`-separated', () => {
    const cases: [string, string][] = [
      ['/w', '/w/reports/README.md'],
      ['/', '/README.md'],
      ['/w/sub', '/w/subway/README.md'],
      ['/w/a', '/w/b/README.md'],
      ['/w', '/w'],
    ];
    for (const [root, absolute] of cases)
      expect(pathInRepository(root, absolute)).toBe(relative(root, absolute).split(sep).join('/'));
  });
});

describe('repositoryFiles', () => {
  const tree = {
    '/r/reports/README.md': '',
    '/r/reports/figures/Bucket.png': '',
    '/r/docs/diagram.png': '',
    '/r/data/big/x.bin': '',
  };

  it('should find a file by its exact path anywhere in the repository', () => {
    const files = repositoryFiles(memoryFileSystem(tree), '/r');
    expect(files.has('reports/figures/Bucket.png')).toBe(true);
    expect(files.has('docs/diagram.png')).toBe(true);
    expect(files.has('reports/figures/none.png')).toBe(false);
    expect(files.has('reports/figures')).toBe(false);
  });

  it('should tell a case mismatch from a missing file', () => {
    const files = repositoryFiles(memoryFileSystem(tree), '/r');
    expect(files.has('reports/figures/bucket.png')).toBe(false);
    expect(files.findIgnoringCase('Reports/figures/bucket.PNG')).toBe('reports/figures/Bucket.png');
    expect(files.findIgnoringCase('reports/figures/other.png')).toBeUndefined();
  });

  it('should read only the folders on the path, each once', () => {
    const base = memoryFileSystem(tree);
    const read: string[] = [];
    const fs: CliFileSystem = { ...base, readDir: (path) => (read.push(path), base.readDir(path)) };
    const files = repositoryFiles(fs, '/r');
    files.has('reports/figures/Bucket.png');
    files.findIgnoringCase('reports/figures/bucket.png');
    expect(read.sort()).toEqual(['/r', '/r/reports', '/r/reports/figures']);
  });

  it('should use the names of a folder when the file system gives them, each folder read once', () => {
    const base = memoryFileSystem(tree);
    const read: string[] = [];
    const fs: CliFileSystem = {
      ...base,
      readDir: () => {
        throw new Error('readDir should not be needed');
      },
      readNames: (path) => (read.push(path), base.readDir(path).map((entry) => entry.name)),
      entryKind: (path) => base.stat(path).kind,
    };
    const files = repositoryFiles(fs, '/r');
    expect(files.has('reports/figures/Bucket.png')).toBe(true);
    expect(files.has('reports/figures/bucket.png')).toBe(false);
    expect(files.has('reports/figures')).toBe(false);
    expect(files.findIgnoringCase('Reports/figures/bucket.PNG')).toBe('reports/figures/Bucket.png');
    expect(read.sort()).toEqual(['/r', '/r/reports', '/r/reports/figures']);
  });

  it('should take the kinds of a folder of many reports from one listing, not one lookup each', () => {
    const cohort = {
      '/c/a/README.md': '',
      '/c/a/x.png': '',
      '/c/b/README.md': '',
      '/c/c/README.md': '',
      '/c/c/x.png': '',
      '/c/d.png': '',
    };
    const base = memoryFileSystem(cohort);
    const asked: string[] = [];
    const listed: string[] = [];
    const fs: CliFileSystem = {
      ...base,
      readDir: (path) => (listed.push(path), base.readDir(path)),
      readNames: (path) => base.readDir(path).map((entry) => entry.name),
      entryKind: (path) => (asked.push(path), base.stat(path).kind),
    };
    const files = repositoryFiles(fs, '/c');
    expect(['a/x.png', 'b/x.png', 'c/x.png', 'd.png', 'a/README.md/x.png'].map((p) => files.has(p))).toEqual([
      true,
      false,
      true,
      true,
      false,
    ]);
    // Each folder's first kind is looked up alone; from the second on, the folder is listed once.
    expect(listed).toEqual(['/c', '/c/a']);
    expect(asked).toEqual(['/c/a', '/c/a/x.png', '/c/c/x.png']);
  });

  it('should treat a folder it cannot read as empty', () => {
    const base = memoryFileSystem(tree);
    const fs: CliFileSystem = {
      ...base,
      readDir: (path) => {
        if (path.endsWith('figures')) throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
        return base.readDir(path);
      },
    };
    expect(repositoryFiles(fs, '/r').has('reports/figures/Bucket.png')).toBe(false);
  });
});

describe('readReportBytes', () => {
  it('should read a file up to 1 MiB', () => {
    const fs = memoryFileSystem({ '/a.md': new Uint8Array(MAX_REPORT_BYTES) });
    expect(readReportBytes(fs, '/a.md')).toHaveLength(MAX_REPORT_BYTES);
  });

  it('should refuse special files', () => {
    const fs: CliFileSystem = { ...memoryFileSystem({}), stat: () => ({ kind: 'other', size: 0 }) };
    expect(() => readReportBytes(fs, '/dev/tty')).toThrow('is not a regular file');
  });
});

describe('describeFsError', () => {
  it('should name common failures in a few words', () => {
    expect(describeFsError(Object.assign(new Error('x'), { code: 'ENOENT' }))).toBe('no such file');
    expect(describeFsError(Object.assign(new Error('x'), { code: 'EACCES' }))).toBe('permission denied');
  });

  it('should keep the first line of anything else', () => {
    expect(describeFsError(new Error('disk on fire\n  at x'))).toBe('could not read: disk on fire');
    expect(describeFsError('odd')).toBe('could not read: odd');
  });
});

describe('displayPath', () => {
  it('should normalize a path as path.normalize does, with forward slashes', () => {
    expect(displayPath('./reports//README.md')).toBe('reports/README.md');
    expect(displayPath('a/../b/README.md')).toBe('b/README.md');
    expect(displayPath('')).toBe('.');
    const segment = fc.constantFrom('a', 'b.md', '.', '..', '', '.git', '...', 'x.');
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 6 }), (segments) => {
        const path = segments.join('/');
        expect(displayPath(path)).toBe(normalize(path).split(sep).join('/'));
      }),
    );
  });
});
