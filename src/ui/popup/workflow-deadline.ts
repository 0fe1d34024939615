import type { DeadlineSettings } from "~src/domain/deadlines"
import type { Workflow } from "~src/domain/workflow"

/** "24 h", "72 h (tier default)", "none". */
export function workflowDeadlineText(workflow: Pick<Workflow, "model" | "expiryHours">, defaults: DeadlineSettings | undefined): string {
  if (workflow.expiryHours !== null) return `${workflow.expiryHours} h`
  const tierDefault = defaults?.defaultExpiryHours[workflow.model]
  if (tierDefault === undefined) return "tier default"
  return tierDefault === null ? "none" : `${tierDefault} h (tier default)`
}
