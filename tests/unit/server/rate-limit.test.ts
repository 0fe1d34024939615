import { describe, expect, it } from "vitest"
import { RateLimiter, TokenBuckets, rateLimitsFromEnv } from "~server/http/rate-limit"

describe("TokenBuckets", () => {
  it("allows a minute's allowance at once, then refuses with the seconds until the next one", () => {
    const buckets = new TokenBuckets(60)
    for (let i = 0; i < 60; i++) expect(buckets.take("t", 0)).toBe(0)
    expect(buckets.take("t", 0)).toBe(1)
  })

  it("refills continuously", () => {
    const buckets = new TokenBuckets(60)
    for (let i = 0; i < 60; i++) buckets.take("t", 0)
    expect(buckets.take("t", 999)).toBeGreaterThan(0)
    expect(buckets.take("t", 2_000)).toBe(0)
  })

  it("keeps one bucket per key", () => {
    const buckets = new TokenBuckets(1)
    expect(buckets.take("a", 0)).toBe(0)
    expect(buckets.take("a", 0)).toBe(60)
    expect(buckets.take("b", 0)).toBe(0)
  })
})

describe("RateLimiter open waits", () => {
  it("admits up to the maximum per key and frees a slot when a wait ends", () => {
    const limiter = new RateLimiter({ writesPerMinute: 1, waitsPerMinute: 1, maxWaitsPerToken: 2, maxLiveChannelsPerToken: 1 })
    expect([limiter.enterWait("t"), limiter.enterWait("t"), limiter.enterWait("t")]).toEqual([true, true, false])
    expect(limiter.enterWait("other")).toBe(true)
    limiter.leaveWait("t")
    expect(limiter.enterWait("t")).toBe(true)
  })

  it("counts live channels apart from waits, each against its own maximum", () => {
    const limiter = new RateLimiter({ writesPerMinute: 1, waitsPerMinute: 1, maxWaitsPerToken: 1, maxLiveChannelsPerToken: 2 })
    expect(limiter.enterWait("t")).toBe(true)
    expect([limiter.enterLive("t"), limiter.enterLive("t"), limiter.enterLive("t")]).toEqual([true, true, false])
    limiter.leaveLive("t")
    expect(limiter.enterLive("t")).toBe(true)
    expect(limiter.enterWait("t")).toBe(false)
  })
})

describe("rateLimitsFromEnv", () => {
  it("reads positive integers and keeps the defaults for what is unset", () => {
    expect(rateLimitsFromEnv({ SIGNOFF_WRITES_PER_MINUTE: "10" })).toEqual({
      writesPerMinute: 10,
      waitsPerMinute: 1_200,
      maxWaitsPerToken: 100,
      maxLiveChannelsPerToken: 20
    })
    expect(rateLimitsFromEnv({ SIGNOFF_MAX_LIVE_PER_TOKEN: "3" }).maxLiveChannelsPerToken).toBe(3)
  })

  it("refuses anything else, naming the variable", () => {
    for (const value of ["0", "-3", "1.5", "many"])
      expect(() => rateLimitsFromEnv({ SIGNOFF_MAX_WAITS_PER_TOKEN: value })).toThrow(/SIGNOFF_MAX_WAITS_PER_TOKEN/)
  })
})
