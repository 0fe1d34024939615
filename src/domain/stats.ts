import { z } from "zod"
import { RejectionReasonCode } from "./decision"
import { REJECTION_REASON_CODES } from "./labels"
import { OversightModel } from "./workflow"

/** The brief's target: a reviewer grasps and decides a proposal in under two minutes. */
export const REVIEW_TIME_TARGET_MS = 120_000

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

/** How often each preset reason was given, most frequent first. */
export const ReasonCounts = z.array(z.object({ code: RejectionReasonCode, count: z.int().min(1) }))
export type ReasonCounts = z.infer<typeof ReasonCounts>

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
  reviewMs: z.object({
    median: z.number().nullable(),
    p90: z.number().nullable(),
    /** The two-minute target (REVIEW_TIME_TARGET_MS) the times are measured against. */
    targetMs: z.int(),
    /** Share (0..1) of timed human decisions made within the target; null without any. */
    withinTarget: z.number().nullable()
  }),
  /** The reasons people gave, by count: for rejections, and for reverts (when they gave one). */
  reasons: z.object({ rejected: ReasonCounts, reverted: ReasonCounts }),
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

/** Counts of reason codes, most frequent first (ties in the panel's order of the presets). */
export function countReasons(codes: readonly RejectionReasonCode[]): ReasonCounts {
  const counts = new Map<RejectionReasonCode, number>()
  for (const code of codes) counts.set(code, (counts.get(code) ?? 0) + 1)
  return [...counts]
    .map(([code, count]) => ({ code, count }))
    .sort((a, b) => b.count - a.count || REJECTION_REASON_CODES.indexOf(a.code) - REJECTION_REASON_CODES.indexOf(b.code))
}

/** Share of `reviewTimes` at or under `targetMs`; null when there are none. */
export function shareWithinTarget(reviewTimes: readonly number[], targetMs: number = REVIEW_TIME_TARGET_MS): number | null {
  if (reviewTimes.length === 0) return null
  return reviewTimes.filter((ms) => ms <= targetMs).length / reviewTimes.length
}
