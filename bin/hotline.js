#!/usr/bin/env node
// Launches the compiled command line. In a checkout, rebuilds first when a TypeScript source is
// newer than the last build, so `npm run hotline` never runs stale code after an edit.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { ensureBuilt, root } from "../scripts/ensure-built.js";

const entry = join(root, "dist", "adapters", "cli", "main.js");
ensureBuilt("hotline");
if (!existsSync(entry)) {
  process.stderr.write("hotline: not built yet. Run `npm install` (or `npm run build`) first.\n");
  process.exit(1);
}
await import(entry);
