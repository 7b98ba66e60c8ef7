import * as nodePath from 'node:path';
import type { CliFileSystem } from './file-system.js';

/** Reports larger than this are refused before reading: the longest real report is about 60 KiB. */
export const MAX_REPORT_BYTES = 1024 * 1024;

/** The report-folder listing stops here (the report sits at the root of a huge repository): image checks are skipped. */
export const MAX_LISTED_FILES = 50_000;

/** Folders never searched for images. */
const SKIPPED_FOLDERS = new Set(['.git', 'node_modules']);

/** A file the CLI could not use, with a one-line reason (without the path). */
export class FileError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'FileError';
  }
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  ENOTDIR: 'no such file',
  EISDIR: 'is a directory, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'file name too long',
  EMFILE: 'too many open files',
};

/** One short reason for a file-system failure, e.g. `no such file`. */
export function describeFsError(error: unknown): string {
  if (error instanceof FileError) return error.message;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && REASONS[code]) return REASONS[code];
  const message = error instanceof Error ? error.message : String(error);
  return `could not read: ${message.split('\n')[0]}`;
}

/** Reads a file the user named, refusing directories, special files and anything over {@link MAX_REPORT_BYTES}. */
export function readReportBytes(fs: CliFileSystem, path: string): Uint8Array {
  const stat = fs.stat(path);
  if (stat.kind === 'directory') throw new FileError(REASONS.EISDIR ?? 'is a directory', 'EISDIR');
  if (stat.kind !== 'file') throw new FileError('is not a regular file', 'ENOTFILE');
  if (stat.size > MAX_REPORT_BYTES) {
    throw new FileError(`too large (${formatSize(stat.size)}; the limit is 1 MiB)`, 'EFBIG');
  }
  return fs.readFile(path);
}

function formatSize(bytes: number): string {
  // Just over the limit, one decimal would read "1.0 MiB; the limit is 1 MiB": show the bytes there.
  return bytes >= 2 * 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MiB` : `${bytes} bytes`;
}

function exists(fs: CliFileSystem, path: string): boolean {
  try {
    fs.stat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * The repository a report belongs to: the nearest ancestor folder holding `.git` (a folder, or a file in
 * worktrees and submodules); without one, the parent of the report's folder (`reports/README.md` -> `.`).
 */
export function repositoryRoot(fs: CliFileSystem, reportPath: string): string {
  const folder = nodePath.dirname(reportPath);
  for (let dir = folder; ; dir = nodePath.dirname(dir)) {
    if (exists(fs, nodePath.join(dir, '.git'))) return dir;
    if (nodePath.dirname(dir) === dir) break;
  }
  return nodePath.dirname(folder);
}

/**
 * Every file under `folder` (recursively, skipping `.git` and `node_modules`, not following linked folders),
 * as `/`-separated paths relative to `root`; null when there are more than {@link MAX_LISTED_FILES}.
 * Unreadable folders are skipped: their images then show up as missing, which is what the student sees too.
 */
export function listReportFiles(fs: CliFileSystem, folder: string, root: string): string[] | null {
  const files: string[] = [];
  const pending = [folder];
  while (pending.length > 0) {
    const dir = pending.pop() as string;
    let entries;
    try {
      entries = fs.readDir(dir);
    } catch {
      continue;
    }
    for (const entry of entries) {
      const full = nodePath.join(dir, entry.name);
      if (entry.kind === 'directory') {
        if (!SKIPPED_FOLDERS.has(entry.name)) pending.push(full);
      } else if (entry.kind === 'file') {
        files.push(nodePath.relative(root, full).split(nodePath.sep).join('/'));
        if (files.length > MAX_LISTED_FILES) return null;
      }
    }
  }
  return files.sort();
}
