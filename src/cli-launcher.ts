// dist/cli.cjs, the `report-check` command: loads the CLI bundle (dist/cli-main.cjs) and the chunks it requires on
// demand (micromark, html, ...) with V8's code cache, so that a second run does not compile
// them again. Node's own compile cache (node 22.1+) keeps only the code compiled while loading, and most of a check
// runs in functions V8 compiles later, on their first call; a V8 code cache made at exit holds those too, and works
// on every node report-check supports. Anything amiss with the cache (no home folder, a folder not ours, a cache V8
// refuses, a full disk) means a plain compile, never a failure.
import { homedir } from 'node:os';
import type { Script } from 'node:vm';

const nodeRequire = require;
const getBuiltinModule = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
/**
 * One of node's modules, from process.getBuiltinModule (node 20.16+, 22.3+) where node has it: require() goes
 * through node's module loader first. This file's own node:fs, node:path and node:vm took 0.2 ms (Node 20) and
 * 0.1 ms (Node 24) less so, with the export below set by hand (launcher marks, medians of 40).
 */
const builtin = <T>(id: string): T => (getBuiltinModule?.(id) ?? nodeRequire(id)) as T;
const {
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} = builtin<typeof import('node:fs')>('node:fs');
const { join, sep } = builtin<typeof import('node:path')>('node:path');
const vm = builtin<typeof import('node:vm')>('node:vm');

/** The bundle's content hash, filled in by scripts/build.mjs: a cache is only used for the bytes it was made from. */
declare const BUNDLE_HASH: string;
/** The content hash of each chunk the bundle may require (`markdown.cjs`, ...), filled in by scripts/build.mjs. */
declare const CHUNK_HASHES: Record<string, string>;

/** Caches of other builds kept per file and node besides the one written: another install may use them. */
const OLDER_CACHES_KEPT = 3;
/** Caches for other nodes (or left half written) are deleted once this old; one still in use is written again. */
const STALE_MS = 30 * 24 * 60 * 60 * 1000;
/** The wrapper node itself puts around a CommonJS module, on the file's first line. */
const WRAPPER = '(function (exports, require, module, __filename, __dirname) {';

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
    // Made only when missing: a stat answers every later run (mkdirSync's recursive walk cost about 60 us more
    // on Node 20, 15 us on Node 24).
    let stat = statSync(folder, { throwIfNoEntry: false });
    if (!stat) {
      mkdirSync(folder, { recursive: true, mode: 0o700 });
      stat = statSync(folder);
    }
    // Compiled code from a folder someone else can write to would run as this user.
    if (!stat.isDirectory() || (stat.mode & 0o022) !== 0) return null;
    if (process.getuid && stat.uid !== process.getuid()) return null;
    return folder;
  } catch {
    return null;
  }
}

/**
 * Deletes old caches of `kind` (`cli`, `markdown`, ...) beside `keep`, the one just written: each release of
 * report-check and each node writes caches of its own, and nothing else would ever remove them. For this node the
 * newest few other builds stay (a global and a project's install may take turns); for other nodes, and for files
 * a killed run left half written, only those not written for a month go. Reading a cache does not touch it, so
 * one in use may go too: it costs one compile, and is written again.
 */
function pruneCaches(folder: string, kind: string, keep: string): void {
  const thisNode = `${kind}-${process.version}-${process.arch}-`;
  const now = Date.now();
  const builds: Array<{ name: string; written: number }> = [];
  for (const name of readdirSync(folder)) {
    if (name === keep || !name.startsWith(`${kind}-v`)) continue;
    let written: number;
    try {
      written = statSync(join(folder, name)).mtimeMs;
    } catch {
      continue; // Gone already: another run pruned it.
    }
    if (name.startsWith(thisNode) && name.endsWith('.v8')) builds.push({ name, written });
    else if (now - written > STALE_MS) unlinkSync(join(folder, name));
  }
  builds.sort((a, b) => b.written - a.written);
  for (const { name } of builds.slice(OLDER_CACHES_KEPT)) unlinkSync(join(folder, name));
}

/** Writes the cache next to its final name and renames it, so that a run beside this one never reads half a file. */
function writeCache(folder: string, kind: string, name: string, data: Buffer): void {
  const path = join(folder, name);
  const partial = `${path}.${process.pid}.tmp`;
  try {
    const fd = openSync(partial, 'w', 0o600);
    try {
      for (let offset = 0; offset < data.length;) offset += writeSync(fd, data, offset);
    } finally {
      closeSync(fd);
    }
    renameSync(partial, path);
    pruneCaches(folder, kind, name);
  } catch {
    // No cache this time (or an old one left): the next run compiles again, or prunes again.
  }
}

const folder = cacheFolder();
// Node runs this file for the command; a helper thread of a run over many reports requires it (src/cli/threads.ts).
const isCommand = require.main === module;
/**
 * Code compiled without a usable cache this run: its cache is written at exit. Only the main thread writes; a
 * chunk only a helper thread loaded gets its cache from the next run that loads it on the main thread.
 */
