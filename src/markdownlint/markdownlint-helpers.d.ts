// markdownlint ships its helpers without types; this rule uses one of them.
declare module 'markdownlint/helpers' {
  /** markdownlint's hiding of HTML comment text from rules (each character but spaces and line ends made `.`). */
  export function clearHtmlCommentText(text: string): string;
}
