import type { UseQueryResult } from "@tanstack/react-query"
import type { Me } from "~src/domain/me"
import { errorText } from "~src/ui/query-client"

export type AdminGate = { canEdit: true; reason: null } | { canEdit: false; reason: string }

/**
 * Whether this token may change server-side settings, and if not, the sentence that says why.
 * The server enforces roles too (403); the page just doesn't offer what would be refused.
 */
export function adminGate(me: UseQueryResult<Me>): AdminGate {
  if (me.isPending) return { canEdit: false, reason: "Checking your role…" }
  if (me.isError) return { canEdit: false, reason: `Read-only: could not confirm your role (${errorText(me.error)}). Connect with an admin token to edit.` }
  if (me.data.role === "admin") return { canEdit: true, reason: null }
  return {
    canEdit: false,
    reason: `Read-only: you are connected as ${me.data.name} with the ${me.data.role} role. Only admins change oversight settings; every change is recorded in the audit log.`
  }
}
