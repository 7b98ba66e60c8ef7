import * as nodePath from 'node:path';
import type { CliFileSystem } from '../cli/file-system.js';
import { describeFsError } from '../cli/files.js';
import { parseCsv } from './csv.js';

/** A report on this machine: a file given, or found in a group's folder. */
export interface LocalSource {
  kind: 'file';
  /** What the teacher sees: the path as typed (forward slashes). */
  source: string;
  /** Absolute path of the report. */
  reportPath: string;
}

/** A group's repository on GitHub. */
export interface GitHubSource {
  kind: 'github';
  /** `owner/name`. */
  source: string;
  owner: string;
  repo: string;
}

/** Something named on the command line (or in a list) that is not a readable source; it still gets its row. */
export interface InvalidSource {
  kind: 'invalid';
  source: string;
  error: string;
}

/** One group of the cohort, before it is read. */
export type CohortSource = LocalSource | GitHubSource | InvalidSource;

// GitHub's rules: owner up to 39 characters of letters, digits and single hyphens; names of letters, digits, `.-_`.
const OWNER = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})';
const NAME = '[A-Za-z0-9._-]{1,100}';
const SHORT = new RegExp(`^(${OWNER})/(${NAME})$`);
const URL_FORM = new RegExp(
  `^(?:https?://(?:www\\.)?github\\.com/|git@github\\.com:|ssh://git@github\\.com/)(${OWNER})/(${NAME}?)(?:\\.git)?/?(?:[/?#].*)?$`,
  'i',
);

/** `owner/name`, a GitHub URL (https, ssh, with `.git` or a path after it) -> owner and name, else null. */
export function parseRepository(text: string): { owner: string; repo: string } | null {
  const trimmed = text.trim();
  const match = SHORT.exec(trimmed) ?? URL_FORM.exec(trimmed);
  if (!match) return null;
  const owner = match[1] as string;
  const repo = (match[2] as string).replace(/\.git$/i, '');
  if (repo === '' || repo === '.' || repo === '..') return null;
  return { owner, repo };
}

function github(owner: string, repo: string): GitHubSource {
  return { kind: 'github', source: `${owner}/${repo}`, owner, repo };
}

/** A list file: one repository a line; blank lines and `#` comments are skipped. */
function fromList(text: string, shown: string): CohortSource[] {
  const sources: CohortSource[] = [];
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    const entry = line.replace(/#.*$/, '').trim();
    if (entry === '') continue;
    const parsed = parseRepository(entry);
    sources.push(
      parsed
        ? github(parsed.owner, parsed.repo)
        : { kind: 'invalid', source: `${shown}:${index + 1}`, error: `not a GitHub repository: ${entry}` },
    );
  }
  return sources;
}

/**
 * A CSV group list: the column whose cells are GitHub repository URLs (the first such column). A row whose cell in
 * that column is empty or not a repository still gets a row, so that a group without a repository is not lost.
 */
function fromCsv(text: string, shown: string): CohortSource[] {
  const rows = parseCsv(text);
  const width = Math.max(0, ...rows.map((row) => row.length));
  let column = -1;
  for (let c = 0; c < width && column < 0; c++) {
    if (rows.some((row) => URL_FORM.test((row[c] ?? '').trim()))) column = c;
  }
  if (column < 0) return [{ kind: 'invalid', source: shown, error: 'no column of GitHub repository URLs' }];
  const sources: CohortSource[] = [];
  for (const [index, row] of rows.entries()) {
    const cell = (row[column] ?? '').trim();
    const parsed = parseRepository(cell);
    if (parsed) sources.push(github(parsed.owner, parsed.repo));
    // The header row names the column; a row that is blank throughout is no group.
    else if (index > 0 && row.some((value) => value.trim() !== '')) {
      sources.push({
        kind: 'invalid',
        source: `${shown}:${index + 1}`,
        error: cell === '' ? 'no repository URL in this row' : `not a GitHub repository: ${cell}`,
      });
    }
  }
  return sources;
}

function kindOf(fs: CliFileSystem, path: string): 'file' | 'directory' | 'other' | null {
  try {
    return fs.stat(path).kind;
  } catch {
    return null;
  }
}

/** How many folders below the one given a group's clone may be (a folder of clones by class, then by group). */
const NESTING = 3;

/**
 * A folder: a group's clone holding `reportPath`, or a folder of such clones, maybe sorted into folders of their
 * own. Once any subfolder holds a report, every subfolder is a group and gets its row, with the reason when it
 * has no report: a group that handed in nothing, a clone that failed or a link to nothing is never dropped.
 */
