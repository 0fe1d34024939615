import { z } from "zod"

/** POST /v1/proposals/:id/execution body (agent). */
export const ExecutionReport = z.strictObject({
  outcome: z.enum(["executed", "failed"]),
  contentHash: z.string().min(1).max(200),
  snapshotHash: z.string().min(1).max(200).optional(),
  detail: z.string().max(5_000).optional()
})
export type ExecutionReport = z.infer<typeof ExecutionReport>
