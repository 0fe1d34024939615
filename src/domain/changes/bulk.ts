import { z } from "zod"
import { Scalar } from "./fields"

const Row = z.record(z.string().max(200), Scalar)

/** A rule applied to many records; reviewers judge the rule, the total, and a sample. */
export const BulkChange = z
  .strictObject({
    kind: z.literal("bulk"),
    objectType: z.string().min(1).max(100),
    rule: z.string().min(1).max(5_000),
    totalRecords: z.int().min(1),
    sample: z
      .array(z.strictObject({ recordId: z.string().min(1).max(256), before: Row, after: Row }))
      .min(1)
      .max(1_000)
  })
  .refine((c) => c.sample.length <= c.totalRecords, {
    message: "sample cannot hold more rows than totalRecords",
    path: ["sample"]
  })
export type BulkChange = z.infer<typeof BulkChange>
