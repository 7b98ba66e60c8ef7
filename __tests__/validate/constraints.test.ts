import { builtinConstraints, validateDocument } from '../../src/validate/constraints.js';
import { loadConstraints } from '../../src/validate/custom-schema.js';
import { RunError } from '../../src/errors.js';

describe('loadConstraints', () => {
  it('should say where invalid JSON breaks, by line and column', () => {
    expect(() => loadConstraints('{\n  "type": "object",\n  "properties": x\n}', 'custom.json')).toThrow(
      new RunError('custom.json: invalid JSON at line 3, column 17: invalid symbol'),
    );
  });

  it('should refuse a trailing comma as JSON does', () => {
    expect(() => loadConstraints('{"type": "object",}', 's.json')).toThrow(
      /s\.json: invalid JSON at line 1, column 19/,
    );
  });

  it('should refuse an empty file', () => {
    expect(() => loadConstraints('', 'empty.json')).toThrow(/empty\.json: invalid JSON at line 1, column 1/);
  });

  it('should refuse JSON that is not an object', () => {
    expect(() => loadConstraints('[1, 2]', 'list.json')).toThrow(
      'list.json: a constraints schema must be a JSON object',
    );
  });

  it('should refuse a schema that is not valid JSON Schema and say why', () => {
    expect(() => loadConstraints('{"type": "objekt"}', 'bad.json')).toThrow(
      /^bad\.json: not a valid JSON Schema: schema is invalid: data\/type/,
    );
  });

  it('should refuse a schema that refers to itself without end, before any report, naming it', () => {
    expect(() => loadConstraints('{"allOf": [{"$ref": "#"}]}', 'recur.json')).toThrow(
      new RunError(
        'recur.json: the schema refers to itself without end ($ref), so no report can be checked against it',
      ),
    );
    // A schema that refers to itself for nested data only is a schema like any other.
    const tree =
      '{"properties": {"questions": {"additionalProperties": {"$ref": "#/$defs/q"}}}, "$defs": {"q": {"properties": {"more": {"$ref": "#/$defs/q"}}}}}';
    expect(() => loadConstraints(tree, 'tree.json')).not.toThrow();
  });

  it('should refuse JSON nested deeper than the stack, naming the file', () => {
    const deep = `{"a":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_001)}`;
    expect(() => loadConstraints(deep, 'deep.json')).toThrow(
      new RunError('deep.json: nested too deeply to read as a schema'),
    );
  });

  it('should read the word and image ranges a custom schema declares', () => {
    const schema = loadConstraints(
      JSON.stringify({
        properties: {
          questions: {
            properties: {
              '5': { properties: { words: { minimum: 10, maximum: 20 }, images: { minimum: 1 } } },
            },
          },
        },
      }),
      'c.json',
    );
    expect(schema.ranges.get(5)).toEqual({ words: { min: 10, max: 20 }, images: { min: 1, max: Infinity } });
  });

  it('should load two custom schemas with the same $id without a clash', () => {
    const text = JSON.stringify({ $id: 'https://example.com/s.json', type: 'object' });
    expect(() => [loadConstraints(text, 'a.json'), loadConstraints(text, 'b.json')]).not.toThrow();
  });
});

describe('builtinConstraints', () => {
  it('should enforce the 2026 ranges, including 0–200 words for Question 3', () => {
    const constraints = builtinConstraints('2026');
    expect(constraints.ranges.get(3)?.words).toEqual({ min: 0, max: 200 });
    expect(builtinConstraints('2025').ranges.get(3)?.words).toEqual({ min: 100, max: 200 });
    expect(constraints.ranges.get(19)).toEqual({ words: null, images: { min: 1, max: 2 } });
  });

  it('should return every broken range at once', () => {
    const errors = validateDocument(builtinConstraints('2024'), {
      questions: { '4': { words: 5, images: 0 }, '14': { words: 400, images: 0 } },
    });
    expect(errors.map((e) => `${e.instancePath} ${e.keyword}`)).toEqual([
      '/questions/4/words minimum',
      '/questions/14/words maximum',
      '/questions/14/images minimum',
    ]);
  });

  it('should compile each edition once and reuse it', () => {
    expect(builtinConstraints('2023')).toBe(builtinConstraints('2023'));
  });
});

describe('AJV_OPTIONS', () => {
  it('should be the options the build precompiles the built-in validators with', async () => {
    const { AJV_OPTIONS } = await import('../../src/validate/ajv-options.js');
    const build = await import('../../scripts/bundle-options.mjs');
    expect(build.AJV_OPTIONS).toEqual(AJV_OPTIONS);
  });
});
