import { z } from "zod"

/**
 * Why a proposal is pending or was auto-approved, decided by the server alone: at creation, and
 * again when a changed target sends it back to a person.
 * `text` is the sentence recorded on the policy decision and in the audit log.
 */
export const ReviewReason = z.enum([
  /** A workflow review rule matched: held for a person whatever the model (`ruleId`, `description`). */
  "rule",
  /** The workflow is paused: everything waits for a person. */
  "paused",
  /** Approve model: nothing runs until approved. */
  "approve_model",
  /** Monitor model: the AI executes, people watch and can revert. */
  "monitor_model",
  /** Exception model, the agent flagged an edge case: escalated. */
  "edge_case",
  /** Exception model, confidence under the workflow's threshold: escalated. */
  "below_threshold",
  /** Exception model, confidence at or above the threshold and no edge case: auto-approved. */
  "meets_threshold",
  /** Reported executed against a target that had changed: back to a person (a new version). */
  "target_changed",
  /** Created before the server recorded review reasons (an upgraded database). */
  "legacy"
])
export type ReviewReason = z.infer<typeof ReviewReason>

export const ProposalReview = z.object({
  outcome: z.enum(["pending", "auto_approved"]),
  reason: ReviewReason,
  text: z.string(),
  ruleId: z.string().optional(),
  description: z.string().optional()
})
export type ProposalReview = z.infer<typeof ProposalReview>

/**
 * The server's own risk classification of a change (src/domain/risk-classification.ts): what
 * the extension offers for quick and bulk approve. Agent flags may raise it, never lower it.
 */
export const RiskAssessment = z.object({
  level: z.enum(["low", "high"]),
  /** One sentence per trait that set the level. */
  reasons: z.array(z.string()),
  /** May be approved without opening it (popup quick approve, bulk approve). */
  quickApprovable: z.boolean()
})
export type RiskAssessment = z.infer<typeof RiskAssessment>
