import { describe, expect, it } from "vitest"
import type { Recommendation, WorkflowStats } from "~src/domain/stats"
import { hasData, rateChart, reviewTimeChart, valueRange } from "~src/ui/options/advisor-chart-data"
import { advisorEvidence, basisOf, outcomeProgress, reasonsText } from "~src/ui/options/advisor-evidence"
import { workflowStats } from "./stats-fixture"

const hold: Recommendation = { action: "hold", to: null, rule: "r", evidence: [] }
const row = (stats: WorkflowStats, measure: string) => advisorEvidence(stats).find((r) => r.measure === measure)!

describe("the advisor's evidence", () => {
  const router = workflowStats({
    workflowId: "router",
    name: "Router",
    model: "exception",
    recommendation: {
      action: "tighten",
      to: "monitor",
      rule: "r",
      evidence: [],
      basis: {
        outcomes: 87,
        humanDecisions: 25,
        autoApproved: 62,
        problems: 11,
        problemRate: 11 / 87,
        edited: 0,
        editRate: 0,
        earlierProblemRate: 0.022,
        recentProblemRate: 0.238
      }
    },
    reviewMs: { median: 150_000, p90: 200_000, targetMs: 120_000, withinTarget: 0.4 }
  })

  it("puts each number the rule weighs beside its threshold, with the server's own basis", () => {
    expect(row(router, "Reviewed outcomes")).toEqual({
      measure: "Reviewed outcomes",
      value: "87 (25 decided by people, 62 auto-approved)",
      standard: "≥ 50 to loosen",
      verdict: "ok"
    })
    expect(row(router, "Reject + revert rate")).toMatchObject({ value: "12.6% (11 of 87)", standard: "≤ 2% to loosen; ≥ 10% tightens", verdict: "alarm" })
    expect(row(router, "Edit rate")).toMatchObject({ value: "0% (0 of 25)", verdict: "ok" })
    expect(row(router, "Reject + revert trend")).toMatchObject({ value: "2.2% → 23.8% (earlier → recent half of the window)", verdict: "alarm" })
  })

  it("holds review time against the two-minute target", () => {
    expect(row(router, "Median review time")).toMatchObject({
      value: "2.5 min; 40% decided within 2 min",
      standard: "target: under 2 min (not part of the rule)",
      verdict: "short"
    })
  })

  it("says a rate between the bars is short of loosening but not tightening", () => {
    const stats = { ...router, recommendation: { ...router.recommendation, basis: { ...router.recommendation.basis!, problems: 4, problemRate: 0.05 } } }
    expect(row(stats, "Reject + revert rate").verdict).toBe("short")
  })

  it("works out the basis from the totals for a server that does not send one, without a trend", () => {
    const old = workflowStats({ workflowId: "w", name: "W", model: "approve", recommendation: hold })
    expect(basisOf(old)).toMatchObject({ outcomes: 62, humanDecisions: 62, problems: 1, edited: 3, earlierProblemRate: null })
    expect(row(old, "Reject + revert trend")).toMatchObject({ value: "not measurable yet", verdict: "info" })
  })

  it("counts outcomes against the 50 the rule needs", () => {
    const young = workflowStats({
      workflowId: "y",
      name: "Y",
      model: "approve",
      recommendation: hold,
      counts: { proposals: 9, decisions: 9, approved: 9, edited: 0, rejected: 0, reverted: 0, autoApproved: 0, expired: 0, pending: 0 }
    })
    expect(outcomeProgress(young)).toEqual({ outcomes: 9, needed: 50, enough: false })
    expect(row(young, "Reviewed outcomes").verdict).toBe("short")
  })

  it("names the reasons by count, without the preset's ellipsis", () => {
    expect(
      reasonsText([
        { code: "off_brand", count: 3 },
        { code: "other", count: 1 }
      ])
    ).toBe("Off brand 3, Other 1")
    expect(reasonsText([])).toBeNull()
  })
})

describe("the advisor's charts", () => {
  const series: WorkflowStats["series"] = [
    { day: "2026-11-23", decisions: 4, executed: 0, autoApproved: 0, approval: 0.75, edit: 0.25, reject: 0, revert: 0, medianReviewMs: 30_000 },
    { day: "2026-11-24", decisions: 1, executed: 10, autoApproved: 10, approval: 0, edit: 0, reject: 0, revert: 0.1, medianReviewMs: 200_000 },
    { day: "2026-11-25", decisions: 0, executed: 0, autoApproved: 0, approval: 0, edit: 0, reject: 0, revert: 0, medianReviewMs: null }
  ]

  it("draw people's rates on days people decided, and the revert rate on days something ran", () => {
    const chart = rateChart(series)
    expect(chart.x).toEqual([Date.parse("2026-11-23T00:00:00Z") / 1000, Date.parse("2026-11-24T00:00:00Z") / 1000, Date.parse("2026-11-25T00:00:00Z") / 1000])
    expect(chart.series.map((s) => [s.label, s.values])).toEqual([
      ["Approval", [75, null, null]],
      ["Edit", [25, null, null]],
      ["Reject", [0, null, null]],
      ["Revert", [null, 10, null]]
    ])
  })

  it("draw review times in seconds beside a two-minute reference line the value range always includes", () => {
    const chart = reviewTimeChart(series, 120_000)
    expect(chart.series).toEqual([
      { label: "Median review time", color: expect.any(String), values: [30, 200, null] },
      { label: "Target (2 min)", color: expect.any(String), values: [120, 120, 120], reference: true }
    ])
    expect(valueRange(reviewTimeChart([series[0]!], 120_000))[1]).toBeGreaterThan(120)
    expect(valueRange(chart)[1]).toBeGreaterThan(200)
  })

  it("count a chart with only its reference line as having no data", () => {
    const empty = [series[2]!]
    expect(hasData(reviewTimeChart(empty, 120_000))).toBe(false)
    expect(hasData(rateChart(empty))).toBe(false)
    expect(hasData(rateChart(series))).toBe(true)
  })
})
