import { readFileSync } from 'node:fs';
import { detectEdition } from '../../src/parse/edition.js';
import prompts from '../../src/parse/edition-prompts.json' with { type: 'json' };

describe('detectEdition', () => {
  it('should tell 2026 from 2025 by a line only the 2026 template has', () => {
    const own = prompts['2026'].find((line) => !prompts['2025'].includes(line)) ?? '';
    const text = [...prompts['2025'].slice(0, 40), own].join('\n');
    expect(detectEdition(text)).toBe('2026');
    expect(detectEdition(prompts['2025'].slice(0, 40).join('\n'))).toBe('2025');
  });

  it('should pick the 27-question family for a report made of 2023 template lines', () => {
    expect(detectEdition(prompts['2023'].join('\n'))).toBe('2023');
  });

  it('should detect each edition from its own blank template lines', () => {
    for (const edition of ['2023', '2024', '2025', '2026'] as const) {
      expect(detectEdition(prompts[edition].join('\n'))).toBe(edition);
    }
  });

  it('should find the 2026 line in a copy whose spaces became tabs, runs and CRLF line ends', () => {
    const own = prompts['2026'].find((line) => !prompts['2025'].includes(line)) ?? '';
    const mangle = (line: string) => ` \t${line.replace(/ /g, ' \t ')}\u00a0 `;
    const text = [...prompts['2025'].slice(0, 40), own].map(mangle).join('\r\n');
    expect(detectEdition(text)).toBe('2026');
    expect(detectEdition(prompts['2025'].slice(0, 40).map(mangle).join('\r'))).toBe('2025');
  });

  it('should answer with a known edition for text that is no report at all', () => {
    expect(['2023', '2024', '2025', '2026']).toContain(
      detectEdition(readFileSync(new URL(import.meta.url)).toString()),
    );
  });
});
