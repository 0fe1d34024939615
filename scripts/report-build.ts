/**
 * Post-build check for the production extension (`npm run build` runs it after Plasmo).
 *
 * Plasmo can silently emit an empty manifest (see SPEC §6: a `src/` directory next to
 * root-level entry points without `--src-path=.`), so the build fails here, loudly, unless
 * the manifest has every entry point the product needs. It then prints each content
 * script's raw and gzip size: content scripts run in every matching host page, so their
 * weight is what users pay for, and the build fails when one is over CONTENT_SCRIPT_GZIP_BUDGET
 * (a launcher is a few KiB; the panel belongs in its extension frame).
 */
import { existsSync, readFileSync } from "node:fs"
import { join, relative } from "node:path"
import { pathToFileURL } from "node:url"
import { gzipSync } from "node:zlib"
import { PANEL_PAGE } from "../src/messaging/frame-protocol"

export const BUILD_DIR = join(process.cwd(), "build", "chrome-mv3-prod")

/** Most a content script may weigh, gzipped (issue 11: the launcher costs the host page nothing measurable). */
export const CONTENT_SCRIPT_GZIP_BUDGET = 12 * 1024

interface ContentScriptEntry {
  matches?: string[]
  js?: string[]
  css?: string[]
}

interface BuiltManifest {
  manifest_version?: number
  background?: { service_worker?: string }
  content_scripts?: ContentScriptEntry[]
  action?: { default_popup?: string }
  options_ui?: { page?: string }
  options_page?: string
  web_accessible_resources?: Array<{ resources?: string[]; matches?: string[]; use_dynamic_url?: boolean }>
}

export interface FileSize {
  file: string
  matches: string[]
  rawBytes: number
  gzipBytes: number
}

/** Every problem with the manifest, as sentences; empty when the build is complete. */
export function findManifestProblems(manifest: BuiltManifest, buildDir: string): string[] {
  const problems: string[] = []
  const mustExist = (label: string, file: string | undefined) => {
    if (!file) problems.push(`no ${label} in the manifest`)
    else if (!existsSync(join(buildDir, file))) problems.push(`${label} "${file}" is in the manifest but not in the build`)
  }
  if (manifest.manifest_version !== 3) problems.push(`manifest_version is ${manifest.manifest_version}, expected 3`)
  mustExist("background service worker", manifest.background?.service_worker)
  mustExist("popup (action.default_popup)", manifest.action?.default_popup)
  mustExist("options page", manifest.options_ui?.page ?? manifest.options_page)
  // The panel frame: web-accessible (content scripts frame it in host pages), at a per-session URL.
  const panel = (manifest.web_accessible_resources ?? []).find((w) => w.resources?.includes(PANEL_PAGE))
  if (!panel) problems.push(`${PANEL_PAGE} is not in web_accessible_resources: content scripts cannot frame the panel`)
  else if (panel.use_dynamic_url !== true) problems.push(`${PANEL_PAGE} is web-accessible without use_dynamic_url`)
  mustExist("panel page", PANEL_PAGE)
  const scripts = manifest.content_scripts ?? []
  if (scripts.length === 0) problems.push("no content_scripts in the manifest")
  for (const entry of scripts) {
    if (!entry.matches?.length) problems.push(`a content script has no "matches": ${JSON.stringify(entry)}`)
    if (!entry.js?.length) problems.push(`a content script has no "js": ${JSON.stringify(entry)}`)
    for (const file of entry.js ?? []) mustExist("content script", file)
  }
  return problems
}

/** Content scripts over the gzip budget, as sentences; empty when all fit. */
export function overBudget(sizes: readonly FileSize[], budget = CONTENT_SCRIPT_GZIP_BUDGET): string[] {
  return sizes
    .filter((s) => s.file.endsWith(".js") && s.gzipBytes > budget)
    .map((s) => `${s.file} is ${kib(s.gzipBytes)} gzip, over the ${kib(budget)} budget for a content script`)
}

export function contentScriptSizes(manifest: BuiltManifest, buildDir: string): FileSize[] {
  return (manifest.content_scripts ?? []).flatMap((entry) =>
    [...(entry.js ?? []), ...(entry.css ?? [])].map((file) => {
      const bytes = readFileSync(join(buildDir, file))
      return { file, matches: entry.matches ?? [], rawBytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length }
    })
  )
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`

function main(): void {
  const manifestPath = join(BUILD_DIR, "manifest.json")
  if (!existsSync(manifestPath)) {
    console.error(`report-build: ${relative(process.cwd(), manifestPath)} does not exist; did "plasmo build --src-path=." run?`)
    process.exit(1)
  }
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as BuiltManifest
  const problems = findManifestProblems(manifest, BUILD_DIR)
  if (problems.length > 0) {
    console.error(`report-build: the production manifest is incomplete (${relative(process.cwd(), manifestPath)}):`)
    for (const problem of problems) console.error(`  ✗ ${problem}`)
    process.exit(1)
  }

  console.log(`Signoff build OK: ${relative(process.cwd(), BUILD_DIR)}`)
  console.log(`  background  ${manifest.background?.service_worker}`)
  console.log(`  popup       ${manifest.action?.default_popup}`)
  console.log(`  options     ${manifest.options_ui?.page ?? manifest.options_page}`)
  console.log("  content scripts (raw / gzip):")
  const sizes = contentScriptSizes(manifest, BUILD_DIR)
  const width = Math.max(...sizes.map((s) => s.file.length))
  for (const size of sizes) {
    console.log(`    ${size.file.padEnd(width)}  ${kib(size.rawBytes).padStart(10)} / ${kib(size.gzipBytes).padStart(9)}  ${size.matches.join(" ")}`)
  }
  const totalGzip = sizes.reduce((sum, s) => sum + s.gzipBytes, 0)
  console.log(`  total content-script gzip: ${kib(totalGzip)} across ${sizes.length} file(s); budget ${kib(CONTENT_SCRIPT_GZIP_BUDGET)} each`)
  const tooBig = overBudget(sizes)
  if (tooBig.length > 0) {
    for (const sentence of tooBig) console.error(`  ✗ ${sentence}`)
    process.exit(1)
  }
}

// Run only as a script, so tests may import the checks.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main()
