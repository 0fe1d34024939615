import { z } from "zod"
import { REVIEW_REASONS } from "./labels"

/** Why a proposal is pending or was auto-approved (the list and its meanings: labels.ts). `text` is the sentence recorded on the policy decision and in the audit log. */
export const ReviewReason = z.enum(REVIEW_REASONS)
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
