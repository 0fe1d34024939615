import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { describe, expect, expectTypeOf, it } from "vitest"
import { Entity } from "~src/domain"
import { Platform } from "~src/domain/platform"
import { detectEntity, PLATFORM_IDS, PLATFORMS, platformLabel, type DetectedEntity } from "~src/platforms"

const ROOT = fileURLToPath(new URL("../../..", import.meta.url))

describe("the platform registry", () => {
  it.each(PLATFORMS.map((p) => [p.id, p] as const))("%s: contents/%s.ts declares exactly the registry's match patterns", (id, platform) => {
    const source = readFileSync(`${ROOT}contents/${id}.ts`, "utf8")
    const block = source.match(/matches:\s*\[([\s\S]*?)\]/)
    expect(block, `contents/${id}.ts has no literal matches array`).not.toBeNull()
    const declared = [...block![1].matchAll(/"([^"]+)"/g)].map((m) => m[1])
    expect(declared).toEqual([...platform.matches])
    expect(source).toContain(`mountLauncher({ platform: ${id} })`)
  })

  it("is where the domain's platforms come from, plus `other`", () => {
    expect(Platform.options).toEqual([...PLATFORM_IDS, "other"])
    expect(platformLabel("pardot")).toBe("Account Engagement")
    expect(platformLabel("other")).toBe("Other")
  })

  it("produces entities the background's message schema accepts", () => {
    expectTypeOf<DetectedEntity>().toExtend<Entity>()
  })
})

describe("detectEntity", () => {
  it.each([
    ["https://app-eu1.hubspot.com/contacts/1/record/0-1/101", "hubspot", "1"],
    ["https://app-ab12.marketo.com/#EM1234A1ZN2", "marketo", undefined],
    ["https://experience.adobe.com/#/@acme/so:123-abc-456/marketo-engage/classic/EM1234A1ZN2", "marketo", "123-ABC-456"],
    ["https://acme.lightning.force.com/lightning/r/Lead/00Q5e00000AbCdEAAZ/view", "salesforce", "acme"],
    ["https://acme--uat.sandbox.my.salesforce.com/00Q5e00000AbCdE", "salesforce", "acme--uat.sandbox"],
    ["https://acme.lightning.force.com/lightning/page/pardot/prospect%2Fread%2Fid%2F4242", "pardot", "acme"],
    ["https://pi.pardot.com/prospect/read/id/4242", "pardot", undefined],
    ["https://acme.crm4.dynamics.com/main.aspx?etn=contact&id=5e8b2c1a-0f3d-4a6b-9c7e-123456789abc", "dynamics", "acme.crm4.dynamics.com"]
  ])("routes %s to %s, tenant %s", (url, platform, tenant) => {
    const entity = detectEntity(url)
    expect(entity?.platform).toBe(platform)
    expect(entity?.tenant).toBe(tenant)
    // Whatever a detector returns must pass the message schema the background validates with.
    expect(Entity.safeParse(entity).success).toBe(true)
  })

  it("carries the tenant to a Lightning console's related workspace record", () => {
    const entity = detectEntity(
      "https://acme.lightning.force.com/lightning/r/Contact/0035e00000XyZaBAAV/view?ws=%2Flightning%2Fr%2FAccount%2F0015e00000AbCdEAAZ%2Fview"
    )
    expect(entity?.related).toEqual([{ platform: "salesforce", tenant: "acme", kind: "account", id: "0015e00000AbCdEAAZ" }])
  })

  it.each([
    ["an unknown host", "https://example.com/contacts/1/record/0-1/101"],
    ["plain http", "http://app.hubspot.com/contacts/1/record/0-1/101"],
    ["not a URL", "not a url"],
    ["a platform's marketing site", "https://www.marketo.com/#EM1234A1ZN2"]
  ])("returns null for %s", (_what, url) => {
    expect(detectEntity(url)).toBeNull()
  })

  it("reads a registered custom domain with its platform's detector, whatever the host", () => {
    const custom = [{ host: "go.acme.example", platform: "marketo" }]
    expect(detectEntity("https://go.acme.example/#EM1234A1ZN2", custom)).toMatchObject({ platform: "marketo", kind: "email", id: "1234" })
    expect(detectEntity("https://go.acme.example/#EM1234A1ZN2")).toBeNull()
    expect(detectEntity("https://other.example/#EM1234A1ZN2", custom)).toBeNull()
  })
})
