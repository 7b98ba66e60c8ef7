import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { detectEdition, readEdition } from '../../src/parse/edition.js';
import { lineStarts } from '../../src/parse/lines.js';
import { edgeSlot, exactSlot } from '../../src/parse/line-slots.js';
import prompts from '../../src/parse/edition-prompts.json' with { type: 'json' };
import {
  EDGE_SLOTS,
  EXACT_SLOTS,
  FAMILY_TABLE,
  TEMPLATE_LINES,
  TOLD,
} from '../../src/parse/edition-table.js';
import type { Edition } from '../../src/editions.js';

const EDITIONS: readonly Edition[] = ['2023', '2024', '2025', '2026'];

/** The family score as its definition reads: the share of the family's lines among the text's normalised lines. */
function referenceScore(text: string, edition: Edition): number {
  const present = new Set(
    text
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .map((line) => line.replace(/\s+/g, ' ').trim()),
  );
  const [older, newer] = edition < '2025' ? (['2023', '2024'] as const) : (['2025', '2026'] as const);
  const family = new Set([...prompts[older], ...prompts[newer]]);
  return [...family].filter((line) => present.has(line)).length / family.size;
}

describe('edition-table.ts', () => {
  it('should hold the lines and families of edition-prompts.json (else: node scripts/gen-edition-prompts.mjs --table)', () => {
    const families = [
      ['2023', '2024'],
      ['2025', '2026'],
    ] as const;
    const told = [...new Set(families.flatMap(([older, newer]) => [...prompts[older], ...prompts[newer]]))];
    expect(TEMPLATE_LINES).toEqual([...told, ...prompts.shared]);
    expect(TOLD).toBe(told.length);
    const ids = (lines: readonly string[]) => lines.map((line) => told.indexOf(line));
    expect(FAMILY_TABLE).toEqual(
      families.map(([older, newer]) => ({
        older,
        newer,
        familyLines: ids([...new Set([...prompts[older], ...prompts[newer]])]),
        olderOwn: ids(prompts[older].filter((line) => !prompts[newer].includes(line))),
        newerOwn: ids(prompts[newer].filter((line) => !prompts[older].includes(line))),
      })),
    );
  });

  it("should give each line the slots line-slots.ts's hashes give it now", () => {
    expect(EXACT_SLOTS).toEqual(TEMPLATE_LINES.map((line) => exactSlot(line, 0, line.length)));
    expect(EDGE_SLOTS).toEqual(TEMPLATE_LINES.slice(0, TOLD).map((line) => edgeSlot(line, 0, line.length)));
  });

  it('should list each line once, normalised and not empty', () => {
    expect(new Set(TEMPLATE_LINES).size).toBe(TEMPLATE_LINES.length);
    for (const line of TEMPLATE_LINES) {
      expect(line).toBe(line.replace(/\s+/g, ' ').trim());
      expect(line).not.toBe('');
    }
  });
});

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

  it('should tell 27 questions from 31 by the answers when a report has no template text at all', () => {
    const report = (n: number) =>
      Array.from({ length: n }, (_, i) => `### Part ${i + 1}\n\nAnswer: some words\n`).join('\n');
    expect([readEdition(report(31)).edition, readEdition(report(31)).matches]).toEqual(['2026', null]);
    expect(detectEdition(report(27))).toBe('2023');
    expect(detectEdition('')).toBe('2023');
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

  it('should score each family as the share of its lines the text has once spaces are normalised', () => {
    // With the lines every template has, which detection skips as soon as it meets one as it stands.
    const templateLine = fc.constantFrom(
      ...EDITIONS.flatMap((edition) => prompts[edition]),
      ...prompts.shared,
    );
    const space = fc.constantFrom(
      ' ',
      '  ',
      '\t',
      '\u00a0',
      '\u3000',
      '\ufeff',
      '\u2028',
      '\u001c',
      '\u0085',
    );
    // A template line with spaces added, doubled or swapped for others, or a character changed: what students do.
    const line = fc.oneof(
      templateLine,
      fc.tuple(space, templateLine, space).map(([a, l, b]) => a + l + b),
      fc.tuple(templateLine, space).map(([l, s]) => l.replace(/ /g, s)),
      fc.tuple(templateLine, fc.nat(), fc.constantFrom('x', ' ', '\t', '')).map(([l, at, c]) => {
        const i = at % (l.length + 1);
        return l.slice(0, i) + c + l.slice(i + 1);
      }),
      fc.string({ maxLength: 20 }),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 60 }), fc.constantFrom('\n', '\r\n', '\r'), (lines, end) => {
        const text = lines.join(end);
        const reading = readEdition(text);
        const unixText = text.replace(/\r\n?/g, '\n');
        const normalised = readEdition(unixText, lineStarts(unixText));
        for (const edition of EDITIONS) {
          expect(reading.score(edition)).toBe(referenceScore(text, edition));
          expect(normalised.score(edition)).toBe(reading.score(edition));
        }
        expect(normalised.edition).toBe(reading.edition);
        expect(normalised.matches).toBe(reading.matches);
      }),
      { numRuns: 300 },
    );
  });
});
