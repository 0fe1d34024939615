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
