import { z } from "zod"

export const ScoringChange = z.strictObject({
  kind: z.literal("scoring"),
  modelName: z.string().min(1).max(200),
  weights: z
    .array(z.strictObject({ attribute: z.string().min(1).max(200), before: z.number(), after: z.number() }))
    .min(1)
    .max(500),
  expectedMqlShiftPct: z.number()
})
export type ScoringChange = z.infer<typeof ScoringChange>
