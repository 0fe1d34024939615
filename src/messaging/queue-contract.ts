import { CHANGE_KINDS } from "~src/domain/changes"
import { DecisionAction } from "~src/domain/decision"
import { Platform } from "~src/domain/platform"
import { ProposalStatus } from "~src/domain/proposal"
import { OversightModel } from "~src/domain/workflow"
import type { ResponseOf } from "./messages"
import { array, boolean, nullable, number, object, oneOf, optional, shapeIssues, string } from "./shape-check"

// The vocabularies come from the domain's zod enums: one list each.
const Notice = object({ message: string, at: string })
const QueueWorkflow = object({ id: string, name: string, model: oneOf(OversightModel.options), paused: boolean })
const QueueSyncStatus = object({
  configured: boolean,
  online: boolean,
  lastSyncAt: nullable(string),
  outboxSize: number,
  pendingCount: number,
  error: nullable(string),
  syncing: boolean
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
  status: oneOf(ProposalStatus.options),
  version: number,
  confidence: number,
  createdAt: string,
  approvals: number,
  quorum: number,
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
  target: object({ platform: oneOf(Platform.options), url: optional(string) }),
  change: object({ kind: oneOf(CHANGE_KINDS) }),
  local: optional(object({ pendingAction: optional(oneOf(DecisionAction.options)), conflict: optional(Notice), failure: optional(Notice) }))
})

const QueueAnswerShape = object({ proposals: array(QueueEntryShape), workflows: array(QueueWorkflow), status: QueueSyncStatus })

export class InvalidQueueError extends Error {
  readonly code = "bad_response"
  constructor(readonly issues: string[]) {
    super(`Unexpected queue from the background: ${issues.join("; ")}`)
    this.name = "InvalidQueueError"
  }
}

export function checkQueueAnswer(data: unknown): ResponseOf<"proposals.queue"> {
  const issues = shapeIssues(QueueAnswerShape, data)
  if (issues.length > 0) throw new InvalidQueueError(issues)
  return data as ResponseOf<"proposals.queue">
}
