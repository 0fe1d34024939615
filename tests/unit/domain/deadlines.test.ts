import { describe, expect, it } from "vitest"
import {
  DEFAULT_DEADLINE_SETTINGS,
  DEFAULT_REMINDER_SHARE,
  type DeadlineSettings,
  DeadlineSettingsUpdate,
  applyDeadlineUpdate,
  deadlineFor,
  effectiveExpiry,
  expiryHoursFor,
  isDueForReminder,
  reminderAt
} from "~src/domain/deadlines"

const created = new Date("2026-11-02T00:00:00.000Z")
const expires = new Date("2026-11-02T10:00:00.000Z")
const at = (hours: number) => new Date(created.getTime() + hours * 3_600_000)

const settings = (hours: Partial<DeadlineSettings["defaultExpiryHours"]>, reminderShare = DEFAULT_REMINDER_SHARE): DeadlineSettings => ({
  defaultExpiryHours: { ...DEFAULT_DEADLINE_SETTINGS.defaultExpiryHours, ...hours },
  reminderShare
})

describe("reminders", () => {
  it("are due by default once 80 % of the time between creation and expiry has passed", () => {
    expect(DEFAULT_REMINDER_SHARE).toBe(0.8)
    expect(reminderAt(created, expires)).toEqual(at(8))
  })

  it("follow the configured share", () => {
    expect(reminderAt(created, expires, 0.5)).toEqual(at(5))
    expect(reminderAt(created, expires, 0.95)).toEqual(at(9.5))
  })

  it("are not due before remindAt, are from then on, and stop being due once expired", () => {
    const remindAt = at(8)
    expect(isDueForReminder(remindAt, expires, at(7.99))).toBe(false)
    expect(isDueForReminder(remindAt, expires, at(8))).toBe(true)
    expect(isDueForReminder(remindAt, expires, at(9.99))).toBe(true)
    expect(isDueForReminder(remindAt, expires, at(10))).toBe(false)
  })

  it("treat an expiry at or before creation as a zero-length window", () => {
    expect(reminderAt(created, created)).toEqual(created)
  })
})

describe("deadline resolution", () => {
  it("uses the workflow's own expiryHours over its tier's default", () => {
    expect(expiryHoursFor({ model: "approve", expiryHours: 4 }, settings({ approve: 48 }))).toBe(4)
  })

  it("falls back to the default of the workflow's tier when it has none", () => {
    const tiers = settings({ approve: 48, monitor: 24, exception: 12 })
    expect(expiryHoursFor({ model: "approve", expiryHours: null }, tiers)).toBe(48)
    expect(expiryHoursFor({ model: "monitor", expiryHours: null }, tiers)).toBe(24)
    expect(expiryHoursFor({ model: "exception", expiryHours: null }, tiers)).toBe(12)
  })

  it("gives no deadline when neither the workflow nor its tier has one", () => {
    expect(expiryHoursFor({ model: "monitor", expiryHours: null }, settings({ approve: 48 }))).toBeNull()
    expect(deadlineFor(created, undefined, { model: "monitor", expiryHours: null }, settings({ approve: 48 }))).toEqual({ expiresAt: null, remindAt: null })
  })

  it("takes the earlier of the agent's expiresAt and the hours", () => {
    expect(effectiveExpiry(created, "2026-11-02T01:00:00Z", 2)).toEqual(at(1))
    expect(effectiveExpiry(created, "2026-11-05T00:00:00Z", 2)).toEqual(at(2))
    expect(effectiveExpiry(created, undefined, null)).toBeNull()
  })

  it("puts the reminder at the configured share of the resolved deadline", () => {
    const deadline = deadlineFor(created, undefined, { model: "approve", expiryHours: null }, settings({ approve: 10 }, 0.5))
    expect(deadline).toEqual({ expiresAt: at(10), remindAt: at(5) })
  })

  it("times the reminder from the agent's earlier expiresAt when that one wins", () => {
    const deadline = deadlineFor(created, at(2).toISOString(), { model: "approve", expiryHours: 10 }, DEFAULT_DEADLINE_SETTINGS)
    expect(deadline).toEqual({ expiresAt: at(2), remindAt: at(1.6) })
  })
})

describe("deadline settings updates", () => {
  it("change only what they name; null removes a tier's default", () => {
    const before = settings({ approve: 48, monitor: 24 }, 0.8)
    expect(applyDeadlineUpdate(before, { defaultExpiryHours: { monitor: null } })).toEqual(settings({ approve: 48, monitor: null }, 0.8))
    expect(applyDeadlineUpdate(before, { reminderShare: 0.5 })).toEqual(settings({ approve: 48, monitor: 24 }, 0.5))
  })

  it("refuse an empty body, an unknown tier, a share of 0 or 1, and fractional hours", () => {
    expect(DeadlineSettingsUpdate.safeParse({}).success).toBe(false)
    expect(DeadlineSettingsUpdate.safeParse({ defaultExpiryHours: { review: 4 } }).success).toBe(false)
    expect(DeadlineSettingsUpdate.safeParse({ reminderShare: 0 }).success).toBe(false)
    expect(DeadlineSettingsUpdate.safeParse({ reminderShare: 1 }).success).toBe(false)
    expect(DeadlineSettingsUpdate.safeParse({ defaultExpiryHours: { approve: 1.5 } }).success).toBe(false)
    expect(DeadlineSettingsUpdate.safeParse({ defaultExpiryHours: { approve: 72 }, reminderShare: 0.75 }).success).toBe(true)
  })
})
