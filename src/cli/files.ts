import { dirname, join, normalize, relative, sep } from 'node:path';
import { unnormal, type FileLookup } from '../validate/images.js';
import type { CliFileSystem, FileKind } from './file-system.js';

// The one report-size limit (src/source/), checked here before reading: the longest real report is about 60 KiB.
export { MAX_REPORT_BYTES } from '../source/problems.js';
import { MAX_REPORT_BYTES, problemReason } from '../source/problems.js';

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
    throw new FileError(problemReason({ kind: 'too-large', size: stat.size }), 'EFBIG');
  }
  return fs.readFile(path);
}

function exists(fs: CliFileSystem, path: string): boolean {
  if (fs.exists) return fs.exists(path);
  try {
    fs.stat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether `root` holds `.git` (a folder, or a file in worktrees and submodules): a git work tree's top. `root` is
 * absolute and normalized (from resolve() or {@link repositoryRoot}), so `.git` is appended, not joined: join()
 * normalizes the whole path again in interpreted JavaScript, once for every folder the walk up passes.
 */
export function hasGitFolder(fs: CliFileSystem, root: string): boolean {
  return exists(fs, root.endsWith(sep) ? `${root}.git` : `${root}${sep}.git`);
}

/**
 * The repository a report belongs to: the nearest ancestor folder holding `.git` (a folder, or a file in
 * worktrees and submodules); without one, the parent of the report's folder (`reports/README.md` -> `.`).
 * `reportPath` is absolute and normalized, as resolve() gives it.
 */
export function repositoryRoot(fs: CliFileSystem, reportPath: string): string {
  const folder = dirname(reportPath);
  for (let dir = folder; ;) {
    if (hasGitFolder(fs, dir)) return dir;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return dirname(folder);
}

/**
 * Where `absolute` is inside `root`, `/`-separated: relative() for a path under the root, which both resolve()s
 * again; the two are absolute and normalized here.
 */
export function pathInRepository(root: string, absolute: string): string {
  const prefix = root.endsWith(sep) ? root : `${root}${sep}`;
  const inside = absolute.startsWith(prefix) ? absolute.slice(prefix.length) : relative(root, absolute);
  return sep === '/' ? inside : inside.split(sep).join('/');
}

/**
 * The repository's files as the image checks need them, read lazily: only the folders on an image's path are
 * listed (once each), so a check costs a few directory reads however big the repository (data, `.venv`) is, and
 * an image anywhere in it is found. Names are compared exactly, so a case mismatch is seen on case-insensitive
 * file systems too.
 */
export function repositoryFiles(fs: CliFileSystem, root: string): FileLookup {
  const listings = new Map<string, Listing>();
  const list = (dir: string): Listing => {
    let listing = listings.get(dir);
    if (!listing) {
      listing = readListing(fs, join(root, dir));
      listings.set(dir, listing);
    }
    return listing;
  };
  // Walks `path` segment by segment; `match` picks the index of the entry for a segment among its folder's names.
  const walk = (path: string, match: (names: string[], name: string) => number): string | undefined => {
    const segments = path.split('/');
    let dir = '';
    for (let index = 0; index < segments.length; index++) {
      const listing = list(dir);
      const at = match(listing.names, segments[index] ?? '');
      if (at === -1 || listing.kind(at) !== (index === segments.length - 1 ? 'file' : 'directory'))
        return undefined;
      const name = listing.names[at] ?? '';
      dir = dir ? `${dir}/${name}` : name;
    }
    return dir;
  };
  return {
    // indexOf: a native search of the names (a cold run follows each image once, in a folder of maybe 100 entries).
    has: (path) => walk(path, (names, name) => names.indexOf(name)) !== undefined,
    findIgnoringCase: (path) =>
      walk(path, (names, name) => {
        const exact = names.indexOf(name);
        if (exact !== -1) return exact;
        const lower = name.toLowerCase();
        return names.findIndex((other) => other.toLowerCase() === lower);
      }),
  };
}

/** A folder's entry names, and the kind of the entry at an index (asked only of the entries a walk passes). */
interface Listing {
  names: string[];
  kind(index: number): FileKind;
}

/** The kinds of a folder's entries by name, from one listing; none when it cannot be read. */
function kindsByName(fs: CliFileSystem, folder: string): Map<string, FileKind> {
  try {
    return new Map(fs.readDir(folder).map((entry) => [entry.name, entry.kind]));
  } catch {
    return new Map();
  }
}

/** A folder it cannot read is empty. */
function readListing(fs: CliFileSystem, folder: string): Listing {
  try {
    if (fs.readNames && fs.entryKind) {
      const { entryKind } = fs;
      const names = fs.readNames(folder);
      const kinds = new Map<number, FileKind>();
      // Once a second entry's kind is asked, the folder's kinds come from one listing: in a folder of many
      // reports each report's own folder is asked once, and an lstat each cost more than one readDir (a run
      // over the corpus's 107 reports, Node 20).
      let listed: Map<string, FileKind> | undefined;
      return {
        names,
        kind(index) {
          let kind = kinds.get(index);
          if (kind === undefined) {
            const name = names[index] ?? '';
            if (kinds.size > 0) listed ??= kindsByName(fs, folder);
            kinds.set(index, (kind = listed?.get(name) ?? entryKind(join(folder, name))));
          }
          return kind;
        },
      };
    }
    const entries = fs.readDir(folder);
    return { names: entries.map((entry) => entry.name), kind: (index) => entries[index]?.kind ?? 'other' };
  } catch {
    return { names: [], kind: () => 'other' };
  }
}

/** A path as the user should see it: forward slashes, no `./`, relative paths kept relative. */
export function displayPath(arg: string): string {
  // Most paths typed are already that: normalize() reads a path character by character in interpreted code on a
  // cold start (about 0.9 ms for a run's first report path, Node 24).
  if (sep === '/' && arg !== '' && !unnormal(arg)) return arg;
  return normalize(arg).split(sep).join('/');
}
