import { REPOSITORY_URL, ruleDocsPath, ruleDocsUrl } from '../project.js';
import type { Rule } from './rule.js';

/** The README comment that opens the generated rule table. */
export const TABLE_START = '<!-- rules:start -->';
/** The README comment that closes the generated rule table. */
export const TABLE_END = '<!-- rules:end -->';

/** The markdown fence to put around `text`: one backtick longer than any run of backticks inside it. */
function fence(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  return '`'.repeat(longest + 1);
}

function codeBlock(text: string): string {
  const marks = fence(text);
  return `${marks}markdown\n${text}\n${marks}`;
}

/** A rule's severity as the docs state it: the default, or how it depends on the report. */
export function severityText(rule: Rule): string {
  return rule.severityNote ?? rule.severity;
}

/** The page `docs/rules/<id>.md` for one rule. */
export function rulePage(rule: Rule): string {
  return [
    `# \`${rule.id}\``,
    '',
    '<!-- Generated from src/rules/ by scripts/gen-rule-docs.mjs; edit the rule module, not this page. -->',
    '',
    `**Severity:** ${severityText(rule)}. **Fixable:** ${rule.fixable ? 'yes' : 'no'}.`,
    '',
    `${rule.summary.charAt(0).toUpperCase()}${rule.summary.slice(1)}.`,
    '',
    rule.description,
    '',
    '## Breaks the rule',
    '',
    codeBlock(rule.bad),
    '',
    '## Keeps it',
    '',
    codeBlock(rule.good),
    '',
    `[All rules](../../README.md#rules) · [report-check](${REPOSITORY_URL})`,
    '',
  ].join('\n');
}

/** The README's rule table: one row per rule, linking its page. */
export function ruleTable(rules: readonly Rule[]): string {
  const rows = rules.map(
    (rule) =>
      `| [\`${rule.id}\`](${ruleDocsPath(rule.id)}) | ${severityText(rule)} | ${rule.summary.replace(/\|/g, '\\|')} |`,
  );
  return ['| rule | severity | what it finds |', '|---|---|---|', ...rows].join('\n');
}

/** `readme` with the text between the table markers replaced by `table`; throws when a marker is missing. */
export function withRuleTable(readme: string, table: string): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start === -1 || end < start) throw new Error(`README.md: no ${TABLE_START} … ${TABLE_END} block`);
  return `${readme.slice(0, start + TABLE_START.length)}\n${table}\n${readme.slice(end)}`;
}

/** The text `--list-rules` prints: one line per rule, id, severity and summary in aligned columns. */
export function ruleList(rules: readonly Rule[]): string {
  const idWidth = rules.reduce((widest, rule) => Math.max(widest, rule.id.length), 0);
  const severityWidth = rules.reduce((widest, rule) => Math.max(widest, rule.severity.length), 0);
  return rules
    .map((rule) => `${rule.id.padEnd(idWidth)}  ${rule.severity.padEnd(severityWidth)}  ${rule.summary}\n`)
    .join('');
}

/** The registry as JSON (`--list-rules --format json`): what each rule is, without its check. */
export function rulesJson(rules: readonly Rule[]): string {
  const plain = rules.map(
    ({ id, severity, severityNote, summary, description, bad, good, fixable, check }) => ({
      id,
      severity,
      ...(severityNote ? { severityNote } : {}),
      summary,
      description,
      bad,
      good,
      fixable,
      // Rules without a check are about the report file itself, found before the engine runs.
      foundBy: check ? 'engine' : 'source',
      docs: ruleDocsUrl(id),
    }),
  );
  return `${JSON.stringify(plain, null, 2)}\n`;
}
