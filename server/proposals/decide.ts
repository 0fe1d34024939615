import type { Transaction } from "kysely"
import type { DecisionCreate, Proposal } from "~src/domain"
import type { DecisionResult } from "~src/domain/api-responses"
import { applyEdits } from "~src/domain/edits"
import { applyReview } from "~src/domain/oversight"
import type { Services } from "../app-env"
import { type AuditRecord, appendAudit } from "../audit/chain"
import { type Caller, actorOf } from "../auth/tokens"
import type { Database } from "../db/schema"
import type { AfterCommit } from "../db/transaction"
import { canonicalHash } from "~sdk/src/hash"
import { badRequest, conflict, notFound } from "../http/api-error"
import { pauseWorkflow } from "../workflows/store"
import { approversOf, effectiveChange, findProposalRow, loadProposal, withDecisions } from "./record"
import { insertDecision, updateProposal } from "./write"
import { changeOf } from "./change-feed"

/**
 * The proposal is pending but past its expiry: it must be expired first (its own audited write,
 * which a rolled-back decision must not take with it); deciding it then answers 409.
 */
export class ExpiryDue extends Error {
  constructor(readonly proposalId: string) {
    super(`proposal ${proposalId} is past its expiry`)
  }
}

/**
 * One human decision, in one transaction: check the version the reviewer saw, apply the
 * oversight model, store the decision, bump version + seq, pause the workflow if asked, audit.
 */
export async function decideProposal(
  trx: Transaction<Database>,
  afterCommit: AfterCommit,
  services: Services,
  caller: Caller,
  proposalId: string,
  input: DecisionCreate
): Promise<DecisionResult> {
  const now = services.now()
  const row = await findProposalRow(trx, proposalId)
  if (!row) throw notFound(`proposal ${proposalId} not found`)
  const current = async () => (await loadProposal(trx, proposalId))!
  if (row.status === "pending" && row.expires_at !== null && row.expires_at <= now.toISOString()) throw new ExpiryDue(proposalId)

  if (Number(row.version) !== input.proposalVersion)
    throw conflict(`proposal is at version ${row.version}, not ${input.proposalVersion}; review the current state`, await current())

  const outcome = applyReview(
    { status: row.status as Proposal["status"], quorum: Number(row.quorum), approvers: approversOf(row) },
    input.action,
    caller.principalId
  )
  if (!outcome.ok) throw conflict(outcome.message, await current())

  const before = effectiveChange(row)
  let editedChange: string | null = row.edited_change
  if (input.action === "edit") {
    const edited = applyEdits(before, input.edits ?? {})
    if (!edited.ok) throw badRequest(`the edit does not make a valid ${before.kind} change`, edited.issues)
    editedChange = JSON.stringify(edited.change)
  }
  const after = editedChange ? (JSON.parse(editedChange) as typeof before) : before
  const approvedNow = outcome.status === "approved" && row.status !== "approved"
  const contentHash = approvedNow ? canonicalHash(after) : row.content_hash

  const updated = await updateProposal(
    trx,
    row,
    {
      status: outcome.status,
      approvers: JSON.stringify(outcome.approvers),
      edited_change: editedChange,
      // The approval binds to exactly this content (approval binding, src/domain/oversight.ts).
      content_hash: contentHash
    },
    now
  )
  if (!updated) throw conflict("proposal changed while deciding; review the current state", await current())

  const actor = actorOf(caller)
  const decisionId = await insertDecision(
    trx,
    {
      proposalId,
      action: input.action,
      actor,
      proposalVersion: input.proposalVersion,
      reason: input.reason,
      edits: input.edits,
      reviewMs: input.reviewMs
    },
    now
  )

  let workflowPaused = false
  if (outcome.pausesWorkflow) workflowPaused = await pauseWorkflow(trx, row.workflow_id, now)

  const audit: AuditRecord = {
    event: input.action === "revert" ? "revert" : input.action === "pause" ? "pause" : "decision",
    actor,
    proposalId,
    workflowId: row.workflow_id,
    data: {
      action: input.action,
      decisionId,
      reason: input.reason ?? null,
      reviewMs: input.reviewMs ?? null,
      proposalVersion: input.proposalVersion,
      fromStatus: row.status,
      toStatus: outcome.status,
      approvals: outcome.approvers.length,
      quorum: Number(row.quorum),
      ...(input.action === "edit" ? { before, after } : {}),
      ...(approvedNow ? { contentHash } : {}),
      ...(outcome.pausesWorkflow ? { workflowPaused: true, alreadyPaused: !workflowPaused } : {})
    }
  }
  await appendAudit(trx, services.keys.chain, now, audit)

  await services.changes.publish(trx, afterCommit, changeOf(updated))
  const [proposal] = await withDecisions(trx, [updated])
  const decision = proposal!.decisions.find((d) => d.id === decisionId)!
  return { proposal: proposal!, decision }
}
