import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // A browser page polled for what it shows may take longer than a second on a busy machine
    // (the default); a poll that never succeeds still fails, after ten.
    expect: { poll: { timeout: 10_000 } },
    // Servers the tests start as processes check every answer strictly (Config.strictResponses).
    env: { QI_STRICT_RESPONSES: "1" },
  },
});
