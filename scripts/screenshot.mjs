// Regenerates docs/pull-request.png, the README's picture of what a student sees in a pull request: the
// action's own inline comment and summary comment (scripts/pull-request-sample.ts, the real renderers), turned
// into HTML as GitHub renders comments (GitHub-flavoured markdown, raw HTML such as <details> kept), styled like
// GitHub's pull request page and photographed in headless Chromium. Writes docs/pull-request.json with the hash
// of the rendered markdown, which a unit test compares with the current rendering. `npm run screenshot`.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { bundleOptions } from './bundle-options.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const PNG = join(root, 'docs/pull-request.png');
const JSON_FILE = join(root, 'docs/pull-request.json');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** The sample module, bundled (it is TypeScript and imports src/): node runs the bundle. */
async function loadSample() {
  const dir = await mkdtemp(join(tmpdir(), 'report-check-screenshot-'));
  try {
    const outfile = join(dir, 'sample.mjs');
    await build({ ...bundleOptions, entryPoints: [join(root, 'scripts/pull-request-sample.ts')], outfile });
    return await import(pathToFileURL(outfile).href);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Markdown as GitHub shows a comment: GFM tables, autolinks and strikethrough, raw HTML such as <details>. */
const toHtml = (markdown) =>
  micromark(markdown, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });

const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// GitHub's light theme, as far as a comment needs it (colours and sizes from github.com's Primer CSS).
const CSS = `
  * { box-sizing: border-box; }
  body { margin: 0; padding: 24px; background: #fff; color: #1f2328; width: 940px;
    font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, "Liberation Sans", sans-serif,
      "Noto Color Emoji"; }
  .caption { font-size: 12px; color: #59636e; margin: 0 0 8px 56px; }
  .timeline { position: relative; margin-bottom: 24px; }
  .avatar { position: absolute; left: 0; top: 0; width: 40px; height: 40px; border-radius: 50%;
    background: #1f883d; color: #fff; font: 600 15px/40px sans-serif; text-align: center; }
  .box { margin-left: 56px; border: 1px solid #d1d9e0; border-radius: 6px; overflow: hidden; }
  .box-header { background: #f6f8fa; border-bottom: 1px solid #d1d9e0; padding: 8px 16px; color: #59636e; }
  .box-header b { color: #1f2328; }
  .label { border: 1px solid #d1d9e0; border-radius: 2em; padding: 0 7px; font-size: 12px; margin-left: 4px; }
  .file { background: #f6f8fa; border-bottom: 1px solid #d1d9e0; padding: 8px 16px;
    font: 12px ui-monospace, "DejaVu Sans Mono", monospace; }
  table.diff { width: 100%; border-collapse: collapse; font: 12px/20px ui-monospace, "DejaVu Sans Mono", monospace; }
  table.diff td { padding: 0 10px; white-space: pre; overflow: hidden; text-overflow: ellipsis; max-width: 780px; }
  table.diff td.num { width: 50px; color: #59636e; text-align: right; background: #d1f8d9; }
  table.diff td.code { background: #dafbe1; }
  .thread { border-top: 1px solid #d1d9e0; padding: 12px 16px; }
  .who { margin-bottom: 6px; color: #59636e; } .who b { color: #1f2328; }
  .markdown-body { padding: 16px; word-wrap: break-word; }
  .thread .markdown-body { padding: 0; }
  .markdown-body > *:first-child { margin-top: 0; } .markdown-body > *:last-child { margin-bottom: 0; }
  .markdown-body h2 { font-size: 1.5em; font-weight: 600; padding-bottom: .3em; border-bottom: 1px solid #d1d9e0b3;
    margin: 24px 0 16px; line-height: 1.25; }
  .markdown-body p, .markdown-body table, .markdown-body details, .markdown-body blockquote, .markdown-body ul
    { margin: 0 0 16px; }
  .markdown-body blockquote { padding: 0 1em; color: #59636e; border-left: .25em solid #d1d9e0; }
  .markdown-body code { padding: .2em .4em; font: 85% ui-monospace, "DejaVu Sans Mono", monospace;
    background: #818b981f; border-radius: 6px; }
  .markdown-body table { border-collapse: collapse; display: block; width: max-content; max-width: 100%; }
  .markdown-body th, .markdown-body td { padding: 6px 13px; border: 1px solid #d1d9e0; }
  .markdown-body th { font-weight: 600; } .markdown-body tr:nth-child(2n) { background: #f6f8fa; }
  .markdown-body ul { padding-left: 2em; } .markdown-body li + li { margin-top: .25em; }
  .markdown-body sub { font-size: 75%; color: #59636e; }
  .markdown-body summary { cursor: pointer; }
`;

function page(sample) {
  const { inline } = sample;
  const diffRows = inline.lines
    .map(
      ({ number, text }) => `<tr><td class="num">${number}</td><td class="code">+${escape(text)}</td></tr>`,
    )
    .join('');
  return `<!doctype html><html><head><meta charset="utf-8"><style>${CSS}</style></head><body>
<div class="timeline"><div class="avatar">rc</div>
  <div class="box">
    <div class="box-header"><b>github-actions</b> <span class="label">bot</span> reviewed</div>
    <div class="file">${escape(sample.path)}</div>
    <table class="diff">${diffRows}</table>
    <div class="thread"><div class="who"><b>github-actions</b> <span class="label">bot</span></div>
      <div class="markdown-body">${toHtml(inline.body)}</div></div>
  </div></div>
<div class="timeline"><div class="avatar">rc</div>
  <div class="box">
    <div class="box-header"><b>github-actions</b> <span class="label">bot</span> commented</div>
    <div class="markdown-body">${toHtml(sample.summary)}</div>
  </div></div>
</body></html>`;
}

// Without a colour emoji font Chromium draws the status column (✅ ❌ ⚠️) as empty boxes.
const fonts = spawnSync('fc-list', [':', 'family'], { encoding: 'utf8' }).stdout ?? '';
if (!fonts.includes('Noto Color Emoji')) {
  console.error(
    'screenshot: no colour emoji font; install it first (apt-get install fonts-noto-color-emoji)',
  );
  process.exit(1);
}

const { pullRequestSample, sampleHash, SAMPLE_REPORT } = await loadSample();
const sample = pullRequestSample(await readFile(join(root, SAMPLE_REPORT), 'utf8'));
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
try {
  const tab = await browser.newPage({ viewport: { width: 940, height: 800 }, deviceScaleFactor: 1 });
  await tab.setContent(page(sample), { waitUntil: 'load' });
  // Opened, as a student who clicks "All findings" sees it.
  await tab.$$eval('details', (all) => all.forEach((details) => details.setAttribute('open', '')));
  await tab.screenshot({ path: PNG, fullPage: true });
} finally {
  await browser.close();
}
const png = createHash('sha256')
  .update(await readFile(PNG))
  .digest('hex');
const record = { markdownSha256: sampleHash(sample), pngSha256: png, report: SAMPLE_REPORT };
await writeFile(JSON_FILE, `${JSON.stringify(record, null, 2)}\n`);
console.log(
  `docs/pull-request.png and docs/pull-request.json written (markdown ${record.markdownSha256.slice(0, 12)})`,
);
