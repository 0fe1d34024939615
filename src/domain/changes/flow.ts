import { z } from "zod"

export const FlowChange = z.strictObject({
  kind: z.literal("flow"),
  steps: z
    .array(
      z.strictObject({
        op: z.enum(["add", "remove", "change"]),
        stepId: z.string().min(1).max(256),
        description: z.string().min(1).max(2_000),
        before: z.string().max(5_000).optional(),
        after: z.string().max(5_000).optional()
      })
    )
    .min(1)
    .max(500)
})
export type FlowChange = z.infer<typeof FlowChange>
