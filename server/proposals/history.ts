import type { ProposalHistory } from "~src/domain/history"
import { historyTimeline } from "~src/domain/history"
import { auditEntryFromRow } from "../audit/chain"
import type { Db } from "../db/connect"
import type { ProposalsTable } from "../db/schema"

/**
 * A proposal's timeline from its audit entries (who decided what, edits with before and after,
 * execution reports, reverts, pauses, cancel, expiry), plus the fields each edit sent, which
 * its decision row keeps.
 */
export async function proposalHistory(db: Db, row: ProposalsTable): Promise<ProposalHistory> {
  const entries = await db.selectFrom("audit_log").selectAll().where("proposal_id", "=", row.id).orderBy("seq").execute()
  const edits = await db.selectFrom("decisions").select(["id", "edits"]).where("proposal_id", "=", row.id).where("action", "=", "edit").execute()
  const editsById = new Map(edits.flatMap((d) => (d.edits ? [[d.id, JSON.parse(d.edits) as Record<string, unknown>] as const] : [])))
  return {
    proposalId: row.id,
    workflowId: row.workflow_id,
    status: row.status as ProposalHistory["status"],
    version: Number(row.version),
    entries: historyTimeline(entries.map(auditEntryFromRow), (id) => editsById.get(id))
  }
}
