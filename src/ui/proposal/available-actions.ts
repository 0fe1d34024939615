import type { Workflow } from "~src/domain"
import { isEditable } from "~src/ui/changes/registry"
import type { LocalProposal } from "~src/local/local-proposal"

export type PanelAction = "approve" | "reject" | "edit" | "revert" | "pause"

/**
 * It ran (or was cleared to run) without a person under the monitor or exception model: the
 * server's policy auto-approved it, or its workflow runs under one of those models. An item a
 * person approved under the approve model is theirs to have checked: no one-click undo here.
 */
export function ranUnderPolicy(proposal: Pick<LocalProposal, "status" | "review" | "decisions">, workflow: Workflow | undefined): boolean {
  if (proposal.status !== "auto_approved" && proposal.status !== "executed") return false
  const autoApproved =
    proposal.status === "auto_approved" || proposal.review?.outcome === "auto_approved" || proposal.decisions.some((d) => d.action === "auto_approve")
  return autoApproved || workflow?.model === "monitor" || workflow?.model === "exception"
}

/**
 * What a reviewer can do with a proposal right now. Pending items are decided (approve,
 * reject, edit where the change kind has an editor); items that ran under the monitor or
 * exception model (auto-approved or executed) can be reverted or have their workflow paused.
 * A decision already waiting in the outbox blocks a second one until it is sent.
 */
export function availableActions(proposal: LocalProposal, workflow: Workflow | undefined): PanelAction[] {
  if (proposal.local?.pendingAction) return []
  if (proposal.status === "pending") {
    // A quorum counts distinct people: whoever approved this version is not offered Approve again.
    const decide: PanelAction[] = proposal.local?.alreadyApproved ? ["reject"] : ["approve", "reject"]
    return isEditable(proposal.editedChange ?? proposal.change) ? [...decide, "edit"] : decide
  }
  if (ranUnderPolicy(proposal, workflow)) return workflow?.paused ? ["revert"] : ["revert", "pause"]
  return []
}
