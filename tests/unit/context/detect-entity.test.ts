import { describe, expect, it } from "vitest"
import { detectEntity, detectorForHost } from "~src/context/detect-entity"
import { Entity } from "~src/context/entity"

describe("detectEntity", () => {
  it.each([
    ["https://app-eu1.hubspot.com/contacts/1/record/0-1/101", "hubspot"],
    ["https://app-ab12.marketo.com/#EM1234A1ZN2", "marketo"],
    ["https://experience.adobe.com/#/@acme/so:123-ABC-456/marketo-engage/classic/EM1234A1ZN2", "marketo"],
    ["https://acme.lightning.force.com/lightning/r/Lead/00Q5e00000AbCdEAAZ/view", "salesforce"],
    ["https://pi.pardot.com/prospect/read/id/4242", "pardot"],
    ["https://acme.crm4.dynamics.com/main.aspx?etn=contact&id=5e8b2c1a-0f3d-4a6b-9c7e-123456789abc", "dynamics"]
  ])("routes %s to the %s detector", (url, platform) => {
    const entity = detectEntity(url)
    expect(entity?.platform).toBe(platform)
    // Whatever a detector returns must pass the message schema the background validates with.
    expect(Entity.safeParse(entity).success).toBe(true)
  })

  it.each([
    ["an unknown host", "https://example.com/contacts/1/record/0-1/101"],
    ["plain http", "http://app.hubspot.com/contacts/1/record/0-1/101"],
    ["not a URL", "not a url"]
  ])("returns null for %s", (_what, url) => {
    expect(detectEntity(url)).toBeNull()
  })

  it("has no detector for hosts Signoff does not support", () => {
    expect(detectorForHost("www.google.com")).toBeNull()
  })
})
