import { z } from "zod"
import { CHANGE_KINDS, type ChangeKind } from "~src/domain/changes"
import { DecisionAction } from "~src/domain/decision"
import { Target } from "~src/domain/platform"
import { Proposal } from "~src/domain/proposal"

/** How the local copy of a proposal differs from the server's, for the panel and popup. */
export const LocalState = z.object({
  /** A decision waiting in the outbox. */
  pendingAction: DecisionAction.optional(),
  /** The server refused our decision (409); shown to the user, never retried. */
  conflict: z.object({ message: z.string(), at: z.string() }).optional(),
  /** The server rejected our decision for another reason (validation, not found...); shown, not retried. */
  failure: z.object({ message: z.string(), at: z.string() }).optional(),
  /**
   * The queued decision was made under another account than the one connected now: it waits for
   * that account (it is never sent with this one's token) or for the reviewer to discard it.
   */
  queuedBy: z.object({ name: z.string(), server: z.string() }).optional(),
  /** This reviewer already approved the current content (a quorum waits for others): no second approval. */
  alreadyApproved: z.boolean().optional()
})
export type LocalState = z.infer<typeof LocalState>

/** A proposal as the extension's cache holds it and its pages show it. */
export const LocalProposal = Proposal.extend({ local: LocalState.optional() })
export type LocalProposal = z.infer<typeof LocalProposal>

/**
 * One proposal as the popup's queue lists it: what a row, the counts by tier and workflow, the
 * filters and quick/bulk approve read, and no more. The queue can hold 10,000 proposals; sending
 * them whole (change bodies, evidence, decisions) made the popup's first paint 2.5× slower than
 * with an empty queue. The full proposal is asked for (`proposal.get`) when one is opened.
 */
export const QueueEntry = Proposal.pick({
  id: true,
  workflowId: true,
  title: true,
  status: true,
  version: true,
  confidence: true,
  risk: true,
  createdAt: true,
  approvals: true,
  quorum: true,
  riskAssessment: true
}).extend({
  /** The platform filters and labels the row; a URL means "open it on its page", none "review it here". */
  target: Target.pick({ platform: true, url: true }),
  change: z.object({ kind: z.enum(CHANGE_KINDS as [ChangeKind, ...ChangeKind[]]) }),
  local: LocalState.optional()
})
export type QueueEntry = z.infer<typeof QueueEntry>
