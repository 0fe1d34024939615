import { describe, expect, it } from "vitest"
import { dynamics } from "~src/platforms/dynamics"

const detect = (url: string) => dynamics.detect(new URL(url))
const GUID = "5e8b2c1a-0f3d-4a6b-9c7e-123456789abc"

describe("dynamics.detect", () => {
  it.each([
    [`https://acme.crm4.dynamics.com/main.aspx?appid=4b2f1d0e-9c8a-4e6f-b3a2-112233445566&pagetype=entityrecord&etn=contact&id=${GUID}`, "contact", GUID],
    [`https://acme.crm.dynamics.com/main.aspx?etn=lead&id=%7B${GUID.toUpperCase()}%7D&pagetype=entityrecord`, "lead", GUID],
    [`https://acme.crm11.dynamics.com/main.aspx?etn=msdynmkt_journey&id=${GUID}`, "msdynmkt_journey", GUID],
    [`https://acme.crm4.dynamics.com/main.aspx?pagetype=entityrecord&etn=Account&id={${GUID}}`, "account", GUID],
    [`https://acme.crm4.dynamics.com/main.aspx?pagetype=entitylist&etn=contact&viewid=${GUID}`, "contact-list", GUID]
  ])("reads %s as %s %s", (url, kind, id) => {
    expect(detect(url)).toMatchObject({ platform: "dynamics", kind, id })
  })

  it.each([
    ["dashboard", "https://acme.crm4.dynamics.com/main.aspx?appid=x&pagetype=dashboard&id=" + GUID],
    ["record without id (new record form)", "https://acme.crm4.dynamics.com/main.aspx?pagetype=entityrecord&etn=contact"],
    ["malformed guid", "https://acme.crm4.dynamics.com/main.aspx?pagetype=entityrecord&etn=contact&id=123"],
    ["list without view", "https://acme.crm4.dynamics.com/main.aspx?pagetype=entitylist&etn=contact"],
    ["settings page", "https://acme.crm4.dynamics.com/tools/systemcustomization/systemcustomization.aspx"],
    ["admin center", "https://admin.powerplatform.microsoft.com/main.aspx?etn=contact&id=" + GUID],
    ["look-alike host", `https://acme.crm4.dynamics.com.evil.example/main.aspx?etn=contact&id=${GUID}`],
    ["odd entity name", `https://acme.crm4.dynamics.com/main.aspx?etn=con%20tact&id=${GUID}`]
  ])("ignores %s", (_what, url) => {
    expect(detect(url)).toBeNull()
  })
})
