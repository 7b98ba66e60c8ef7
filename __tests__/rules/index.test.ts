import { readdirSync, readFileSync } from 'node:fs';
import { findRule, RULES } from '../../src/rules/index.js';

describe('the rule registry', () => {
  it('should list each rule once, under a stable kebab-case id', () => {
    const ids = RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('should give every rule a summary, a description and a bad and a good example', () => {
    for (const rule of RULES) {
      expect(rule.summary.length).toBeGreaterThan(10);
      expect(rule.description.length).toBeGreaterThan(rule.summary.length);
      expect(rule.bad).not.toBe(rule.good);
    }
  });

  it('should know every rule id the golden fixtures show', () => {
    const fixtures = new URL('../fixtures/engine/', import.meta.url);
    for (const file of readdirSync(fixtures).filter((name) => name.endsWith('.diagnostics.json'))) {
      const { diagnostics } = JSON.parse(readFileSync(new URL(file, fixtures), 'utf8')) as {
        diagnostics: string[];
      };
      for (const line of diagnostics)
        expect(findRule(/\[([a-z0-9-]+)\]$/.exec(line)?.[1] ?? '')).toBeDefined();
    }
  });

  it('should not find a rule that does not exist', () => {
    expect(findRule('no-such-rule')).toBeUndefined();
  });
});
