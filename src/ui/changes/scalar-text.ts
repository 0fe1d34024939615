import type { Scalar } from "~src/domain"

/** How a field value reads in a table: empty values are shown as a dash, not as "null". */
export function scalarText(value: Scalar | undefined): string {
  if (value === null || value === undefined || value === "") return "—"
  if (typeof value === "boolean") return value ? "Yes" : "No"
  if (typeof value === "number") return value.toLocaleString("en-US")
  return value
}
