import { describe, expect, it } from "vitest"
import { CONSOLE_SECTIONS } from "~src/ui/options/console-sections"

describe("the console's section table", () => {
  it("opens on Connection, where the UI contract's Server URL, API token and Save live", () => {
    expect(CONSOLE_SECTIONS[0]!.id).toBe("connection")
  })

  it("gives every section a distinct id usable as a URL hash, and a distinct label", () => {
    const ids = CONSOLE_SECTIONS.map((s) => s.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9-]*$/)
    const labels = CONSOLE_SECTIONS.map((s) => s.label)
    expect(new Set(labels).size).toBe(labels.length)
  })

  it("lists the sections the admin console promises, admin-only where changes need an admin", () => {
    expect(CONSOLE_SECTIONS.map((s) => [s.label, s.needsAdmin])).toEqual(
      expect.arrayContaining([
        ["Connection", false],
        ["Workflows", true],
        ["Deadlines", true],
        ["Review rules", true],
        ["Advisor", true],
        ["Team & tokens", true],
        ["Audit", true],
        ["Feedback", true],
        ["Custom domains", false],
        ["Preferences", false]
      ])
    )
  })
})
