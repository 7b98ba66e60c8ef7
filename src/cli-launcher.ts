// dist/cli.cjs, the `report-check` command: loads the CLI bundle (dist/cli-main.cjs) with V8's code cache, so that
// a second run does not compile it again. Node's own compile cache (node 22.1+) keeps only the code compiled
// while loading, and most of a check runs in functions V8 compiles later, on their first call; a V8 code cache
// made at exit holds those too, and works on every node report-check supports. Anything amiss with the cache
// (no home folder, a folder not ours, a cache V8 refuses, a full disk) means a plain compile, never a failure.
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, statSync, writeSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** The bundle's content hash, filled in by scripts/build.mjs: a cache is only used for the bytes it was made from. */
declare const BUNDLE_HASH: string;

const BUNDLE = join(__dirname, 'cli-main.cjs');

/** Our cache folder, created private to this user; null when caching is off or the folder is not this user's. */
function cacheFolder(): string | null {
  const env = process.env;
  // Node's own switch for its compile cache turns this one off as well.
  if (env.NODE_DISABLE_COMPILE_CACHE) return null;
  try {
    // $HOME is what os.homedir() answers first outside Windows; node:os is loaded only without it (about 0.25 ms).
    const home = (process.platform !== 'win32' && env.HOME) || homedir();
    const base = env.XDG_CACHE_HOME || join(home, '.cache');
    const folder = join(base, 'report-check');
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const stat = statSync(folder);
    // Compiled code from a folder someone else can write to would run as this user.
    if (!stat.isDirectory() || (stat.mode & 0o022) !== 0) return null;
    if (process.getuid && stat.uid !== process.getuid()) return null;
    return folder;
  } catch {
    return null;
  }
}

/** Writes the cache next to its final name and renames it, so that a run beside this one never reads half a file. */
function writeCache(path: string, data: Buffer): void {
  const partial = `${path}.${process.pid}.tmp`;
  try {
    const fd = openSync(partial, 'w', 0o600);
    try {
      for (let offset = 0; offset < data.length;) offset += writeSync(fd, data, offset);
    } finally {
      closeSync(fd);
    }
    renameSync(partial, path);
  } catch {
    // No cache this time; the next run compiles again.
  }
}

/**
 * The bundle's require. The chunks it requires on demand (markdown.cjs, html.cjs, custom-schema.cjs) use node's
 * own compile cache, enabled before the first of them: enabling it costs about 0.3 ms (Node 22 and 24), which a
 * plain check, loading no chunk, does not spend.
 */
let compileCacheAsked = false;
const nodeRequire = require;
function bundleRequire(id: string): unknown {
  if (!compileCacheAsked && id.startsWith('./')) {
    compileCacheAsked = true;
    (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  }
  return nodeRequire(id);
}

const source = readFileSync(BUNDLE, 'utf8');
const folder = cacheFolder();
const cachePath = folder && join(folder, `cli-${process.version}-${process.arch}-${BUNDLE_HASH}.v8`);
let cachedData: Buffer | undefined;
try {
  cachedData = cachePath ? readFileSync(cachePath) : undefined;
} catch {
  cachedData = undefined;
}
// The CommonJS wrapper node itself puts around a module, on the bundle's first line (positions stay right).
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
  filename: BUNDLE,
  cachedData,
});
/** What the bundle exports to this launcher (src/cli.ts). */
interface BundleExports {
  checkedReport?: boolean;
  main?: () => void;
  checkOnHelper?: (data: unknown) => void;
}
const bundle: { exports: BundleExports } = { exports: {} };
// Node runs this file for the command; a helper thread of a run over many reports requires it (src/cli/threads.ts).
const isCommand = require.main === module;
if (isCommand && cachePath && (cachedData === undefined || script.cachedDataRejected)) {
  // At exit the cache holds every function the run compiled. Only a run that checked a report writes it: the
  // cache of a `--version` run holds half the code, and a check with it cost about 7 ms more CPU on Node 24 (the
  // same on Node 20) than with the cache of a check.
  process.once('exit', () => {
    if (bundle.exports.checkedReport) writeCache(cachePath, script.createCachedData());
  });
}
(script.runInThisContext() as (...args: unknown[]) => void)(
  bundle.exports,
  bundleRequire,
  bundle,
  BUNDLE,
  dirname(BUNDLE),
);
if (isCommand) bundle.exports.main?.();

/** A helper thread's entry: checks the reports it claims, with the engine compiled from the same code cache. */
export function checkOnHelper(data: unknown): void {
  bundle.exports.checkOnHelper?.(data);
}
