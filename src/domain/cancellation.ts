import { z } from "zod"
import type { ProposalStatus } from "./proposal"

/** POST /v1/proposals/:id/cancel body: why the agent withdraws its proposal (kept on the record and in the audit log). */
export const CancelRequest = z.strictObject({
  reason: z.string().trim().min(1).max(2_000)
})
export type CancelRequest = z.infer<typeof CancelRequest>

/** A proposal can be withdrawn until something ran: while it waits, or once cleared to run but not yet run. */
export const CANCELLABLE_STATUSES: readonly ProposalStatus[] = ["pending", "approved", "auto_approved"]

export type CancelOutcome = { ok: true } | { ok: false; message: string }

/** Withdrawing is refused once the change ran, failed, or was already settled otherwise (409). */
export function applyCancel(status: ProposalStatus): CancelOutcome {
  if (CANCELLABLE_STATUSES.includes(status)) return { ok: true }
  return { ok: false, message: `proposal is ${status}; only pending, approved or auto-approved proposals can be cancelled` }
}
