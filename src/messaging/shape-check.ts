/**
 * A few structural checks for the content scripts' light validation (panel-contract.ts), written
 * out instead of zod: Plasmo's Parcel bundles the content scripts without tree-shaking packages, so
 * any zod entry point, `zod/mini` included, brings all of zod with its locales (~500 KiB) into a
 * script that loads on every page of the user's marketing platform. Extension pages and the
 * background keep the full zod contract (messages.ts).
 *
 * A check records what is wrong at a path; it never transforms or copies the value.
 */
export type ShapeCheck = (value: unknown, path: string, issues: string[]) => void

const at = (path: string) => path || "answer"
const typeName = (value: unknown) => (value === null ? "null" : Array.isArray(value) ? "array" : typeof value)

const primitive =
  (expected: "string" | "number" | "boolean"): ShapeCheck =>
  (value, path, issues) => {
    if (typeof value !== expected || (expected === "number" && !Number.isFinite(value)))
      issues.push(`${at(path)}: expected ${expected}, got ${typeName(value)}`)
  }

export const string = primitive("string")
export const number = primitive("number")
export const boolean = primitive("boolean")

export const oneOf =
  (allowed: readonly string[]): ShapeCheck =>
  (value, path, issues) => {
    if (typeof value !== "string" || !allowed.includes(value)) issues.push(`${at(path)}: expected one of ${allowed.join("|")}, got ${JSON.stringify(value)}`)
  }

export const optional =
  (check: ShapeCheck): ShapeCheck =>
  (value, path, issues) => {
    if (value !== undefined) check(value, path, issues)
  }

export const nullable =
  (check: ShapeCheck): ShapeCheck =>
  (value, path, issues) => {
    if (value !== null) check(value, path, issues)
  }

export const array =
  (item: ShapeCheck): ShapeCheck =>
  (value, path, issues) => {
    if (!Array.isArray(value)) return void issues.push(`${at(path)}: expected array, got ${typeName(value)}`)
    value.forEach((element, i) => item(element, `${path}[${i}]`, issues))
  }

/** The named fields are checked; other fields pass through unchecked (validated upstream). */
export const object =
  (shape: Record<string, ShapeCheck>): ShapeCheck =>
  (value, path, issues) => {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return void issues.push(`${at(path)}: expected object, got ${typeName(value)}`)
    const record = value as Record<string, unknown>
    for (const [key, check] of Object.entries(shape)) check(record[key], path ? `${path}.${key}` : key, issues)
  }

/** The problems found, at most `limit` of them; empty when the value has the shape. */
export function shapeIssues(check: ShapeCheck, value: unknown, limit = 5): string[] {
  const issues: string[] = []
  check(value, "", issues)
  return issues.slice(0, limit)
}
