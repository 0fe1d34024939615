import type { Platform } from "~src/domain/platform"
import type { OversightModel, Workflow } from "~src/domain/workflow"
import type { QueueEntry } from "~src/local/local-proposal"
import type { QueueHead, QueueItem, QueueSummary } from "~src/local/queue-head"

export interface QueueFilter {
  platform: Platform | null
  workflowId: string | null
  tier: OversightModel | null
}
export const NO_FILTER: QueueFilter = { platform: null, workflowId: null, tier: null }

// Weights follow the questionnaire's order of concern: production writes, customer-facing
// changes and bulk operations are what a manager must look at first.
const LOW_CONFIDENCE = 0.6

/**
 * Queue order weight. The server's classification of the change counts first (agents cannot
 * lower it), then the agent's own flags raise it further. Written out flag by flag: this runs for
 * every queued item on every popup open.
 */
export function riskScore(proposal: Pick<QueueEntry, "risk" | "confidence" | "riskAssessment">): number {
  const risk = proposal.risk
  let score = proposal.confidence < LOW_CONFIDENCE ? 1 : 0
  if (proposal.riskAssessment?.level === "high") score += 4
  if (!risk) return score
  if (risk.writesProduction) score += 4
  if (risk.customerFacing) score += 4
  if (risk.bulk) score += 4
  if (risk.customerData) score += 2
  if (risk.edgeCase) score += 2
  return score
}

/**
 * May be approved without opening it (quick approve, bulk approve): only when the server's own
 * classification of the change says so — the agent's flags can only take that away. A proposal
 * the server did not classify (from an older server) is never approved unseen.
 */
export function isLowRisk(proposal: Pick<QueueEntry, "risk" | "confidence" | "change" | "riskAssessment">, score = riskScore(proposal)): boolean {
  return proposal.riskAssessment?.quickApprovable === true && score === 0
}

/**
 * The pending proposals in queue order (compareQueueItems). A workflow this popup does not know
 * yet is treated as `approve`: nothing starts autonomous.
 */
export function buildQueue(proposals: readonly QueueEntry[], workflows: readonly Workflow[]): QueueItem[] {
  const byId = new Map(workflows.map((w) => [w.id, w]))
  const items: QueueItem[] = []
  for (const proposal of proposals) {
    if (proposal.status !== "pending") continue
    const workflow = byId.get(proposal.workflowId)
    const quorum = Math.max(proposal.quorum, workflow?.quorum ?? 1)
    const needsQuorum = quorum > 1
    const queued = Boolean(proposal.local?.pendingAction || proposal.local?.alreadyApproved)
    const score = riskScore(proposal)
    items.push({
      proposal,
      tier: workflow?.model ?? "approve",
      workflowName: workflow?.name ?? proposal.workflowId,
      riskScore: score,
      createdAtMs: Date.parse(proposal.createdAt),
      needsQuorum,
      quickApprovable: !needsQuorum && !queued && isLowRisk(proposal, score)
    })
  }
  return items.sort(compareQueueItems)
}

/**
 * Queue order: riskiest first; within a risk level, whoever has waited longest. Ids (ULIDs) break
 * ties so the order is total and stable between refreshes; plain comparison, not localeCompare,
 * which is an order of magnitude slower over 10,000 items.
 */
export const compareQueueItems = (a: QueueItem, b: QueueItem): number =>
  b.riskScore - a.riskScore || a.createdAtMs - b.createdAtMs || (a.proposal.id < b.proposal.id ? -1 : a.proposal.id > b.proposal.id ? 1 : 0)

export function filterQueue(items: readonly QueueItem[], filter: QueueFilter): QueueItem[] {
  if (!filter.platform && !filter.workflowId && !filter.tier) return items as QueueItem[]
  return items.filter(
    (item) =>
      (!filter.platform || item.proposal.target.platform === filter.platform) &&
      (!filter.workflowId || item.proposal.workflowId === filter.workflowId) &&
      (!filter.tier || item.tier === filter.tier)
  )
}

export function summarizeQueue(items: readonly QueueItem[]): QueueSummary {
  const byTier: Record<OversightModel, number> = { approve: 0, monitor: 0, exception: 0 }
  const byWorkflow = new Map<string, { workflowId: string; name: string; count: number }>()
  const platforms = new Set<Platform>()
  let oldest: QueueItem | null = null
  let needingQuorum = 0
  for (const item of items) {
    byTier[item.tier] += 1
    const id = item.proposal.workflowId
    const entry = byWorkflow.get(id) ?? { workflowId: id, name: item.workflowName, count: 0 }
    entry.count += 1
    byWorkflow.set(id, entry)
    platforms.add(item.proposal.target.platform)
    // Ties on age go to the item first in queue order, so the answer does not depend on input order.
    if (!oldest || item.createdAtMs < oldest.createdAtMs || (item.createdAtMs === oldest.createdAtMs && compareQueueItems(item, oldest) < 0)) oldest = item
    if (item.needsQuorum) needingQuorum += 1
  }
  return {
    total: items.length,
    byTier,
    byWorkflow: [...byWorkflow.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
    platforms: [...platforms].sort(),
    oldest,
    needingQuorum
  }
}

/**
 * Built by the background next to its cache, so the popup can paint the counts and the top of a
 * 10,000-item queue without receiving it all first; the whole queue follows for scrolling,
 * filters and bulk approve.
 */
export function queueHead(proposals: readonly QueueEntry[], workflows: readonly Workflow[], size: number): QueueHead {
  const items = buildQueue(proposals, workflows)
  return { items: items.slice(0, size), summary: summarizeQueue(items) }
}

export type BulkApprovalPlan = { ok: true; items: QueueItem[] } | { ok: false; reason: string; quorumWorkflows: string[] }

/**
 * Bulk approve is refused outright when any item's workflow needs a quorum: a quorum means
 * several people must each look, which one click on many items would defeat.
 */
export function planBulkApproval(items: readonly QueueItem[]): BulkApprovalPlan {
  const quorumWorkflows = [...new Set(items.filter((i) => i.needsQuorum).map((i) => i.workflowName))].sort()
  if (quorumWorkflows.length > 0) {
    return {
      ok: false,
      quorumWorkflows,
      reason: `Bulk approve is not allowed for workflows that need a quorum (${quorumWorkflows.join(", ")}). Filter them out or review them one by one.`
    }
  }
  const approvable = items.filter((i) => !i.proposal.local?.pendingAction)
  if (approvable.length === 0) return { ok: false, quorumWorkflows: [], reason: "Nothing to approve in this view." }
  return { ok: true, items: approvable }
}
