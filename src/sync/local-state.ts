import type { OutboxEntry } from "~src/db"
import type { LocalState } from "~src/local/local-proposal"

/**
 * The outbox is the source of truth for how the local copy of a proposal differs from the server's;
 * the `local` field on cached proposals is derived from it, so a pull never erases a queued decision
 * or an unread conflict.
 */
export function localStateByProposal(entries: readonly OutboxEntry[]): Map<string, LocalState> {
  const byProposal = new Map<string, LocalState>()
  const ordered = [...entries].sort((a, b) => (a.id ?? 0) - (b.id ?? 0))
  for (const e of ordered) {
    const state = byProposal.get(e.proposalId) ?? {}
    if (e.state === "pending") state.pendingAction = e.body.action
    if (e.state === "conflicted") state.conflict = { message: e.lastError ?? "Someone else decided first", at: e.updatedAt }
    if (e.state === "failed") state.failure = { message: e.lastError ?? "The server refused this decision", at: e.updatedAt }
    byProposal.set(e.proposalId, state)
  }
  return byProposal
}
