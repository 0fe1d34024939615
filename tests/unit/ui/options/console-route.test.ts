import { describe, expect, it } from "vitest"
import { hashOf, sectionIdFromHash } from "~src/ui/options/console-route"

const SECTIONS = [{ id: "connection" }, { id: "workflows" }, { id: "team" }]

describe("the console's address", () => {
  it.each([
    ["", "connection"],
    ["#", "connection"],
    ["#workflows", "workflows"],
    ["#/workflows", "workflows"],
    ["#Team", "team"],
    ["#team/tokens", "team"],
    ["#workflows?filter=x", "workflows"],
    ["#nowhere", "connection"],
    ["#%E0%A4%A", "connection"]
  ])("reads %j as the %s section", (hash, id) => {
    expect(sectionIdFromHash(hash, SECTIONS)).toBe(id)
  })

  it("writes a section's hash so that reading it back gives the section", () => {
    for (const { id } of SECTIONS) expect(sectionIdFromHash(hashOf(id), SECTIONS)).toBe(id)
    expect(hashOf("custom-domains")).toBe("#custom-domains")
  })
})
