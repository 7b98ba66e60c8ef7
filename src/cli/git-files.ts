import type { FileLookup, UncommittedFile } from '../validate/images.js';
import { indexFiles } from '../validate/images.js';

/** What a git command printed; null when git could not be started (not installed). */
export type GitOutput = { status: number | null; stdout: string } | null;

/** Runs `git ARGS` in `cwd` (stdin `input`, if given): the CLI's port to git, so tests can stand in for it. */
export type GitRunner = (args: readonly string[], cwd: string, input?: string) => GitOutput;

/**
 * The repository's files as the pull request will have them: what git will commit (tracked or staged, from one
 * `git ls-files`), so that a figure that is only on disk is missing here as it is in the pull request, and
 * {@link FileLookup.uncommitted} tells why (untracked, or which ignore rule). `workingTree` answers whether a
 * file is on disk. When git cannot list the files (not a work tree, git not installed) every question goes to
 * `workingTree`, as outside git. Nothing runs until an image is looked up.
 */
export function gitFiles(git: GitRunner, root: string, workingTree: FileLookup): FileLookup {
  let index: FileLookup | null | undefined;
  const committed = (): FileLookup | null => {
    if (index === undefined) {
      const listed = git(['ls-files', '-z', '--cached'], root);
      index = listed && listed.status === 0 ? indexFiles(listed.stdout.split('\0').filter(Boolean)) : null;
    }
    return index;
  };
  const ignored = new Map<string, UncommittedFile>();
  return {
    has: (path) => (committed() ?? workingTree).has(path),
    findIgnoringCase: (path) => (committed() ?? workingTree).findIgnoringCase(path),
    uncommitted(path) {
      const files = committed();
      if (!files || files.has(path) || !workingTree.has(path)) return undefined;
      let why = ignored.get(path);
      if (!why) {
        why = whyIgnored(git, root, path) ?? { kind: 'untracked' };
        ignored.set(path, why);
      }
      return why;
    },
  };
}

/** The ignore rule that excludes `path` (`git check-ignore -v`; -z needs --stdin), or null when none does. */
function whyIgnored(git: GitRunner, root: string, path: string): UncommittedFile | null {
  const out = git(['check-ignore', '-v', '-z', '--stdin'], root, `${path}\0`);
  if (!out || out.status !== 0) return null;
  // -z -v: source, line number, pattern and path, each ended by NUL.
  const [source = '', line = '', pattern = ''] = out.stdout.split('\0');
  return { kind: 'ignored', source, line: Number(line), pattern };
}
