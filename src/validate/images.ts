import { posix } from 'node:path';
import type { ImageRef } from '../parse/report.js';

/** Image formats the course template asks for. */
export const ALLOWED_EXTENSIONS: readonly string[] = ['.png', '.jpg', '.jpeg'];

/** What the image checks ask of a repository's files; paths are relative to its root, `/`-separated. */
export interface FileLookup {
  /** Whether there is a file at exactly this path (case included). */
  has(path: string): boolean;
  /** The path of the file that matches `path` ignoring case, if there is one. */
  findIgnoringCase(path: string): string | undefined;
  /**
   * For a path {@link has} denies: whether the file is on disk all the same, but not in what git will commit
   * (untracked, or excluded by an ignore rule). Only the CLI in a git work tree knows; absent elsewhere.
   */
  uncommitted?(path: string): UncommittedFile | undefined;
  /**
   * Present when the file list could not be had: every path's presence is then unknown, and this is told each
   * path an image check needed to look up (so that a run knows whether the missing list cost it anything).
   */
  unknown?(path: string): void;
}

/** A {@link FileLookup} for a file list that could not be had, and the paths the image checks needed from it. */
export function unknownFiles(): FileLookup & { needed: Set<string> } {
  const needed = new Set<string>();
  const unknown = (path: string): void => void needed.add(path);
  return { needed, has: () => false, findIgnoringCase: () => undefined, unknown };
}

/** A file that is only in the working tree: git has not been told about it, or an ignore rule excludes it. */
export type UncommittedFile =
  | { kind: 'untracked' }
  /** `rule` as git names it, e.g. `.gitignore:3:*.png` (file, line, pattern). */
  | { kind: 'ignored'; source: string; line: number; pattern: string };

/** A {@link FileLookup} over a list of every file in the repository (the action has one from the git tree). */
export function indexFiles(files: readonly string[]): FileLookup {
  const exact = new Set<string>();
  for (const file of files) exact.add(file.startsWith('./') ? file.slice(2) : file);
  // Folded to lower case only when a link is not found exactly (the first file of each folded path wins): a
  // report whose images are all there never pays for lower-casing the repository's every path.
  let lower: Map<string, string> | undefined;
  const folded = (): Map<string, string> => {
    if (lower) return lower;
    lower = new Map();
    for (const path of exact) {
      const key = path.toLowerCase();
      if (!lower.has(key)) lower.set(key, path);
    }
    return lower;
  };
  return { has: (path) => exact.has(path), findIgnoringCase: (path) => folded().get(path.toLowerCase()) };
}

function safeDecode(src: string): string {
  // Only a `%` escape is decoded (or makes decodeURI throw): most paths have none, and skip the try.
  if (!src.includes('%')) return src;
  try {
    return decodeURI(src);
  } catch {
    return src;
  }
}

/**
 * Where an image link leads, as far as it can be followed: not at all (a reference-style image, an empty path),
 * off the repository (a URL, a path above the root), or to a path in the repository, which exists exactly, in
 * another case only, only on disk and not in git (the CLI in a git work tree), not at all, or is unknown (nothing
 * is known about the repository's files).
 */
export type ImageTarget =
  | { kind: 'reference' | 'empty' | 'remote' | 'outside-repository' }
  | {
      kind: 'in-repository';
      /** The path from the repository root, `/`-separated. */
      resolved: string;
      /** The lower-case extension, e.g. `.png`, or '' for none. */
      extension: string;
      /** Whether the path is outside the report's folder (the folder the course collects). */
      outsideFolder: boolean;
      presence: 'exact' | 'uncommitted' | 'case' | 'absent' | 'unknown';
      /** The file that matches ignoring case, when `presence` is `case`. */
      other?: string;
      /** Why git will not commit the file on disk, when `presence` is `uncommitted`. */
      uncommitted?: UncommittedFile;
    };

/**
 * Whether `path` has an empty, `.` or `..` segment or a leading `/`: what posix.normalize would change. String
 * searches, not a regex: the CLI follows a report's links once per process, and each regex compiles on first use.
 */
