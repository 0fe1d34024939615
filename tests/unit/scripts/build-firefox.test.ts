import { describe, expect, it } from "vitest"
import { blockingFindings, firefoxManifest, GECKO_ID } from "../../../scripts/build-firefox"

const chromeShaped = {
  manifest_version: 3,
  key: "MIIBIjANBgkq...",
  background: { scripts: ["static/background/index.js"] },
  web_accessible_resources: [{ resources: ["tabs/panel.html"], matches: ["https://*/*"], use_dynamic_url: true }]
}

describe("the Firefox manifest", () => {
  it("drops Chrome's key and pins the gecko id instead", () => {
    const manifest = firefoxManifest(chromeShaped)
    expect(manifest).not.toHaveProperty("key")
    expect(manifest.browser_specific_settings).toMatchObject({ gecko: { id: GECKO_ID } })
  })

  it("declares what data leaves the browser, as Firefox's built-in consent requires", () => {
    const gecko = (firefoxManifest(chromeShaped).browser_specific_settings as { gecko: Record<string, unknown> }).gecko
    expect(gecko.data_collection_permissions).toEqual({ required: ["authenticationInfo", "websiteContent"] })
  })

  it("keeps the panel web-accessible to the same pages, without Chrome's use_dynamic_url", () => {
    expect(firefoxManifest(chromeShaped).web_accessible_resources).toEqual([{ resources: ["tabs/panel.html"], matches: ["https://*/*"] }])
  })

  it("keeps everything else as Plasmo wrote it", () => {
    expect(firefoxManifest(chromeShaped).background).toEqual(chromeShaped.background)
  })
})

describe("web-ext lint findings", () => {
  const finding = (code: string) => ({ code, message: code })

  it("fail the build on any error", () => {
    expect(blockingFindings({ errors: [finding("ADDON_ID_REQUIRED")], warnings: [], notices: [] })).toHaveLength(1)
  })

  it("fail the build on a warning that is not accepted by code", () => {
    const report = { errors: [], warnings: [finding("UNSAFE_VAR_ASSIGNMENT"), finding("MISSING_DATA_COLLECTION_PERMISSIONS")], notices: [] }
    expect(blockingFindings(report).map((f) => f.code)).toEqual(["MISSING_DATA_COLLECTION_PERMISSIONS"])
  })

  it("pass on notices and accepted warnings", () => {
    expect(blockingFindings({ errors: [], warnings: [finding("UNSAFE_VAR_ASSIGNMENT")], notices: [finding("ANY")] })).toEqual([])
  })
})
