/**
 * Canonical JSON: object keys sorted by code unit at every depth, no whitespace, `undefined`
 * members dropped (as JSON.stringify does). Two values that mean the same thing serialize to the
 * same string, so hashes of them (approval binding, audit chain) do not depend on key order.
 */
export function canonicalJson(value: unknown): string {
  const serialized = serialize(value)
  if (serialized === undefined) throw new TypeError("canonicalJson: value is not representable as JSON")
  return serialized
}

function serialize(value: unknown): string | undefined {
  if (value === null) return "null"
  switch (typeof value) {
    case "string":
    case "boolean":
      return JSON.stringify(value)
    case "number":
      // NaN and ±Infinity have no JSON form; refusing them beats silently hashing "null".
      if (!Number.isFinite(value)) throw new TypeError("canonicalJson: non-finite number")
      return JSON.stringify(value)
    case "undefined":
    case "function":
    case "symbol":
      return undefined
    case "bigint":
      throw new TypeError("canonicalJson: bigint is not JSON")
  }
  if (Array.isArray(value)) return `[${value.map((item) => serialize(item) ?? "null").join(",")}]`
  if (value instanceof Date) return JSON.stringify(value.toISOString())
  const record = value as Record<string, unknown>
  const members: string[] = []
  for (const key of Object.keys(record).sort()) {
    const member = serialize(record[key])
    if (member !== undefined) members.push(`${JSON.stringify(key)}:${member}`)
  }
  return `{${members.join(",")}}`
}
