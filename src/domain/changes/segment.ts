import { z } from "zod"

export const SegmentChange = z.strictObject({
  kind: z.literal("segment"),
  name: z.string().min(1).max(200),
  criteria: z.string().min(1).max(10_000),
  estimatedSize: z.int().min(0),
  overlaps: z.array(z.strictObject({ segmentId: z.string().min(1).max(256), name: z.string().max(200), sharedCount: z.int().min(0) })).max(200),
  complianceNotes: z.array(z.string().max(1_000)).max(50)
})
export type SegmentChange = z.infer<typeof SegmentChange>
