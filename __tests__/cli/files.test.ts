import {
  describeFsError,
  listReportFiles,
  MAX_LISTED_FILES,
  MAX_REPORT_BYTES,
  readReportBytes,
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
});

describe('listReportFiles', () => {
  it('should list files under the folder relative to the root, sorted, skipping .git and node_modules', () => {
    const fs = memoryFileSystem({
      '/r/reports/README.md': '',
      '/r/reports/figures/b.png': '',
      '/r/reports/figures/a.PNG': '',
      '/r/reports/node_modules/m/x.png': '',
      '/r/reports/.git/config': '',
      '/r/src/other.py': '',
    });
    expect(listReportFiles(fs, '/r/reports', '/r')).toEqual([
      'reports/README.md',
      'reports/figures/a.PNG',
      'reports/figures/b.png',
    ]);
  });

  it('should skip folders it cannot read', () => {
    const base = memoryFileSystem({ '/r/reports/README.md': '', '/r/reports/locked/x.png': '' });
    const fs: CliFileSystem = {
      ...base,
      readDir: (path) => {
        if (path.endsWith('locked')) throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
        return base.readDir(path);
      },
    };
    expect(listReportFiles(fs, '/r/reports', '/r')).toEqual(['reports/README.md']);
  });

  it('should give up (null: skip image checks) on a folder with too many files', () => {
    const fs: CliFileSystem = {
      ...memoryFileSystem({}),
      readDir: () =>
        Array.from({ length: MAX_LISTED_FILES + 1 }, (_, i) => ({ name: `f${i}`, kind: 'file' as const })),
    };
    expect(listReportFiles(fs, '/r', '/r')).toBeNull();
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
