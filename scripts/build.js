// Compiles the TypeScript sources to dist/ and stamps the build, so bin/hotline.js can tell
// whether the compiled code is current.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
const result = spawnSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json")], {
  stdio: "inherit",
});
if (result.status !== 0) process.exit(result.status ?? 1);
mkdirSync(join(root, "dist"), { recursive: true });
writeFileSync(join(root, "dist", ".build-stamp"), `${new Date().toISOString()}\n`);
