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
var import_node_fs = require("node:fs");
var nodeModule = __toESM(require("node:module"), 1);

// lazy-builtin:node:os
function homedir(...args) {
  return require("node:os").homedir(...args);
}

// src/cli-launcher.ts
var import_node_path = require("node:path");
var import_node_vm = require("node:vm");
var BUNDLE = (0, import_node_path.join)(__dirname, "cli-main.cjs");
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
function writeCache(path, data) {
  const partial = `${path}.${process.pid}.tmp`;
  try {
    const fd = (0, import_node_fs.openSync)(partial, "w", 384);
    try {
      for (let offset = 0; offset < data.length; ) offset += (0, import_node_fs.writeSync)(fd, data, offset);
    } finally {
      (0, import_node_fs.closeSync)(fd);
    }
    (0, import_node_fs.renameSync)(partial, path);
  } catch {
  }
}
var compileCacheAsked = false;
var nodeRequire = require;
function bundleRequire(id) {
  if (!compileCacheAsked && id.startsWith("./")) {
    compileCacheAsked = true;
    nodeModule.enableCompileCache?.();
  }
  return nodeRequire(id);
}
var source = (0, import_node_fs.readFileSync)(BUNDLE, "utf8");
var folder = cacheFolder();
var cachePath = folder && (0, import_node_path.join)(folder, `cli-${process.version}-${process.arch}-${"2dc3bfbc4e654512"}.v8`);
var cachedData;
try {
  cachedData = cachePath ? (0, import_node_fs.readFileSync)(cachePath) : void 0;
} catch {
  cachedData = void 0;
}
var script = new import_node_vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}
})`, {
  filename: BUNDLE,
  cachedData
});
var bundle = { exports: {} };
var isCommand = require.main === module;
if (isCommand && cachePath && (cachedData === void 0 || script.cachedDataRejected)) {
  process.once("exit", () => {
    if (bundle.exports.checkedReport) writeCache(cachePath, script.createCachedData());
  });
}
script.runInThisContext()(
  bundle.exports,
  bundleRequire,
  bundle,
  BUNDLE,
  (0, import_node_path.dirname)(BUNDLE)
);
if (isCommand) bundle.exports.main?.();
function checkOnHelper(data) {
  bundle.exports.checkOnHelper?.(data);
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  checkOnHelper
});
