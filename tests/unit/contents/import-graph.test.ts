import { build, type Metafile } from "esbuild"
import { readdirSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"

// Content scripts load on every page of the user's marketing platform: they carry React,
// react-query, DOMPurify, the panel, the detectors and a light check of the background's answers
// (src/messaging/panel-contract.ts), nothing else. Plasmo's Parcel does not tree-shake them, so
// one value import of a module that uses zod adds all of zod (~550 KiB) to each of them.
// Type-only imports are erased and allowed.

const ROOT = fileURLToPath(new URL("../../..", import.meta.url))
const CONTENT_SCRIPTS = readdirSync(`${ROOT}contents`).filter((f) => f.endsWith(".ts") || f.endsWith(".tsx"))

const ALLOWED_PACKAGES = ["react", "react-dom", "@tanstack/react-query", "dompurify", "diff"]
// src/domain/labels.ts is plain constants (no zod) and shared on purpose.
const FORBIDDEN_SOURCES = [/^src\/domain\/(?!labels\.ts$)/, /^src\/db\//, /^src\/api\//, /^src\/sync\//, /^src\/messaging\/(messages|client|handler)\.ts$/, /^src\/ui\/(popup|options)\//]

async function importGraph(entry: string): Promise<{ files: string[]; packages: string[] }> {
  const { metafile } = (await build({
    entryPoints: [`${ROOT}contents/${entry}`],
    absWorkingDir: ROOT,
    bundle: true,
    write: false,
    metafile: true,
    format: "esm",
    jsx: "automatic",
    packages: "external",
    alias: { "~src": `${ROOT}src` },
    logLevel: "silent"
  })) as { metafile: Metafile }
  const packages = new Set<string>()
  for (const input of Object.values(metafile.inputs))
    for (const imported of input.imports) if (imported.external) packages.add(imported.path.match(/^(@[^/]+\/)?[^/]+/)![0])
  return { files: Object.keys(metafile.inputs), packages: [...packages].sort() }
}

describe.each(CONTENT_SCRIPTS)("content script %s", (entry) => {
  it("imports only the packages the panel needs (no zod, Dexie or the polyfill)", async () => {
    const { packages } = await importGraph(entry)
    expect(packages.filter((p) => !ALLOWED_PACKAGES.includes(p))).toEqual([])
  })

  it("imports no domain schemas, database, API client, sync engine, full message contract or page UI", async () => {
    const { files } = await importGraph(entry)
    expect(files.filter((f) => FORBIDDEN_SOURCES.some((pattern) => pattern.test(f)))).toEqual([])
  })
})
