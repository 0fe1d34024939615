import type { Kysely } from "kysely"
import type { ProposalCreate } from "~src/domain"
import { FEEDBACK_STATUSES, type FeedbackQuery, type FeedbackRecord, JUDGMENT_ACTIONS, feedbackRecordOf } from "~src/domain/feedback"
import type { Database } from "../db/schema"
import { withDecisions } from "../proposals/record"

/**
 * Decided proposals as feedback records, oldest decision first, fetched a page at a time (keyset on
 * the deciding moment and the id) so an export of millions never sits in memory.
 */
export async function* feedbackRecords(db: Kysely<Database>, query: FeedbackQuery, pageSize = 200): AsyncGenerator<FeedbackRecord> {
  const since = query.since === undefined ? undefined : new Date(query.since).toISOString()
  let after: { decidedAt: string; id: string } | undefined
  for (;;) {
    let page = db
      .selectFrom("decisions")
      .innerJoin("proposals", "proposals.id", "decisions.proposal_id")
      .select((eb) => ["decisions.proposal_id as id", eb.fn.max("decisions.created_at").as("decided_at")])
      .where("decisions.action", "in", [...JUDGMENT_ACTIONS])
      .where("decisions.actor_role", "!=", "policy")
      .where("proposals.status", "in", [...FEEDBACK_STATUSES])
      .groupBy("decisions.proposal_id")
      .orderBy("decided_at")
      .orderBy("decisions.proposal_id")
      .limit(pageSize)
    if (query.workflowId !== undefined) page = page.where("proposals.workflow_id", "=", query.workflowId)
    if (since !== undefined) page = page.having((eb) => eb.fn.max("decisions.created_at"), ">=", since)
    if (after !== undefined) {
      const cursor = after
      page = page.having((eb) =>
        eb.or([
          eb(eb.fn.max("decisions.created_at"), ">", cursor.decidedAt),
          eb.and([eb(eb.fn.max("decisions.created_at"), "=", cursor.decidedAt), eb("decisions.proposal_id", ">", cursor.id)])
        ])
      )
    }
    const keys = await page.execute()
    if (keys.length === 0) return
    const rows = await db
      .selectFrom("proposals")
      .selectAll()
      .where(
        "id",
        "in",
        keys.map((k) => k.id)
      )
      .execute()
    const byId = new Map(rows.map((row) => [row.id, row]))
    const proposals = new Map((await withDecisions(db, rows)).map((p) => [p.id, p]))
    for (const key of keys) {
      const proposal = proposals.get(key.id)
      const row = byId.get(key.id)
      if (!proposal || !row) continue
      const record = feedbackRecordOf(JSON.parse(row.body) as ProposalCreate, proposal)
      if (record) yield record
    }
    if (keys.length < pageSize) return
    const last = keys[keys.length - 1]!
    after = { decidedAt: String(last.decided_at), id: last.id }
  }
}
