import { Change } from "./changes"

export type EditResult = { ok: true; change: Change } | { ok: false; issues: Array<{ path: Array<string | number>; message: string }> }

/**
 * A reviewer's edit: top-level fields of `edits` replace those of the current change (arrays and
 * nested objects are replaced whole, which is what an edit form sends). The kind cannot change,
 * and the result must still be a valid change of that kind.
 */
export function applyEdits(current: Change, edits: Record<string, unknown>): EditResult {
  if ("kind" in edits && edits.kind !== current.kind)
    return { ok: false, issues: [{ path: ["edits", "kind"], message: `an edit cannot change the kind (${current.kind})` }] }
  const parsed = Change.safeParse({ ...current, ...edits, kind: current.kind })
  if (parsed.success) return { ok: true, change: parsed.data }
  return {
    ok: false,
    issues: parsed.error.issues.map((issue) => ({
      path: ["edits", ...issue.path.filter((p): p is string | number => typeof p !== "symbol")],
      message: issue.message
    }))
  }
}
