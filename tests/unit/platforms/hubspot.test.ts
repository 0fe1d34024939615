import { describe, expect, it } from "vitest"
import { hubspot } from "~src/platforms/hubspot"

const detect = (url: string) => hubspot.detect(new URL(url))

describe("hubspot.detect", () => {
  it.each([
    ["https://app.hubspot.com/contacts/4455667/record/0-1/101", "contact", "101"],
    ["https://app.hubspot.com/contacts/4455667/record/0-1/101/", "contact", "101"],
    ["https://app-eu1.hubspot.com/contacts/4455667/record/0-2/5001", "company", "5001"],
    ["https://app-na2.hubspot.com/contacts/4455667/record/0-3/9001?tab=activity", "deal", "9001"],
    ["https://app-ap1.hubspot.com/contacts/4455667/record/0-5/42", "ticket", "42"],
    ["https://app.hubspot.com/contacts/4455667/record/2-3344556/77", "custom-object", "2-3344556:77"],
    ["https://app.hubspot.com/contacts/4455667/contact/101", "contact", "101"],
    ["https://app.hubspot.com/contacts/4455667/objectLists/12", "list", "12"],
    ["https://app.hubspot.com/contacts/4455667/objectLists/12/filters", "list", "12"],
    ["https://app.hubspot.com/contacts/4455667/lists/12", "list", "12"],
    ["https://app.hubspot.com/email/4455667/edit/1100/content", "email", "1100"],
    ["https://app-eu1.hubspot.com/email/4455667/details/1100/performance", "email", "1100"],
    ["https://app.hubspot.com/workflows/4455667/platform/flow/3300/edit", "workflow", "3300"],
    ["https://app.hubspot.com/workflows/4455667/flow/3300/edit", "workflow", "3300"],
    ["https://app.hubspot.com/pages/4455667/editor/2200/content", "landing-page", "2200"],
    ["https://app.hubspot.com/campaigns/4455667/#/details/3F9A2C1E-7B4D-4E8F-9A6B-1C2D3E4F5A6B", "campaign", "3f9a2c1e-7b4d-4e8f-9a6b-1c2d3e4f5a6b"],
    ["https://app.hubspot.com/campaigns/4455667/details/3f9a2c1e-7b4d-4e8f-9a6b-1c2d3e4f5a6b/assets", "campaign", "3f9a2c1e-7b4d-4e8f-9a6b-1c2d3e4f5a6b"]
  ])("reads %s as %s %s", (url, kind, id) => {
    expect(detect(url)).toMatchObject({ platform: "hubspot", kind, id })
  })

  it("labels the entity for the launcher", () => {
    expect(detect("https://app.hubspot.com/contacts/1/record/0-1/101")?.label).toBe("HubSpot contact 101")
  })

  it.each([
    ["settings page", "https://app.hubspot.com/settings/4455667/user-preferences/profile"],
    ["object index", "https://app.hubspot.com/contacts/4455667/objects/0-1/views/all/list"],
    ["list index", "https://app.hubspot.com/contacts/4455667/objectLists/views/all"],
    ["non-review object type (calls)", "https://app.hubspot.com/contacts/4455667/record/0-48/12"],
    ["campaign index", "https://app.hubspot.com/campaigns/4455667/#/manage"],
    ["campaign hash on another tool", "https://app.hubspot.com/reports-dashboard/4455667/#/details/3f9a2c1e-7b4d-4e8f-9a6b-1c2d3e4f5a6b"],
    ["email index", "https://app.hubspot.com/email/4455667/manage/state/all"],
    ["marketing site", "https://www.hubspot.com/contacts/4455667/record/0-1/101"],
    ["look-alike host", "https://app.hubspot.com.evil.example/contacts/4455667/record/0-1/101"],
    ["other platform", "https://acme.lightning.force.com/contacts/4455667/record/0-1/101"],
    ["non-numeric record id", "https://app.hubspot.com/contacts/4455667/record/0-1/abc"]
  ])("ignores a %s", (_what, url) => {
    expect(detect(url)).toBeNull()
  })
})
