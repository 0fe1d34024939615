import { describe, expect, it } from "vitest"
import { marketo } from "~src/platforms/marketo"

const detect = (url: string) => marketo.detect(new URL(url))

describe("marketo.detect", () => {
  it.each([
    ["https://app-ab12.marketo.com/#EM1234A1ZN2", "email", "1234"],
    ["https://app-sj01.marketo.com/#EM1234A1", "email", "1234"],
    ["https://app-ab12.marketo.com/#LP2001A1", "landing-page", "2001"],
    ["https://app-ab12.marketo.com/#SL3001A1LA1", "smart-list", "3001"],
    ["https://app-ab12.marketo.com/#ST4001A1", "static-list", "4001"],
    ["https://app-ab12.marketo.com/#PG1001A1", "program", "1001"],
    ["https://app-ab12.marketo.com/#SC5001A1ZN2", "smart-campaign", "5001"],
    ["https://app-ab12.marketo.com/#SC5001", "smart-campaign", "5001"],
    ["https://app-ab12.marketo.com/leadDatabase/loadLeadDetail?leadId=88001", "lead", "88001"],
    ["https://experience.adobe.com/#/@acme/so:123-ABC-456/marketo-engage/classic/EM1234A1ZN2", "email", "1234"],
    ["https://experience.adobe.com/#/@acme/so:123-ABC-456/marketo-engage/classic/PG1001A1", "program", "1001"],
    ["https://experience.adobe.com/#/@acme-eu/so:987-XYZ-654/marketo-engage/classic/SL3001A1?x=1", "smart-list", "3001"]
  ])("reads %s as %s %s", (url, kind, id) => {
    expect(detect(url)).toMatchObject({ platform: "marketo", kind, id })
  })

  it.each([
    ["home", "https://app-ab12.marketo.com/#MM0A1"],
    ["admin area", "https://app-ab12.marketo.com/#AD0A1"],
    ["no hash", "https://app-ab12.marketo.com/"],
    ["lead detail without id", "https://app-ab12.marketo.com/leadDatabase/loadLeadDetail"],
    ["lead detail with bad id", "https://app-ab12.marketo.com/leadDatabase/loadLeadDetail?leadId=1;drop"],
    ["Experience Cloud home", "https://experience.adobe.com/#/@acme/so:123-ABC-456/marketo-engage/home"],
    ["another Experience Cloud app", "https://experience.adobe.com/#/@acme/so:123-ABC-456/analytics/classic/EM1234A1"],
    ["marketing site", "https://www.marketo.com/#EM1234A1"],
    ["look-alike host", "https://app-ab12.marketo.com.evil.example/#EM1234A1"],
    ["login host", "https://login.marketo.com/#EM1234A1"]
  ])("ignores %s", (_what, url) => {
    expect(detect(url)).toBeNull()
  })
})
