import type { DecisionAction } from "./decision"
import type { ExecutionReport } from "./execution"
import type { ProposalStatus, RiskFlags } from "./proposal"
import type { ProposalReview } from "./review"
import { type ReviewRule, type RuleSubject, matchingReviewRule } from "./review-rules"
import type { Workflow } from "./workflow"

/**
 * The oversight models as pure state transitions. The server wraps these in transactions;
 * keeping them free of I/O lets the policy be unit-tested exhaustively and read in one place.
 */

export type CreationOutcome = {
  status: "pending" | "auto_approved"
  /** The sentence recorded on the policy decision and in the audit log. */
  rule: string
  /** Why, for the wire: the reason, and the review rule when one held the proposal. */
  review: ProposalReview
}

function outcome(status: CreationOutcome["status"], reason: ProposalReview["reason"], rule: string): CreationOutcome {
  return { status, rule, review: { outcome: status, reason, text: rule } }
}

/**
 * What happens to a new proposal the moment it arrives. First the workflow's review rules (an
 * admin's, which nothing the agent sends can lower), then the pause, then the model.
 */
export function decideOnCreation(
  workflow: Pick<Workflow, "model" | "threshold" | "paused"> & { reviewRules?: readonly ReviewRule[] | undefined },
  proposal: { confidence: number; risk?: RiskFlags | undefined } & Partial<RuleSubject>
): CreationOutcome {
  const heldBy = proposal.change && proposal.target ? matchingReviewRule(workflow.reviewRules ?? [], proposal as RuleSubject) : undefined
  if (heldBy) {
    const rule = `review rule "${heldBy.id}": ${heldBy.description} (held for a person whatever the model, confidence or flags)`
    return { status: "pending", rule, review: { outcome: "pending", reason: "rule", text: rule, ruleId: heldBy.id, description: heldBy.description } }
  }
  // A paused workflow holds everything for a human, whatever its model: pausing is the brake.
  if (workflow.paused) return outcome("pending", "paused", "workflow paused: held for a human")
  switch (workflow.model) {
    case "approve":
      return outcome("pending", "approve_model", "approve: nothing runs until approved")
    case "monitor":
      return outcome("auto_approved", "monitor_model", "monitor: AI executes, reviewers can revert or pause")
    case "exception": {
      if (proposal.risk?.edgeCase) return outcome("pending", "edge_case", "exception: flagged as an edge case, escalated")
      if (proposal.confidence < workflow.threshold)
        return outcome("pending", "below_threshold", `exception: confidence ${proposal.confidence} < threshold ${workflow.threshold}, escalated`)
      return outcome("auto_approved", "meets_threshold", `exception: confidence ${proposal.confidence} ≥ threshold ${workflow.threshold} and no edge-case flag`)
    }
  }
}

export interface ReviewState {
  status: ProposalStatus
  quorum: number
  /** Principal ids of the people who approved the change as it stands now (an edit restarts the count). */
  approvers: readonly string[]
}

export type ReviewOutcome = { ok: true; status: ProposalStatus; approvers: string[]; pausesWorkflow: boolean } | { ok: false; message: string }

/**
 * Statuses from which a reviewer may ask for an undo: it ran, or it is cleared to run. Under the
 * monitor and exception models that is every item of the daily summary that ran (auto-approved,
 * executed); the agent hears of the revert through `wait?version=`, the SDK and `proposal.reverted`.
 */
export const REVERTIBLE_STATUSES: readonly ProposalStatus[] = ["approved", "auto_approved", "executed"]

/** Revert is offered (panel, popup, daily summary) and accepted by the server. */
export const isRevertible = (status: ProposalStatus): boolean => REVERTIBLE_STATUSES.includes(status)

/**
 * Applies one human decision to a proposal's review state; `ok: false` is a conflict (409).
 * `reviewer` is the deciding principal's id: quorum counts people, not token names.
 */
export function applyReview(state: ReviewState, action: DecisionAction, reviewer: string): ReviewOutcome {
  switch (action) {
    case "approve": {
      if (state.status !== "pending") return notPending(state.status)
      if (state.approvers.includes(reviewer)) return { ok: false, message: "you already approved this proposal; quorum needs distinct people" }
      const approvers = [...state.approvers, reviewer]
      return { ok: true, status: reachesQuorum(approvers, state.quorum), approvers, pausesWorkflow: false }
    }
    case "edit": {
      if (state.status !== "pending") return notPending(state.status)
      // Earlier approvals were for different content; only the editor has approved this version.
      const approvers = [reviewer]
      return { ok: true, status: reachesQuorum(approvers, state.quorum), approvers, pausesWorkflow: false }
    }
    case "reject":
      if (state.status !== "pending") return notPending(state.status)
      return { ok: true, status: "rejected", approvers: [...state.approvers], pausesWorkflow: false }
    case "revert":
      if (!isRevertible(state.status))
        return { ok: false, message: `only approved, auto-approved or executed proposals can be reverted (this one is ${state.status})` }
      return { ok: true, status: "reverted", approvers: [...state.approvers], pausesWorkflow: false }
    case "pause":
      // Pausing is about the workflow; the proposal it was pressed on keeps its status.
      return { ok: true, status: state.status, approvers: [...state.approvers], pausesWorkflow: true }
  }
}

function reachesQuorum(approvers: readonly string[], quorum: number): ProposalStatus {
  return approvers.length >= quorum ? "approved" : "pending"
}

function notPending(status: ProposalStatus): ReviewOutcome {
  return { ok: false, message: `proposal is ${status}, no longer pending` }
}

export type ExecutionOutcome =
  { ok: true; status: "executed" | "failed" } | { ok: false; code: "conflict" | "stale_approval" | "target_changed"; message: string }

/**
 * Approval binding: an approval covers exactly the content that was reviewed, on the
 * target state the agent based it on. Anything else is refused.
 */
export function applyExecutionReport(
  state: { status: ProposalStatus; contentHash: string | null; baseSnapshotHash: string | null },
  report: Pick<ExecutionReport, "outcome" | "contentHash" | "snapshotHash">
): ExecutionOutcome {
  if (state.status !== "approved" && state.status !== "auto_approved")
    return { ok: false, code: "conflict", message: `proposal is ${state.status}; only approved proposals can be executed` }
  if (report.contentHash !== state.contentHash)
    return { ok: false, code: "stale_approval", message: "the content you are applying is not the content that was approved" }
  if (report.snapshotHash !== undefined && state.baseSnapshotHash !== null && report.snapshotHash !== state.baseSnapshotHash)
    return {
      ok: false,
      code: "target_changed",
      message: "the target changed since the proposal was made; it is back to pending for a new review"
    }
  return { ok: true, status: report.outcome }
}

/** Only a pending proposal expires; a decided one keeps its decision. */
export function hasExpired(status: ProposalStatus, expiresAt: Date | null, now: Date): boolean {
  return status === "pending" && expiresAt !== null && expiresAt.getTime() <= now.getTime()
}
