import type { AuditEntry, DecisionReason, ProposalStatus } from "~src/domain"
import type { WebhookEvent } from "~src/domain/webhooks"

/** What the audit entry does not say but every event names: facts of the proposal that never change, and whether it was edited. */
export interface ProposalFacts {
  title: string
  target: WebhookEvent["data"]["target"]
  /** A reviewer edited the change (an approval then binds to the edited one). */
  edited: boolean
}

type EventData = WebhookEvent["data"]
type Specific = Omit<EventData, "proposalId" | "workflowId" | "title" | "target" | "actor" | "auditSeq">

/**
 * The webhook events one audit entry stands for — none, one, or two (an edit that reaches quorum
 * is both `proposal.edited` and `proposal.approved`). Pure: the dispatcher feeds it the log.
 */
export function webhookEventsFor(entry: AuditEntry, facts: ProposalFacts): WebhookEvent[] {
  if (entry.proposalId === null) return []
  const data = entry.data as Record<string, unknown>
  const event = (type: WebhookEvent["type"], specific: Specific): WebhookEvent => ({
    type,
    timestamp: entry.at,
    data: {
      proposalId: entry.proposalId!,
      workflowId: entry.workflowId,
      title: facts.title,
      target: facts.target,
      actor: entry.actor,
      auditSeq: entry.seq,
      ...specific
    }
  })
  const toStatus = data.toStatus as ProposalStatus
  const counts = { approvals: Number(data.approvals), quorum: Number(data.quorum) }

  switch (entry.event) {
    case "proposal.created":
      return [event("proposal.created", { status: data.status as ProposalStatus })]
    case "auto_approval":
      return [event("proposal.approved", { status: "auto_approved", contentHash: String(data.contentHash), edited: false, automatic: true })]
    case "decision": {
      const approved = toStatus === "approved" && data.fromStatus !== "approved"
      const approval = () =>
        event("proposal.approved", { status: "approved", contentHash: String(data.contentHash), edited: facts.edited, automatic: false, ...counts })
      if (data.action === "approve") return approved ? [approval()] : []
      if (data.action === "edit") return [event("proposal.edited", { status: toStatus, ...counts }), ...(approved ? [approval()] : [])]
      if (data.action === "reject") return [event("proposal.rejected", { status: "rejected", reason: data.reason as DecisionReason })]
      return []
    }
    case "revert":
      return [event("proposal.reverted", { status: "reverted" })]
    case "expiry":
      return [event("proposal.expired", { status: "expired" })]
    case "cancel":
      return [event("proposal.cancelled", { status: "cancelled", reason: data.reason as DecisionReason })]
    case "execution":
      return [
        event("execution.reported", {
          status: toStatus,
          outcome: data.outcome as "executed" | "failed" | "target_changed",
          contentHash: String(data.contentHash),
          detail: (data.detail as string | null) ?? null
        })
      ]
    default:
      return []
  }
}
