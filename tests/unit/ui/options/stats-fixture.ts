import type { StatsResponse, WorkflowStats } from "~src/domain/stats"

export function workflowStats(overrides: Partial<WorkflowStats> & Pick<WorkflowStats, "workflowId" | "name" | "model" | "recommendation">): WorkflowStats {
  return {
    counts: { proposals: 70, decisions: 62, approved: 58, edited: 3, rejected: 1, reverted: 0, autoApproved: 0, expired: 0, pending: 2 },
    rates: { approval: 0.935, edit: 0.048, reject: 0.016, revert: 0 },
    reviewMs: { median: 42_000, p90: 120_000, targetMs: 120_000, withinTarget: 0.9 },
    reasons: { rejected: [{ code: "off_brand", count: 1 }], reverted: [] },
    series: [
      { day: "2026-11-23", decisions: 20, approval: 0.9, edit: 0.05, reject: 0.05, revert: 0, medianReviewMs: 45_000 },
      { day: "2026-11-24", decisions: 0, approval: 0, edit: 0, reject: 0, revert: 0, medianReviewMs: null },
      { day: "2026-11-25", decisions: 42, approval: 0.95, edit: 0.05, reject: 0, revert: 0, medianReviewMs: 40_000 }
    ],
    ...overrides
  }
}

export function statsResponse(workflows: WorkflowStats[]): StatsResponse {
  return { windowDays: 30, from: "2026-10-26", to: "2026-11-25", workflows }
}
