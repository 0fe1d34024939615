/**
 * GET /v1/feedback for a workflow (empty: all) and a first day (empty: from the start), the day
 * read as local midnight like the audit export's range.
 */
export function feedbackQuery(workflowId: string, sinceDay: string): string {
  const params = new URLSearchParams()
  if (workflowId) params.set("workflowId", workflowId)
  if (sinceDay) params.set("since", new Date(`${sinceDay}T00:00:00`).toISOString())
  const query = params.toString()
  return `/v1/feedback${query ? `?${query}` : ""}`
}

export function feedbackFileName(workflowId: string, sinceDay: string): string {
  return `signoff-feedback${workflowId ? `-${workflowId}` : ""}${sinceDay ? `-since-${sinceDay}` : ""}.jsonl`
}

/** Records in a JSONL export: its non-empty lines. */
export const jsonlRecords = (text: string): number => text.split("\n").filter((line) => line.trim() !== "").length
