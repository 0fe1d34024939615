import { build, type Metafile } from "esbuild"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"

// The popup's first paint with nothing waiting must cost at most twice a static page of the
// extension (issue 13, bench/popup-first-paint.bench.ts). What the popup's entry imports
// statically is parsed and run before anything paints, so it carries the queue head and the
// status only. zod: the answers the first paint waits for are checked structurally
// (src/messaging/answer-check.ts), every other answer is zod-parsed by the contract the popup's
// client loads on demand (src/messaging/popup-client.ts). DOMPurify, diff, uPlot and the proposal
// card come with the screens that need them.

const ROOT = fileURLToPath(new URL("../../..", import.meta.url))
const NOT_AT_FIRST_PAINT = ["zod", "dompurify", "diff", "uplot", "dexie"]

/** The packages and source files reached from popup/index.tsx by static imports (dynamic `import()` excluded). */
async function firstChunk(): Promise<{ files: string[]; packages: string[] }> {
  const { metafile } = (await build({
    entryPoints: [`${ROOT}popup/index.tsx`],
    absWorkingDir: ROOT,
    bundle: true,
    splitting: true,
    format: "esm",
    outdir: `${ROOT}.popup-graph`,
    write: false,
    metafile: true,
    jsx: "automatic",
    packages: "external",
    alias: { "~src": `${ROOT}src` },
    logLevel: "silent"
  })) as { metafile: Metafile }
  const outputs = metafile.outputs
  const entry = Object.keys(outputs).find((name) => outputs[name]!.entryPoint === "popup/index.tsx")!
  const files = new Set<string>()
  const packages = new Set<string>()
  const seen = new Set<string>()
  const visit = (name: string) => {
    if (seen.has(name)) return
    seen.add(name)
    const output = outputs[name]!
    for (const input of Object.keys(output.inputs)) files.add(input)
    for (const imported of output.imports) {
      if (imported.kind !== "import-statement") continue
      if (imported.external) packages.add(imported.path.match(/^(@[^/]+\/)?[^/]+/)![0])
      else visit(imported.path)
    }
  }
  visit(entry)
  return { files: [...files].sort(), packages: [...packages].sort() }
}

describe("the popup's first chunk", () => {
  it("imports none of zod, DOMPurify, diff, uPlot or Dexie", async () => {
    const { packages } = await firstChunk()
    expect(packages.filter((p) => NOT_AT_FIRST_PAINT.includes(p))).toEqual([])
  })

  it("leaves the proposal card, the zod contract and the other screens to chunks loaded on demand", async () => {
    const { files } = await firstChunk()
    expect(files.filter((f) => /^src\/(ui\/proposal\/proposal-card|ui\/summary\/|messaging\/messages\.ts)/.test(f))).toEqual([])
  })
})
