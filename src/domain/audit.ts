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
  "review_rule.added",
  "review_rule.changed",
  "review_rule.removed",
  "expiry",
  "token.created",
  "custom_domain.changed",
  "cancel",
  "webhook.created",
  "webhook.changed",
  "token.revoked",
  "principal.created",
  /** An admin changed the default deadlines per tier or the reminder share (before and after). */
  "deadlines.changed",
  /** The first keyed entry of an upgraded database: anchors the legacy sha256 chain (its head). */
  "audit.rekeyed"
])
export type AuditEvent = z.infer<typeof AuditEvent>

/**
 * One link of the chain: hash = HMAC-SHA256(audit key, prevHash + canonical JSON of the entry
 * without `hash`). The key lives outside the database, so whoever can write the database
 * cannot rewrite the chain. (Entries from before the upgrade keep their sha256 links; the
 * `audit.rekeyed` entry records their head under the key.)
 */
export const AuditEntry = z.object({
  seq: z.int().min(1),
  at: z.iso.datetime({ offset: true }),
  event: AuditEvent,
  actor: z.object({ name: z.string(), role: z.string(), principalId: z.string().optional() }),
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

/** The head of the log at one moment, as signed in a checkpoint. */
export const AuditHead = z.strictObject({
  seq: z.int().min(0),
  hash: z.string().min(1).max(200),
  at: z.iso.datetime({ offset: true })
})
export type AuditHead = z.infer<typeof AuditHead>

/**
 * A signed head to keep outside the server: Ed25519 over the canonical JSON of `{seq, hash, at}`.
 * Verified later against the log, it shows nothing up to `seq` was rewritten or cut off.
 */
export const AuditCheckpoint = z.strictObject({
  ...AuditHead.shape,
  algorithm: z.literal("ed25519"),
  /** base64 signature. */
  signature: z.string().min(1).max(200),
  /** The signing key's public half (SPKI PEM), to verify with elsewhere. */
  publicKey: z.string().min(1).max(1_000)
})
export type AuditCheckpoint = z.infer<typeof AuditCheckpoint>

/** POST /v1/audit/verify body: verify against a checkpoint kept elsewhere. */
export const AuditVerifyRequest = z.strictObject({ checkpoint: AuditCheckpoint.optional() })

export const AuditVerifyResult = z.object({
  ok: z.boolean(),
  entries: z.int(),
  /** The first entry whose link does not hold, when !ok. */
  firstBroken: z.object({ seq: z.int(), reason: z.string() }).nullable(),
  /** What was checked besides the links: the log's length against the counter and a checkpoint. */
  checks: z
    .object({
      counter: z.object({ ok: z.boolean(), counter: z.int(), lastSeq: z.int() }),
      checkpoint: z.object({ ok: z.boolean(), seq: z.int(), reason: z.string().nullable() }).nullable()
    })
    .optional()
})
export type AuditVerifyResult = z.infer<typeof AuditVerifyResult>

/** GET /v1/audit/public-key: the checkpoint key's public half. */
export const AuditPublicKey = z.object({ algorithm: z.literal("ed25519"), publicKey: z.string() })