export function unnormal(path: string): boolean {
  if (path.startsWith('/') || path.includes('//')) return true;
  if (!path.includes('.')) return false;
  return (
    path === '.' ||
    path === '..' ||
    path.startsWith('./') ||
    path.startsWith('../') ||
    path.endsWith('/.') ||
    path.endsWith('/..') ||
    path.includes('/./') ||
    path.includes('/../')
  );
}

/** Whether a link starts with a URL scheme (`https:`, `data:`; RFC 3986: a letter, then letters, digits, `+.-`). */
function hasScheme(src: string): boolean {
  const colon = src.indexOf(':');
  if (colon < 1) return false;
  for (let index = 0; index < colon; index++) {
    const code = src.charCodeAt(index) | 0x20; // ASCII letters to lower case; digits and `+.-` are unchanged
    const letter = code >= 0x61 && code <= 0x7a;
    if (letter) continue;
    const other = src.charCodeAt(index);
    if (
      index === 0 ||
      !((other >= 0x30 && other <= 0x39) || other === 0x2b || other === 0x2e || other === 0x2d)
    )
      return false;
  }
  return true;
}

/**
 * `posix.normalize(posix.join(folder, path))` for a relative `path`: a plain `figures/a.png` under a plain folder
 * is the two joined (most images), without the general normalising of both.
 */
export function joinNormal(folder: string, path: string): string {
  if (path !== '' && !unnormal(path)) {
    if (folder === '.') return path;
    if (folder !== '' && !unnormal(folder) && !folder.endsWith('/')) return `${folder}/${path}`;
  }
  return posix.normalize(posix.join(folder, path));
}

function resolveLocal(src: string, folder: string): string {
  // Cut at the first `?` or `#` (a query or fragment); `/[?#].*$/` backtracked on a path of many `?`.
  const question = src.indexOf('?');
  const hash = src.indexOf('#');
  const query = question === -1 ? hash : hash === -1 ? question : Math.min(question, hash);
  const clean = safeDecode(query === -1 ? src : src.slice(0, query));
  return clean.startsWith('/') ? posix.normalize(clean.slice(1)) : joinNormal(folder, clean);
}

/**
 * Follows one image link of a report at `reportPath`, in `folder` (its folder: given by a caller that follows
 * many links of one report, so that it is found once); `files` null leaves presence unknown.
 */
export function imageTarget(
  image: ImageRef,
  reportPath: string,
  files: FileLookup | null,
  folder = posix.dirname(reportPath),
): ImageTarget {
  if (image.kind === 'reference') return { kind: 'reference' };
  const src = image.src.trim();
  if (src === '') return { kind: 'empty' };
  if (src.startsWith('//') || hasScheme(src)) return { kind: 'remote' };
  const resolved = resolveLocal(src, folder);
  if (resolved === '..' || resolved.startsWith('../')) return { kind: 'outside-repository' };
  const outsideFolder = folder !== '.' && !resolved.startsWith(`${folder}/`);
  const extension = posix.extname(resolved).toLowerCase();
  // Object literals, not a spread of the common fields: the spread was a good part of following a link.
  const kind = 'in-repository';
  if (!files) return { kind, resolved, extension, outsideFolder, presence: 'unknown' };
  if (files.unknown) {
    files.unknown(resolved);
    return { kind, resolved, extension, outsideFolder, presence: 'unknown' };
  }
  if (files.has(resolved)) return { kind, resolved, extension, outsideFolder, presence: 'exact' };
  const uncommitted = files.uncommitted?.(resolved);
  if (uncommitted) return { kind, resolved, extension, outsideFolder, presence: 'uncommitted', uncommitted };
  const other = files.findIgnoringCase(resolved);
  return other
    ? { kind, resolved, extension, outsideFolder, presence: 'case', other }
    : { kind, resolved, extension, outsideFolder, presence: 'absent' };
}
