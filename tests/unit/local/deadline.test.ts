import { describe, expect, it } from "vitest"
import { deadlineLabel, isDueForReminderAt } from "~src/local/deadline"

const now = Date.parse("2026-11-25T12:00:00.000Z")
const inMinutes = (m: number) => new Date(now + m * 60_000).toISOString()
const pending = (expiresInMinutes: number, remindInMinutes?: number) => ({
  status: "pending" as const,
  expiresAt: inMinutes(expiresInMinutes),
  ...(remindInMinutes === undefined ? {} : { remindAt: inMinutes(remindInMinutes) })
})

describe("deadlineLabel", () => {
  it.each([
    [185, "expires in 3 h"],
    [179, "expires in 2 h"],
    [59, "expires in 59 min"],
    [0.5, "expires in under a minute"],
    [60 * 47, "expires in 47 h"],
    [60 * 24 * 5 + 30, "expires in 5 days"]
  ])("says %s minutes left as %j, never rounding time up", (minutes, text) => {
    expect(deadlineLabel(pending(minutes), now)?.text).toBe(text)
  })

  it("says expired once the deadline passed, also before the server has swept it", () => {
    expect(deadlineLabel(pending(-1), now)).toEqual({ text: "expired", urgent: true, expired: true })
    expect(deadlineLabel({ status: "expired", expiresAt: inMinutes(-60) }, now)).toEqual({ text: "expired", urgent: true, expired: true })
  })

  it("is urgent once the reminder is due, calm before", () => {
    expect(deadlineLabel(pending(60, -1), now)?.urgent).toBe(true)
    expect(deadlineLabel(pending(60, 10), now)?.urgent).toBe(false)
  })

  it("says nothing without a deadline or once decided", () => {
    expect(deadlineLabel({ status: "pending" }, now)).toBeNull()
    expect(deadlineLabel({ status: "approved", expiresAt: inMinutes(-5) }, now)).toBeNull()
  })
})

describe("isDueForReminderAt", () => {
  it("is due between the reminder and the deadline only", () => {
    expect(isDueForReminderAt(pending(60, -1), now)).toBe(true)
    expect(isDueForReminderAt(pending(60, 1), now)).toBe(false)
    expect(isDueForReminderAt(pending(-1, -30), now)).toBe(false)
    expect(isDueForReminderAt({ expiresAt: inMinutes(60) }, now)).toBe(false)
  })
})
