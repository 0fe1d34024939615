import type { ReviewReason } from "~src/domain/review"
import { isEscalation } from "~src/domain/labels"
import { isDueForReminderAt } from "~src/local/deadline"
import type { QueueItem } from "~src/local/queue-head"

/** Why the server sent a proposal to a person although its workflow's model would not have asked. */
export const ESCALATION_REASON_LABELS: Partial<Record<ReviewReason, string>> = {
  rule: "held by a review rule",
  paused: "workflow paused",
  edge_case: "flagged as an edge case",
  below_threshold: "confidence under the threshold",
  target_changed: "target changed after approval"
}

export interface EscalationRow {
  item: QueueItem
  /** Past its reminder (or its deadline): the deadline is close. */
  reminderDue: boolean
  /** The escalation reason, when the server escalated it. */
  escalatedFor: string | null
}

/**
 * The popup's escalation list: what waits for this reviewer and needs attention first, oldest
 * first — proposals past their reminder (the deadline is close) and those the server escalated
 * (a review rule, a paused workflow, an edge case, low confidence, a moved target). Items with a
 * decision already queued, or approved by this reviewer and waiting for others, are not theirs.
 */
export function escalationList(items: readonly QueueItem[], now: number): EscalationRow[] {
  const rows: EscalationRow[] = []
  for (const item of items) {
    const p = item.proposal
    if (p.status !== "pending" || p.local?.pendingAction || p.local?.alreadyApproved) continue
    const reminderDue = Boolean(p.remindAt && (isDueForReminderAt(p, now) || (p.expiresAt && Date.parse(p.expiresAt) <= now)))
    const reason = p.review && p.review.outcome === "pending" && isEscalation(p.review.reason) ? p.review.reason : null
    if (!reminderDue && !reason) continue
    rows.push({ item, reminderDue, escalatedFor: reason ? (ESCALATION_REASON_LABELS[reason] ?? reason) : null })
  }
  return rows.sort((a, b) => a.item.createdAtMs - b.item.createdAtMs || (a.item.proposal.id < b.item.proposal.id ? -1 : 1))
}
