import { execFileSync } from "node:child_process"
import { existsSync, readFileSync } from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import ts from "typescript"
import { describe, expect, it } from "vitest"

/*
 * The folder layout is the architecture (README "Layout"): which folder may import which. Layers
 * point one way — the platform registry and the domain at the bottom, entry points on top — and a
 * folder missing from the table fails, so a new one needs a decision here. Type-only imports count:
 * a type pointing upward is a dependency pointing upward.
 */
const SRC = ["src/api", "src/db", "src/domain", "src/launcher", "src/local", "src/messaging", "src/platforms", "src/queue", "src/sync", "src/ui"]

export const MAY_IMPORT: Record<string, readonly string[]> = {
  // Plain data and URL parsing, no zod: the domain derives its Platform enum from it.
  "src/platforms": [],
  // Shared with the server and the SDK: pure, zod schemas.
  "src/domain": ["src/platforms"],
  // The extension's local vocabulary (cached proposals, queue entries, sync status).
  "src/local": ["src/domain", "src/platforms"],
  "src/api": ["src/domain"],
  "src/db": ["src/domain", "src/local", "src/platforms"],
  "src/queue": ["src/domain", "src/local", "src/platforms"],
  "src/sync": ["src/api", "src/db", "src/domain", "src/local", "src/platforms"],
  // Message schemas, transport, sender policy: what the extension's parts say to each other.
  "src/messaging": ["src/domain", "src/local", "src/platforms"],
  // Runs in host pages: see content-scripts.test.ts for what it may bundle.
  "src/launcher": ["src/local", "src/messaging", "src/platforms"],
  "src/ui": ["src/domain", "src/local", "src/messaging", "src/platforms", "src/queue"],
  // Entry points.
  background: ["src/api", "src/db", "src/domain", "src/local", "src/messaging", "src/platforms", "src/queue", "src/sync"],
  contents: ["src/launcher", "src/platforms"],
  popup: ["src/messaging", "src/ui"],
  options: ["src/messaging", "src/ui"],
  tabs: ["src/messaging", "src/ui"],
  // The server hosts the SDK's MCP tools and signs and hashes with the SDK's functions.
  server: ["src/domain", "src/platforms", "sdk/src"],
  "sdk/src": ["src/domain", "src/platforms"],
  "sdk/examples": ["sdk/src", "src/domain", "scripts"],
  sdk: ["sdk/src", "src/domain"],
  // Tools: the demo and build report drive everything.
  scripts: ["server", "sdk/src", "tests/support", ...SRC]
}

const ROOT = fileURLToPath(new URL("../../..", import.meta.url))
const sourceFiles = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "*.ts", "*.tsx"], { cwd: ROOT, encoding: "utf8" })
  .split("\n")
  .filter((f) => f && existsSync(path.join(ROOT, f)) && !f.startsWith("tests/") && !f.startsWith("bench/") && !f.endsWith(".d.ts") && f.includes("/"))

/** The table's key a file belongs to: the longest folder prefix in the table. */
const folderOf = (file: string, keys: readonly string[]): string | undefined =>
  keys.filter((k) => file === k || file.startsWith(`${k}/`)).sort((a, b) => b.length - a.length)[0]

function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(path.join(ROOT, file), "utf8"), true, true)
  return importedFiles.map((i) => i.fileName)
}

/** The repository path an import names, or null for a package. */
function resolve(file: string, specifier: string): string | null {
  if (specifier.startsWith("~")) return specifier.slice(1)
  if (specifier.startsWith(".")) return path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier))
  return null
}

/** Every import that crosses folders against the table, as "file: import (why)". */
export function violations(files: readonly string[], table: Record<string, readonly string[]>, readImports = importsOf): string[] {
  const keys = [...Object.keys(table), "tests/support"]
  const found: string[] = []
  for (const file of files) {
    const from = folderOf(file, Object.keys(table))
    if (!from) {
      found.push(`${file}: its folder is not in the dependency table`)
      continue
    }
    for (const specifier of readImports(file)) {
      const target = resolve(file, specifier)
      if (target === null) continue
      const to = folderOf(target, keys) ?? target.split("/")[0]!
      if (to !== from && !table[from]!.includes(to)) found.push(`${file}: imports ${specifier} (${from} may not import ${to})`)
    }
  }
  return found
}

describe("the dependency table", () => {
  it("holds for every source file: no folder imports one the table does not allow", () => {
    expect(violations(sourceFiles, MAY_IMPORT)).toEqual([])
  })

  it("names the offending import when a lower layer reaches up", () => {
    const imports: Record<string, string[]> = { "src/domain/proposal.ts": ["zod", "~src/ui/popup/popup-app", "./workflow"], "src/ui/x.tsx": ["~src/domain"] }
    expect(violations(Object.keys(imports), MAY_IMPORT, (f) => imports[f]!)).toEqual([
      "src/domain/proposal.ts: imports ~src/ui/popup/popup-app (src/domain may not import src/ui)"
    ])
  })

  it("catches relative imports that leave the folder, and files in folders it does not know", () => {
    const imports: Record<string, string[]> = { "src/db/cache.ts": ["../sync/engine"], "widgets/x.ts": [] }
    expect(violations(Object.keys(imports), MAY_IMPORT, (f) => imports[f]!)).toEqual([
      "src/db/cache.ts: imports ../sync/engine (src/db may not import src/sync)",
      "widgets/x.ts: its folder is not in the dependency table"
    ])
  })

  it("points one way: no two folders may import each other", () => {
    const cycles = Object.entries(MAY_IMPORT).flatMap(([from, tos]) => tos.filter((to) => MAY_IMPORT[to]?.includes(from)).map((to) => `${from} ⇄ ${to}`))
    expect(cycles).toEqual([])
  })
})
