import { z } from "zod"
import { Decision } from "./decision"
import { Platform } from "./platform"
import { Proposal, ProposalStatus, WorkflowId } from "./proposal"

/** GET /healthz */
export const Health = z.object({ ok: z.literal(true), version: z.string() })

/** POST /v1/proposals/:id/decisions → 200 */
export const DecisionResult = z.object({ proposal: Proposal, decision: Decision })
export type DecisionResult = z.infer<typeof DecisionResult>

/** GET /v1/proposals query: filters, newest first, paginated by an opaque cursor. */
export const ProposalListQuery = z.strictObject({
  status: ProposalStatus.optional(),
  workflowId: WorkflowId.optional(),
  platform: Platform.optional(),
  targetKind: z.string().min(1).max(64).optional(),
  targetId: z.string().min(1).max(256).optional(),
  cursor: z.string().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100)
})
export type ProposalListQuery = z.infer<typeof ProposalListQuery>

export const ProposalPage = z.object({ items: z.array(Proposal), nextCursor: z.string().nullable() })
export type ProposalPage = z.infer<typeof ProposalPage>

/**
 * GET /v1/proposals/:id/wait query. Without `version`: returns once the proposal is no longer
 * pending. With `version`: returns once it moved past that version (e.g. an executed item is
 * reverted), so an agent can keep watching what it ran.
 */
export const WaitQuery = z.strictObject({
  timeout: z.coerce.number().int().min(0).max(60).default(30),
  version: z.coerce.number().int().min(1).optional()
})
export type WaitQuery = z.infer<typeof WaitQuery>
