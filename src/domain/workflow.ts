import { z } from "zod"
import { ExpiryHours } from "./deadlines"
import { OVERSIGHT_MODEL_LABELS, OVERSIGHT_MODELS } from "./labels"
import { WorkflowId } from "./proposal"
import { ReviewRules } from "./review-rules"

export const OversightModel = z.enum(OVERSIGHT_MODELS)
export type OversightModel = z.infer<typeof OversightModel>
export { OVERSIGHT_MODEL_LABELS }

/** Items of what ran that the daily summary samples for a person to spot-check (0: none). */
export const SpotCheckSize = z.int().min(0).max(50)

/** A workflow's spot-check sample when an admin set none: a handful, quick to look through each day. */
export const DEFAULT_SPOT_CHECK_SIZE = 5

/**
 * PUT /v1/workflows/:id body (admin). Partial: a field left out keeps its current value, so the
 * popup can pause, resume or switch the model with `{paused: true}` or `{model: "monitor"}`
 * without resending the rest (`reviewRules` included). A new workflow takes the defaults for what
 * is left out: its id as name, the `approve` model (never start autonomous).
 */
export const WorkflowUpsert = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    model: OversightModel.optional(),
    threshold: z.number().min(0).max(1).optional(),
    quorum: z.int().min(1).max(10).optional(),
    /** Hours until a pending proposal expires; null: the tier's default (GET /v1/settings/deadlines). */
    expiryHours: ExpiryHours.nullable().optional(),
    paused: z.boolean().optional(),
    spotCheckSize: SpotCheckSize.optional(),
    /** Replaces the workflow's review rules when given (omitted: kept as they are). */
    reviewRules: ReviewRules.optional()
  })
  .refine((body) => Object.keys(body).length > 0, "nothing to change")
export type WorkflowUpsert = z.infer<typeof WorkflowUpsert>

export const Workflow = z.object({
  id: WorkflowId,
  name: z.string(),
  model: OversightModel,
  /** exception model: proposals at or above this confidence (and not edge cases) are auto-approved. */
  threshold: z.number().min(0).max(1),
  /** approve model: distinct reviewers needed. */
  quorum: z.int().min(1),
  /** The workflow's own deadline in hours; null: its tier's default applies (GET /v1/settings/deadlines). */
  expiryHours: z.int().nullable(),
  paused: z.boolean(),
  /** How many of the day's items that ran the daily summary samples for a spot check (the server always sends it). */
  spotCheckSize: z.int().min(0).optional(),
  /** Proposals matching any of these wait for a person whatever the model, confidence or flags (the server always sends it). */
  reviewRules: ReviewRules.optional(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true })
})
export type Workflow = z.infer<typeof Workflow>
