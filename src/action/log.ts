import type { Annotation } from '../annotation.js';

/** Where the action reports: workflow commands, outputs, job summary. Wired to `@actions/core` in index.ts. */
export interface ActionLog {
  info(message: string): void;
  notice(message: string): void;
  warning(message: string): void;
  annotate(annotation: Annotation): void;
  setOutput(name: string, value: string): void;
  setFailed(message: string): void;
  writeSummary(markdown: string): Promise<void>;
}
