import { describe, expect, it } from "vitest"
import { RETRY_JITTER, STANDARD_RETRY_SCHEDULE_MS, parseRetryAfter, retryDelayMs } from "~server/webhooks/retry-schedule"

const MIDDLE = () => 0.5
const LOWEST = () => 0
const HIGHEST = () => 0.999_999

describe("the retry schedule", () => {
  it("is Standard Webhooks': 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h after the immediate first attempt", () => {
    expect(STANDARD_RETRY_SCHEDULE_MS).toEqual([5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000])
  })

  it("waits the scheduled delay after each failure, without jitter at the middle of the random range", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((failed) => retryDelayMs(failed, STANDARD_RETRY_SCHEDULE_MS, MIDDLE))).toEqual([...STANDARD_RETRY_SCHEDULE_MS])
  })

  it("jitters each delay within ±10 %", () => {
    expect(retryDelayMs(2, STANDARD_RETRY_SCHEDULE_MS, LOWEST)).toBe(300_000 * (1 - RETRY_JITTER))
    expect(retryDelayMs(2, STANDARD_RETRY_SCHEDULE_MS, HIGHEST)).toBeCloseTo(300_000 * (1 + RETRY_JITTER), -1)
  })

  it("gives up after the schedule's last delay (eight attempts in all)", () => {
    expect(retryDelayMs(8, STANDARD_RETRY_SCHEDULE_MS, MIDDLE)).toBeUndefined()
  })

  it("follows whatever schedule it is given (tests run it in milliseconds)", () => {
    expect(retryDelayMs(1, [30, 60], MIDDLE)).toBe(30)
    expect(retryDelayMs(3, [30, 60], MIDDLE)).toBeUndefined()
  })

  it("waits longer when the receiver's Retry-After asks for it, never shorter", () => {
    expect(retryDelayMs(1, STANDARD_RETRY_SCHEDULE_MS, MIDDLE, 60_000)).toBe(60_000)
    expect(retryDelayMs(2, STANDARD_RETRY_SCHEDULE_MS, MIDDLE, 60_000)).toBe(300_000)
  })

  it("ignores a Retry-After longer than a day", () => {
    expect(retryDelayMs(1, STANDARD_RETRY_SCHEDULE_MS, MIDDLE, 3 * 86_400_000)).toBe(5_000)
  })
})

describe("Retry-After", () => {
  const now = new Date("2026-11-02T10:00:00.000Z")

  it("reads delta-seconds", () => {
    expect(parseRetryAfter("120", now)).toBe(120_000)
  })

  it("reads an HTTP date as the time left until it", () => {
    expect(parseRetryAfter("Mon, 02 Nov 2026 10:01:30 GMT", now)).toBe(90_000)
  })

  it("ignores what it cannot read", () => {
    expect(parseRetryAfter(null, now)).toBeUndefined()
    expect(parseRetryAfter("soon", now)).toBeUndefined()
    expect(parseRetryAfter("-5", now)).toBeUndefined()
  })
})
