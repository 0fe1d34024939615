import type { Services } from "../app-env"
import { appendAudit } from "../audit/chain"
import { inTransaction } from "../db/transaction"
import { POLICY_ACTOR } from "./create"
import { insertDecision, updateProposal } from "./write"
import { changeOf } from "./change-feed"

const EXPIRY_RULE = "pending past its expiry (expiresAt or the workflow's expiryHours): expired, never approved"

/**
 * Expires pending proposals whose time has passed — all of them (the periodic sweep) or one
 * (lazily, before it is read or decided). Each expiry is its own small transaction, audited.
 * Returns how many expired.
 */
export async function expireDue(services: Services, onlyId?: string): Promise<number> {
  const now = services.now()
  const nowIso = now.toISOString()
  let query = services.db
    .selectFrom("proposals")
    .select("id")
    .where("status", "=", "pending")
    .where("expires_at", "is not", null)
    .where("expires_at", "<=", nowIso)
  if (onlyId !== undefined) query = query.where("id", "=", onlyId)
  const due = await query.limit(1_000).execute()
  let expired = 0
  for (const { id } of due) {
    const done = await inTransaction(services.db, async (trx, afterCommit) => {
      const row = await trx.selectFrom("proposals").selectAll().where("id", "=", id).executeTakeFirst()
      // Re-checked inside the transaction: a reviewer may have decided it a moment ago.
      if (!row || row.status !== "pending" || row.expires_at === null || row.expires_at > nowIso) return false
      const updated = await updateProposal(trx, row, { status: "expired" }, now)
      if (!updated) return false
      await insertDecision(trx, { proposalId: id, action: "expire", actor: POLICY_ACTOR, proposalVersion: Number(row.version), rule: EXPIRY_RULE }, now)
      await appendAudit(trx, services.keys.chain, now, {
        event: "expiry",
        actor: POLICY_ACTOR,
        proposalId: id,
        workflowId: row.workflow_id,
        data: { rule: EXPIRY_RULE, expiresAt: row.expires_at, approvals: JSON.parse(row.approvers).length }
      })
      await services.changes.publish(trx, afterCommit, changeOf(updated))
      return true
    })
    if (done) expired++
  }
  return expired
}
