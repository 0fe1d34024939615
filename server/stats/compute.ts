import { REVIEW_TIME_TARGET_MS, type RejectionReasonCode, type StatsResponse, type WorkflowStats, countReasons, shareWithinTarget } from "~src/domain"
import { type OutcomeCounts, recommend } from "~src/domain/loosening"
import type { Db } from "../db/connect"
import { listWorkflows } from "../workflows/store"

const DAY_MS = 86_400_000

interface DecisionFact {
  workflowId: string
  action: string
  actorRole: string
  reviewMs: number | null
  reasonCode: RejectionReasonCode | null
  at: string
}

const emptyCounts = (): OutcomeCounts => ({ approved: 0, edited: 0, rejected: 0, reverted: 0, autoApproved: 0 })

function tally(counts: OutcomeCounts, action: string): void {
  if (action === "approve") counts.approved++
  else if (action === "edit") counts.edited++
  else if (action === "reject") counts.rejected++
  else if (action === "revert") counts.reverted++
  else if (action === "auto_approve") counts.autoApproved++
}

/** The reasons given with one kind of decision, by count. */
const reasonsOf = (decisions: readonly DecisionFact[], action: "reject" | "revert") =>
  countReasons(decisions.flatMap((d) => (d.action === action && d.reasonCode ? [d.reasonCode] : [])))

/** Nearest-rank percentile; null for no data. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.max(1, Math.ceil(p * sorted.length))
  return sorted[rank - 1]!
}

function rates(c: OutcomeCounts, executed: number) {
  const human = c.approved + c.edited + c.rejected
  const share = (n: number, of: number) => (of === 0 ? 0 : n / of)
  return {
    approval: share(c.approved, human),
    edit: share(c.edited, human),
    reject: share(c.rejected, human),
    revert: share(c.reverted, executed)
  }
}

/** Per-workflow counts, rates, review times, a daily series and the loosening recommendation. */
export async function computeStats(db: Db, now: Date, windowDays: number): Promise<StatsResponse> {
  // The window is whole UTC days ending today, so the series has exactly `windowDays` points.
  const todayStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())
  const fromMs = todayStart - (windowDays - 1) * DAY_MS
  const from = new Date(fromMs).toISOString()
  const to = now.toISOString()
  const midpoint = new Date(fromMs + (now.getTime() - fromMs) / 2).toISOString()

  const workflows = await listWorkflows(db)
  const decisionRows = await db
    .selectFrom("decisions")
    .innerJoin("proposals", "proposals.id", "decisions.proposal_id")
    .select(["proposals.workflow_id", "decisions.action", "decisions.actor_role", "decisions.review_ms", "decisions.reason_code", "decisions.created_at"])
    .where("decisions.created_at", ">=", from)
    .where("decisions.created_at", "<=", to)
    .execute()
  const decisions: DecisionFact[] = decisionRows.map((r) => ({
    workflowId: r.workflow_id,
    action: r.action,
    actorRole: r.actor_role,
    reviewMs: r.review_ms === null ? null : Number(r.review_ms),
    reasonCode: r.reason_code as RejectionReasonCode | null,
    at: r.created_at
  }))
  const proposalRows = await db
    .selectFrom("proposals")
    .select(["workflow_id", "status", "created_at"])
    .where((eb) => eb.or([eb("created_at", ">=", from), eb("status", "=", "pending")]))
    .execute()
  const executions = await db
    .selectFrom("audit_log")
    .select(["workflow_id", "data", "at"])
    .where("event", "=", "execution")
    .where("at", ">=", from)
    .where("at", "<=", to)
    .execute()

  const days: string[] = []
  for (let t = fromMs; t <= todayStart; t += DAY_MS) days.push(new Date(t).toISOString().slice(0, 10))

  const result: WorkflowStats[] = workflows.map((workflow) => {
    const mine = decisions.filter((d) => d.workflowId === workflow.id)
    const counts = emptyCounts()
    const earlierHalf = emptyCounts()
    const recentHalf = emptyCounts()
    let expired = 0
    for (const d of mine) {
      tally(counts, d.action)
      tally(d.at < midpoint ? earlierHalf : recentHalf, d.action)
      if (d.action === "expire") expired++
    }
    const executedAt = executions
      .filter((e) => e.workflow_id === workflow.id && (JSON.parse(e.data) as { outcome?: string }).outcome === "executed")
      .map((e) => e.at)
    const executed = executedAt.length
    const humanDecisions = mine.filter((d) => ["approve", "edit", "reject", "revert"].includes(d.action) && d.actorRole !== "policy")
    const reviewTimes = humanDecisions.flatMap((d) => (d.reviewMs === null ? [] : [d.reviewMs]))
    const proposals = proposalRows.filter((p) => p.workflow_id === workflow.id)

    const series = days.map((day) => {
      const ofDay = mine.filter((d) => d.at.startsWith(day))
      const dayCounts = emptyCounts()
      for (const d of ofDay) tally(dayCounts, d.action)
      const dayExecuted = executedAt.filter((at) => at.startsWith(day)).length
      const dayReview = ofDay.flatMap((d) => (d.reviewMs === null || d.actorRole === "policy" ? [] : [d.reviewMs]))
      return {
        day,
        decisions: ofDay.filter((d) => d.actorRole !== "policy").length,
        ...rates(dayCounts, dayExecuted),
        medianReviewMs: percentile(dayReview, 0.5)
      }
    })

    return {
      workflowId: workflow.id,
      name: workflow.name,
      model: workflow.model,
      counts: {
        proposals: proposals.filter((p) => p.created_at >= from).length,
        decisions: humanDecisions.length,
        approved: counts.approved,
        edited: counts.edited,
        rejected: counts.rejected,
        reverted: counts.reverted,
        autoApproved: counts.autoApproved,
        expired,
        pending: proposals.filter((p) => p.status === "pending").length
      },
      rates: rates(counts, executed),
      reviewMs: {
        median: percentile(reviewTimes, 0.5),
        p90: percentile(reviewTimes, 0.9),
        targetMs: REVIEW_TIME_TARGET_MS,
        withinTarget: shareWithinTarget(reviewTimes)
      },
      reasons: { rejected: reasonsOf(humanDecisions, "reject"), reverted: reasonsOf(humanDecisions, "revert") },
      recommendation: recommend({ model: workflow.model, windowDays, ...counts, earlierHalf, recentHalf }),
      series
    }
  })
  return { windowDays, from, to, workflows: result }
}
