import { fileURLToPath } from "node:url"
import { defineConfig } from "vitest/config"

const root = fileURLToPath(new URL(".", import.meta.url))
const shared = {
  resolve: {
    alias: [
      { find: /^~(.*)$/, replacement: `${root}$1` },
      // The real polyfill only loads inside an extension; unit and integration tests drive chrome.* fakes (see the file).
      { find: /^webextension-polyfill$/, replacement: `${root}tests/support/webextension-polyfill.ts` }
    ]
  },
  oxc: { jsx: { runtime: "automatic" as const } }
}

// Postgres for the integration suite's second run: .ci/run starts a throwaway cluster and sets
// this; locally, point it at any server where the user may create databases.
const postgresUrl = process.env.SIGNOFF_TEST_POSTGRES

// Suites in one command: unit (pure logic + components), integration (real server on a temporary
// SQLite file), integration-postgres (the same files, each server on a fresh Postgres database;
// only when SIGNOFF_TEST_POSTGRES is set), e2e (Debian's Chromium + the production build).
export default defineConfig({
  test: {
    projects: [
      {
        ...shared,
        test: {
          name: "unit",
          testTimeout: 20_000,
          include: ["tests/unit/**/*.test.{ts,tsx}"],
          environment: "node",
          setupFiles: ["tests/unit/setup.ts"]
        }
      },
      {
        ...shared,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          setupFiles: ["fake-indexeddb/auto"],
          testTimeout: 30_000,
          // Setups seed through the real API (stats: ~135 requests); a loaded machine must not fail them.
          hookTimeout: 60_000
        }
      },
      ...(postgresUrl
        ? [
            {
              ...shared,
              test: {
                name: "integration-postgres",
                include: ["tests/integration/**/*.test.ts"],
                environment: "node",
                setupFiles: ["fake-indexeddb/auto"],
                testTimeout: 30_000,
                hookTimeout: 60_000,
                env: { SIGNOFF_TEST_DB: postgresUrl }
              }
            }
          ]
        : []),
      {
        ...shared,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false
        }
      }
    ]
  }
})
