import { describe, expect, it } from "vitest"
import { BADGE_COLORS, computeBadge } from "~src/sync/badge"
import { isHighRisk } from "~src/sync/risk"
import { makeProposal } from "~tests/support/proposals"

const now = Date.parse("2026-11-25T12:00:00.000Z")
const hoursAgo = (h: number) => new Date(now - h * 3_600_000).toISOString()
const awaiting = (count: number, oldestHours: number, anyHighRisk = false, earliestRemindAt: string | null = null) => ({
  count,
  oldestCreatedAt: count ? hoursAgo(oldestHours) : null,
  anyHighRisk,
  earliestRemindAt
})

describe("computeBadge", () => {
  it("is empty when nothing waits", () => {
    expect(computeBadge({ configured: true, error: null, awaiting: awaiting(0, 0), now }).text).toBe("")
  })

  it("shows the count in the calm colour for fresh items", () => {
    expect(computeBadge({ configured: true, error: null, awaiting: awaiting(3, 1), now })).toMatchObject({ text: "3", color: BADGE_COLORS.fresh })
  })

  it("turns amber after four hours and red after a day", () => {
    expect(computeBadge({ configured: true, error: null, awaiting: awaiting(2, 5), now }).color).toBe(BADGE_COLORS.waiting)
    expect(computeBadge({ configured: true, error: null, awaiting: awaiting(2, 25), now }).color).toBe(BADGE_COLORS.urgent)
  })

  it("turns red at once when any waiting item is high risk", () => {
    expect(computeBadge({ configured: true, error: null, awaiting: awaiting(1, 0, true), now }).color).toBe(BADGE_COLORS.urgent)
  })

  it("turns red once a waiting item reaches its reminder, and says a deadline is close", () => {
    const badge = computeBadge({ configured: true, error: null, awaiting: awaiting(1, 1, false, hoursAgo(0.1)), now })
    expect(badge).toMatchObject({ text: "1", color: BADGE_COLORS.urgent })
    expect(badge.title).toContain("deadline is close")
  })

  it("stays calm while the earliest reminder is still ahead", () => {
    const badge = computeBadge({ configured: true, error: null, awaiting: awaiting(1, 1, false, new Date(now + 60_000).toISOString()), now })
    expect(badge).toMatchObject({ color: BADGE_COLORS.fresh })
    expect(badge.title).not.toContain("deadline")
  })

  it("shows a grey '!' when Signoff is not configured", () => {
    expect(computeBadge({ configured: false, error: null, awaiting: awaiting(0, 0), now })).toMatchObject({ text: "!", color: BADGE_COLORS.inactive })
  })

  it("greys out a possibly stale count when the last sync failed, and says why in the tooltip", () => {
    const badge = computeBadge({ configured: true, error: "Cannot reach the server", awaiting: awaiting(4, 30), now })
    expect(badge).toMatchObject({ text: "4", color: BADGE_COLORS.inactive })
    expect(badge.title).toContain("Cannot reach the server")
  })

  it("caps long counts to fit the badge", () => {
    expect(computeBadge({ configured: true, error: null, awaiting: awaiting(12_345, 0), now }).text).toBe("999+")
  })
})

describe("isHighRisk", () => {
  it("flags production writes, customer-facing, bulk changes and scoring models", () => {
    expect(isHighRisk(makeProposal({ risk: { writesProduction: true } }))).toBe(true)
    expect(isHighRisk(makeProposal({ risk: { customerFacing: true } }))).toBe(true)
    expect(isHighRisk(makeProposal({ risk: { bulk: true } }))).toBe(true)
    expect(
      isHighRisk(
        makeProposal({ change: { kind: "scoring", modelName: "MQL", weights: [{ attribute: "job_title", before: 5, after: 10 }], expectedMqlShiftPct: 3 } })
      )
    ).toBe(true)
  })

  it("does not flag a plain proposal that only reads customer data", () => {
    expect(isHighRisk(makeProposal({ risk: { customerData: true } }))).toBe(false)
  })
})
