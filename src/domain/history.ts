import { z } from "zod"
import type { AuditEntry } from "./audit"
import { Change } from "./changes"
import { DecisionReason } from "./decision"
import { ProposalStatus } from "./proposal"
import { ProposalReview } from "./review"
import { OversightModel } from "./workflow"

/**
 * A proposal's decision history (GET /v1/proposals/:id/history): one ordered timeline of
 * everything that happened to it, read from its audit entries — the record nobody can rewrite.
 * Served on request only; the sync feed stays light.
 */

const HistoryActor = z.object({ name: z.string(), role: z.string(), principalId: z.string().optional() })

const base = {
  /** The audit entry it comes from: the order of the timeline. */
  seq: z.int(),
  at: z.iso.datetime({ offset: true }),
  /** Who: the agent, a reviewer (principal id and name), or `policy`. */
  actor: HistoryActor
}

/** Proposed: what the server decided on arrival and why, and the deadline it got. */
export const HistoryCreated = z.object({
  ...base,
  type: z.literal("created"),
  status: ProposalStatus,
  model: OversightModel.nullable(),
  review: ProposalReview.nullable(),
  /** The hash of the change as the agent sent it. */
  contentHash: z.string().nullable(),
  expiresAt: z.string().nullable(),
  remindAt: z.string().nullable()
})

/** Auto-approved by the workflow's policy (monitor, exception): the rule that did it. */
export const HistoryAutoApproval = z.object({
  ...base,
  type: z.literal("auto_approve"),
  rule: z.string(),
  contentHash: z.string().nullable()
})

/** A person's decision. An edit carries the change before and after it (and the fields sent). */
export const HistoryDecision = z.object({
  ...base,
  type: z.enum(["approve", "edit", "reject", "revert", "pause"]),
  decisionId: z.string().nullable(),
  /** The version the reviewer saw and decided on. */
  proposalVersion: z.int().nullable(),
  fromStatus: ProposalStatus.nullable(),
  toStatus: ProposalStatus.nullable(),
  reason: DecisionReason.nullable(),
  reviewMs: z.int().nullable(),
  /** Approvals of the current content after this decision, and the quorum. */
  approvals: z.int().nullable(),
  quorum: z.int().nullable(),
  /** When this decision completed the approval: the hash the approval binds to. */
  contentHash: z.string().nullable(),
  edit: z.object({ edits: z.record(z.string(), z.unknown()).nullable(), before: Change, after: Change }).nullable(),
  /** pause: true when it paused the workflow, false when it was paused already. */
  workflowPaused: z.boolean().nullable()
})

/** The agent's execution report (`target_changed` sent the proposal back to review). */
export const HistoryExecution = z.object({
  ...base,
  type: z.literal("execution"),
  outcome: z.enum(["executed", "failed", "target_changed"]),
  contentHash: z.string().nullable(),
  snapshotHash: z.string().nullable(),
  detail: z.string().nullable(),
  fromStatus: ProposalStatus.nullable(),
  toStatus: ProposalStatus.nullable()
})

export const HistoryExpiry = z.object({
  ...base,
  type: z.literal("expire"),
  rule: z.string().nullable(),
  expiresAt: z.string().nullable()
})

/** Withdrawn by the agent (or an admin), with its reason. */
export const HistoryCancel = z.object({
  ...base,
  type: z.literal("cancel"),
  reason: z.string().nullable(),
  fromStatus: ProposalStatus.nullable()
})

export const HistoryEntry = z.union([HistoryCreated, HistoryAutoApproval, HistoryDecision, HistoryExecution, HistoryExpiry, HistoryCancel])
export type HistoryEntry = z.infer<typeof HistoryEntry>

export const ProposalHistory = z.object({
  proposalId: z.string(),
  workflowId: z.string(),
  status: ProposalStatus,
  version: z.int(),
  /** Oldest first. */
  entries: z.array(HistoryEntry)
})
export type ProposalHistory = z.infer<typeof ProposalHistory>

