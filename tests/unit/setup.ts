// Component tests run in jsdom (per-file `// @vitest-environment jsdom`); IndexedDB comes from
// fake-indexeddb so Dexie code runs unchanged in node.
import "fake-indexeddb/auto"
import { configure } from "@testing-library/dom"

// CI shares two cores with a build and two browsers: give findBy*/waitFor and axe room, without
// making any test a timing assertion.
configure({ asyncUtilTimeout: 5_000 })
