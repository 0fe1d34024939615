import { z } from "zod"

/** Email subject/body, landing-page copy. `after` may be AI HTML: render only sanitized, never in the host DOM. */
export const ContentChange = z.strictObject({
  kind: z.literal("content"),
  field: z.string().min(1).max(200),
  format: z.enum(["text", "html"]),
  before: z.string().max(200_000),
  after: z.string().max(200_000)
})
export type ContentChange = z.infer<typeof ContentChange>