const text = (value: unknown): string | null => (typeof value === "string" ? value : null)
const int = (value: unknown): number | null => (typeof value === "number" && Number.isInteger(value) ? value : null)
const status = (value: unknown) => {
  const parsed = ProposalStatus.safeParse(value)
  return parsed.success ? parsed.data : null
}
const parsedOrNull = <S extends z.ZodType>(schema: S, value: unknown): z.infer<S> | null => {
  const parsed = schema.safeParse(value)
  return parsed.success ? parsed.data : null
}

/**
 * One audit entry as a timeline entry; undefined for entries that are not about a proposal's
 * course. Tolerant of older entries: what they did not record is null.
 * `editsOf` gives the fields a reviewer sent with an edit (kept on the decision, not in the log).
 */
export function historyEntryOf(
  entry: AuditEntry,
  editsOf: (decisionId: string) => Record<string, unknown> | undefined = () => undefined
): HistoryEntry | undefined {
  const data = entry.data
  const common = { seq: entry.seq, at: entry.at, actor: entry.actor }
  switch (entry.event) {
    case "proposal.created":
      return {
        ...common,
        type: "created",
        status: status(data.status) ?? "pending",
        model: parsedOrNull(OversightModel, data.model),
        review: parsedOrNull(ProposalReview, data.review),
        contentHash: text(data.contentHash),
        expiresAt: text(data.expiresAt),
        remindAt: text(data.remindAt)
      }
    case "auto_approval":
      return { ...common, type: "auto_approve", rule: text(data.rule) ?? "", contentHash: text(data.contentHash) }
    case "decision":
    case "revert":
    case "pause": {
      const action = entry.event === "decision" ? data.action : entry.event
      if (action !== "approve" && action !== "edit" && action !== "reject" && action !== "revert" && action !== "pause") return undefined
      const decisionId = text(data.decisionId)
      const before = parsedOrNull(Change, data.before)
      const after = parsedOrNull(Change, data.after)
      return {
        ...common,
        type: action,
        decisionId,
        proposalVersion: int(data.proposalVersion),
        fromStatus: status(data.fromStatus),
        toStatus: status(data.toStatus),
        reason: parsedOrNull(DecisionReason, data.reason),
        reviewMs: int(data.reviewMs),
        approvals: int(data.approvals),
        quorum: int(data.quorum),
        contentHash: text(data.contentHash),
        edit: action === "edit" && before && after ? { edits: (decisionId && editsOf(decisionId)) || null, before, after } : null,
        workflowPaused: action === "pause" ? data.alreadyPaused !== true : null
      }
    }
    case "execution": {
      const outcome = data.outcome
      if (outcome !== "executed" && outcome !== "failed" && outcome !== "target_changed") return undefined
      return {
        ...common,
        type: "execution",
        outcome,
        contentHash: text(data.contentHash),
        snapshotHash: text(data.snapshotHash),
        detail: text(data.detail),
        fromStatus: status(data.fromStatus),
        toStatus: status(data.toStatus)
      }
    }
    case "expiry":
      return { ...common, type: "expire", rule: text(data.rule), expiresAt: text(data.expiresAt) }
    case "cancel": {
      const reason = data.reason as { text?: unknown } | null | undefined
      return { ...common, type: "cancel", reason: text(reason?.text), fromStatus: status(data.fromStatus) }
    }
    default:
      return undefined
  }
}

/** A proposal's audit entries (any order) as its timeline, oldest first. */
export function historyTimeline(entries: readonly AuditEntry[], editsOf?: (decisionId: string) => Record<string, unknown> | undefined): HistoryEntry[] {
  return [...entries]
    .sort((a, b) => a.seq - b.seq)
    .flatMap((entry) => {
      const item = historyEntryOf(entry, editsOf)
      return item ? [item] : []
    })
}
