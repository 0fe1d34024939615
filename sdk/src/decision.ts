import type { Change, DecisionReason, Proposal } from "~src/domain"
import { SignoffApiError } from "./errors"
import { canonicalHash } from "./hash"

/**
 * Where a proposal the agent waited on stands. Only `approved` means "apply `change`"; a
 * `timeout` is a proposal still pending when the wait ran out, never an approval.
 */
export type DecisionOutcome =
  | {
      status: "approved"
      proposal: Proposal
      /** What to apply: the reviewer's edited change when there is one, else the proposed one. */
      change: Change
      /** The hash the approval binds to; report it with the execution. */
      contentHash: string
      /** A reviewer edited the change before approving it. */
      edited: boolean
      /** Approved by the workflow's policy (monitor or exception model), not by a person. */
      automatic: boolean
    }
  | { status: "rejected"; proposal: Proposal; reason: DecisionReason; reviewer: string | null }
  | { status: "expired"; proposal: Proposal }
  | { status: "cancelled"; proposal: Proposal; reason: string | null }
  | { status: "timeout"; proposal: Proposal }
  /** Already past its decision: reported by an earlier run of the agent, or reverted before it ran. */
  | { status: "executed" | "failed" | "reverted"; proposal: Proposal }

const latest = (proposal: Proposal, action: string) => proposal.decisions.filter((d) => d.action === action).at(-1)

/** The outcome a proposal has reached, or undefined while it is still pending. */
export function outcomeOf(proposal: Proposal): Exclude<DecisionOutcome, { status: "timeout" }> | undefined {
  switch (proposal.status) {
    case "pending":
      return undefined
    case "approved":
    case "auto_approved": {
      const change = proposal.editedChange ?? proposal.change
      const contentHash = proposal.contentHash
      // The approval is for exactly this content; a mismatch means the answer was altered on the way.
      if (!contentHash || canonicalHash(change) !== contentHash)
        throw new SignoffApiError(200, "bad_response", `proposal ${proposal.id}: the approved content hash does not match its change`)
      return { status: "approved", proposal, change, contentHash, edited: proposal.editedChange !== undefined, automatic: proposal.status === "auto_approved" }
    }
    case "rejected": {
      const rejection = latest(proposal, "reject")
      return { status: "rejected", proposal, reason: rejection?.reason ?? { code: "other" }, reviewer: rejection?.actor.name ?? null }
    }
    case "cancelled":
      return { status: "cancelled", proposal, reason: latest(proposal, "cancel")?.reason?.text ?? null }
    case "expired":
    case "executed":
    case "failed":
    case "reverted":
      return { status: proposal.status, proposal }
  }
}

/** A rejection as one sentence for a model: who, the preset reason, and their words. */
export function describeRejection(outcome: Extract<DecisionOutcome, { status: "rejected" }>): string {
  const who = outcome.reviewer ? ` by ${outcome.reviewer}` : ""
  const text = outcome.reason.text ? `: ${outcome.reason.text}` : ""
  return `Rejected${who} (${outcome.reason.code.replaceAll("_", " ")})${text}`
}
