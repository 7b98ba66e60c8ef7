// dist/cli.cjs, the `report-check` command: loads the CLI bundle (dist/cli-main.cjs) and the chunks it requires on
// demand (micromark, one edition's validators, ...) with V8's code cache, so that a second run does not compile
// them again. Node's own compile cache (node 22.1+) keeps only the code compiled while loading, and most of a check
// runs in functions V8 compiles later, on their first call; a V8 code cache made at exit holds those too, and works
// on every node report-check supports. Anything amiss with the cache (no home folder, a folder not ours, a cache V8
// refuses, a full disk) means a plain compile, never a failure.
import {
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Script } from 'node:vm';

/** The bundle's content hash, filled in by scripts/build.mjs: a cache is only used for the bytes it was made from. */
declare const BUNDLE_HASH: string;
/** The content hash of each chunk the bundle may require (`markdown.cjs`, ...), filled in by scripts/build.mjs. */
declare const CHUNK_HASHES: Record<string, string>;

/** Caches kept per file besides the one written: another install of report-check may run on the same node. */
const OLDER_CACHES_KEPT = 3;

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

/**
 * Deletes the caches of `kind` (`cli`, `markdown`, ...) other than `keep` and the newest few: each new version of
 * report-check, and each node, writes caches of its own, and nothing else would ever remove the old ones.
 */
function pruneCaches(folder: string, kind: string, keep: string): void {
  const older = readdirSync(folder)
    .filter((name) => name !== keep && name.startsWith(`${kind}-v`) && name.endsWith('.v8'))
    .map((name) => ({ name, written: statSync(join(folder, name)).mtimeMs }))
    .sort((a, b) => b.written - a.written);
  for (const { name } of older.slice(OLDER_CACHES_KEPT)) unlinkSync(join(folder, name));
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
/** Code compiled without a usable cache this run: its cache is written at exit. */
const uncached: Array<{ kind: string; name: string; script: Script }> = [];

/** A CommonJS file of dist/ compiled as node compiles it, with its code cache when there is one. */
function compile(file: string, kind: string, hash: string): Script {
  const path = join(__dirname, file);
  const source = readFileSync(path, 'utf8');
  const name = `${kind}-${process.version}-${process.arch}-${hash}.v8`;
  let cachedData: Buffer | undefined;
  try {
    cachedData = folder ? readFileSync(join(folder, name)) : undefined;
  } catch {
    cachedData = undefined;
  }
  // The CommonJS wrapper node itself puts around a module, on the file's first line (positions stay right).
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: path,
    cachedData,
  });
  if (isCommand && folder && (cachedData === undefined || script.cachedDataRejected))
    uncached.push({ kind, name, script });
  return script;
}

/** Runs a compiled file as a module and answers its exports. */
function run<T>(script: Script, file: string): T {
  const module = { exports: {} as T };
  (script.runInThisContext() as (...args: unknown[]) => void)(
    module.exports,
    bundleRequire,
    module,
    join(__dirname, file),
    __dirname,
  );
  return module.exports;
}

/** The chunks required so far, each run once, as node's require runs a module once. */
const chunks = new Map<string, unknown>();
const nodeRequire = require;

/** The bundle's and the chunks' require: a chunk of dist/ through the code cache, anything else through node's. */
function bundleRequire(id: string): unknown {
  const file = id.startsWith('./') ? id.slice(2) : '';
  const hash = Object.hasOwn(CHUNK_HASHES, file) ? CHUNK_HASHES[file] : undefined;
  if (hash === undefined) return nodeRequire(id);
  if (!chunks.has(file)) chunks.set(file, run(compile(file, file.replace(/\.cjs$/, ''), hash), file));
  return chunks.get(file);
}

/** What the bundle exports to this launcher (src/cli.ts). */
interface BundleExports {
  checkedReport?: boolean;
  main?: () => void;
  checkOnHelper?: (data: unknown) => void;
}

// The bundle's cache is named `cli` (the command's), as before chunks had caches of their own.
const bundle = run<BundleExports>(compile('cli-main.cjs', 'cli', BUNDLE_HASH), 'cli-main.cjs');
if (isCommand && folder) {
  // At exit the caches hold every function the run compiled. Only a run that checked a report writes them: the
  // cache of a `--version` run holds half the code, and a check with it cost about 7 ms more CPU on Node 24 (the
  // same on Node 20) than with the cache of a check.
  process.once('exit', () => {
    if (!bundle.checkedReport) return;
    for (const { kind, name, script } of uncached) writeCache(folder, kind, name, script.createCachedData());
  });
}
if (isCommand) bundle.main?.();

/** A helper thread's entry: checks the reports it claims, with the engine compiled from the same code cache. */
export function checkOnHelper(data: unknown): void {
  bundle.checkOnHelper?.(data);
}
