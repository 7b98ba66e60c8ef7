/** Types of scripts/student-edits.mjs, for the test that every edit class applies and replays. */
export interface EditPlan {
  seed: number;
  source: number;
  operations: string[];
  finish: string | null;
  strict: boolean;
}
export const OPERATIONS: Readonly<Record<string, (lines: string[], rng: unknown) => string | null>>;
export function planEdit(seed: number, sourceCount: number): EditPlan;
export function applyEdit(text: string, plan: EditPlan): { text: string; done: string[] };
