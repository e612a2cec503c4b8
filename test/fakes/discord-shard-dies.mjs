// A shard child that dies at its first start, then (respawned by the ShardingManager) hangs
// without ever becoming ready, like a shard whose login keeps failing. The first argument is a
// marker file that tells the two apart. For the test that a failed spawn leaves no child behind.
import { existsSync, writeFileSync } from "node:fs";

const marker = process.argv[2];
if (!existsSync(marker)) {
  writeFileSync(marker, "");
  process.exit(1);
}
setInterval(() => {}, 60_000);
