import type { LocalProposal } from "./local-proposal"

/** Proposals that still need this reviewer: pending, with no decision already waiting to be sent (the launcher's count, the panel's order). */
export const needsReview = (p: Pick<LocalProposal, "status" | "local">): boolean => p.status === "pending" && !p.local?.pendingAction
