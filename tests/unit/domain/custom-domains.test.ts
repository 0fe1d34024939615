import { describe, expect, it } from "vitest"
import { contentScriptFor, normalizeHost, originPatternFor, scriptIdFor } from "~src/domain/custom-domains"

describe("custom domains", () => {
  it.each([
    ["go.example.com", "go.example.com"],
    ["  Go.Example.COM ", "go.example.com"],
    ["https://acme.my.salesforce.com/lightning/page/home", "acme.my.salesforce.com"],
    ["http://mkto.acme.io:8443/x", "mkto.acme.io"]
  ])("reads the host out of %j", (input, host) => {
    expect(normalizeHost(input)).toBe(host)
  })

  it.each(["", "localhost", "*.example.com", "192.168.0.1", "exa mple.com", "-bad.example.com"])("refuses %j as a custom host", (input) => {
    expect(normalizeHost(input)).toBeNull()
  })

  it("asks for an https origin permission and names the script after the host", () => {
    expect(originPatternFor("go.example.com")).toBe("https://go.example.com/*")
    expect(scriptIdFor("go.example.com")).toBe("signoff-custom-go.example.com")
  })

  const manifestScripts = [
    { matches: ["https://app.hubspot.com/*", "https://app-eu1.hubspot.com/*"], js: ["hubspot.e3c98100.js"], css: [] },
    { matches: ["https://*.lightning.force.com/*", "https://*.my.salesforce.com/*"], js: ["salesforce.1a2b3c4d.js"] },
    { matches: ["https://pi.pardot.com/*"], js: ["pardot.99aa88bb.js"] },
    { matches: ["https://*.marketo.com/*", "https://experience.adobe.com/*"], js: ["marketo.77cc66dd.js"] }
  ]

  it("picks the hashed content script whose matches belong to the platform", () => {
    expect(contentScriptFor("hubspot", manifestScripts)).toEqual({ js: ["hubspot.e3c98100.js"], css: [] })
    expect(contentScriptFor("salesforce", manifestScripts)?.js).toEqual(["salesforce.1a2b3c4d.js"])
    expect(contentScriptFor("pardot", manifestScripts)?.js).toEqual(["pardot.99aa88bb.js"])
    expect(contentScriptFor("marketo", manifestScripts)?.js).toEqual(["marketo.77cc66dd.js"])
  })

  it("finds nothing for a platform this build has no content script for", () => {
    expect(contentScriptFor("dynamics", manifestScripts)).toBeNull()
    expect(contentScriptFor("hubspot", undefined)).toBeNull()
  })
})
