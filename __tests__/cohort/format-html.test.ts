import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { CohortRow } from '../../src/cohort/columns.js';
import { escapeHtml, formatCohortHtml } from '../../src/cohort/format-html.js';
import { failedGroup } from '../../src/cohort/group.js';
import { summarize } from '../../src/cohort/summary.js';
import { groupOf, reportWith, sampleGroups } from '../support/cohort-groups.js';

/** Debian's chromium (the briefing's browser); CHROMIUM overrides the path. */
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function page(rows: CohortRow[], title = 'Cohort <2026>'): string {
  return formatCohortHtml(rows, summarize(rows, null), {
    title,
    href: (row) => row.link,
  });
}

describe('formatCohortHtml', () => {
  it('should escape every text a source or a report brings, never passing it as markup', () => {
    const hostile = '<img src=x onerror=alert(1)>"\'&';
    const rows = [
      { ...groupOf('course/alpha', reportWith({})), source: hostile },
      failedGroup('x/y', 'github', '<script>alert(2)</script>'),
    ];
    const html = page(rows);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script>alert');
    expect(html).toContain(escapeHtml(hostile));
    expect(html).toContain('could not read: &lt;script&gt;alert(2)&lt;/script&gt;');
    expect(html).toContain('<title>Cohort &lt;2026&gt;</title>');
  });

  it('should load nothing: a content security policy and no URL to fetch', () => {
    const html = page(sampleGroups());
    expect(html).toContain(
      `content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'`,
    );
    expect(html).not.toMatch(/\b(?:src|srcset)=|@import|url\(/);
  });

  it('should put the number in every out-of-range cell and one bar per question', () => {
    const html = page(sampleGroups());
    expect(html).toContain(
      '<td class="short" title="Q4: 87 words (100–200), 0 images; short" data-sort="-13">-13w</td>',
    );
    expect(html).toContain(
      '<td class="long" title="Q11: 320 words (200–300), 0 images; long" data-sort="20">+20w</td>',
    );
    expect(html.match(/<title>Question \d+: /g)).toHaveLength(31);
    expect(html).toContain('<title>Question 4: out of range in 1 group, unanswered in 1</title>');
  });
});

describe('the cohort page in headless Chromium', () => {
  let browser: Browser;
  let tab: Page;
  let dir: string;
  const requests: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cohort-html-'));
    const file = join(dir, 'cohort.html');
    writeFileSync(file, page(sampleGroups(), 'report-check cohort: 8 groups'));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
    tab = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    tab.on('request', (request) => requests.push(request.url()));
    await tab.goto(pathToFileURL(file).href);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const sources = () =>
    tab.$$eval('#cohort tbody tr:not([hidden]) td.src:first-child', (cells) =>
      cells.map((c) => c.textContent),
    );

  it('should load from a file without any other request', async () => {
    expect(requests).toEqual([expect.stringMatching(/^file:\/\/.*cohort\.html$/)]);
    expect(await tab.textContent('#shown')).toBe('8 of 8 groups shown');
    expect(await sources()).toEqual([
      'course/alpha',
      'course/bravo',
      'course/charlie',
      'course/delta',
      'course/echo',
      'course/foxtrot',
      'course/golf',
      'course/hotel',
    ]);
  });

  it('should sort by a column when its header is clicked, and reverse on a second click', async () => {
    await tab.click('#cohort thead th[title=errors]');
    const ascending = await tab.$$eval('#cohort tbody tr:not(.unreadable) td:nth-child(5)', (cells) =>
      cells.map((c) => Number(c.textContent)),
    );
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    expect(new Set(ascending).size).toBeGreaterThan(2);
    expect(await tab.getAttribute('#cohort thead th[title=errors]', 'aria-sort')).toBe('ascending');
    await tab.click('#cohort thead th[title=errors]');
    const descending = await tab.$$eval('#cohort tbody tr:not(.unreadable) td:nth-child(5)', (cells) =>
      cells.map((c) => Number(c.textContent)),
    );
    expect(descending).toEqual([...ascending].reverse());
    await tab.click('#cohort thead th:has-text("group")');
    expect((await sources())[0]).toBe('course/alpha');
  });

  it('should filter by text and by outcome', async () => {
    await tab.fill('#filter', 'bravo');
    expect(await sources()).toEqual(['course/bravo']);
    expect(await tab.textContent('#shown')).toBe('1 of 8 groups shown');
    await tab.fill('#filter', '');
    await tab.selectOption('#outcome', 'unreadable');
    expect(await sources()).toEqual(['course/hotel']);
    await tab.selectOption('#outcome', 'pass');
    expect(await sources()).toEqual(['course/alpha', 'course/delta']);
    await tab.selectOption('#outcome', '');
    expect(await sources()).toHaveLength(8);
  });

  it('should draw the per-question chart as SVG with a bar per question', async () => {
    expect(await tab.$$eval('#chart g', (groups) => groups.length)).toBe(31);
    const box = await tab.$eval('#chart', (svg) => svg.getBoundingClientRect().height);
    expect(box).toBeGreaterThan(31 * 15);
    // `UPDATE=1 npm test` rewrites the screenshot the README shows.
    if (process.env.UPDATE === '1') await tab.screenshot({ path: 'docs/cohort.png', fullPage: true });
  });
});
