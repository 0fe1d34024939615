import type { Transaction } from "kysely"
import type { CancelRequest, Proposal, ProposalStatus } from "~src/domain"
import { applyCancel } from "~src/domain/cancellation"
import type { Services } from "../app-env"
import { appendAudit } from "../audit/chain"
import { type Caller, actorOf } from "../auth/tokens"
import type { Database, ProposalsTable } from "../db/schema"
import type { AfterCommit } from "../db/transaction"
import { conflict, notFound } from "../http/api-error"
import { ExpiryDue } from "./decide"
import { findProposalRow, loadProposal, withDecisions } from "./record"
import { insertDecision, updateProposal } from "./write"
import { changeOf } from "./change-feed"

/**
 * The proposing agent (or an admin) withdraws a proposal that has not run: it becomes
 * `cancelled`, a `cancel` decision carries the reason, and the audit log records it. One
 * transaction; a refusal (already ran, already settled) writes nothing.
 */
export async function cancelProposal(
  trx: Transaction<Database>,
  afterCommit: AfterCommit,
  services: Services,
  caller: Caller,
  proposalId: string,
  input: CancelRequest,
  visible: (row: Pick<ProposalsTable, "created_by_principal">) => boolean
): Promise<Proposal> {
  const now = services.now()
  const row = await findProposalRow(trx, proposalId)
  if (!row || !visible(row)) throw notFound(`proposal ${proposalId} not found`)
  if (row.status === "pending" && row.expires_at !== null && row.expires_at <= now.toISOString()) throw new ExpiryDue(proposalId)
  const current = async () => (await loadProposal(trx, proposalId))!

  const outcome = applyCancel(row.status as ProposalStatus)
  if (!outcome.ok) throw conflict(outcome.message, await current())
  const updated = await updateProposal(trx, row, { status: "cancelled" }, now)
  if (!updated) throw conflict("proposal changed while cancelling; fetch it again", await current())

  const actor = actorOf(caller)
  const reason = { code: "other" as const, text: input.reason }
  const decisionId = await insertDecision(trx, { proposalId, action: "cancel", actor, proposalVersion: Number(row.version), reason }, now)
  await appendAudit(trx, services.keys.chain, now, {
    event: "cancel",
    actor,
    proposalId,
    workflowId: row.workflow_id,
    data: { decisionId, reason, proposalVersion: Number(row.version), fromStatus: row.status, toStatus: "cancelled" }
  })
  await services.changes.publish(trx, afterCommit, changeOf(updated))
  const [proposal] = await withDecisions(trx, [updated])
  return proposal!
}
