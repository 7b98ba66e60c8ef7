import { readSettings } from '../src/inputs.js';

const read = (inputs: Record<string, string>) => readSettings((name) => inputs[name] ?? '');
const base = { 'github-token': 'ghs_x' };

describe('readSettings', () => {
  it('should apply the defaults', () => {
    expect(read(base)).toEqual({
      token: 'ghs_x',
      path: 'reports/README.md',
      edition: 'auto',
      schema: null,
      failOn: 'error',
      strict: false,
      prNumber: null,
      timeoutSeconds: 120,
    });
  });

  it('should read every input', () => {
    expect(
      read({
        ...base,
        path: './docs/report.md',
        edition: '2025',
        schema: '.github/schema.json',
        'fail-on': 'warning',
        strict: 'TRUE',
        'pr-number': ' 42 ',
        'timeout-seconds': '30',
      }),
    ).toEqual({
      token: 'ghs_x',
      path: 'docs/report.md',
      edition: '2025',
      schema: '.github/schema.json',
      failOn: 'warning',
      strict: true,
      prNumber: 42,
      timeoutSeconds: 30,
    });
  });

  it.each([
    ['fail-on', 'errors', 'Input "fail-on" must be one of error, warning, never; got "errors".'],
    ['edition', '2019', 'Input "edition" must be one of auto, 2023, 2024, 2025, 2026; got "2019".'],
    ['strict', 'yes', 'Input "strict" must be true or false; got "yes".'],
    ['pr-number', '4x', 'Input "pr-number" must be empty or a pull request number, such as 42; got "4x".'],
    ['pr-number', '0', 'Input "pr-number" must be empty or a pull request number, such as 42; got "0".'],
    [
      'timeout-seconds',
      '5',
      'Input "timeout-seconds" must be a whole number of seconds from 10 to 99999, such as 120; got "5".',
    ],
    [
      'timeout-seconds',
      '2m',
      'Input "timeout-seconds" must be a whole number of seconds from 10 to 99999, such as 120; got "2m".',
    ],
  ])('should reject %s=%s naming the input and the allowed values', (name, value, message) => {
    expect(() => read({ ...base, [name]: value })).toThrow(message);
  });

  it.each(['../secrets.md', '/etc/passwd', 'a//b.md', 'reports\\README.md'])(
    'should reject the path %s outside the repository',
    (path) => {
      expect(() => read({ ...base, path })).toThrow(
        /Input "path" must be a file path relative to the repository root/,
      );
      expect(() => read({ ...base, schema: path })).toThrow(/Input "schema" must be/);
    },
  );

  it('should reject an empty token', () => {
    expect(() => read({})).toThrow(/Input "github-token" is empty/);
  });

  it('should accept a pr-number written as #42', () => {
    expect(read({ ...base, 'pr-number': '#42' }).prNumber).toBe(42);
  });
});
