import { readFileSync } from 'node:fs';
import { RULES } from '../../src/rules/index.js';
import {
  ruleList,
  rulePage,
  rulesJson,
  ruleTable,
  TABLE_END,
  TABLE_START,
  withRuleTable,
} from '../../src/rules/docs.js';
import type { Rule } from '../../src/rules/rule.js';

const root = new URL('../../', import.meta.url);

describe('the generated rule docs', () => {
  // scripts/gen-rule-docs.mjs writes these files; this fails when someone edits a rule and not the docs.
  it('should have a docs page per rule, as scripts/gen-rule-docs.mjs writes it', () => {
    for (const rule of RULES) {
      expect(readFileSync(new URL(`docs/rules/${rule.id}.md`, root), 'utf8')).toBe(rulePage(rule));
    }
  });

  it("should have the registry's table in the README", () => {
    const readme = readFileSync(new URL('README.md', root), 'utf8');
    expect(withRuleTable(readme, ruleTable(RULES))).toBe(readme);
  });
});

describe('rule docs rendering', () => {
  const rule: Rule = {
    id: 'demo-rule',
    severity: 'warning',
    summary: 'a demo | with a pipe',
    description: 'Why it matters.',
    bad: 'uses ``` fences',
    good: 'plain',
    fixable: false,
    check: null,
  };

  it('should fence an example longer than any backtick run inside it', () => {
    expect(rulePage(rule)).toContain('````markdown\nuses ``` fences\n````');
  });

  it("should escape a pipe in the table and link the rule's page", () => {
    expect(ruleTable([rule])).toContain(
      '| [`demo-rule`](docs/rules/demo-rule.md) | warning | a demo \\| with a pipe |',
    );
  });

  it('should replace only the text between the markers, and refuse a README without them', () => {
    const readme = `intro\n${TABLE_START}\nold\n${TABLE_END}\noutro\n`;
    expect(withRuleTable(readme, 'new')).toBe(`intro\n${TABLE_START}\nnew\n${TABLE_END}\noutro\n`);
    expect(() => withRuleTable('no markers', 'new')).toThrow(/rules:start/);
  });

  it('should list rules as aligned id, severity and summary columns', () => {
    expect(ruleList([rule, { ...rule, id: 'x', severity: 'error' }])).toBe(
      'demo-rule  warning  a demo | with a pipe\nx          error    a demo | with a pipe\n',
    );
  });

  it('should give the registry as JSON without the check functions', () => {
    const [entry] = JSON.parse(rulesJson([rule])) as Record<string, unknown>[];
    expect(entry).toMatchObject({ id: 'demo-rule', severity: 'warning', foundBy: 'source', fixable: false });
    expect(entry).not.toHaveProperty('check');
  });
});
