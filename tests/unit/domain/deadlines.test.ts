import { describe, expect, it } from "vitest"
import { EXPIRING_AFTER_SHARE, expiringFrom, isExpiring } from "~src/domain/deadlines"

const created = new Date("2026-11-02T00:00:00.000Z")
const expires = new Date("2026-11-02T10:00:00.000Z")
const at = (hours: number) => new Date(created.getTime() + hours * 3_600_000)

describe("expiring proposals", () => {
  it("start expiring once 80 % of the time between creation and expiry has passed", () => {
    expect(EXPIRING_AFTER_SHARE).toBe(0.8)
    expect(expiringFrom(created, expires)).toEqual(at(8))
  })

  it("are not expiring before that, are from then on, and stop being so once expired", () => {
    expect(isExpiring(created, expires, at(7.99))).toBe(false)
    expect(isExpiring(created, expires, at(8))).toBe(true)
    expect(isExpiring(created, expires, at(9.99))).toBe(true)
    expect(isExpiring(created, expires, at(10))).toBe(false)
  })

  it("treat an expiry at or before creation as a zero-length window", () => {
    expect(expiringFrom(created, created)).toEqual(created)
  })
})
