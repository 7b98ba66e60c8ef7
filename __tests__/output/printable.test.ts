import { oneLine, printable } from '../../src/output/printable.js';

describe('printable', () => {
  it('should turn line ends and tabs into spaces', () => {
    expect(printable('a\r\nb\tc')).toBe('a  b c');
  });

  it('should show escape characters and bidi overrides as code points', () => {
    expect(printable('\u001b[31m\u202eabc')).toBe('\\u{001b}[31m\\u{202e}abc');
  });

  it('should keep ordinary text, including non-ASCII letters and dashes', () => {
    expect(printable('Spørgsmål 14: 200–300 ord')).toBe('Spørgsmål 14: 200–300 ord');
  });
});

describe('oneLine', () => {
  it('should fold a multi-line message onto one line', () => {
    expect(oneLine('Unexpected token \'x\', "{\n  "a": 1,\n  "b": x\n}\n" is not valid JSON\n')).toBe(
      'Unexpected token \'x\', "{ "a": 1, "b": x } " is not valid JSON',
    );
  });
});
