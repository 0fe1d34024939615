import { describe, expect, it } from "vitest"
import { salesforce } from "~src/platforms/salesforce"

const detect = (url: string) => salesforce.detect(new URL(url))

describe("salesforce.detect", () => {
  it.each([
    ["https://acme.lightning.force.com/lightning/r/Lead/00Q5e00000AbCdEAAZ/view", "salesforce", "lead", "00Q5e00000AbCdEAAZ"],
    ["https://acme.lightning.force.com/lightning/r/Contact/0035e00000XyZaBAAV/view", "salesforce", "contact", "0035e00000XyZaBAAV"],
    ["https://acme.lightning.force.com/lightning/r/Campaign/7015e000000QrSt/view", "salesforce", "campaign", "7015e000000QrSt"],
    ["https://acme.lightning.force.com/lightning/r/Opportunity/0065e00000LmNoPAAV/edit", "salesforce", "opportunity", "0065e00000LmNoPAAV"],
    ["https://acme.lightning.force.com/lightning/r/Account/0015e00000AbCdEAAZ/related/Contacts/view", "salesforce", "account", "0015e00000AbCdEAAZ"],
    ["https://acme.lightning.force.com/lightning/r/Invoice__c/a015e00000AbCdEAAZ/view", "salesforce", "invoice__c", "a015e00000AbCdEAAZ"],
    ["https://acme.lightning.force.com/lightning/r/00Q5e00000AbCdEAAZ/view", "salesforce", "lead", "00Q5e00000AbCdEAAZ"],
    ["https://acme--uat.sandbox.lightning.force.com/lightning/r/Lead/00Q5e00000AbCdEAAZ/view", "salesforce", "lead", "00Q5e00000AbCdEAAZ"],
    ["https://acme.lightning.force.com/lightning/o/Lead/list?filterName=MyUnreadLeads", "salesforce", "lead-list", "MyUnreadLeads"],
    ["https://acme.lightning.force.com/lightning/o/Campaign/list", "salesforce", "campaign-list", "Recent"],
    ["https://acme.my.salesforce.com/00Q5e00000AbCdE", "salesforce", "lead", "00Q5e00000AbCdE"],
    ["https://acme.lightning.force.com/lightning/page/pardot/prospect%2Fread%2Fid%2F4242", "pardot", "prospect", "4242"],
    ["https://acme.lightning.force.com/lightning/page/pardot/landingPage%2Fread%2Fid%2F77", "pardot", "landing-page", "77"]
  ])("reads %s as %s %s %s", (url, platform, kind, id) => {
    expect(detect(url)).toMatchObject({ platform, kind, id })
  })

  it("names the console workspace's record as a related entity", () => {
    const entity = detect(
      "https://acme.lightning.force.com/lightning/r/Contact/0035e00000XyZaBAAV/view?ws=%2Flightning%2Fr%2FAccount%2F0015e00000AbCdEAAZ%2Fview"
    )
    expect(entity).toMatchObject({ kind: "contact", related: [{ platform: "salesforce", kind: "account", id: "0015e00000AbCdEAAZ" }] })
  })

  it("does not list a workspace tab as related to itself", () => {
    const entity = detect(
      "https://acme.lightning.force.com/lightning/r/Account/0015e00000AbCdEAAZ/view?ws=%2Flightning%2Fr%2FAccount%2F0015e00000AbCdEAAZ%2Fview"
    )
    expect(entity?.related).toBeUndefined()
  })

  it.each([
    ["setup", "https://acme.lightning.force.com/lightning/setup/SetupOneHome/home"],
    ["object home", "https://acme.lightning.force.com/lightning/o/Lead/home"],
    ["app home", "https://acme.lightning.force.com/lightning/page/home"],
    ["short id", "https://acme.lightning.force.com/lightning/r/Lead/00Q5e/view"],
    ["unknown key prefix without object", "https://acme.lightning.force.com/lightning/r/a015e00000AbCdEAAZ/view"],
    ["Classic page that is not a record", "https://acme.my.salesforce.com/home/home.jsp"],
    ["Classic record of an unknown object", "https://acme.my.salesforce.com/a015e00000AbCdE"],
    ["Pardot embed of a non-read page", "https://acme.lightning.force.com/lightning/page/pardot/prospect%2Flist"],
    ["malformed Pardot embed", "https://acme.lightning.force.com/lightning/page/pardot/%E0%A4%A"],
    ["look-alike host", "https://acme.lightning.force.com.evil.example/lightning/r/Lead/00Q5e00000AbCdEAAZ/view"],
    ["login host", "https://login.salesforce.com/lightning/r/Lead/00Q5e00000AbCdEAAZ/view"]
  ])("ignores %s", (_what, url) => {
    expect(detect(url)).toBeNull()
  })
})
