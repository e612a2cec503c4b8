// Runs the bundled command line (dist/cli/hotline.cjs) with V8's code cache: the bytecode of the
// functions the one-shot commands run, written by the build (scripts/code-cache.cjs) beside the
// bundle. Node 20 caches no compiled code by itself (`module.enableCompileCache` is Node 22), and
// compiling those functions anew was about 25 ms of every `hotline ask`.
//
// The bundle is CommonJS and is run as Node's own loader runs one (the module wrapper compiled by
// vm.Script, then called with require, module and the file's name), but with the cache. The cache
// is used only when it was made from this very file: its first line names the bundle's size and
// modification time when the cache was made (V8 itself checks only the source's length), and V8
// must accept it (same V8 version and flags). Otherwise the bundle is compiled as usual. Either
// way the same code runs.
"use strict";
const { readFileSync, statSync } = require("node:fs");
const Module = require("node:module");
const { dirname } = require("node:path");
const vm = require("node:vm");

/** Where the code cache of `bundle` is kept. */
const cachePath = (bundle) => `${bundle}.cache`;

/** The first line of the code cache of `bundle` as it is now. */
function cacheHeader(bundle) {
  const { size, mtimeMs } = statSync(bundle);
  return Buffer.from(`hotline code cache ${size} ${mtimeMs}\n`);
}

/**
 * Compiles and runs `bundle` (a CommonJS file), with its code cache when one matches. Returns its
 * exports and the compiled script (scripts/code-cache.cjs makes the cache from it).
 */
function runBundle(bundle) {
  const header = cacheHeader(bundle);
  const source = readFileSync(bundle, "utf8");
  let cachedData;
  try {
    const cache = readFileSync(cachePath(bundle));
    if (cache.subarray(0, header.length).equals(header)) cachedData = cache.subarray(header.length);
  } catch {
    // No cache (not built yet, or removed): compile without.
  }
  // The bundle must not use `import()` (a script compiled here has no loader for it): the build
  // checks that.
  const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
  const module = { exports: {}, filename: bundle, id: bundle, loaded: false };
  const require = Module.createRequire(bundle);
  script
    .runInThisContext()
    .call(module.exports, module.exports, require, module, bundle, dirname(bundle));
  module.loaded = true;
  return { exports: module.exports, script, header };
}

module.exports = { cachePath, runBundle };
