import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { checkReport } from '../../src/check.js';
import { RULES } from '../../src/rules/index.js';
import { loadConstraints } from '../../src/validate/custom-schema.js';

// One report per rule that makes it fire (`<id>.md`) and one that keeps it silent (`<id>.silent.md`), each beside
// its `.diagnostics.json`; UPDATE=1 rewrites the expectations after a reviewed change. `<id>.schema.json`, when
// present, is the custom constraints schema both are checked against.
const fixtures = new URL('../fixtures/rules/', import.meta.url);
const FILES = ['reports/figures/shot.png', 'reports/figures/shot.gif', 'docs/loss.png'];

function check(name: string, id: string): string[] {
  const schemaFile = new URL(`${id}.schema.json`, fixtures);
  const constraints = existsSync(schemaFile)
    ? loadConstraints(readFileSync(schemaFile, 'utf8'), `${id}.schema.json`)
    : null;
  const result = checkReport({
    path: 'reports/README.md',
    content: readFileSync(new URL(name, fixtures)),
    files: FILES,
    edition: '2026',
    constraints,
  });
  return result.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.message} [${d.ruleId}]`);
}

function golden(name: string, actual: string[]): void {
  const expectedFile = new URL(name.replace(/\.md$/, '.diagnostics.json'), fixtures);
  if (process.env.UPDATE) writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
  expect(actual).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
}

const engineRules = RULES.filter((rule) => rule.check !== null);

describe('rule golden fixtures', () => {
  it('should have a firing and a silent report for every rule the engine checks', () => {
    const names = new Set(readdirSync(fixtures));
    for (const rule of engineRules) {
      expect([rule.id, names.has(`${rule.id}.md`), names.has(`${rule.id}.silent.md`)]).toEqual([
        rule.id,
        true,
        true,
      ]);
    }
  });

  for (const rule of engineRules) {
    it(`should report ${rule.id} on ${rule.id}.md, as its .diagnostics.json says`, () => {
      const actual = check(`${rule.id}.md`, rule.id);
      expect(actual.some((line) => line.endsWith(`[${rule.id}]`))).toBe(true);
      golden(`${rule.id}.md`, actual);
    });

    it(`should not report ${rule.id} on ${rule.id}.silent.md, as its .diagnostics.json says`, () => {
      const actual = check(`${rule.id}.silent.md`, rule.id);
      expect(actual.filter((line) => line.endsWith(`[${rule.id}]`))).toEqual([]);
      golden(`${rule.id}.silent.md`, actual);
    });
  }
});
