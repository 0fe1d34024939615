import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { CONTENT_SCRIPT_GZIP_BUDGET, findManifestProblems, overBudget } from "../../../scripts/report-build"

function buildDir(files: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), "signoff-build-"))
  for (const file of files) {
    mkdirSync(join(dir, file, ".."), { recursive: true })
    writeFileSync(join(dir, file), "x")
  }
  return dir
}

const complete = {
  manifest_version: 3,
  background: { service_worker: "bg.js" },
  action: { default_popup: "popup.html" },
  options_ui: { page: "options.html" },
  content_scripts: [{ matches: ["https://app.hubspot.com/*"], js: ["hubspot.js"] }],
  web_accessible_resources: [{ resources: ["tabs/panel.html"], matches: ["https://*/*"], use_dynamic_url: true }]
}
const files = ["bg.js", "popup.html", "options.html", "hubspot.js", "tabs/panel.html"]

describe("the production build's checks", () => {
  it("accept a complete manifest", () => {
    expect(findManifestProblems(complete, buildDir(files))).toEqual([])
  })

  it("want the panel page web-accessible at a dynamic URL, and built", () => {
    expect(findManifestProblems({ ...complete, web_accessible_resources: [] }, buildDir(files))).toEqual([
      "tabs/panel.html is not in web_accessible_resources: content scripts cannot frame the panel"
    ])
    expect(
      findManifestProblems({ ...complete, web_accessible_resources: [{ resources: ["tabs/panel.html"], matches: ["https://*/*"] }] }, buildDir(files))
    ).toEqual(["tabs/panel.html is web-accessible without use_dynamic_url"])
    expect(findManifestProblems(complete, buildDir(files.filter((f) => f !== "tabs/panel.html")))).toEqual([
      'panel page "tabs/panel.html" is in the manifest but not in the build'
    ])
  })

  it("fail a content script over the 12 KiB gzip budget", () => {
    const sizes = [
      { file: "hubspot.js", matches: [], rawBytes: 15_000, gzipBytes: 5_800 },
      { file: "marketo.js", matches: [], rawBytes: 300_000, gzipBytes: CONTENT_SCRIPT_GZIP_BUDGET + 1 }
    ]
    expect(overBudget(sizes)).toEqual(["marketo.js is 12.0 KiB gzip, over the 12.0 KiB budget for a content script"])
  })
})
