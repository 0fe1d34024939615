import type { Proposal } from "~src/domain"
import type { DailySummary } from "~src/domain/api-responses"
import type { Db } from "../db/connect"
import { listWorkflows } from "../workflows/store"

type Item = DailySummary["workflows"][number]["executed"][number]

/**
 * What ran on one UTC day, per workflow — the monitor model's daily summary. Read from the audit
 * log, which records every execution, auto-approval and revert at the moment it happened.
 */
export async function dailySummary(db: Db, date: string): Promise<DailySummary> {
  const from = `${date}T00:00:00.000Z`
  const to = new Date(Date.parse(from) + 86_400_000).toISOString()
  const events = await db
    .selectFrom("audit_log")
    .selectAll()
    .where("event", "in", ["execution", "auto_approval", "revert"])
    .where("at", ">=", from)
    .where("at", "<", to)
    .orderBy("seq")
    .execute()
  const ids = [...new Set(events.flatMap((e) => (e.proposal_id ? [e.proposal_id] : [])))]
  const proposals = ids.length
    ? await db.selectFrom("proposals").select(["id", "body"]).where("id", "in", ids).execute()
    : []
  const bodies = new Map(proposals.map((p) => [p.id, JSON.parse(p.body) as Pick<Proposal, "title" | "target">]))

  const workflows = await listWorkflows(db)
  return {
    date,
    workflows: workflows.map((w) => {
      const entry = { workflowId: w.id, name: w.name, model: w.model, paused: w.paused, executed: [] as Item[], autoApproved: [] as Item[], reverted: [] as Item[], failed: [] as Item[] }
      for (const e of events) {
        if (e.workflow_id !== w.id || !e.proposal_id) continue
        const body = bodies.get(e.proposal_id)
        if (!body) continue
        const data = JSON.parse(e.data) as { outcome?: string; detail?: string | null; rule?: string; reason?: { text?: string } | null }
        const item: Item = {
          proposalId: e.proposal_id,
          title: body.title,
          target: body.target,
          at: e.at,
          actor: { name: e.actor_name, role: e.actor_role },
          detail: data.detail ?? data.rule ?? data.reason?.text ?? null
        }
        if (e.event === "auto_approval") entry.autoApproved.push(item)
        else if (e.event === "revert") entry.reverted.push(item)
        else if (data.outcome === "executed") entry.executed.push(item)
        else if (data.outcome === "failed") entry.failed.push(item)
      }
      return entry
    })
  }
}
