// Component tests run in jsdom (per-file `// @vitest-environment jsdom`); IndexedDB comes from
// fake-indexeddb so Dexie code runs unchanged in node.
import "fake-indexeddb/auto"
