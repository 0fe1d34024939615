import { z } from "zod"
import { Platform } from "~src/domain/platform"
import { OversightModel } from "~src/domain/workflow"
import { QueueEntry } from "./local-proposal"

/** One pending proposal as the popup's queue shows it, with what the sort and filters need (src/queue/review-queue.ts). */
export const QueueItem = z.object({
  proposal: QueueEntry,
  /** Oversight model of the proposal's workflow. */
  tier: OversightModel,
  workflowName: z.string(),
  riskScore: z.number(),
  createdAtMs: z.number(),
  /** More than one reviewer must approve: never bulk-approved from the popup. */
  needsQuorum: z.boolean(),
  /** One-click approve from the popup is offered (low risk, single reviewer, nothing queued). */
  quickApprovable: z.boolean()
})
export type QueueItem = z.infer<typeof QueueItem>

/** The counts the popup's header and filters show, over the whole queue. */
export const QueueSummary = z.object({
  total: z.int().min(0),
  byTier: z.record(OversightModel, z.int().min(0)),
  byWorkflow: z.array(z.object({ workflowId: z.string(), name: z.string(), count: z.int().min(0) })),
  platforms: z.array(Platform),
  oldest: QueueItem.nullable(),
  needingQuorum: z.int().min(0)
})
export type QueueSummary = z.infer<typeof QueueSummary>

/** What the popup's first paint needs: the counts of the whole queue and its first rows. */
export const QueueHead = z.object({
  /** The first `size` items in queue order (riskiest, then longest waiting). */
  items: z.array(QueueItem),
  summary: QueueSummary
})
export type QueueHead = z.infer<typeof QueueHead>
