import { z } from "zod"
import { OversightModel } from "./workflow"

export const StatsQuery = z.strictObject({
  /** Look-back window in days. */
  window: z.coerce.number().int().min(1).max(365).default(30)
})

export const Recommendation = z.object({
  action: z.enum(["loosen_to_monitor", "loosen_to_exception", "tighten", "hold"]),
  /** The documented rule that produced it, e.g. "loosen when ≥ 50 decisions and reject+revert rate ≤ 2%". */
  rule: z.string(),
  /** Human-readable facts behind it ("62 decisions in 30 days", "rejection rate 1.6%"). */
  evidence: z.array(z.string()),
  /** The model it recommends moving to, when action is not hold. */
  to: OversightModel.nullable()
})
export type Recommendation = z.infer<typeof Recommendation>

const Rates = z.object({ approval: z.number(), edit: z.number(), reject: z.number(), revert: z.number() })

export const WorkflowStats = z.object({
  workflowId: z.string(),
  name: z.string(),
  model: OversightModel,
  counts: z.object({
    proposals: z.int(),
    decisions: z.int(),
    approved: z.int(),
    edited: z.int(),
    rejected: z.int(),
    reverted: z.int(),
    autoApproved: z.int(),
    expired: z.int(),
    pending: z.int()
  }),
  /** Shares of human decisions (0..1); revert is relative to executed items. */
  rates: Rates,
  reviewMs: z.object({ median: z.number().nullable(), p90: z.number().nullable() }),
  recommendation: Recommendation,
  /** One point per day of the window, for the advisor's charts. */
  series: z.array(Rates.extend({ day: z.string(), decisions: z.int(), medianReviewMs: z.number().nullable() }))
})
export type WorkflowStats = z.infer<typeof WorkflowStats>

export const StatsResponse = z.object({
  windowDays: z.int(),
  from: z.string(),
  to: z.string(),
  workflows: z.array(WorkflowStats)
})
export type StatsResponse = z.infer<typeof StatsResponse>
