/**
 * A date range from two <input type="date"> values, as the audit endpoint's `from`/`to`
 * query: local midnight of the first day to the end of the last day, as UTC ISO instants.
 * Empty inputs leave that side open.
 */
export function auditQuery(format: "jsonl" | "csv", fromDay: string, toDay: string): string {
  const params = new URLSearchParams({ format })
  if (fromDay) params.set("from", new Date(`${fromDay}T00:00:00`).toISOString())
  if (toDay) params.set("to", new Date(`${toDay}T23:59:59.999`).toISOString())
  return `/v1/audit?${params.toString()}`
}

export function auditFileName(format: "jsonl" | "csv", fromDay: string, toDay: string): string {
  return `signoff-audit${fromDay ? `-from-${fromDay}` : ""}${toDay ? `-to-${toDay}` : ""}.${format}`
}
