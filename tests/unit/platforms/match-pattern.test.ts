import { describe, expect, it } from "vitest"
import { matchesAnyPattern, matchesPattern } from "~src/platforms/match-pattern"

describe("matchesPattern", () => {
  it.each([
    ["https://app.hubspot.com/contacts/1/record/0-1/2", "https://app.hubspot.com/*"],
    ["https://app-eu1.hubspot.com/contacts/1", "https://app-eu1.hubspot.com/*"],
    ["https://acme.lightning.force.com/lightning/r/Lead/00Q/view", "https://*.lightning.force.com/*"],
    ["https://lightning.force.com/x", "https://*.lightning.force.com/*"],
    ["http://crm.example.test:8080/main.aspx?etn=lead", "*://crm.example.test/*"],
    ["https://pi.pardot.com/prospect/read/id/5", "<all_urls>"]
  ])("%s matches %s", (url, pattern) => {
    expect(matchesPattern(url, pattern)).toBe(true)
  })

  it.each([
    ["https://app.hubspot.com.evil.example/contacts", "https://app.hubspot.com/*"],
    ["https://evilhubspot.com/", "https://*.hubspot.com/*"],
    ["http://app.hubspot.com/contacts", "https://app.hubspot.com/*"],
    ["https://app.hubspot.com/email/1", "https://app.hubspot.com/contacts/*"],
    ["chrome-extension://abc/popup.html", "*://*/*"],
    ["not a url", "<all_urls>"]
  ])("%s does not match %s", (url, pattern) => {
    expect(matchesPattern(url, pattern)).toBe(false)
  })

  it("accepts a URL matching any of several patterns", () => {
    expect(matchesAnyPattern("https://app-eu1.hubspot.com/x", ["https://app.hubspot.com/*", "https://app-eu1.hubspot.com/*"])).toBe(true)
    expect(matchesAnyPattern("https://example.com/", [])).toBe(false)
  })
})
