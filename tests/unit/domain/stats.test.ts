import { describe, expect, it } from "vitest"
import { REVIEW_TIME_TARGET_MS, countReasons, shareWithinTarget } from "~src/domain/stats"

describe("reasons by count", () => {
  it("count each code, most frequent first", () => {
    expect(countReasons(["too_risky", "off_brand", "off_brand", "compliance", "off_brand", "too_risky"])).toEqual([
      { code: "off_brand", count: 3 },
      { code: "too_risky", count: 2 },
      { code: "compliance", count: 1 }
    ])
  })

  it("break ties in the order the panel offers the presets", () => {
    expect(countReasons(["other", "inaccurate", "wrong_target"]).map((r) => r.code)).toEqual(["inaccurate", "wrong_target", "other"])
  })

  it("are empty without reasons", () => {
    expect(countReasons([])).toEqual([])
  })
})

describe("review time against the two-minute target", () => {
  it("is the brief's two minutes", () => {
    expect(REVIEW_TIME_TARGET_MS).toBe(120_000)
  })

  it("is the share of timed decisions at or under the target", () => {
    expect(shareWithinTarget([30_000, 120_000, 121_000, 600_000])).toBe(0.5)
  })

  it("is null without any timed decision", () => {
    expect(shareWithinTarget([])).toBeNull()
  })
})
