import type { Entity } from "~src/context/entity"
import type { LocalProposal, SyncStatus } from "~src/messaging/messages"

export type LauncherState =
  | { kind: "unreadable" }
  | { kind: "loading" }
  | { kind: "unreachable" }
  | { kind: "not-configured" }
  | { kind: "ready"; toReview: number }

/** Proposals that still need this reviewer: pending, with no decision already waiting to be sent. */
export const needsReview = (p: LocalProposal): boolean => p.status === "pending" && !p.local?.pendingAction

export function launcherState(
  entity: Entity | null,
  query: { isPending: boolean; isError: boolean; data?: { proposals: LocalProposal[]; status: SyncStatus } }
): LauncherState {
  if (!entity) return { kind: "unreadable" }
  if (query.isError) return { kind: "unreachable" }
  if (!query.data) return { kind: "loading" }
  if (!query.data.status.configured) return { kind: "not-configured" }
  return { kind: "ready", toReview: query.data.proposals.filter(needsReview).length }
}

/** The launcher's accessible name; it always starts with "Signoff" (the UI contract e2e tests rely on). */
export function launcherLabel(state: LauncherState): string {
  switch (state.kind) {
    case "unreadable":
      return "Signoff: can't read this page"
    case "loading":
      return "Signoff: loading proposals"
    case "unreachable":
    case "not-configured":
      return "Signoff: not connected"
    case "ready":
      return state.toReview === 0 ? "Signoff: no proposals to review" : `Signoff: ${state.toReview} proposal${state.toReview === 1 ? "" : "s"}`
  }
}
