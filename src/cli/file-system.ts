/** What a path is, as far as the CLI cares. */
export type FileKind = 'file' | 'directory' | 'other';

/** The result of {@link CliFileSystem.stat}. */
export interface FileStat {
  kind: FileKind;
  size: number;
}

/** One entry of a directory listing; a symbolic link to a directory is `other` (not followed). */
export interface DirEntry {
  name: string;
  kind: FileKind;
}

/**
 * The file-system port of the CLI. Failures are thrown as Node's errors do, with a `code` such as `ENOENT`,
 * `EACCES` or `EISDIR`, so the real adapter is a thin wrapper over node:fs and a fake is a few lines.
 */
export interface CliFileSystem {
  stat(path: string): FileStat;
  /**
   * Whether anything is at `path` (a link followed), as a {@link stat} that does not throw: the walk up to a
   * repository's `.git` asks it of every folder above a report, and each throw builds an error with its stack.
   * Absent: {@link stat} is asked.
   */
  exists?(path: string): boolean;
  readFile(path: string): Uint8Array;
  readDir(path: string): DirEntry[];
  /**
   * The names of a folder's entries, without their kinds (each then asked of {@link entryKind}, until a second
   * entry of the folder is asked: then {@link readDir} gives every kind at once): a listing is a native array of
   * strings this way, where readDir makes an object per entry in JavaScript, most of the image lookup of a cold run
   * in a folder of many reports. Both or neither are given; absent: readDir is used.
   */
  readNames?(path: string): string[];
  /** The kind of one entry as {@link readDir} would give it (a link to a file is a file, to a folder other). */
  entryKind?(path: string): FileKind;
  /** The path with every link resolved (a report reached through two links is one group); absent: as given. */
  realPath?(path: string): string;
  writeFile(path: string, text: string): void;
  /** Moves a file over another in one step (`--fix` writes a temp file beside the report, then renames it). */
  rename(from: string, to: string): void;
}
