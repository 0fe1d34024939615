import { describe, expect, it } from "vitest"
import { pardot } from "~src/platforms/pardot"

const detect = (url: string) => pardot.detect(new URL(url))

describe("pardot.detect", () => {
  it.each([
    ["https://pi.pardot.com/prospect/read/id/4242", "prospect", "4242"],
    ["https://pi.pardot.com/prospect/read/id/4242/", "prospect", "4242"],
    ["https://pi.pardot.com/list/read/id/12", "list", "12"],
    ["https://pi.pardot.com/email/read/id/900?tab=report", "email", "900"],
    ["https://pi.pardot.com/campaign/read/id/31", "campaign", "31"],
    ["https://pi.pardot.com/form/read/id/55", "form", "55"],
    ["https://pi.demo.pardot.com/landingPage/read/id/77", "landing-page", "77"],
    ["https://pi.pardot.com/prospect/read?id=4242", "prospect", "4242"],
    ["https://pi.pardot.com/prospect/read?sessionid=x&id=4242", "prospect", "4242"]
  ])("reads %s as %s %s", (url, kind, id) => {
    expect(detect(url)).toMatchObject({ platform: "pardot", kind, id })
  })

  it.each([
    ["dashboard", "https://pi.pardot.com/"],
    ["prospect table", "https://pi.pardot.com/prospect"],
    ["edit form of an unknown object", "https://pi.pardot.com/automationRule/read/id/5"],
    ["settings", "https://pi.pardot.com/account/settings"],
    ["missing id", "https://pi.pardot.com/prospect/read/id/"],
    ["marketing site", "https://www.pardot.com/prospect/read/id/4242"],
    ["look-alike host", "https://pi.pardot.com.evil.example/prospect/read/id/4242"]
  ])("ignores %s", (_what, url) => {
    expect(detect(url)).toBeNull()
  })
})
