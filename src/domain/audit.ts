import { z } from "zod"

export const AuditEvent = z.enum([
  "proposal.created",
  "decision",
  "auto_approval",
  "execution",
  "revert",
  "pause",
  "workflow.created",
  "workflow.changed",
  "expiry",
  "token.created",
  "custom_domain.changed",
  "cancel",
  "webhook.created",
  "webhook.changed"
])
export type AuditEvent = z.infer<typeof AuditEvent>

/** One link of the hash chain: hash = sha256(prevHash + canonical JSON of the entry without `hash`). */
export const AuditEntry = z.object({
  seq: z.int().min(1),
  at: z.iso.datetime({ offset: true }),
  event: AuditEvent,
  actor: z.object({ name: z.string(), role: z.string() }),
  proposalId: z.string().nullable(),
  workflowId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  hash: z.string()
})
export type AuditEntry = z.infer<typeof AuditEntry>

export const AuditQuery = z.strictObject({
  format: z.enum(["jsonl", "csv"]).default("jsonl"),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional()
})

export const AuditVerifyResult = z.object({
  ok: z.boolean(),
  entries: z.int(),
  /** The first entry whose link does not hold, when !ok. */
  firstBroken: z.object({ seq: z.int(), reason: z.string() }).nullable()
})
export type AuditVerifyResult = z.infer<typeof AuditVerifyResult>
