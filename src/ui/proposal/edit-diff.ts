import type { Change } from "~src/domain/changes"

/** One value a reviewer's edit changed, as text for a word diff. */
export interface EditedValue {
  /** Where it is, for people: "after", "changes › Job title › after". */
  path: string
  before: string
  after: string
}

/** Keys that name an element of a change's lists, in order of preference: the label reads better than an index. */
const NAMING_KEYS = ["label", "field", "attribute", "stepId", "recordId", "name", "id"] as const

function elementName(element: unknown, index: number): string {
  if (element && typeof element === "object")
    for (const key of NAMING_KEYS) {
      const value = (element as Record<string, unknown>)[key]
      if (typeof value === "string" && value !== "") return value
    }
  return `#${index + 1}`
}

const asText = (value: unknown): string => (value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value))

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value)

function walk(before: unknown, after: unknown, path: string[], out: EditedValue[]): void {
  if (JSON.stringify(before) === JSON.stringify(after)) return
  if (isObject(before) && isObject(after)) {
    const keys = [...Object.keys(before), ...Object.keys(after).filter((k) => !(k in before))]
    for (const key of keys) walk(before[key], after[key], [...path, key], out)
    return
  }
  // Lists of the same length are compared element by element (an edit form changes values, not the list).
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    before.forEach((element, i) => walk(element, after[i], [...path, elementName(element, i)], out))
    return
  }
  out.push({ path: path.join(" › ") || "change", before: asText(before), after: asText(after) })
}

/**
 * What a reviewer's edit changed in the agent's change: each value that differs, with its path,
 * so a co-approver sees the edit as a diff against the agent's original. Works for every change
 * kind (an edit replaces top-level fields; lists are compared element by element when their
 * length is kept).
 */
export function editedValues(original: Change, edited: Change): EditedValue[] {
  const out: EditedValue[] = []
  walk(original, edited, [], out)
  return out
}
