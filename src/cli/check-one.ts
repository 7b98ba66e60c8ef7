import { resolve } from 'node:path';
import type { Constraints, Engine } from '../engine.js';
import type { Edition } from '../editions.js';
import { errorMessage, isRunError } from '../errors.js';
import type { FileFailure } from '../output/file-failure.js';
import { oneLine } from '../output/printable.js';
import type { CheckResult } from '../result.js';
import { loadSource } from '../source/load-source.js';
import type { FileLookup } from '../validate/images.js';
import type { CliFileSystem, DirEntry, FileKind, FileStat } from './file-system.js';
import {
  describeFsError,
  displayPath,
  hasGitFolder,
  pathInRepository,
  readReportBytes,
  repositoryFiles,
  repositoryRoot,
} from './files.js';
import { gitFiles, type GitRunner } from './git-files.js';

/** What checking a report needs besides its path: the ports, and the options every report of a run shares. */
export interface CheckSetup {
  fs: CliFileSystem;
  git?: GitRunner;
  engine: Engine;
  /** Absolute working directory that relative paths are resolved against. */
  cwd: string;
  edition: Edition | 'auto';
  strict: boolean;
  constraints: Constraints | null;
}

/** The outcome of checking one report: a result, or why it could not be checked. */
export type CheckOutcome = CheckResult | FileFailure;

export function isFailure(outcome: CheckOutcome): outcome is FileFailure {
  return 'message' in outcome && !('diagnostics' in outcome);
}

/**
 * The file system as the image lookups see it during one run: each stat and listing made once. Reports of one
 * repository (a teacher's folder of reports) share its root, so the walk up to find `.git` and the listing of a
 * figure's folder would otherwise be repeated for every report. The report itself is read through the plain port.
 */
function lookupFileSystem(fs: CliFileSystem): CliFileSystem {
  const stats = new Map<string, FileStat | { error: unknown }>();
  const listings = new Map<string, DirEntry[] | { error: unknown }>();
  const names = new Map<string, string[] | { error: unknown }>();
  const kinds = new Map<string, FileKind | { error: unknown }>();
  const present = new Map<string, boolean | { error: unknown }>();
  const remember = <T>(cache: Map<string, T | { error: unknown }>, path: string, read: () => T): T => {
    let known = cache.get(path);
    if (known === undefined) {
      try {
        known = read();
      } catch (error) {
        known = { error };
      }
      cache.set(path, known);
    }
    if (typeof known === 'object' && known !== null && 'error' in known) throw known.error;
    return known as T;
  };
  const cached: CliFileSystem = {
    ...fs,
    stat: (path) => remember(stats, path, () => fs.stat(path)),
    readDir: (path) => remember(listings, path, () => fs.readDir(path)),
  };
  const { exists, readNames, entryKind } = fs;
  if (exists) cached.exists = (path) => remember(present, path, () => exists(path));
  if (readNames && entryKind) {
    cached.readNames = (path) => remember(names, path, () => readNames(path));
    cached.entryKind = (path) => remember(kinds, path, () => entryKind(path));
  }
  return cached;
}

/**
 * A checker of one report at a time for one run. Reports in the same repository share its file lookup, so git
 * lists a work tree's files once per run rather than once per report. Returns a result or a one-line failure,
 * never throws.
 */
export function reportChecker(setup: CheckSetup): (arg: string, content?: Uint8Array) => CheckOutcome {
  const lookupFs = lookupFileSystem(setup.fs);
  const lookups = new Map<string, FileLookup>();
  const filesOf = (root: string): FileLookup => {
    let files = lookups.get(root);
    if (!files) {
      const onDisk = repositoryFiles(lookupFs, root);
      // In a git work tree the pull request has what git will commit, so a figure only on disk is flagged here too.
      files = setup.git && hasGitFolder(lookupFs, root) ? gitFiles(setup.git, root, onDisk) : onDisk;
      lookups.set(root, files);
    }
    return files;
  };
  return (arg, given) => {
    const shown = displayPath(arg);
    const absolute = resolve(setup.cwd, arg);
    let content: Uint8Array;
    try {
      content = given ?? readReportBytes(setup.fs, absolute);
    } catch (error) {
      return { path: shown, message: describeFsError(error) };
    }
    const source = loadSource({ path: shown, bytes: content });
    if (!source.ok) return { path: shown, message: source.reason };
    const root = repositoryRoot(lookupFs, absolute);
    const repoPath = pathInRepository(root, absolute);
    return checkContent(setup, { shown, repoPath, content, files: filesOf(root) });
  };
}

function checkContent(
  setup: CheckSetup,
  report: { shown: string; repoPath: string; content: Uint8Array; files: FileLookup },
): CheckOutcome {
  const { shown, repoPath } = report;
  try {
    const result = setup.engine.checkReport({
      path: repoPath,
      content: report.content,
      files: report.files,
      edition: setup.edition,
      constraints: setup.constraints,
      strict: setup.strict,
    });
    // The engine sees the path relative to the repository root (image paths resolve against it); the user sees
    // the path they typed, so that a cohort of clones does not print the same `reports/README.md` for each.
    // Often the two are the same (a run from the folder holding the reports), and every finding already says it.
    if (repoPath === shown) return result;
    return {
      ...result,
      path: shown,
      diagnostics: result.diagnostics.map((diagnostic) => ({ ...diagnostic, path: shown })),
    };
  } catch (error) {
    if (isRunError(error))
      return { path: shown, message: oneLine(withoutPathPrefix(error.message, repoPath)) };
    return { path: shown, message: `internal error: ${errorMessage(error).split('\n')[0]}` };
  }
}

function withoutPathPrefix(message: string, path: string): string {
  return message.startsWith(`${path}: `) ? message.slice(path.length + 2) : message;
}
