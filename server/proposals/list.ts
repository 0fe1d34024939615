import type { Proposal } from "~src/domain"
import type { ProposalListQuery, ProposalPage } from "~src/domain/api-responses"
import type { Db } from "../db/connect"
import { withDecisions } from "./record"

/**
 * Newest first (ULIDs sort by creation time); the cursor is the last id of the previous page.
 * `createdByPrincipal` narrows the list to one principal's proposals (an agent sees only its own, whichever of its tokens made them).
 */
export async function listProposals(db: Db, query: ProposalListQuery, createdByPrincipal?: string): Promise<ProposalPage> {
  let select = db
    .selectFrom("proposals")
    .selectAll()
    .orderBy("id", "desc")
    .limit(query.limit + 1)
  if (createdByPrincipal !== undefined) select = select.where("created_by_principal", "=", createdByPrincipal)
  if (query.status) select = select.where("status", "=", query.status)
  if (query.workflowId) select = select.where("workflow_id", "=", query.workflowId)
  if (query.platform) select = select.where("platform", "=", query.platform)
  if (query.targetKind) select = select.where("target_kind", "=", query.targetKind)
  if (query.targetId) select = select.where("target_id", "=", query.targetId)
  if (query.cursor) select = select.where("id", "<", query.cursor)
  const rows = await select.execute()
  const page = rows.slice(0, query.limit)
  const items: Proposal[] = await withDecisions(db, page)
  return { items, nextCursor: rows.length > query.limit ? page[page.length - 1]!.id : null }
}
