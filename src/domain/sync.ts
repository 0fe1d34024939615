import { z } from "zod"
import { Proposal } from "./proposal"

export const SyncQuery = z.strictObject({
  since: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1_000).default(500)
})

/** GET /v1/sync: proposals whose `seq` is above `since`, oldest change first. */
export const SyncPage = z.object({
  items: z.array(Proposal),
  nextSince: z.int().min(0),
  hasMore: z.boolean()
})
export type SyncPage = z.infer<typeof SyncPage>
