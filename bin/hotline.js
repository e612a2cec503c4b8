#!/usr/bin/env node
// Launches the bundled command line (dist/cli/hotline.cjs, built by `npm run build`). In a
// checkout, rebuilds first when a TypeScript source is newer than the last build, so
// `npm run hotline` never runs stale code after an edit.
//
// CommonJS (bin/package.json says so), unlike the rest of the package: an ES module entry point
// starts Node's ES module loader, about 20 ms before the first line of the command runs.
"use strict";
const { existsSync } = require("node:fs");
const { join } = require("node:path");
const { ensureBuilt, root } = require("../scripts/ensure-built.cjs");

const bundle = join(root, "dist", "cli", "hotline.cjs");
ensureBuilt("hotline");
if (!existsSync(bundle)) {
  process.stderr.write("hotline: not built yet. Run `npm install` (or `npm run build`) first.\n");
  process.exit(1);
}
require("../scripts/run-bundle.cjs").runBundle(bundle);
