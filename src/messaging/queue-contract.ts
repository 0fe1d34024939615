import { CHANGE_KIND_IDS, DECISION_ACTIONS, OVERSIGHT_MODELS, PROPOSAL_STATUSES, REVIEW_REASONS } from "~src/domain/labels"
import { PLATFORM_IDS } from "~src/platforms"
import type { ResponseOf } from "./messages"
import { array, boolean, count, nullable, number, object, oneOf, optional, shapeIssues, string, type ShapeCheck } from "./shape-check"

// The vocabularies are the lists the domain's zod enums are built from (labels.ts, src/platforms):
// one list each, and no zod in the popup's first chunk.
const PLATFORMS = [...PLATFORM_IDS, "other"]
const Notice = object({ message: string, at: string })
/** Workflow (src/domain/workflow.ts): the fields the popup reads. */
const QueueWorkflow = object({
  id: string,
  name: string,
  model: oneOf(OVERSIGHT_MODELS),
  threshold: number,
  quorum: count,
  expiryHours: nullable(count),
  paused: boolean,
  spotCheckSize: optional(count)
})
/** SyncStatus (src/local/sync-status.ts). */
const SyncStatusShape = object({
  configured: boolean,
  online: boolean,
  lastSyncAt: nullable(string),
  outboxSize: count,
  pendingCount: count,
  error: nullable(string),
  syncing: boolean,
  progress: nullable(object({ pulled: count }))
})

/**
 * The popup's check of the `proposals.queue` answer: the shape of QueueEntry (messages.ts), checked
 * structurally instead of with zod. The queue is up to 10,000 entries, built by our own background
 * from a cache the full domain schemas validated at sync; zod-parsing them on every popup open
 * took 90–140 ms (its parsers are not yet optimised on a page's first run), half the popup's
 * first-paint budget, where this takes a few. The zod QueueEntry stays the contract: the handler's
 * answers are tested against it.
 */
const QueueEntryShape = object({
  id: string,
  workflowId: string,
  title: string,
  status: oneOf(PROPOSAL_STATUSES),
  version: count,
  confidence: number,
  createdAt: string,
  approvals: count,
  quorum: count,
  risk: optional(
    object({
      customerData: optional(boolean),
      writesProduction: optional(boolean),
      customerFacing: optional(boolean),
      bulk: optional(boolean),
      edgeCase: optional(boolean)
    })
  ),
  riskAssessment: optional(object({ level: oneOf(["low", "high"]), reasons: array(string), quickApprovable: boolean })),
  target: object({ platform: oneOf(PLATFORMS), url: optional(string) }),
  change: object({ kind: oneOf(CHANGE_KIND_IDS) }),
  expiresAt: optional(string),
  remindAt: optional(string),
  review: optional(object({ outcome: oneOf(["pending", "auto_approved"]), reason: oneOf(REVIEW_REASONS) })),
  local: optional(object({ pendingAction: optional(oneOf(DECISION_ACTIONS)), conflict: optional(Notice), failure: optional(Notice) }))
})

const QueueAnswerShape = object({ proposals: array(QueueEntryShape), workflows: array(QueueWorkflow), status: SyncStatusShape })

/** QueueItem (src/local/queue-head.ts): a queue entry with what the sort and filters need. */
const QueueItemShape = object({
  proposal: QueueEntryShape,
  tier: oneOf(OVERSIGHT_MODELS),
  workflowName: string,
  riskScore: number,
  createdAtMs: number,
  needsQuorum: boolean,
  quickApprovable: boolean
})

/** The popup's first paint: QueueHead (src/local/queue-head.ts) with the workflows and the sync status. */
const QueueHeadAnswerShape = object({
  items: array(QueueItemShape),
  summary: object({
    total: count,
    byTier: object(Object.fromEntries(OVERSIGHT_MODELS.map((model) => [model, count]))),
    byWorkflow: array(object({ workflowId: string, name: string, count })),
    platforms: array(oneOf(PLATFORMS)),
    oldest: nullable(QueueItemShape),
    needingQuorum: count
  }),
  workflows: array(QueueWorkflow),
  status: SyncStatusShape
})

export class InvalidQueueError extends Error {
  readonly code = "bad_response"
  constructor(readonly issues: string[]) {
    super(`Unexpected queue from the background: ${issues.join("; ")}`)
    this.name = "InvalidQueueError"
  }
}

function checked<T>(shape: ShapeCheck) {
  return (data: unknown): T => {
    const issues = shapeIssues(shape, data)
    if (issues.length > 0) throw new InvalidQueueError(issues)
    return data as T
  }
}

export const checkQueueAnswer = checked<ResponseOf<"proposals.queue">>(QueueAnswerShape)
/** The head and the status are what the popup's first paint waits for: checked without zod, which then loads on demand. */
export const checkQueueHeadAnswer = checked<ResponseOf<"proposals.queueHead">>(QueueHeadAnswerShape)
export const checkSyncStatusAnswer = checked<ResponseOf<"sync.status">>(SyncStatusShape)
