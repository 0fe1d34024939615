import { z } from "zod"
import { OVERSIGHT_MODEL_LABELS, OVERSIGHT_MODELS } from "./labels"
import { WorkflowId } from "./proposal"
import { ReviewRules } from "./review-rules"

export const OversightModel = z.enum(OVERSIGHT_MODELS)
export type OversightModel = z.infer<typeof OversightModel>
export { OVERSIGHT_MODEL_LABELS }

/** PUT /v1/workflows/:id body (admin). */
export const WorkflowUpsert = z.strictObject({
  name: z.string().trim().min(1).max(200),
  model: OversightModel,
  threshold: z.number().min(0).max(1).optional(),
  quorum: z.int().min(1).max(10).optional(),
  expiryHours: z.int().min(1).max(24 * 365).nullable().optional(),
  paused: z.boolean().optional(),
  /** Replaces the workflow's review rules when given (omitted: kept as they are). */
  reviewRules: ReviewRules.optional()
})
export type WorkflowUpsert = z.infer<typeof WorkflowUpsert>

export const Workflow = z.object({
  id: WorkflowId,
  name: z.string(),
  model: OversightModel,
  /** exception model: proposals at or above this confidence (and not edge cases) are auto-approved. */
  threshold: z.number().min(0).max(1),
  /** approve model: distinct reviewers needed. */
  quorum: z.int().min(1),
  expiryHours: z.int().nullable(),
  paused: z.boolean(),
  /** Proposals matching any of these wait for a person whatever the model, confidence or flags (the server always sends it). */
  reviewRules: ReviewRules.optional(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true })
})
export type Workflow = z.infer<typeof Workflow>
