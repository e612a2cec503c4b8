import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // A private TMPDIR and snapshot cache per run; fails the run if tests leave temp files or
    // touch the repository's .hotline-cache/ (see the file).
    globalSetup: ["test/global-setup.ts"],
    // One fixed, printed fast-check seed for every property test (FC_SEED to change it).
    setupFiles: ["test/fast-check-seed.ts"],
    // Network fakes bind real sockets on 127.0.0.1; a slow shared machine needs headroom.
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
