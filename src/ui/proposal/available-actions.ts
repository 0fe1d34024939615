import type { Workflow } from "~src/domain"
import { isEditable } from "~src/ui/changes/registry"
import type { LocalProposal } from "~src/local/local-proposal"

export type PanelAction = "approve" | "reject" | "edit" | "revert" | "pause"

/**
 * What a reviewer can do with a proposal right now. Pending items are decided (approve,
 * reject, edit where the change kind has an editor); items a monitor-model workflow already
 * executed can be reverted or have their workflow paused. A decision already waiting in the
 * outbox blocks a second one until it is sent.
 */
export function availableActions(proposal: LocalProposal, workflow: Workflow | undefined): PanelAction[] {
  if (proposal.local?.pendingAction) return []
  if (proposal.status === "pending") {
    // A quorum counts distinct people: whoever approved this version is not offered Approve again.
    const decide: PanelAction[] = proposal.local?.alreadyApproved ? ["reject"] : ["approve", "reject"]
    return isEditable(proposal.change) ? [...decide, "edit"] : decide
  }
  if (proposal.status === "executed" && workflow?.model === "monitor") return workflow.paused ? ["revert"] : ["revert", "pause"]
  return []
}
