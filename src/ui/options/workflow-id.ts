import { WorkflowId } from "~src/domain/proposal"

/** "Lead scoring (EMEA)" → "lead-scoring-emea": a workflow id agents can type. */
export function workflowIdFromName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[^a-z0-9]+|-+$/g, "")
    .slice(0, 100)
}

export function isValidWorkflowId(id: string): boolean {
  return WorkflowId.safeParse(id).success
}
