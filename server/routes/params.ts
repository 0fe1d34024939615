import { z } from "zod"

/** `:id` path parameter: a ULID in practice, but any unknown id simply answers 404. */
export const ProposalIdParams = z.object({ id: z.string().min(1).max(64) })

/** Idempotency-Key is optional; documented here, read and bounded in the handler. */
export const IdempotencyHeaders = z.object({ "idempotency-key": z.string().optional() })
