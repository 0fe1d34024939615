import { WorkflowScope } from "~src/domain/principal"

/** "email-copy, enrich" → those workflows; "*" or empty → any. */
export function parseWorkflowScope(text: string): { ok: true; scope: WorkflowScope } | { ok: false; message: string } {
  const trimmed = text.trim()
  if (trimmed === "" || trimmed === "*") return { ok: true, scope: "*" }
  const parsed = WorkflowScope.safeParse(
    trimmed
      .split(",")
      .map((w) => w.trim())
      .filter(Boolean)
  )
  return parsed.success
    ? { ok: true, scope: parsed.data }
    : { ok: false, message: "Workflow ids are letters, digits, '.', '_' and '-', separated by commas (or * for any)" }
}

/** "30" (days) → an ISO date that far from now; "" → null (never); anything else → undefined (invalid). */
export function expiryFromNow(days: string, now: Date): string | null | undefined {
  if (days.trim() === "") return null
  const n = Number(days)
  if (!Number.isInteger(n) || n < 1 || n > 3650) return undefined
  return new Date(now.getTime() + n * 86_400_000).toISOString()
}
