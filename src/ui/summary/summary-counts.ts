import type { WorkflowSummary } from "~src/domain/summary"

/** A workflow's day in numbers, in the order the summary lists its sections. */
export function summaryCounts(w: WorkflowSummary): { label: string; count: number }[] {
  return [
    { label: "executed", count: w.executed.length },
    { label: "auto-approved", count: w.autoApproved.length },
    { label: "failed", count: w.failed.length },
    { label: "reverted", count: w.reverted.length },
    { label: "escalated", count: w.escalated.length }
  ]
}

/** Nothing ran, failed, was reverted or escalated: the workflow had a quiet day (listed in one line). */
export const isQuietDay = (w: WorkflowSummary): boolean => summaryCounts(w).every((c) => c.count === 0)
