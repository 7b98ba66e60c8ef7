import { RULES } from './index.js';
import type { Finding, RuleContext } from './rule.js';

/** Runs every rule of the registry that the engine computes, in registry order, and collects their findings. */
export function runRules(context: RuleContext): Finding[] {
  const found: Finding[] = [];
  for (const rule of RULES) if (rule.check) found.push(...rule.check(context, found));
  return found;
}
