import type { ProposalCreate, ProposalStatus, Workflow } from "~src/domain"
import { isRevertible } from "~src/domain/oversight"
import { ProposalReview } from "~src/domain/review"
import { type DailySummary, type EscalatedItem, type SummaryItem, type WorkflowSummary, isEscalation, spotCheckSample } from "~src/domain/summary"
import type { AuditChainKey } from "../audit/keys"
import type { Db } from "../db/connect"
import type { AuditLogTable } from "../db/schema"
import { listWorkflows } from "../workflows/store"

const ID_CHUNK = 500

interface ProposalNow {
  body: Pick<ProposalCreate, "title" | "target">
  version: number
  status: ProposalStatus
}

type EventData = {
  outcome?: string
  detail?: string | null
  rule?: string
  status?: string
  reason?: { text?: string } | null
  review?: unknown
}

/**
 * What ran on one UTC day, per workflow — the daily summary of the monitor and exception models:
 * executed, auto-approved, failed, reverted, what was escalated to a person, and the day's
 * spot-check sample. Read from the audit log, which records each of these at the moment it
 * happened; each item carries the proposal as it stands now (version, status), what Revert needs.
 *
 * `sampleKey` ranks the spot-check (HMAC of day, workflow and proposal): stable all day, and an
 * agent cannot tell which of its items will be looked at.
 */
export async function dailySummary(db: Db, sampleKey: AuditChainKey, date: string): Promise<DailySummary> {
  const from = `${date}T00:00:00.000Z`
  const to = new Date(Date.parse(from) + 86_400_000).toISOString()
  const events = await db
    .selectFrom("audit_log")
    .selectAll()
    .where("event", "in", ["proposal.created", "execution", "auto_approval", "revert"])
    .where("at", ">=", from)
    .where("at", "<", to)
    .orderBy("seq")
    .execute()
  const ids = [...new Set(events.flatMap((e) => (e.proposal_id ? [e.proposal_id] : [])))]
  const proposals = new Map<string, ProposalNow>()
  // In chunks: a busy monitor workflow runs more items a day than SQLite binds parameters in one statement.
  for (let i = 0; i < ids.length; i += ID_CHUNK) {
    const rows = await db
      .selectFrom("proposals")
      .select(["id", "body", "version", "status"])
      .where("id", "in", ids.slice(i, i + ID_CHUNK))
      .execute()
    for (const p of rows)
      proposals.set(p.id, { body: JSON.parse(p.body) as ProposalNow["body"], version: Number(p.version), status: p.status as ProposalStatus })
  }

  const eventsOf = new Map<string, AuditLogTable[]>()
  for (const e of events) {
    if (e.workflow_id === null || e.proposal_id === null) continue
    const list = eventsOf.get(e.workflow_id)
    if (list) list.push(e)
    else eventsOf.set(e.workflow_id, [e])
  }

  const workflows = await listWorkflows(db)
  return {
    date,
    workflows: workflows.map((w) =>
      workflowSummary(w, eventsOf.get(w.id) ?? [], proposals, (proposalId) => sampleKey.sign(`spot-check\u0000${date}\u0000${w.id}\u0000${proposalId}`))
    )
  }
}

/** One workflow's day, from its audit events of that day (in seq order). */
function workflowSummary(
  workflow: Workflow,
  events: readonly AuditLogTable[],
  proposals: ReadonlyMap<string, ProposalNow>,
  rank: (proposalId: string) => string
): WorkflowSummary {
  const executed: SummaryItem[] = []
  const autoApproved: SummaryItem[] = []
  const reverted: SummaryItem[] = []
  const failed: SummaryItem[] = []
  const escalated: EscalatedItem[] = []
  // What ran (auto-approved or executed, and not then failed or sent back), one item per
  // proposal (its latest run that day), in the order it first ran: the spot-check's population.
  const ran = new Map<string, SummaryItem>()
  for (const e of events) {
    const proposal = proposals.get(e.proposal_id!)
    if (!proposal) continue
    const data = JSON.parse(e.data) as EventData
    const item = summaryItem(e, proposal, data.detail ?? data.rule ?? data.reason?.text ?? null)
    if (e.event === "proposal.created") {
      const held = escalation(item, data)
      if (held) escalated.push(held)
    } else if (e.event === "auto_approval") {
      autoApproved.push(item)
      ran.set(item.proposalId, item)
    } else if (e.event === "revert") reverted.push(item)
    else if (data.outcome === "executed") {
      executed.push(item)
      ran.set(item.proposalId, item)
    } else if (data.outcome === "failed") {
      // Cleared to run but it did not (failed, or back to a person): nothing of it to check.
      failed.push(item)
      ran.delete(item.proposalId)
    } else if (data.outcome === "target_changed") {
      escalated.push({ ...item, reason: "target_changed" })
      ran.delete(item.proposalId)
    }
  }
  const size = workflow.spotCheckSize ?? 0
  const population = [...ran.values()]
  return {
    workflowId: workflow.id,
    name: workflow.name,
    model: workflow.model,
    paused: workflow.paused,
    executed,
    autoApproved,
    reverted,
    failed,
    escalated,
    spotCheck: { size, population: population.length, items: spotCheckSample(population, size, rank) }
  }
}

function summaryItem(e: AuditLogTable, proposal: ProposalNow, detail: string | null): SummaryItem {
  const { platform, kind, id, tenant, url } = proposal.body.target
  return {
    proposalId: e.proposal_id!,
    version: proposal.version,
    status: proposal.status,
    revertible: isRevertible(proposal.status),
    title: proposal.body.title,
    target: { platform, kind, id, ...(tenant === undefined ? {} : { tenant }), ...(url === undefined ? {} : { url }) },
    at: e.at,
    actor: { name: e.actor_name, role: e.actor_role },
    detail
  }
}

/** A creation that went to a person for a reason other than the model itself (a rule, a pause, an edge case, low confidence). */
function escalation(item: SummaryItem, data: EventData): EscalatedItem | undefined {
  if (data.status !== "pending") return undefined
  const review = ProposalReview.safeParse(data.review)
  if (!review.success || !isEscalation(review.data.reason)) return undefined
  return { ...item, detail: review.data.text, reason: review.data.reason, ...(review.data.ruleId ? { ruleId: review.data.ruleId } : {}) }
}
