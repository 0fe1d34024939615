/**
 * A few structural checks for answers that are not parsed with zod: the content scripts' light
 * validation (panel-contract.ts) and the popup's 10,000-entry queue (queue-contract.ts). Written
 * out instead of zod because Plasmo's Parcel bundles the content scripts without tree-shaking
 * packages, so any zod entry point, `zod/mini` included, brings all of zod with its locales
 * (~500 KiB) into a script that loads on every page of the user's marketing platform.
 *
 * A check never transforms or copies the value. `test` is the fast path (no strings built, no
 * allocation per element); `explain` walks again only when `test` failed, to say where.
 */
export interface ShapeCheck {
  test(value: unknown): boolean
  explain(value: unknown, path: string, issues: string[]): void
}

const at = (path: string) => path || "answer"
const typeName = (value: unknown): string => (value === null ? "null" : Array.isArray(value) ? "array" : typeof value)

function leaf(expected: string, test: (value: unknown) => boolean, describe = (value: unknown) => typeName(value)): ShapeCheck {
  return {
    test,
    explain: (value, path, issues) => {
      if (!test(value)) issues.push(`${at(path)}: expected ${expected}, got ${describe(value)}`)
    }
  }
}

export const string = leaf("string", (v) => typeof v === "string")
export const number = leaf("number", (v) => typeof v === "number" && Number.isFinite(v))
/** A whole number ≥ 0 (zod's `z.int().min(0)`): counts, versions. */
export const count = leaf("count", (v) => typeof v === "number" && Number.isSafeInteger(v) && v >= 0)
export const boolean = leaf("boolean", (v) => typeof v === "boolean")

export const oneOf = (allowed: readonly string[]): ShapeCheck =>
  leaf(
    `one of ${allowed.join("|")}`,
    (v) => typeof v === "string" && allowed.includes(v),
    (v) => JSON.stringify(v) ?? "undefined"
  )

export const optional = (check: ShapeCheck): ShapeCheck => ({
  test: (value) => value === undefined || check.test(value),
  explain: (value, path, issues) => value !== undefined && check.explain(value, path, issues)
})

export const nullable = (check: ShapeCheck): ShapeCheck => ({
  test: (value) => value === null || check.test(value),
  explain: (value, path, issues) => value !== null && check.explain(value, path, issues)
})

export const array = (item: ShapeCheck): ShapeCheck => ({
  test: (value) => {
    if (!Array.isArray(value)) return false
    for (const element of value) if (!item.test(element)) return false
    return true
  },
  explain: (value, path, issues) => {
    if (!Array.isArray(value)) return void issues.push(`${at(path)}: expected array, got ${typeName(value)}`)
    value.forEach((element, i) => item.explain(element, `${path}[${i}]`, issues))
  }
})

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value)

/** The named fields are checked; other fields pass through unchecked (validated upstream). */
export const object = (shape: Record<string, ShapeCheck>): ShapeCheck => {
  const fields = Object.entries(shape)
  return {
    test: (value) => {
      if (!isRecord(value)) return false
      for (const [key, check] of fields) if (!check.test(value[key])) return false
      return true
    },
    explain: (value, path, issues) => {
      if (!isRecord(value)) return void issues.push(`${at(path)}: expected object, got ${typeName(value)}`)
      for (const [key, check] of fields) check.explain(value[key], path ? `${path}.${key}` : key, issues)
    }
  }
}

/** The problems found, at most `limit` of them; empty when the value has the shape. */
export function shapeIssues(check: ShapeCheck, value: unknown, limit = 5): string[] {
  if (check.test(value)) return []
  const issues: string[] = []
  check.explain(value, "", issues)
  return issues.slice(0, limit)
}
