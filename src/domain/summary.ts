import { z } from "zod"
import { Platform, Tenant } from "./platform"
import { ProposalStatus } from "./proposal"
import { ReviewReason } from "./review"
import { OversightModel } from "./workflow"

/**
 * The daily summary of the monitor and exception models ("review a daily summary report and
 * spot-check a sample"): per workflow, what ran on one UTC day, what was escalated to a person,
 * and a sample of what ran for someone to look at, each item carrying what Revert needs.
 */

/** GET /v1/summary query: one UTC day; `csv` and `jsonl` download the same items as a report. */
export const SummaryQuery = z.strictObject({
  date: z.iso.date(),
  format: z.enum(["json", "csv", "jsonl"]).default("json")
})
export type SummaryQuery = z.infer<typeof SummaryQuery>

export const SummaryItem = z.object({
  proposalId: z.string(),
  /** The proposal as it stands now (a revert must send this version). */
  version: z.int(),
  status: ProposalStatus,
  /** Revert is possible now (src/domain/oversight.ts isRevertible): what the one-click Revert acts on. */
  revertible: z.boolean(),
  title: z.string(),
  target: z.object({ platform: Platform, kind: z.string(), id: z.string(), tenant: Tenant.optional(), url: z.string().optional() }),
  /** When it happened that day, and who did it (the agent reporting, `policy` auto-approving, a reviewer reverting). */
  at: z.string(),
  actor: z.object({ name: z.string(), role: z.string() }),
  /** The execution report's detail, the policy rule, or the reason given. */
  detail: z.string().nullable()
})
export type SummaryItem = z.infer<typeof SummaryItem>

/** A proposal sent to a person that day although its workflow's model would not have asked: a rule, a pause, an edge case, low confidence, a moved target. */
export const EscalatedItem = SummaryItem.extend({
  reason: ReviewReason,
  /** The review rule that held it, when `reason` is `rule`. */
  ruleId: z.string().optional()
})
export type EscalatedItem = z.infer<typeof EscalatedItem>

export const WorkflowSummary = z.object({
  workflowId: z.string(),
  name: z.string(),
  model: OversightModel,
  paused: z.boolean(),
  executed: z.array(SummaryItem),
  autoApproved: z.array(SummaryItem),
  reverted: z.array(SummaryItem),
  failed: z.array(SummaryItem),
  escalated: z.array(EscalatedItem),
  /**
   * A sample of what ran (executed or auto-approved) for a person to check: `size` is the
   * workflow's `spotCheckSize`, `population` how many items ran. The same items all day (ranked
   * by a keyed hash of day, workflow and proposal), and unpredictable to the agent.
   */
  spotCheck: z.object({ size: z.int().min(0), population: z.int().min(0), items: z.array(SummaryItem) })
})
export type WorkflowSummary = z.infer<typeof WorkflowSummary>

/** What ran in each workflow on one day: the monitor model's daily summary. */
export const DailySummary = z.object({
  date: z.string(),
  workflows: z.array(WorkflowSummary)
})
export type DailySummary = z.infer<typeof DailySummary>

// Zod-free, for the popup's first chunk (src/queue/escalations.ts).
export { isEscalation } from "./labels"

/**
 * The day's spot-check: `size` items of `ran`, those with the lowest `rank` (ties by id), given
 * back in the order of `ran`. A rank that depends only on the day, the workflow and the proposal
 * keeps the sample stable: a later item can only displace one if it ranks lower.
 */
export function spotCheckSample<T extends { proposalId: string }>(ran: readonly T[], size: number, rank: (proposalId: string) => string): T[] {
  if (size <= 0) return []
  const ranked = ran.map((item) => ({ item, rank: rank(item.proposalId) }))
  ranked.sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : a.item.proposalId < b.item.proposalId ? -1 : 1))
  const chosen = new Set(ranked.slice(0, size).map((r) => r.item))
  return ran.filter((item) => chosen.has(item))
}

export const SUMMARY_SECTIONS = ["executed", "autoApproved", "failed", "reverted", "escalated", "spotCheck"] as const
export type SummarySection = (typeof SUMMARY_SECTIONS)[number]

/** One line of the downloadable report (CSV columns in this order; JSONL objects with these keys). */
export interface SummaryReportRow {
  date: string
  workflow_id: string
  section: SummarySection
  proposal_id: string
  version: number
  status: string
  title: string
  platform: string
  target_kind: string
  target_id: string
  url: string | null
  at: string
  actor_name: string
  actor_role: string
  reason: string | null
  detail: string | null
}

export const SUMMARY_REPORT_COLUMNS = [
  "date",
  "workflow_id",
  "section",
  "proposal_id",
  "version",
  "status",
  "title",
  "platform",
  "target_kind",
  "target_id",
  "url",
  "at",
  "actor_name",
  "actor_role",
  "reason",
  "detail"
] as const satisfies ReadonlyArray<keyof SummaryReportRow>

/** The summary as flat report rows: every item of every section, workflow by workflow. */
export function summaryReportRows(summary: DailySummary): SummaryReportRow[] {
  const rows: SummaryReportRow[] = []
  for (const workflow of summary.workflows) {
    for (const section of SUMMARY_SECTIONS) {
      const items: ReadonlyArray<SummaryItem | EscalatedItem> = section === "spotCheck" ? workflow.spotCheck.items : workflow[section]
      for (const item of items)
        rows.push({
          date: summary.date,
          workflow_id: workflow.workflowId,
          section,
          proposal_id: item.proposalId,
          version: item.version,
          status: item.status,
          title: item.title,
          platform: item.target.platform,
          target_kind: item.target.kind,
          target_id: item.target.id,
          url: item.target.url ?? null,
          at: item.at,
          actor_name: item.actor.name,
          actor_role: item.actor.role,
          reason: "reason" in item ? item.reason : null,
          detail: item.detail
        })
    }
  }
  return rows
}
