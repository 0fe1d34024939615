import { describe, expect, it } from "vitest"
import { backoffDelay, DEFAULT_BACKOFF } from "~src/sync/backoff"

const policy = { baseMs: 1_000, maxMs: 60_000 }

describe("backoffDelay", () => {
  it("doubles the ceiling with each attempt", () => {
    const highest = (attempt: number) => backoffDelay(attempt, () => 1, policy)
    expect([1, 2, 3, 4].map(highest)).toEqual([1_000, 2_000, 4_000, 8_000])
  })

  it("never waits less than half the ceiling, so no retry is immediate", () => {
    expect(backoffDelay(1, () => 0, policy)).toBe(500)
    expect(backoffDelay(3, () => 0, policy)).toBe(2_000)
  })

  it("spreads retries between half and the whole ceiling with the random source", () => {
    expect(backoffDelay(3, () => 0.5, policy)).toBe(3_000)
  })

  it("is capped at the policy's maximum however many attempts failed", () => {
    expect(backoffDelay(50, () => 1, policy)).toBe(60_000)
    expect(backoffDelay(10_000, () => 1, DEFAULT_BACKOFF)).toBe(DEFAULT_BACKOFF.maxMs)
  })

  it("treats attempt 0 or less like the first attempt", () => {
    expect(backoffDelay(0, () => 1, policy)).toBe(1_000)
  })
})
