import { z } from "zod"
import { DecisionAction, DecisionCreate, DecisionReason } from "~src/domain/decision"

/** A decision the user made, as the UI sends it (the background adds the idempotency key). */
export const DecisionRequest = z.strictObject({
  proposalId: z.string().min(1).max(64),
  action: DecisionAction,
  reason: DecisionReason.optional(),
  edits: z.record(z.string(), z.unknown()).optional(),
  proposalVersion: z.int().min(1),
  reviewMs: z.int().min(0).max(86_400_000).optional()
})
export type DecisionRequest = z.infer<typeof DecisionRequest>

/** The API's decision body: the request must be a valid API decision once the id is removed. */
export const toDecisionCreate = ({ proposalId: _id, ...rest }: DecisionRequest) => DecisionCreate.parse(rest)
