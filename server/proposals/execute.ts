import type { ExecutionReport, Proposal, ProposalReview, ProposalStatus } from "~src/domain"
import { applyExecutionReport } from "~src/domain/oversight"
import type { Services } from "../app-env"
import { appendAudit } from "../audit/chain"
import { type Caller, actorOf } from "../auth/tokens"
import { inTransaction } from "../db/transaction"
import { ApiError, conflict, notFound } from "../http/api-error"
import { findProposalRow, loadProposal } from "./record"
import { updateProposal } from "./write"
import type { ProposalsTable } from "../db/schema"
import { changeOf } from "./change-feed"

/** Why a proposal that was cleared to run waits for a person again. */
const TARGET_CHANGED_REVIEW: ProposalReview = {
  outcome: "pending",
  reason: "target_changed",
  text: "the target changed since the proposal was made: back to a person, on the target as it is now"
}

/**
 * The agent reports what it did. Refusals (not approved, stale content) write nothing. A changed
 * target is the exception: the proposal goes back to pending as a new version (committed), and
 * the agent still gets a 409 `target_changed` with that new state.
 */
export async function reportExecution(
  services: Services,
  caller: Caller,
  proposalId: string,
  report: ExecutionReport,
  visible: (row: ProposalsTable) => boolean
): Promise<Proposal> {
  const result = await inTransaction(services.db, async (trx, afterCommit) => {
    const now = services.now()
    const row = await findProposalRow(trx, proposalId)
    if (!row || !visible(row)) throw notFound(`proposal ${proposalId} not found`)
    const outcome = applyExecutionReport(
      { status: row.status as ProposalStatus, contentHash: row.content_hash, baseSnapshotHash: row.base_snapshot_hash },
      report
    )
    const actor = actorOf(caller)
    if (!outcome.ok && outcome.code !== "target_changed") throw conflict(outcome.message, (await loadProposal(trx, proposalId))!, outcome.code)

    const changes = outcome.ok
      ? { status: outcome.status }
      : {
          // Back to a human, on the target as it is now; earlier approvals covered another state.
          status: "pending",
          approvers: "[]",
          content_hash: null,
          base_snapshot_hash: report.snapshotHash ?? null,
          review: JSON.stringify(TARGET_CHANGED_REVIEW)
        }
    const updated = await updateProposal(trx, row, changes, now)
    if (!updated) throw conflict("proposal changed while reporting; fetch it again", (await loadProposal(trx, proposalId))!)
    await appendAudit(trx, services.keys.chain, now, {
      event: "execution",
      actor,
      proposalId,
      workflowId: row.workflow_id,
      data: {
        outcome: outcome.ok ? report.outcome : "target_changed",
        contentHash: report.contentHash,
        snapshotHash: report.snapshotHash ?? null,
        baseSnapshotHash: row.base_snapshot_hash,
        detail: report.detail ?? null,
        fromStatus: row.status,
        toStatus: changes.status
      }
    })
    await services.changes.publish(trx, afterCommit, changeOf(updated))
    const proposal = (await loadProposal(trx, proposalId))!
    return outcome.ok ? { proposal } : { proposal, refusal: outcome.message }
  })
  if (result.refusal !== undefined) throw new ApiError(409, "target_changed", result.refusal, { proposal: result.proposal })
  return result.proposal
}
