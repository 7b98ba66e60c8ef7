#!/usr/bin/env node
"use strict";

// <define:CHUNK_HASHES>
var define_CHUNK_HASHES_default = { "markdown.cjs": "1bc5bd7934b4c211", "custom-schema.cjs": "516c3646505c383d", "html.cjs": "78d8c397b64a734e", "cohort.cjs": "e8c3ad9a55ceb912", "fix.cjs": "75db9b4d2db72382" };

// lazy-builtin:node:os
function homedir(...args) {
  return require("node:os").homedir(...args);
}

// src/cli-launcher.ts
var nodeRequire = require;
var getBuiltinModule = process.getBuiltinModule;
var builtin = (id) => getBuiltinModule?.(id) ?? nodeRequire(id);
var {
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync
} = builtin("node:fs");
var { join, sep } = builtin("node:path");
var vm = builtin("node:vm");
var OLDER_CACHES_KEPT = 3;
var STALE_MS = 30 * 24 * 60 * 60 * 1e3;
var WRAPPER = "(function (exports, require, module, __filename, __dirname) {";
function cacheFolder() {
  const env = process.env;
  if (env.NODE_DISABLE_COMPILE_CACHE) return null;
  try {
    const home = process.platform !== "win32" && env.HOME || homedir();
    const base = env.XDG_CACHE_HOME || join(home, ".cache");
    const folder2 = join(base, "report-check");
    let stat = statSync(folder2, { throwIfNoEntry: false });
    if (!stat) {
      mkdirSync(folder2, { recursive: true, mode: 448 });
      stat = statSync(folder2);
    }
    if (!stat.isDirectory() || (stat.mode & 18) !== 0) return null;
    if (process.getuid && stat.uid !== process.getuid()) return null;
    return folder2;
  } catch {
    return null;
  }
}
function pruneCaches(folder2, kind, keep) {
  const thisNode = `${kind}-${process.version}-${process.arch}-`;
  const now = Date.now();
  const builds = [];
  for (const name of readdirSync(folder2)) {
    if (name === keep || !name.startsWith(`${kind}-v`)) continue;
    let written;
    try {
      written = statSync(join(folder2, name)).mtimeMs;
    } catch {
      continue;
    }
    if (name.startsWith(thisNode) && name.endsWith(".v8")) builds.push({ name, written });
    else if (now - written > STALE_MS) unlinkSync(join(folder2, name));
  }
  builds.sort((a, b) => b.written - a.written);
  for (const { name } of builds.slice(OLDER_CACHES_KEPT)) unlinkSync(join(folder2, name));
}
function writeCache(folder2, kind, name, data) {
  const path = join(folder2, name);
  const partial = `${path}.${process.pid}.tmp`;
  try {
    const fd = openSync(partial, "w", 384);
    try {
      for (let offset = 0; offset < data.length; ) offset += writeSync(fd, data, offset);
    } finally {
      closeSync(fd);
    }
    renameSync(partial, path);
    pruneCaches(folder2, kind, name);
  } catch {
  }
}
var folder = cacheFolder();
var isCommand = require.main === module;
var uncached = [];
function compile(file, path, kind, hash) {
  const source = readFileSync(path, "utf8");
  const { size, mtimeMs } = statSync(path);
  const stamp = `${size.toString(36)}.${Math.trunc(mtimeMs).toString(36)}`;
  const name = `${kind}-${process.version}-${process.arch}-${hash}-${stamp}.v8`;
  let cachedData;
  try {
    cachedData = folder ? readFileSync(`${folder}${sep}${name}`) : void 0;
  } catch {
    cachedData = void 0;
  }
  const script = new vm.Script(`${WRAPPER}${source}
})`, {
    filename: path,
    columnOffset: -WRAPPER.length,
    cachedData
  });
  if (isCommand && folder && (cachedData === void 0 || script.cachedDataRejected))
    uncached.push({ kind, name, script, chunk: file !== "cli-main.cjs" });
  return script;
}
function load(file, kind, hash, module2) {
  const path = `${__dirname}${sep}${file}`;
  const wrapper = compile(file, path, kind, hash).runInThisContext();
  wrapper.call(module2.exports, module2.exports, bundleRequire, module2, path, __dirname);
}
var chunks = /* @__PURE__ */ new Map();
var compileCacheAsked = false;
var builtins = /* @__PURE__ */ new Map();
function bundleRequire(id) {
  if (id.startsWith("node:")) {
    let exports2 = builtins.get(id);
    if (exports2 === void 0) builtins.set(id, exports2 = builtin(id));
    return exports2;
  }
  const file = id.startsWith("./") ? id.slice(2) : "";
  const hash = Object.hasOwn(define_CHUNK_HASHES_default, file) ? define_CHUNK_HASHES_default[file] : void 0;
  if (hash === void 0) return nodeRequire(id);
  if (!folder) {
    if (!compileCacheAsked)
      nodeRequire("node:module").enableCompileCache?.();
    compileCacheAsked = true;
    return nodeRequire(id);
  }
  let module2 = chunks.get(file);
  if (!module2) {
    module2 = { exports: {} };
    chunks.set(file, module2);
    load(file, file.replace(/\.cjs$/, ""), hash, module2);
  }
  return module2.exports;
}
var main = { exports: {} };
load("cli-main.cjs", "cli", "08e87cf7c7292222", main);
var bundle = main.exports;
if (isCommand && folder) {
  process.once("exit", (code) => {
    for (const { kind, name, script, chunk } of uncached) {
      if (chunk ? code === 0 || code === 1 : bundle.checkedReport)
        writeCache(folder, kind, name, script.createCachedData());
    }
  });
}
if (isCommand) bundle.main?.();
var launcher = module;
launcher.exports.checkOnHelper = (data) => {
  bundle.checkOnHelper?.(data);
};
