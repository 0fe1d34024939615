/** One CSV field, RFC 4180 quoting: wrapped in quotes when needed, quotes inside doubled. */
export function csvField(value: string | number | null): string {
  const text = value === null ? "" : String(value)
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** One CSV line (CRLF-terminated, as RFC 4180 has it) of `columns` taken from `row`. */
export function csvLine<K extends string>(columns: readonly K[], row: Record<K, string | number | null>): string {
  return `${columns.map((column) => csvField(row[column])).join(",")}\r\n`
}
