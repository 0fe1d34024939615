import { build, type Metafile } from "esbuild"
import { readdirSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"

// Content scripts load on every page of the user's marketing platform, so they are a launcher and
// nothing else: the platform's detector, the navigation watcher, the launcher button and the frame
// host (src/launcher/, src/platforms/), and the zod-free messaging helpers. One package only, the
// browser API (webextension-polyfill) — no React, no zod, no panel code: the panel is an extension
// page in a frame. Plasmo's Parcel does not tree-shake content scripts, so one stray import would
// land whole in every host page (the build's report fails above 12 KiB gzip). Type-only imports
// are erased and allowed.

const ROOT = fileURLToPath(new URL("../../..", import.meta.url))
const ALLOWED_PACKAGES = ["webextension-polyfill"]
const CONTENT_SCRIPTS = readdirSync(`${ROOT}contents`).filter((f) => f.endsWith(".ts") || f.endsWith(".tsx"))

const ALLOWED_SOURCES = [
  /^contents\//,
  /^src\/launcher\//,
  /^src\/platforms\/(?!tenant\.ts$)/,
  /^src\/messaging\/(transport|cache-changed|frame-protocol)\.ts$/
]

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
  it("imports no package but the browser API (no React, zod or Dexie)", async () => {
    const { packages } = await importGraph(entry)
    expect(packages.filter((p) => !ALLOWED_PACKAGES.includes(p))).toEqual([])
  })

  it("imports only the launcher, the platform registry and the zod-free messaging helpers", async () => {
    const { files } = await importGraph(entry)
    expect(files.filter((f) => !ALLOWED_SOURCES.some((pattern) => pattern.test(f)))).toEqual([])
  })
})
