import type { OversightModel, RejectionReasonCode } from "~src/domain"

// The panel's copies of the domain's labels. src/domain defines them next to its zod schemas, and
// a value import from there brings those schemas, and zod with them (~550 KiB), into the content
// scripts that run on every page load. The types keep them complete; the unit test next to the
// panel tests (tests/unit/ui/proposal/domain-labels.test.ts) keeps them equal to the domain's.

export const OVERSIGHT_MODEL_LABELS: Record<OversightModel, string> = {
  approve: "Approve before execute",
  monitor: "Monitor and override",
  exception: "Exception based"
}

/** Preset rejection reasons in the domain's order (number keys 1–6 pick them). */
export const REJECTION_REASON_ORDER = [
  "off_brand",
  "inaccurate",
  "compliance",
  "wrong_target",
  "too_risky",
  "other"
] as const satisfies readonly RejectionReasonCode[]

export const REJECTION_REASON_LABELS: Record<RejectionReasonCode, string> = {
  off_brand: "Off brand",
  inaccurate: "Inaccurate",
  compliance: "Compliance risk",
  wrong_target: "Wrong target",
  too_risky: "Too risky",
  other: "Other…"
}
