import { describe, expect, it } from "vitest"
import { type LooseningInput, type OutcomeCounts, modelChangeDirection, recommend } from "~src/domain/loosening"

const none: OutcomeCounts = { approved: 0, edited: 0, rejected: 0, reverted: 0, autoApproved: 0 }
const split = (c: OutcomeCounts): Pick<LooseningInput, "earlierHalf" | "recentHalf"> => {
  const half = (n: number, first: boolean) => (first ? Math.floor(n / 2) : Math.ceil(n / 2))
  const part = (first: boolean): OutcomeCounts => ({
    approved: half(c.approved, first),
    edited: half(c.edited, first),
    rejected: half(c.rejected, first),
    reverted: half(c.reverted, first),
    autoApproved: half(c.autoApproved, first)
  })
  return { earlierHalf: part(true), recentHalf: part(false) }
}
const input = (model: LooseningInput["model"], counts: Partial<OutcomeCounts>): LooseningInput => {
  const c = { ...none, ...counts }
  return { model, windowDays: 30, ...c, ...split(c) }
}

describe("the loosening advisor", () => {
  it("never recommends loosening below 50 outcomes, however clean", () => {
    const r = recommend(input("approve", { approved: 49 }))
    expect(r).toMatchObject({ action: "hold", to: null })
    expect(r.evidence.join(" ")).toMatch(/needs ≥ 50 .* \(has 49\)/)
  })

  it("recommends approve → monitor at 50 clean decisions", () => {
    expect(recommend(input("approve", { approved: 50 }))).toMatchObject({ action: "loosen_to_monitor", to: "monitor" })
  })

  it("recommends monitor → exception when auto-approved work is rarely reverted", () => {
    expect(recommend(input("monitor", { autoApproved: 100, reverted: 1 }))).toMatchObject({ action: "loosen_to_exception", to: "exception" })
  })

  it("holds at exception, the loosest model", () => {
    const r = recommend(input("exception", { autoApproved: 200 }))
    expect(r).toMatchObject({ action: "hold", to: null })
    expect(r.evidence.join(" ")).toMatch(/loosest/)
  })

  it("holds when reviewers still edit often (> 10%)", () => {
    const r = recommend(input("approve", { approved: 80, edited: 20 }))
    expect(r.action).toBe("hold")
    expect(r.evidence).toContain("edit rate 20% (20 of 100 human decisions)")
  })

  it("holds when rejections exceed 2%", () => {
    expect(recommend(input("approve", { approved: 95, rejected: 5 })).action).toBe("hold")
  })

  it("tightens monitor → approve at a 10% revert rate", () => {
    const r = recommend(input("monitor", { autoApproved: 20, reverted: 2 }))
    expect(r).toMatchObject({ action: "tighten", to: "approve" })
    expect(r.evidence.join(" ")).toMatch(/reject\+revert rate 10% \(2 of 20\)/)
  })

  it("tightens exception → monitor when the problem rate rises between the window's halves", () => {
    const r = recommend({
      model: "exception",
      windowDays: 30,
      ...{ ...none, autoApproved: 200, rejected: 7 },
      earlierHalf: { ...none, autoApproved: 100, rejected: 0 },
      recentHalf: { ...none, autoApproved: 100, rejected: 7 }
    })
    expect(r).toMatchObject({ action: "tighten", to: "monitor" })
    expect(r.evidence.join(" ")).toMatch(/rose 6\.5 points ≥ 5/)
  })

  it("does not tighten on a handful of outcomes", () => {
    expect(recommend(input("monitor", { autoApproved: 5, reverted: 2 })).action).toBe("hold")
  })

  it("cannot tighten approve further; it holds", () => {
    expect(recommend(input("approve", { approved: 10, rejected: 10 }))).toMatchObject({ action: "hold", to: null })
  })

  it("always names the documented rule", () => {
    expect(recommend(input("approve", {})).rule).toMatch(/loosen one step when ≥ 50 reviewed outcomes/)
  })
})

describe("the rule's basis", () => {
  it("gives the numbers the rule weighed, with the halves' rates when both halves are big enough", () => {
    const r = recommend({
      model: "exception",
      windowDays: 30,
      ...{ ...none, approved: 15, edited: 3, rejected: 2, autoApproved: 80, reverted: 4 },
      earlierHalf: { ...none, approved: 8, autoApproved: 40, reverted: 1 },
      recentHalf: { ...none, approved: 7, edited: 3, rejected: 2, autoApproved: 40, reverted: 3 }
    })
    expect(r.basis).toEqual({
      outcomes: 100,
      humanDecisions: 20,
      autoApproved: 80,
      problems: 6,
      problemRate: 0.06,
      edited: 3,
      editRate: 0.15,
      earlierProblemRate: 1 / 48,
      recentProblemRate: 5 / 52
    })
  })

  it("leaves the halves' rates out when a half has fewer than 10 outcomes", () => {
    const r = recommend({
      model: "approve",
      windowDays: 30,
      ...none,
      approved: 12,
      earlierHalf: { ...none, approved: 3 },
      recentHalf: { ...none, approved: 9 }
    })
    expect(r.basis).toMatchObject({ outcomes: 12, earlierProblemRate: null, recentProblemRate: null })
  })
})

describe("the direction of a change of model", () => {
  it.each([
    ["approve", "monitor", "loosen"],
    ["monitor", "exception", "loosen"],
    ["approve", "exception", "loosen"],
    ["exception", "monitor", "tighten"],
    ["monitor", "approve", "tighten"],
    ["exception", "approve", "tighten"],
    ["monitor", "monitor", "same"]
  ] as const)("%s → %s: %s", (from, to, direction) => {
    expect(modelChangeDirection(from, to)).toBe(direction)
  })
})
