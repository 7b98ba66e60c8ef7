import { parseRepository, resolveSources } from '../../src/cohort/sources.js';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeFileSystem } from '../../src/cli/node-file-system.js';
import { memoryFileSystem } from '../cli/memory-file-system.js';

const resolve = (args: string[], files: Record<string, string> = {}, reportPath = 'reports/README.md') =>
  resolveSources(args, memoryFileSystem(files), { reportPath, cwd: '/w' });

describe('parseRepository', () => {
  it('should read owner/name and the URL forms a group list holds', () => {
    for (const text of [
      'octo/repo',
      'https://github.com/octo/repo',
      'https://github.com/octo/repo.git',
      'https://www.github.com/octo/repo/tree/main/reports',
      'git@github.com:octo/repo.git',
      ' http://github.com/octo/repo/ ',
    ]) {
      expect(parseRepository(text)).toEqual({ owner: 'octo', repo: 'repo' });
    }
  });

  it('should refuse what is not a repository', () => {
    for (const text of ['octo', 'a/b/c', 'https://gitlab.com/octo/repo', '-x/repo', 'octo/..', '']) {
      expect(parseRepository(text)).toBeNull();
    }
  });
});

describe('resolveSources', () => {
  it('should take a clone, a folder of clones, a report file and a repository, without duplicates', () => {
    const files = {
      '/w/one/reports/README.md': 'r',
      '/w/all/b/reports/README.md': 'r',
      '/w/all/a/reports/README.md': 'r',
      '/w/all/c/notes.md': 'not a group',
      '/w/x.md': 'r',
    };
    expect(resolve(['one', 'all', 'x.md', './x.md', 'Octo/Repo', 'octo/repo'], files)).toEqual([
      { kind: 'file', source: 'one/reports/README.md', reportPath: '/w/one/reports/README.md' },
      { kind: 'file', source: 'all/a/reports/README.md', reportPath: '/w/all/a/reports/README.md' },
      { kind: 'file', source: 'all/b/reports/README.md', reportPath: '/w/all/b/reports/README.md' },
      { kind: 'invalid', source: 'all/c', error: 'no reports/README.md in this folder' },
      { kind: 'file', source: 'x.md', reportPath: '/w/x.md' },
      { kind: 'github', source: 'Octo/Repo', owner: 'Octo', repo: 'Repo' },
    ]);
  });

  it('should look for the --path given in folders', () => {
    expect(resolve(['g'], { '/w/g/docs/report.md': 'r' }, 'docs/report.md')).toEqual([
      { kind: 'file', source: 'g/docs/report.md', reportPath: '/w/g/docs/report.md' },
    ]);
  });

  it('should give every group of a folder of clones its row, also one sorted into a folder of its own', () => {
    const files = {
      '/w/all/g3/reports/README.md': 'r',
      '/w/all/org1/g1/reports/README.md': 'r',
      '/w/all/org1/g2/reports/README.md': 'r',
      '/w/all/org1/late/.git/HEAD': 'ref: refs/heads/main',
      '/w/all/handed-nothing/notes.txt': '',
      '/w/all/clone/.git/HEAD': 'ref: refs/heads/main',
      '/w/all/clone/src/reports/README.md': 'not the report: the clone has none at its root',
      '/w/all/.cache/x/reports/README.md': 'hidden: no group',
      '/w/all/list.txt': 'a file: no group',
    };
    expect(resolve(['all'], files)).toEqual([
      { kind: 'invalid', source: 'all/clone', error: 'no reports/README.md in this clone' },
      { kind: 'file', source: 'all/g3/reports/README.md', reportPath: '/w/all/g3/reports/README.md' },
      { kind: 'invalid', source: 'all/handed-nothing', error: 'no reports/README.md in this folder' },
      {
        kind: 'file',
        source: 'all/org1/g1/reports/README.md',
        reportPath: '/w/all/org1/g1/reports/README.md',
      },
      {
        kind: 'file',
        source: 'all/org1/g2/reports/README.md',
        reportPath: '/w/all/org1/g2/reports/README.md',
      },
      { kind: 'invalid', source: 'all/org1/late', error: 'no reports/README.md in this clone' },
    ]);
  });

  it('should say of a clone without its report that it is a clone', () => {
    expect(resolve(['g'], { '/w/g/.git/HEAD': '', '/w/g/a/reports/README.md': 'r' })).toEqual([
      { kind: 'invalid', source: 'g', error: 'no reports/README.md in this clone' },
    ]);
  });

  it('should give a folder without a report its row', () => {
    expect(resolve(['empty'], { '/w/empty/a/x.txt': '' })).toEqual([
      { kind: 'invalid', source: 'empty', error: 'no reports/README.md in this folder or its subfolders' },
    ]);
  });

  it('should read a list file, one repository a line, and keep a bad line as a row', () => {
    const list = '# groups\nocto/a\n\nhttps://github.com/octo/b.git  # group 2\nnot a repo\n';
    expect(resolve(['groups.txt'], { '/w/groups.txt': list })).toEqual([
      { kind: 'github', source: 'octo/a', owner: 'octo', repo: 'a' },
      { kind: 'github', source: 'octo/b', owner: 'octo', repo: 'b' },
      { kind: 'invalid', source: 'groups.txt:5', error: 'not a GitHub repository: not a repo' },
    ]);
  });

  it('should read the repository column of a CSV group list', () => {
    const csv =
      'Group,Members,Repository\n1,"Ann, Bo",https://github.com/octo/a\n2,Cy,\n3,Di,see email\n,,\n';
    expect(resolve(['groups.csv'], { '/w/groups.csv': csv })).toEqual([
      { kind: 'github', source: 'octo/a', owner: 'octo', repo: 'a' },
      { kind: 'invalid', source: 'groups.csv:3', error: 'no repository URL in this row' },
      { kind: 'invalid', source: 'groups.csv:4', error: 'not a GitHub repository: see email' },
    ]);
    expect(resolve(['plain.csv'], { '/w/plain.csv': 'a,b\n1,2\n' })).toEqual([
      { kind: 'invalid', source: 'plain.csv', error: 'no column of GitHub repository URLs' },
    ]);
  });

  it('should name what is neither a file, a folder nor a repository', () => {
    expect(resolve(['missing/folder/x'])).toEqual([
      {
        kind: 'invalid',
        source: 'missing/folder/x',
        error: 'no such file or folder, and not owner/name of a repository',
      },
    ]);
  });
});

describe('resolveSources on links', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'report-check-sources-'));
    mkdirSync(join(dir, 'clones', 'g1', 'reports'), { recursive: true });
    writeFileSync(join(dir, 'clones', 'g1', 'reports', 'README.md'), 'r');
    mkdirSync(join(dir, 'linked'));
    symlinkSync(join(dir, 'clones', 'g1'), join(dir, 'linked', 'g1'));
    symlinkSync(join(dir, 'clones', 'g1'), join(dir, 'clones', 'g1-again'));
    symlinkSync(join(dir, 'nowhere'), join(dir, 'clones', 'gone'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const resolveIn = (args: string[]) =>
    resolveSources(args, nodeFileSystem, { reportPath: 'reports/README.md', cwd: dir });

  it('should follow a link to a clone, and take a report reached twice once', () => {
    expect(
      resolveIn(['linked', 'clones']).map((s) => [s.source, s.kind === 'invalid' ? s.error : s.kind]),
    ).toEqual([
      ['linked/g1/reports/README.md', 'file'],
      ['clones/gone', 'a link to nothing'],
    ]);
  });
});
