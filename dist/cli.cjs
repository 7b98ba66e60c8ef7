#!/usr/bin/env node
"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// src/cli-launcher.ts
var cli_launcher_exports = {};
__export(cli_launcher_exports, {
  checkOnHelper: () => checkOnHelper
});
module.exports = __toCommonJS(cli_launcher_exports);

// <define:CHUNK_HASHES>
var define_CHUNK_HASHES_default = { "markdown.cjs": "1bc5bd7934b4c211", "custom-schema.cjs": "949f6aaba87defde", "html.cjs": "848253e97e514491", "cohort.cjs": "a8e2ee044ed4035e", "fix.cjs": "1e06e1c4ac5c78b9", "validators-2023.cjs": "04a580c29c61bb7d", "validators-2024.cjs": "6aba5244eccc1cd0", "validators-2025.cjs": "8cc0f4d0cf3c8889", "validators-2026.cjs": "f4f5268c1cc61240" };

// src/cli-launcher.ts
var import_node_fs = require("node:fs");
var nodeModule = __toESM(require("node:module"), 1);

// lazy-builtin:node:os
function homedir(...args) {
  return require("node:os").homedir(...args);
}

// src/cli-launcher.ts
var import_node_path = require("node:path");
var import_node_vm = require("node:vm");
var OLDER_CACHES_KEPT = 3;
var STALE_MS = 30 * 24 * 60 * 60 * 1e3;
var WRAPPER = "(function (exports, require, module, __filename, __dirname) {";
function cacheFolder() {
  const env = process.env;
  if (env.NODE_DISABLE_COMPILE_CACHE) return null;
  try {
    const home = process.platform !== "win32" && env.HOME || homedir();
    const base = env.XDG_CACHE_HOME || (0, import_node_path.join)(home, ".cache");
    const folder2 = (0, import_node_path.join)(base, "report-check");
    (0, import_node_fs.mkdirSync)(folder2, { recursive: true, mode: 448 });
    const stat = (0, import_node_fs.statSync)(folder2);
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
  for (const name of (0, import_node_fs.readdirSync)(folder2)) {
    if (name === keep || !name.startsWith(`${kind}-v`)) continue;
    let written;
    try {
      written = (0, import_node_fs.statSync)((0, import_node_path.join)(folder2, name)).mtimeMs;
    } catch {
      continue;
    }
    if (name.startsWith(thisNode) && name.endsWith(".v8")) builds.push({ name, written });
    else if (now - written > STALE_MS) (0, import_node_fs.unlinkSync)((0, import_node_path.join)(folder2, name));
  }
  builds.sort((a, b) => b.written - a.written);
  for (const { name } of builds.slice(OLDER_CACHES_KEPT)) (0, import_node_fs.unlinkSync)((0, import_node_path.join)(folder2, name));
}
function writeCache(folder2, kind, name, data) {
  const path = (0, import_node_path.join)(folder2, name);
  const partial = `${path}.${process.pid}.tmp`;
  try {
    const fd = (0, import_node_fs.openSync)(partial, "w", 384);
    try {
      for (let offset = 0; offset < data.length; ) offset += (0, import_node_fs.writeSync)(fd, data, offset);
    } finally {
      (0, import_node_fs.closeSync)(fd);
    }
    (0, import_node_fs.renameSync)(partial, path);
    pruneCaches(folder2, kind, name);
  } catch {
  }
}
var folder = cacheFolder();
var isCommand = require.main === module;
var uncached = [];
function compile(file, kind, hash) {
  const path = (0, import_node_path.join)(__dirname, file);
  const source = (0, import_node_fs.readFileSync)(path, "utf8");
  const { size, mtimeMs } = (0, import_node_fs.statSync)(path);
  const stamp = `${size.toString(36)}.${Math.trunc(mtimeMs).toString(36)}`;
  const name = `${kind}-${process.version}-${process.arch}-${hash}-${stamp}.v8`;
  let cachedData;
  try {
    cachedData = folder ? (0, import_node_fs.readFileSync)((0, import_node_path.join)(folder, name)) : void 0;
  } catch {
    cachedData = void 0;
  }
  const script = new import_node_vm.Script(`${WRAPPER}${source}
})`, {
    filename: path,
    columnOffset: -WRAPPER.length,
    cachedData
  });
  if (isCommand && folder && (cachedData === void 0 || script.cachedDataRejected))
    uncached.push({ kind, name, script, chunk: file !== "cli-main.cjs" });
  return script;
}
function run(script, file, module2) {
  const wrapper = script.runInThisContext();
  wrapper.call(module2.exports, module2.exports, bundleRequire, module2, (0, import_node_path.join)(__dirname, file), __dirname);
}
var chunks = /* @__PURE__ */ new Map();
var nodeRequire = require;
var compileCacheAsked = false;
function bundleRequire(id) {
  const file = id.startsWith("./") ? id.slice(2) : "";
  const hash = Object.hasOwn(define_CHUNK_HASHES_default, file) ? define_CHUNK_HASHES_default[file] : void 0;
  if (hash === void 0) return nodeRequire(id);
  if (!folder) {
    if (!compileCacheAsked) nodeModule.enableCompileCache?.();
    compileCacheAsked = true;
    return nodeRequire(id);
  }
  let module2 = chunks.get(file);
  if (!module2) {
    module2 = { exports: {} };
    chunks.set(file, module2);
    run(compile(file, file.replace(/\.cjs$/, ""), hash), file, module2);
  }
  return module2.exports;
}
var main = { exports: {} };
run(compile("cli-main.cjs", "cli", "f9b1377755a06767"), "cli-main.cjs", main);
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
function checkOnHelper(data) {
  bundle.checkOnHelper?.(data);
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  checkOnHelper
});
