import { describe, expect, it } from "vitest"
import { parseExpiry, parseWorkflowList } from "~server/cli/expiry"

const now = new Date("2026-12-01T12:00:00.000Z")

describe("parseExpiry", () => {
  it("reads durations from now in minutes, hours and days", () => {
    expect(parseExpiry("90m", now)?.toISOString()).toBe("2026-12-01T13:30:00.000Z")
    expect(parseExpiry("12h", now)?.toISOString()).toBe("2026-12-02T00:00:00.000Z")
    expect(parseExpiry("30d", now)?.toISOString()).toBe("2026-12-31T12:00:00.000Z")
  })

  it("reads an ISO date or date-time", () => {
    expect(parseExpiry("2027-01-15", now)?.toISOString()).toBe("2027-01-15T00:00:00.000Z")
    expect(parseExpiry("2027-01-15T08:00:00+01:00", now)?.toISOString()).toBe("2027-01-15T07:00:00.000Z")
  })

  it("refuses anything else", () => {
    for (const text of ["soon", "30", "30w", "-1d", "", "2027-13-45"]) expect(parseExpiry(text, now), text).toBeUndefined()
  })
})

describe("parseWorkflowList", () => {
  it("reads * as any workflow and a comma list as workflow ids, without duplicates", () => {
    expect(parseWorkflowList("*")).toBe("*")
    expect(parseWorkflowList("email-copy, enrich,email-copy")).toEqual(["email-copy", "enrich"])
  })

  it("refuses names that are not workflow ids, and an empty list", () => {
    for (const text of ["", ",", "a,b c", "-x", "*,a"]) expect(parseWorkflowList(text), text).toBeUndefined()
  })
})
