import { describe, expect, it } from "vitest"
import type { Target } from "~src/domain"
import { resolveTargetTenant } from "~src/domain/target-tenant"

const contact = (extra: Partial<Target>): Target => ({ platform: "hubspot", kind: "contact", id: "101", ...extra })

describe("resolveTargetTenant", () => {
  it("reads the tenant from the URL when the agent gives none", () => {
    const checked = resolveTargetTenant(contact({ url: "https://app.hubspot.com/contacts/4410021/record/0-1/101" }))
    expect(checked).toEqual({ ok: true, target: contact({ url: "https://app.hubspot.com/contacts/4410021/record/0-1/101", tenant: "4410021" }) })
  })

  it.each([
    ["marketo", "https://experience.adobe.com/#/@acme/so:123-abc-456/marketo-engage/classic/EM1234A1", "123-ABC-456"],
    ["salesforce", "https://acme--uat.sandbox.lightning.force.com/lightning/r/Lead/00Q5e00000AbCdEAAZ/view", "acme--uat.sandbox"],
    ["pardot", "https://acme.lightning.force.com/lightning/page/pardot/prospect%2Fread%2Fid%2F4242", "acme"],
    ["dynamics", "https://acme.crm4.dynamics.com/main.aspx?etn=contact&id=5e8b2c1a-0f3d-4a6b-9c7e-123456789abc", "acme.crm4.dynamics.com"]
  ] as const)("reads the %s tenant from %s", (platform, url, tenant) => {
    const checked = resolveTargetTenant({ platform, kind: "x", id: "1", url })
    expect(checked.ok && checked.target.tenant).toBe(tenant)
  })

  it("keeps a stated tenant that agrees with the URL (case-insensitively), and one the URL cannot confirm", () => {
    expect(
      resolveTargetTenant({
        platform: "marketo",
        kind: "email",
        id: "1",
        tenant: "123-abc-456",
        url: "https://experience.adobe.com/#/@a/so:123-ABC-456/marketo-engage/classic/EM1A1"
      })
    ).toMatchObject({
      ok: true,
      target: { tenant: "123-abc-456" }
    })
    expect(
      resolveTargetTenant({ platform: "pardot", kind: "prospect", id: "4242", tenant: "acme", url: "https://pi.pardot.com/prospect/read/id/4242" })
    ).toMatchObject({
      ok: true,
      target: { tenant: "acme" }
    })
  })

  it("refuses a stated tenant the URL contradicts", () => {
    const checked = resolveTargetTenant(contact({ tenant: "9990001", url: "https://app.hubspot.com/contacts/4410021/record/0-1/101" }))
    expect(checked).toMatchObject({ ok: false, path: ["target", "tenant"] })
    expect(!checked.ok && checked.message).toContain('portal "4410021"')
  })

  it.each([
    ["plain http", "http://app.hubspot.com/contacts/4410021/record/0-1/101"],
    ["another platform's host", "https://acme.lightning.force.com/lightning/r/Lead/00Q5e00000AbCdEAAZ/view"],
    ["a look-alike host", "https://app.hubspot.com.evil.example/contacts/4410021/record/0-1/101"],
    ["an unregistered custom domain", "https://crm.acme.example/contacts/4410021/record/0-1/101"]
  ])("refuses a target URL on %s", (_what, url) => {
    expect(resolveTargetTenant(contact({ url }))).toMatchObject({ ok: false, path: ["target", "url"] })
  })

  it("accepts a custom domain registered for the platform, and reads its tenant", () => {
    const custom = [{ host: "login.acme.example", platform: "salesforce" }]
    const target: Target = {
      platform: "salesforce",
      kind: "lead",
      id: "00Q5e00000AbCdEAAZ",
      url: "https://login.acme.example/lightning/r/Lead/00Q5e00000AbCdEAAZ/view"
    }
    expect(resolveTargetTenant(target, custom)).toMatchObject({ ok: true, target: { tenant: "login.acme.example" } })
    expect(resolveTargetTenant({ ...target, platform: "dynamics" }, custom)).toMatchObject({ ok: false })
  })

  it("leaves a target without a URL as the agent stated it, and lets `other` platforms use any https host", () => {
    expect(resolveTargetTenant(contact({}))).toEqual({ ok: true, target: contact({}) })
    expect(resolveTargetTenant({ platform: "other", kind: "doc", id: "1", url: "https://docs.example/1" })).toMatchObject({ ok: true })
    expect(resolveTargetTenant({ platform: "other", kind: "doc", id: "1", url: "http://docs.example/1" })).toMatchObject({ ok: false })
  })
})
