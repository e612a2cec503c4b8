import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Network fakes bind real sockets on 127.0.0.1; a slow shared machine needs headroom.
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
