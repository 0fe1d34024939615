/*
 * The domain's closed vocabularies and their labels, as plain constants with no imports: the zod
 * schemas build their enums from these, and the content scripts (which must not bundle zod, see
 * tests/unit/contents/import-graph.test.ts) import the labels from here directly.
 */

export const OVERSIGHT_MODELS = ["approve", "monitor", "exception"] as const

export const OVERSIGHT_MODEL_LABELS: Record<(typeof OVERSIGHT_MODELS)[number], string> = {
  approve: "Approve before execute",
  monitor: "Monitor and override",
  exception: "Exception based"
}

/** Preset rejection reasons, in the order the panel offers them (number keys 1–6 pick them). */
export const REJECTION_REASON_CODES = ["off_brand", "inaccurate", "compliance", "wrong_target", "too_risky", "other"] as const

export const REJECTION_REASON_LABELS: Record<(typeof REJECTION_REASON_CODES)[number], string> = {
  off_brand: "Off brand",
  inaccurate: "Inaccurate",
  compliance: "Compliance risk",
  wrong_target: "Wrong target",
  too_risky: "Too risky",
  other: "Other…"
}

/** Where a proposal stands (src/domain/proposal.ts builds its enum from this list). */
export const PROPOSAL_STATUSES = [
  "pending",
  "approved",
  "rejected",
  "executed",
  "failed",
  "reverted",
  "expired",
  "auto_approved",
  /** Withdrawn by the agent that proposed it (or an admin) before it ran: never to be executed. */
  "cancelled"
] as const

/**
 * Why a proposal is pending or was auto-approved, decided by the server alone: at creation, and
 * again when a changed target sends it back to a person (src/domain/review.ts).
 */
export const REVIEW_REASONS = [
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
] as const

/** Review reasons that mean a person was asked although the model itself would not have: an escalation. */
const NOT_ESCALATIONS: ReadonlySet<(typeof REVIEW_REASONS)[number]> = new Set(["approve_model", "monitor_model", "meets_threshold", "legacy"])

export const isEscalation = (reason: (typeof REVIEW_REASONS)[number]): boolean => !NOT_ESCALATIONS.has(reason)

export const DECISION_ACTIONS = ["approve", "reject", "edit", "pause", "revert"] as const

/**
 * The change kinds, as a plain list for zod-free code (the popup's first-paint checks). The kinds'
 * traits live in src/domain/change-kinds.ts, one row each; it fails to compile unless its table has
 * exactly these kinds.
 */
export const CHANGE_KIND_IDS = ["content", "fields", "bulk", "segment", "scoring", "flow", "routing"] as const
