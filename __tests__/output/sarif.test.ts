import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { formatSarif, toSarif } from '../../src/output/sarif.js';
import { ruleDocsUrl } from '../../src/project.js';
import { RULES } from '../../src/rules/index.js';
import { cleanResult, sampleDiagnostic, sampleResult } from './sample-results.js';

type Log = {
  version: string;
  $schema: string;
  runs: {
    tool: { driver: { name: string; version: string; rules: { id: string }[] } };
    invocations: { executionSuccessful: boolean; toolExecutionNotifications: unknown[] }[];
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: {
        physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: object };
      }[];
      partialFingerprints: Record<string, string>;
    }[];
  }[];
};

function sarif(...args: Parameters<typeof toSarif>): Log {
  return JSON.parse(formatSarif(...args)) as Log;
}

describe('formatSarif', () => {
  const result = sampleResult({
    diagnostics: [
      sampleDiagnostic(),
      sampleDiagnostic({
        ruleId: 'image-missing',
        severity: 'warning',
        line: 5,
        endLine: 5,
        column: 3,
        endColumn: 30,
      }),
      sampleDiagnostic({
        ruleId: 'unanswered',
        severity: 'notice',
        line: 7,
        endLine: 7,
        column: 1,
        endColumn: 1,
      }),
    ],
  });

  it('should be a SARIF 2.1.0 log naming report-check and its version', () => {
    const log = sarif([result], [], { version: '1.2.3' });
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.runs[0]?.tool.driver).toMatchObject({ name: 'report-check', version: '1.2.3' });
  });

  it('should declare each rule once, sorted, and point results at their rule', () => {
    const run = sarif([result, result], [], { version: '0' }).runs[0]!;
    expect(run.tool.driver.rules.map((rule) => rule.id)).toEqual([
      'image-missing',
      'unanswered',
      'word-count',
    ]);
    for (const item of run.results) expect(run.tool.driver.rules[item.ruleIndex]?.id).toBe(item.ruleId);
  });

  it('should map error, warning and notice to error, warning and note', () => {
    const levels = sarif([result], [], { version: '0' }).runs[0]!.results.map((item) => item.level);
    expect(levels).toEqual(['error', 'warning', 'note']);
  });

  it('should give a physical location with a region', () => {
    const [first, second, third] = sarif([result], [], { version: '0' }).runs[0]!.results;
    expect(first?.locations[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: 'reports/README.md', uriBaseId: '%SRCROOT%' },
      region: { startLine: 120, startColumn: 1, endLine: 124, endColumn: 20 },
    });
    expect(second?.locations[0]?.physicalLocation.region).toEqual({
      startLine: 5,
      startColumn: 3,
      endLine: 5,
      endColumn: 30,
    });
    // An empty range has no valid endColumn.
    expect(third?.locations[0]?.physicalLocation.region).toEqual({
      startLine: 7,
      startColumn: 1,
      endLine: 7,
    });
  });

  it('should percent-encode paths and turn absolute paths into file URIs', () => {
    const spaced = sarif([{ ...result, path: 'my reports/README #1.md' }], [], { version: '0' });
    expect(spaced.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe(
      'my%20reports/README%20%231.md',
    );
    const absolute = sarif([{ ...result, path: '/home/s/reports/README.md' }], [], { version: '0' });
    expect(absolute.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation).toEqual({
      uri: 'file:///home/s/reports/README.md',
    });
  });

  it('should carry the fingerprint so code scanning can track a finding across runs', () => {
    const item = sarif([result], [], { version: '0' }).runs[0]!.results[0]!;
    expect(item.partialFingerprints).toEqual({ 'reportCheck/v1': '0123456789abcdef' });
  });

  it('should record reports that could not be checked as failed execution', () => {
    const run = sarif([cleanResult()], [{ path: 'x/README.md', message: 'no such file' }], { version: '0' })
      .runs[0]!;
    expect(run.invocations[0]?.executionSuccessful).toBe(false);
    expect(run.invocations[0]?.toolExecutionNotifications).toEqual([
      expect.objectContaining({ level: 'error', message: { text: 'no such file' } }),
    ]);
    expect(run.results).toEqual([]);
  });

  // The OASIS SARIF 2.1.0 schema (draft-07; see fixtures/sarif/README.md), formats aside.
  const schema = JSON.parse(
    readFileSync(new URL('../fixtures/sarif/sarif-schema-2.1.0.json', import.meta.url), 'utf8'),
  ) as object;
  const validate = new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(schema);
  const everyRule = sampleResult({
    diagnostics: RULES.map((rule, index) =>
      sampleDiagnostic({ ruleId: rule.id, severity: rule.severity, line: index + 1, endLine: index + 1 }),
    ),
  });

  it('should validate against the SARIF 2.1.0 JSON schema, with every rule and a failed file', () => {
    const log = sarif([everyRule, cleanResult()], [{ path: 'x/README.md', message: 'no such file' }], {
      version: '1.0.0',
    });
    expect(validate(log) ? [] : validate.errors).toEqual([]);
  });

  it('should not validate a log the schema forbids (the schema check can fail)', () => {
    const log = sarif([result], [], { version: '0' }) as unknown as { runs: { results: unknown[] }[] };
    log.runs[0]!.results[0] = { ruleId: 'word-count', level: 'fatal', message: { text: 'x' } };
    expect(validate(log)).toBe(false);
  });

  it("should describe each rule from the registry and link it to the rule's docs page", () => {
    const run = sarif([everyRule], [], { version: '0' }).runs[0]! as unknown as {
      tool: { driver: { rules: Record<string, { text?: string; markdown?: string } | string>[] } };
      results: { ruleId: string; properties: { helpUri: string } }[];
    };
    expect(run.tool.driver.rules).toHaveLength(RULES.length);
    for (const descriptor of run.tool.driver.rules) {
      const id = descriptor.id as string;
      const rule = RULES.find((candidate) => candidate.id === id)!;
      expect(descriptor).toMatchObject({
        shortDescription: { text: rule.summary },
        fullDescription: { text: rule.description },
        helpUri: ruleDocsUrl(id),
      });
      expect((descriptor.help as { markdown: string }).markdown).toContain(rule.bad);
      expect((descriptor.help as { text: string }).text).toContain(rule.good);
    }
    for (const item of run.results) expect(item.properties.helpUri).toBe(ruleDocsUrl(item.ruleId));
  });

  it("should point each result at its rule by reference, which leads to the rule's docs page", () => {
    const run = sarif([everyRule], [], { version: '0' }).runs[0]! as unknown as {
      tool: { driver: { rules: { id: string; helpUri: string }[] } };
      results: { ruleId: string; ruleIndex: number; rule: { id: string; index: number } }[];
    };
    expect(run.results.length).toBeGreaterThan(0);
    for (const item of run.results) {
      expect(item.rule).toEqual({ id: item.ruleId, index: item.ruleIndex });
      expect(run.tool.driver.rules[item.rule.index]).toMatchObject({
        id: item.ruleId,
        helpUri: ruleDocsUrl(item.ruleId),
      });
    }
    expect(validate(sarif([everyRule], [], { version: '0' }))).toBe(true);
  });
});
