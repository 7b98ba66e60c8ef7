// markdownlint ships its helpers without types; the rule and its tests use two of them.
declare module 'markdownlint/helpers' {
  /** markdownlint's hiding of HTML comment text from rules (each character but spaces and line ends made `.`). */
  export function clearHtmlCommentText(text: string): string;
  /** markdownlint's default front matter pattern. */
  export const frontMatterRe: RegExp;
}
