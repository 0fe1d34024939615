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

// Three suites, one command: unit (pure logic + components), integration (real server on a
// temporary SQLite file), e2e (Debian's Chromium + the production build).
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
          testTimeout: 30_000
        }
      },
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