function fromFolder(fs: CliFileSystem, absolute: string, shown: string, reportPath: string): CohortSource[] {
  const own = nodePath.join(absolute, reportPath);
  if (kindOf(fs, own) !== null)
    return [{ kind: 'file', source: joinShown(shown, reportPath), reportPath: own }];
  if (kindOf(fs, nodePath.join(absolute, '.git')) !== null)
    return [{ kind: 'invalid', source: shown, error: `no ${reportPath} in this clone` }];
  const groups = groupsIn(fs, absolute, shown, reportPath, 1);
  if (!Array.isArray(groups)) return [{ kind: 'invalid', source: shown, error: groups }];
  if (!groups.some((group) => group.kind === 'file'))
    return [{ kind: 'invalid', source: shown, error: `no ${reportPath} in this folder or its subfolders` }];
  return groups;
}

/** One row per subfolder of `absolute` (hidden ones aside), or why the folder could not be listed. */
function groupsIn(
  fs: CliFileSystem,
  absolute: string,
  shown: string,
  reportPath: string,
  depth: number,
): CohortSource[] | string {
  let entries;
  try {
    entries = fs.readDir(absolute);
  } catch (error) {
    return describeFsError(error);
  }
  const names = entries
    // A link to a folder is listed as `other`: it is a group when it leads to one (stat follows it).
    .filter((entry) => !entry.name.startsWith('.') && entry.kind !== 'file')
    .map((entry) => entry.name)
    .sort();
  const groups: CohortSource[] = [];
  for (const name of names) {
    const folder = nodePath.join(absolute, name);
    const folderShown = joinShown(shown, name);
    const kind = kindOf(fs, folder);
    if (kind === null) {
      groups.push({ kind: 'invalid', source: folderShown, error: 'a link to nothing' });
      continue;
    }
    if (kind !== 'directory') continue;
    const report = nodePath.join(folder, reportPath);
    if (kindOf(fs, report) !== null) {
      groups.push({ kind: 'file', source: joinShown(folderShown, reportPath), reportPath: report });
      continue;
    }
    const clone = kindOf(fs, nodePath.join(folder, '.git')) !== null;
    const inner = clone || depth >= NESTING ? [] : groupsIn(fs, folder, folderShown, reportPath, depth + 1);
    if (Array.isArray(inner) && inner.some((group) => group.kind === 'file')) groups.push(...inner);
    else
      groups.push({
        kind: 'invalid',
        source: folderShown,
        error: Array.isArray(inner) ? `no ${reportPath} in this ${clone ? 'clone' : 'folder'}` : inner,
      });
  }
  return groups;
}

function joinShown(folder: string, path: string): string {
  return nodePath.posix.join(folder, path);
}

/** How the cohort's sources are found. */
export interface SourceOptions {
  /** The report's path inside a folder or repository (default `reports/README.md`). */
  reportPath: string;
  cwd: string;
}

/**
 * Turns the command line's SOURCE arguments into one entry per group: a folder (a clone, or a folder of clones), a
 * report file (`.md`), a CSV group list (`.csv`), a file listing repositories one a line, or `owner/name` / a
 * GitHub URL. Duplicates are dropped; anything that cannot be used becomes an {@link InvalidSource}.
 */
export function resolveSources(
  args: readonly string[],
  fs: CliFileSystem,
  options: SourceOptions,
): CohortSource[] {
  const sources: CohortSource[] = [];
  for (const arg of args) {
    const shown = nodePath.normalize(arg).split(nodePath.sep).join('/');
    const absolute = nodePath.resolve(options.cwd, arg);
    const kind = kindOf(fs, absolute);
    if (kind === 'directory') {
      sources.push(...fromFolder(fs, absolute, shown, options.reportPath));
    } else if (kind === 'file' && /\.(md|markdown)$/i.test(arg)) {
      sources.push({ kind: 'file', source: shown, reportPath: absolute });
    } else if (kind === 'file') {
      let text: string;
      try {
        text = new TextDecoder('utf-8').decode(fs.readFile(absolute));
      } catch (error) {
        sources.push({ kind: 'invalid', source: shown, error: describeFsError(error) });
        continue;
      }
      sources.push(...(/\.csv$/i.test(arg) ? fromCsv(text, shown) : fromList(text, shown)));
    } else {
      const parsed = parseRepository(arg);
      sources.push(
        parsed
          ? github(parsed.owner, parsed.repo)
          : {
              kind: 'invalid',
              source: shown,
              error: 'no such file or folder, and not owner/name of a repository',
            },
      );
    }
  }
  const seen = new Set<string>();
  return sources.filter((source) => {
    const key =
      source.kind === 'file'
        ? (fs.realPath?.(source.reportPath) ?? source.reportPath)
        : `${source.kind}:${source.source.toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
