import type { CheckInput } from './check.js';
import type { CheckResult } from './result.js';

/** The constraints object {@link Engine.loadConstraints} returns and {@link Engine.checkReport} takes. */
export type Constraints = NonNullable<CheckInput['constraints']>;

/** The engine the action and the CLI drive (pure; injected so each front door is testable on its own). */
export interface Engine {
  checkReport(input: CheckInput): CheckResult;
  /** May load the schema compiler on demand, so a run without a custom schema does not pay for it. */
  loadConstraints(text: string, source: string): Constraints | Promise<Constraints>;
}