const uncached: Array<{ kind: string; name: string; script: Script; chunk: boolean }> = [];

/**
 * A CommonJS file of dist/ compiled as node compiles it, with its code cache when there is one. The cache is named
 * by the build's hash of the file and by its size and modification time now: V8 checks only a source's length, so
 * a file changed after the build (a patch, a half rebuilt dist/) must not run the code cached for the old one.
 */
function compile(file: string, path: string, kind: string, hash: string): Script {
  const source = readFileSync(path, 'utf8');
  const { size, mtimeMs } = statSync(path);
  const stamp = `${size.toString(36)}.${Math.trunc(mtimeMs).toString(36)}`;
  const name = `${kind}-${process.version}-${process.arch}-${hash}-${stamp}.v8`;
  let cachedData: Buffer | undefined;
  try {
    cachedData = folder ? readFileSync(`${folder}${sep}${name}`) : undefined;
  } catch {
    cachedData = undefined;
  }
  // The wrapper shares the first line with the code: the column offset keeps its positions in stack traces right.
  const script = new vm.Script(`${WRAPPER}${source}\n})`, {
    filename: path,
    columnOffset: -WRAPPER.length,
    cachedData,
  });
  if (isCommand && folder && (cachedData === undefined || script.cachedDataRejected))
    uncached.push({ kind, name, script, chunk: file !== 'cli-main.cjs' });
  return script;
}

/**
 * Compiles and runs a file of dist/ as node runs a module: `this` is its exports, and `module` is known before it
 * runs, so that a require of it while it loads answers its exports so far, as node's does. Its path is joined by
 * hand, once: __dirname is already normalized, so path.join would only normalize it again.
 */
function load(file: string, kind: string, hash: string, module: { exports: unknown }): void {
  const path = `${__dirname}${sep}${file}`;
  const wrapper = compile(file, path, kind, hash).runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, bundleRequire, module, path, __dirname);
}

/** The chunks required so far, each run once, as node's require runs a module once. */
const chunks = new Map<string, { exports: unknown }>();
let compileCacheAsked = false;

/**
 * Node's modules the bundle has asked for. The bundle requires node:path and node:fs once per source module that
 * imports them (13 requires at load); each require goes through node's module loader, about 10 us apiece and 60 us
 * for the first on Node 24.
 */
const builtins = new Map<string, unknown>();

/** The bundle's and the chunks' require: a chunk of dist/ through the code cache, anything else through node's. */
function bundleRequire(id: string): unknown {
  if (id.startsWith('node:')) {
    let exports = builtins.get(id);
    if (exports === undefined) builtins.set(id, (exports = builtin(id)));
    return exports;
  }
  const file = id.startsWith('./') ? id.slice(2) : '';
  const hash = Object.hasOwn(CHUNK_HASHES, file) ? CHUNK_HASHES[file] : undefined;
  if (hash === undefined) return nodeRequire(id);
  if (!folder) {
    // No cache folder of ours (caching off, a folder not ours, or Windows, where every folder reads as writable
    // by others): node's own compile cache (node 22.1+) keeps at least the code a chunk compiles while loading.
    // node:module is required here only: loading it (and esbuild's copy of its exports) costs about 0.3 ms.
    if (!compileCacheAsked)
      (nodeRequire('node:module') as { enableCompileCache?: () => unknown }).enableCompileCache?.();
    compileCacheAsked = true;
    return nodeRequire(id);
  }
  let module = chunks.get(file);
  if (!module) {
    module = { exports: {} };
    chunks.set(file, module);
    load(file, file.replace(/\.cjs$/, ''), hash, module);
  }
  return module.exports;
}

/** What the bundle exports to this launcher (src/cli.ts). */
interface BundleExports {
  checkedReport?: boolean;
  main?: () => void;
  checkOnHelper?: (data: unknown) => void;
}

// The bundle's cache is named `cli` (the command's), as before chunks had caches of their own.
const main = { exports: {} as BundleExports };
load('cli-main.cjs', 'cli', BUNDLE_HASH, main);
const bundle = main.exports;
if (isCommand && folder) {
  // At exit the caches hold every function the run compiled. The bundle's is written only by a run that checked a
  // report: the cache of a `--version` run holds half the code, and a check with it cost about 7 ms more CPU on
  // Node 24 (the same on Node 20) than with the cache of a check. A chunk is loaded only to be used, so any run
  // that ended normally (0: nothing found, 1: findings) has used it.
  process.once('exit', (code) => {
    for (const { kind, name, script, chunk } of uncached) {
      if (chunk ? code === 0 || code === 1 : bundle.checkedReport)
        writeCache(folder, kind, name, script.createCachedData());
    }
  });
}
if (isCommand) bundle.main?.();

/**
 * A helper thread's entry: checks the reports it claims, with the engine compiled from the same code cache. Set on
 * module.exports, not exported: an export makes esbuild define the exports through getters at every start.
 */
const launcher = module as { exports: { checkOnHelper?: (data: unknown) => void } };
launcher.exports.checkOnHelper = (data) => {
  bundle.checkOnHelper?.(data);
};
