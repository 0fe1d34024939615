import { z } from "zod"
import { DECISION_ACTIONS, REJECTION_REASON_CODES, REJECTION_REASON_LABELS } from "./labels"

export const DecisionAction = z.enum(DECISION_ACTIONS)
export type DecisionAction = z.infer<typeof DecisionAction>

export const RejectionReasonCode = z.enum(REJECTION_REASON_CODES)
export type RejectionReasonCode = z.infer<typeof RejectionReasonCode>
export { REJECTION_REASON_LABELS }

export const DecisionReason = z.strictObject({
  code: RejectionReasonCode,
  text: z.string().trim().max(2_000).optional()
})
export type DecisionReason = z.infer<typeof DecisionReason>

/** POST /v1/proposals/:id/decisions body. */
export const DecisionCreate = z
  .strictObject({
    action: DecisionAction,
    reason: DecisionReason.optional(),
    /** Partial change merged over the proposal's change; the result must still be a valid change of the same kind. */
    edits: z.record(z.string(), z.unknown()).optional(),
    proposalVersion: z.int().min(1),
    reviewMs: z.int().min(0).max(86_400_000).optional()
  })
  .superRefine((d, ctx) => {
    if (d.action === "reject" && !d.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "a rejection needs a reason" })
    if (d.reason?.code === "other" && !d.reason.text) ctx.addIssue({ code: "custom", path: ["reason", "text"], message: "reason 'other' needs text" })
    if (d.action === "edit" && !d.edits) ctx.addIssue({ code: "custom", path: ["edits"], message: "an edit needs edits" })
    if (d.action !== "edit" && d.edits) ctx.addIssue({ code: "custom", path: ["edits"], message: "edits are only allowed with action 'edit'" })
  })
export type DecisionCreate = z.infer<typeof DecisionCreate>

export const Role = z.enum(["agent", "reviewer", "admin"])
export type Role = z.infer<typeof Role>

/**
 * A recorded decision. `policy` decisions are made by a workflow rule, not a person. `cancel` is
 * the proposing agent (or an admin) withdrawing it; its reason is `{code: "other", text}`.
 */
export const Decision = z.object({
  id: z.string(),
  proposalId: z.string(),
  action: z.union([DecisionAction, z.literal("auto_approve"), z.literal("expire"), z.literal("cancel")]),
  actor: z.object({
    name: z.string(),
    role: z.union([Role, z.literal("policy")]),
    /** The person who decided (absent on policy decisions and on decisions from before principals). */
    principalId: z.string().optional()
  }),
  reason: DecisionReason.optional(),
  edits: z.record(z.string(), z.unknown()).optional(),
  proposalVersion: z.int(),
  reviewMs: z.int().optional(),
  /** For policy decisions (auto-approval, expiry): the workflow rule that made it. */
  rule: z.string().optional(),
  createdAt: z.iso.datetime({ offset: true })
})
export type Decision = z.infer<typeof Decision>
