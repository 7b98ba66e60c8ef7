import { FindingCap, isSummary, MAX_PER_QUESTION } from './cap.js';
import { fixContext, type FixContext } from './fix-context.js';
import { RULES } from './index.js';
import type { Finding, RuleContext } from './rule.js';

/**
 * Runs every rule of the registry that the engine computes, in registry order, and collects their findings, each
 * with its fix when the rule has one. The fix tables are built once per report, and only when a fixable rule
 * found something. Each rule lists at most 50 findings per question ({@link FindingCap}).
 */
export function runRules(context: RuleContext): Finding[] {
  const found: Finding[] = [];
  let fixes: FixContext | null = null;
  for (const rule of RULES) {
    if (!rule.check) continue;
    const results = rule.check(context, found);
    // Most rules find nothing in a report: no cap to set up for them.
    if (results.length === 0) continue;
    // No more findings than one question may list: the cap would admit every one (nearly every rule's case).
    const cap = results.length > MAX_PER_QUESTION ? new FindingCap() : null;
    // One push per finding: spreading 100,000 findings (an answer of nothing but "Answer:") overflows the stack.
    for (const finding of results) {
      if (cap && !cap.admit(finding)) continue;
      if (rule.fix && !isSummary(finding)) {
        fixes ??= fixContext(context);
        const fix = rule.fix(finding, fixes);
        if (fix) finding.fix = fix;
      }
      found.push(finding);
    }
    if (cap) for (const summary of cap.summaries()) found.push(summary);
  }
  return found;
}
