import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

/**
 * Three tiers (STYLE §10):
 * - unit: pure modules, colocated *.test.ts under app/ and dev/, no database;
 * - integration: *.server.ts and routes against a real migrated database — SQLite by default,
 *   PostgreSQL with TEST_DB=postgres — one fresh database per test file (tests/setup/database.ts);
 * - browser: playwright-core driving Debian's Chromium against the built app and the stand-in.
 */
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["app/**/*.test.{ts,tsx}", "dev/**/*.test.ts", "extensions/**/*.test.ts"],
          setupFiles: ["tests/setup/env.ts", "tests/setup/console.ts"],
          // Generous: these machines have two cores shared by whatever else runs (a slow machine is not a failure).
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.{ts,tsx}"],
          globalSetup: ["tests/setup/global-database.ts"],
          setupFiles: ["tests/setup/env.ts", "tests/setup/database.ts", "tests/setup/console.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "browser",
          include: ["tests/browser/**/*.test.ts"],
          // One demo shared by the files that look at a finished demo shop (tests/setup/browser-demo.ts).
          globalSetup: ["tests/setup/browser-demo.ts"],
          setupFiles: ["tests/setup/env.ts"],
          pool: "forks",
          poolOptions: { forks: { singleFork: true } },
          testTimeout: 60_000,
          hookTimeout: 330_000,
        },
      },
    ],
  },
});
