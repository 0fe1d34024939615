// Type only: the launcher runs in host pages and bundles no zod.
import type { LauncherState } from "~src/local/launcher-state"

export type { LauncherState }

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

/** The launcher's small visible badge: the count, a tick, an ellipsis or a warning. */
export function launcherBadge(state: LauncherState): string {
  if (state.kind === "ready") return state.toReview > 0 ? String(state.toReview) : "✓"
  return state.kind === "loading" ? "…" : "!"
}
