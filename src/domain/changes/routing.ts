import { z } from "zod"

const Owner = z.strictObject({ id: z.string().min(1).max(256), name: z.string().min(1).max(200) })

export const RoutingChange = z.strictObject({
  kind: z.literal("routing"),
  chosen: Owner,
  alternatives: z.array(Owner.extend({ score: z.number() })).max(50),
  escalationReason: z.string().max(2_000).optional()
})
export type RoutingChange = z.infer<typeof RoutingChange>
