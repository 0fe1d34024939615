import type { HistoryEntry } from "~src/domain/history"
import { REJECTION_REASON_LABELS } from "~src/domain/labels"
import type { DecisionReason } from "~src/domain/decision"

/** One line of a proposal's decision history, in words. */
export interface HistoryLine {
  /** "Ana Reviewer", "policy", "copy-bot". */
  who: string
  /** "approved (1 of 2 approvals)", "edited the change", "reported it executed". */
  what: string
  /** The reason, the rule, the execution detail: the second line. */
  detail: string | null
}

const reasonText = (reason: DecisionReason | null): string | null =>
  reason ? (reason.code === "other" ? (reason.text ?? "other") : `${REJECTION_REASON_LABELS[reason.code]}${reason.text ? `: ${reason.text}` : ""}`) : null

function reviewTime(ms: number | null): string {
  if (ms === null) return ""
  const seconds = Math.round(ms / 1000)
  return seconds < 90 ? ` in ${seconds} s` : ` in ${Math.round(seconds / 60)} min`
}

const approvalsText = (e: { approvals: number | null; quorum: number | null }) =>
  e.approvals !== null && e.quorum !== null && e.quorum > 1 ? ` (${e.approvals} of ${e.quorum} approvals)` : ""

/**
 * The history entry (GET /v1/proposals/:id/history) as a line a reviewer reads: who, what they did
 * (with the review time and the quorum count), and why. An edit's before/after is shown as a diff
 * beside it (edit-diff.ts).
 */
export function describeHistoryEntry(entry: HistoryEntry): HistoryLine {
  const who = entry.actor.role === "policy" ? "Policy" : entry.actor.name
  switch (entry.type) {
    case "created": {
      const held = entry.review ? entry.review.text : null
      const deadline = entry.expiresAt ? `deadline ${entry.expiresAt}` : null
      return {
        who,
        what: entry.status === "auto_approved" ? "proposed it (auto-approved)" : "proposed it",
        detail: [held, deadline].filter(Boolean).join(" · ") || null
      }
    }
    case "auto_approve":
      return { who, what: "auto-approved it", detail: entry.rule || null }
    case "approve":
      return { who, what: `approved${reviewTime(entry.reviewMs)}${approvalsText(entry)}`, detail: reasonText(entry.reason) }
    case "edit":
      return { who, what: `edited the change and approved it${reviewTime(entry.reviewMs)}${approvalsText(entry)}`, detail: reasonText(entry.reason) }
    case "reject":
      return { who, what: `rejected it${reviewTime(entry.reviewMs)}`, detail: reasonText(entry.reason) }
    case "revert":
      return { who, what: "reverted it", detail: reasonText(entry.reason) }
    case "pause":
      return {
        who,
        what: entry.workflowPaused === false ? "asked to pause the workflow (already paused)" : "paused the workflow",
        detail: reasonText(entry.reason)
      }
    case "execution":
      return {
        who,
        what:
          entry.outcome === "executed"
            ? "reported it executed"
            : entry.outcome === "failed"
              ? "reported it failed"
              : "found the target changed: back to review",
        detail: entry.detail
      }
    case "expire":
      return { who, what: "expired (never executed)", detail: entry.rule }
    case "cancel":
      return { who, what: "withdrew it", detail: entry.reason }
  }
}
