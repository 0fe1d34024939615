/**
 * Firefox MV3 build (`npm run build:firefox`): Plasmo's firefox-mv3 target, the manifest keys
 * Firefox needs in place of Chrome's, the content-script budget, then Mozilla's `web-ext lint`.
 *
 * Chromium stays the e2e target; this build is checked by the linter (no Firefox on CI). What
 * Firefox lacks, and how the extension degrades there, is in the README ("Firefox").
 */
import { spawnSync } from "node:child_process"
import { existsSync, readFileSync, writeFileSync } from "node:fs"
import { join, relative } from "node:path"
import { pathToFileURL } from "node:url"
import { contentScriptSizes, overBudget } from "./report-build"

export const FIREFOX_BUILD_DIR = join(process.cwd(), "build", "firefox-mv3-prod")

/** The add-on id: Firefox requires one in MV3 and keys storage and permissions to it. */
export const GECKO_ID = "signoff@signoff.dev"

/**
 * Firefox 140 is the first with built-in data-collection consent (`data_collection_permissions`),
 * which Mozilla requires of new add-ons; it also has everything else the extension uses.
 */
export const GECKO_MIN_VERSION = "140.0"

/** The same consent reached Firefox for Android in 142. */
export const GECKO_ANDROID_MIN_VERSION = "142.0"

/**
 * Lint findings accepted, by code, with the reason. Everything else fails the build.
 * UNSAFE_VAR_ASSIGNMENT: React DOM's and DOMPurify's own `innerHTML` inside the page bundles;
 * Signoff renders AI HTML only through DOMPurify, and only in the panel's sandboxed preview.
 */
export const ACCEPTED_LINT_CODES: ReadonlyMap<string, string> = new Map([
  ["UNSAFE_VAR_ASSIGNMENT", "innerHTML inside React DOM and DOMPurify (bundled libraries)"]
])

type Manifest = Record<string, unknown> & {
  web_accessible_resources?: Array<Record<string, unknown>>
  browser_specific_settings?: Record<string, unknown>
}

/**
 * The Chrome-shaped manifest Plasmo writes, made Firefox's: no `key` (Chrome's way to pin the
 * extension id; Firefox uses the gecko id), the gecko settings, and no `use_dynamic_url`
 * (unsupported; Firefox's moz-extension:// origin is already a random per-install UUID, so a
 * host page cannot guess the panel's URL either way).
 */
export function firefoxManifest(manifest: Manifest): Manifest {
  const { key: _chromeKey, ...rest } = manifest
  return {
    ...rest,
    web_accessible_resources: (manifest.web_accessible_resources ?? []).map(({ use_dynamic_url: _dynamic, ...entry }) => entry),
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: GECKO_MIN_VERSION,
        // The reviewer's token and their decisions (which may carry edited record content) go
        // to the organisation's Signoff server; nothing else leaves the browser.
        data_collection_permissions: { required: ["authenticationInfo", "websiteContent"] }
      },
      gecko_android: { strict_min_version: GECKO_ANDROID_MIN_VERSION }
    }
  }
}

interface LintMessage {
  code: string
  message: string
  file?: string
  line?: number
}

export interface LintReport {
  errors: LintMessage[]
  warnings: LintMessage[]
  notices: LintMessage[]
}

/** Findings that fail the build: every error, and every warning not accepted above. */
export function blockingFindings(report: LintReport): LintMessage[] {
  return [...report.errors, ...report.warnings.filter((w) => !ACCEPTED_LINT_CODES.has(w.code))]
}

/** Runs a command and returns its stdout; a failed exit ends the build unless `reportsInStdout` (the report says why). */
function run(command: string, args: string[], { reportsInStdout = false } = {}): string {
  const result = spawnSync(command, args, { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 64 * 1024 * 1024 })
  if (result.error) throw result.error
  if (result.status !== 0 && !(reportsInStdout && result.stdout)) {
    process.stdout.write(result.stdout)
    console.error(`build-firefox: ${command} ${args.join(" ")} exited with ${result.status}`)
    process.exit(1)
  }
  return result.stdout
}

function main(): void {
  const bin = (name: string) => join(process.cwd(), "node_modules", ".bin", name)
  process.stdout.write(run(bin("plasmo"), ["build", "--src-path=.", "--target=firefox-mv3"]))

  const manifestPath = join(FIREFOX_BUILD_DIR, "manifest.json")
  if (!existsSync(manifestPath)) {
    console.error(`build-firefox: ${relative(process.cwd(), manifestPath)} was not written`)
    process.exit(1)
  }
  const manifest = firefoxManifest(JSON.parse(readFileSync(manifestPath, "utf8")) as Manifest)
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2))

  const tooBig = overBudget(contentScriptSizes(manifest, FIREFOX_BUILD_DIR))
  for (const sentence of tooBig) console.error(`  ✗ ${sentence}`)

  const report = JSON.parse(
    run(bin("web-ext"), ["lint", "--source-dir", FIREFOX_BUILD_DIR, "--output=json", "--no-config-discovery"], { reportsInStdout: true })
  ) as LintReport
  const blocking = blockingFindings(report)
  for (const finding of blocking)
    console.error(`  ✗ web-ext lint ${finding.code} ${finding.file ?? ""}${finding.line ? `:${finding.line}` : ""}: ${finding.message}`)
  const accepted = report.warnings.filter((w) => ACCEPTED_LINT_CODES.has(w.code)).length
  console.log(
    `Signoff Firefox build ${blocking.length + tooBig.length === 0 ? "OK" : "FAILED"}: ${relative(process.cwd(), FIREFOX_BUILD_DIR)} ` +
      `(web-ext lint: ${report.errors.length} errors, ${report.warnings.length} warnings of which ${accepted} accepted, ${report.notices.length} notices)`
  )
  if (blocking.length + tooBig.length > 0) process.exit(1)
}

// Run only as a script, so tests may import the manifest rules.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main()
