// Regenerates src/parse/edition-prompts.json from the blank templates in ../shared/corpus/editions: for each
// edition, the template lines that not every edition shares. Edition detection scores a report by how many of
// each edition's lines it still contains. Run by hand when a new edition's template is added.
import { readFileSync, writeFileSync } from 'node:fs';

const editions = ['2023', '2024', '2025', '2026'];
// Placeholders are what students replace, in every edition; they say nothing about the template's age.
const PLACEHOLDER = /---\s*question\s+\d+\s+fill\s+here\s*---/i;
const normalise = (line) => line.replace(/\s+/g, ' ').trim();
const lines = Object.fromEntries(
  editions.map((year) => {
    const text = readFileSync(
      new URL(`../../shared/corpus/editions/${year}/README.md`, import.meta.url),
      'utf8',
    );
    return [
      year,
      new Set(
        text
          .split(/\r\n?|\n/)
          .map(normalise)
          .filter((line) => line.length > 3 && !PLACEHOLDER.test(line)),
      ),
    ];
  }),
);
const shared = [...lines['2023']].filter((line) => editions.every((year) => lines[year].has(line)));
const distinct = Object.fromEntries(
  editions.map((year) => [year, [...lines[year]].filter((line) => !shared.includes(line)).sort()]),
);
writeFileSync(
  new URL('../src/parse/edition-prompts.json', import.meta.url),
  JSON.stringify(distinct, null, 1) + '\n',
);
