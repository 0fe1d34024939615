import type { Change } from "~src/domain/changes"

/** One line saying what a change does, for the popup's compact proposal view. */
export function changeHeadline(change: Change): string {
  switch (change.kind) {
    case "content":
      return `Rewrites ${change.field} (${change.format === "html" ? "HTML" : "text"})`
    case "fields":
      return `Updates ${change.changes.length} field${change.changes.length === 1 ? "" : "s"}: ${change.changes
        .slice(0, 3)
        .map((c) => c.label ?? c.field)
        .join(", ")}${change.changes.length > 3 ? "…" : ""}`
    case "bulk":
      return `Bulk rule on ${change.totalRecords.toLocaleString("en-US")} ${change.objectType} records: ${change.rule}`
    case "segment":
      return `Segment "${change.name}", about ${change.estimatedSize.toLocaleString("en-US")} contacts`
    case "scoring":
      return `${change.modelName}: ${change.weights.length} weight changes, MQL volume ${change.expectedMqlShiftPct >= 0 ? "+" : ""}${change.expectedMqlShiftPct}%`
    case "flow":
      return `${change.steps.length} flow step change${change.steps.length === 1 ? "" : "s"}`
    case "routing":
      return `Routes to ${change.chosen.name}${change.escalationReason ? ` (escalated: ${change.escalationReason})` : ""}`
  }
}
