import { z } from "zod"

export const Scalar = z.union([z.string().max(10_000), z.number(), z.boolean()]).nullable()
export type Scalar = z.infer<typeof Scalar>

/** Record updates, enrichment, normalization: one row per field. */
export const FieldsChange = z.strictObject({
  kind: z.literal("fields"),
  changes: z
    .array(
      z.strictObject({
        field: z.string().min(1).max(200),
        label: z.string().max(200).optional(),
        before: Scalar,
        after: Scalar
      })
    )
    .min(1)
    .max(500)
})
export type FieldsChange = z.infer<typeof FieldsChange>
