import { z } from "zod"
import { Change } from "./changes"
import { DecisionReason } from "./decision"
import { type Proposal, ProposalCreate, ProposalStatus, WorkflowId } from "./proposal"

/**
 * The learning loop (GET /v1/feedback, admin): every proposal a person decided, as one JSON line
 * an AI team can train or evaluate on — what the agent proposed and on what evidence, what the
 * person did, the preset reason and their words, and for an edit both versions (a preference pair).
 */

export const FeedbackQuery = z.strictObject({
  workflowId: WorkflowId.optional(),
  /** Only proposals whose deciding moment (`decidedAt`) is at or after this. */
  since: z.iso.datetime({ offset: true }).optional()
})
export type FeedbackQuery = z.infer<typeof FeedbackQuery>

/** Statuses a person settled: approved (and then run or failed), rejected, reverted. */
export const FEEDBACK_STATUSES = ["approved", "executed", "failed", "rejected", "reverted"] as const satisfies readonly ProposalStatus[]

/** Decisions that carry a person's judgment of the change (pause is about the workflow). */
export const JUDGMENT_ACTIONS = ["approve", "edit", "reject", "revert"] as const

export const FeedbackOutcome = z.enum(["approved", "edited", "rejected", "reverted"])
export type FeedbackOutcome = z.infer<typeof FeedbackOutcome>

export const FeedbackRecord = z.object({
  proposalId: z.string(),
  workflowId: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  /** The last person's judgment (approve, edit, reject or revert): what `since` filters on. A later revert sends the proposal again. */
  decidedAt: z.iso.datetime({ offset: true }),
  /** What the agent sent (validated; the tenant read off the URL when it gave none): change, evidence, confidence, rationale... */
  proposal: ProposalCreate,
  /** reverted > rejected > edited (approved with the reviewer's version) > approved. */
  outcome: FeedbackOutcome,
  status: ProposalStatus,
  /** The reason of the rejection or revert: preset code and the person's text. */
  reason: DecisionReason.nullable(),
  /** For an edit: the agent's version and the reviewer's (the preference pair: the reviewer's is preferred). */
  edit: z
    .object({
      agentChange: Change,
      reviewerChange: Change,
      editedBy: z.object({ name: z.string(), principalId: z.string().optional() })
    })
    .nullable(),
  /** Every judgment, oldest first, with who made it and how long they looked. */
  decisions: z.array(
    z.object({
      action: z.enum(JUDGMENT_ACTIONS),
      actor: z.object({ name: z.string(), principalId: z.string().optional() }),
      at: z.iso.datetime({ offset: true }),
      reason: DecisionReason.nullable(),
      reviewMs: z.int().nullable()
    })
  )
})
export type FeedbackRecord = z.infer<typeof FeedbackRecord>

const isJudgment = (action: string): action is (typeof JUDGMENT_ACTIONS)[number] => (JUDGMENT_ACTIONS as readonly string[]).includes(action)

/**
 * A decided proposal as a feedback line, with `sent` the body exactly as the agent sent it;
 * undefined when no person settled it (auto-approved and left alone, pending, expired, cancelled).
 */
export function feedbackRecordOf(
  sent: ProposalCreate,
  proposal: Pick<Proposal, "id" | "workflowId" | "status" | "createdAt" | "editedChange" | "decisions">
): FeedbackRecord | undefined {
  if (!(FEEDBACK_STATUSES as readonly string[]).includes(proposal.status)) return undefined
  const judgments = proposal.decisions.filter((d) => isJudgment(d.action) && d.actor.role !== "policy")
  const last = judgments.at(-1)
  if (!last) return undefined
  const lastOf = (action: string) => judgments.filter((d) => d.action === action).at(-1)
  const edit = lastOf("edit")
  const outcome: FeedbackOutcome =
    proposal.status === "reverted" ? "reverted" : proposal.status === "rejected" ? "rejected" : proposal.editedChange ? "edited" : "approved"
  const settling = outcome === "reverted" ? lastOf("revert") : outcome === "rejected" ? lastOf("reject") : undefined
  const { editedChange } = proposal
  return {
    proposalId: proposal.id,
    workflowId: proposal.workflowId,
    createdAt: proposal.createdAt,
    decidedAt: last.createdAt,
    proposal: sent,
    outcome,
    status: proposal.status,
    reason: settling?.reason ?? null,
    edit: editedChange && edit ? { agentChange: sent.change, reviewerChange: editedChange, editedBy: principalOf(edit.actor) } : null,
    decisions: judgments.map((d) => ({
      action: d.action as (typeof JUDGMENT_ACTIONS)[number],
      actor: principalOf(d.actor),
      at: d.createdAt,
      reason: d.reason ?? null,
      reviewMs: d.reviewMs ?? null
    }))
  }
}

const principalOf = (actor: { name: string; principalId?: string | undefined }) =>
  actor.principalId ? { name: actor.name, principalId: actor.principalId } : { name: actor.name }
