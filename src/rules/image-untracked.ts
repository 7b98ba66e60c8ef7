import type { UncommittedFile } from '../validate/images.js';
import { imageRule } from './image-rule.js';

/** What to do about a figure that is on disk but not in git: the pull request and the hand-in will miss it. */
function untrackedMessage(question: number, src: string, resolved: string, file: UncommittedFile): string {
  const missed = 'so the pull request and the hand-in will not have it';
  if (file.kind === 'untracked') {
    return `Question ${question} links ${src}; ${resolved} is on your disk but not added to git, ${missed}; run git add ${resolved}.`;
  }
  return `Question ${question} links ${src}, but ${file.source} (line ${file.line}: ${file.pattern}) excludes ${resolved} from git, ${missed}; remove that pattern, or run git add -f ${resolved}.`;
}

/** An image that is on disk but not in what git will commit (the CLI in a git work tree). */
export const imageUntracked = imageRule({
  id: 'image-untracked',
  summary: 'an image that is on disk but not in git (untracked, or excluded by .gitignore)',
  description:
    'The pull request and the hand-in contain what git commits, not what is on your disk: a figure that was never `git add`ed, or that an ignore rule excludes, shows locally and is missing on GitHub. Run `git add` on it, or remove the ignore pattern. Only the command line in a git work tree can see this.',
  bad: '![Loss](figures/loss.png)   (reports/figures/loss.png exists, but git status lists it as untracked)',
  good: '![Loss](figures/loss.png)   (git add reports/figures/loss.png)',
  fixable: false,
  inspect: ({ target, question, src }) =>
    target.kind === 'in-repository' && target.presence === 'uncommitted' && target.uncommitted
      ? {
          message: untrackedMessage(question, src, target.resolved, target.uncommitted),
          key: src,
          actual: target.resolved,
        }
      : null,
});
