import { z } from "zod"
import { DecisionReason } from "./decision"
import { Platform } from "./platform"
import { ProposalStatus } from "./proposal"

/**
 * Signed webhooks (Standard Webhooks: https://www.standardwebhooks.com): what an admin subscribes
 * to, what each delivery carries, and how deliveries are listed. Payloads are "thin" (ids, status,
 * the decision's essentials; never the change itself, which can be megabytes): a receiver that
 * needs the change fetches the proposal.
 */

export const WEBHOOK_EVENT_TYPES = [
  "proposal.created",
  "proposal.approved",
  "proposal.edited",
  "proposal.rejected",
  "proposal.expiring",
  "proposal.expired",
  "proposal.cancelled",
  "proposal.reverted",
  "execution.reported"
] as const
export const WebhookEventType = z.enum(WEBHOOK_EVENT_TYPES)
export type WebhookEventType = z.infer<typeof WebhookEventType>

const LOOPBACK_HOSTS = new Set(["localhost", "[::1]"])

/**
 * Webhook targets are https; plain http only to this machine (a receiver in development or a
 * sidecar). Credentials in the URL are refused: they would be stored and shown in listings.
 */
export function isAllowedWebhookUrl(value: string): boolean {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return false
  }
  if (url.username || url.password) return false
  if (url.protocol === "https:") return true
  return url.protocol === "http:" && (LOOPBACK_HOSTS.has(url.hostname) || /^127(\.\d{1,3}){3}$/.test(url.hostname))
}

export const WebhookUrl = z
  .string()
  .max(2_048)
  .refine(isAllowedWebhookUrl, "must be an https URL without credentials (http only for 127.0.0.1, localhost or [::1])")

const WebhookEvents = z
  .array(WebhookEventType)
  .min(1)
  .max(WEBHOOK_EVENT_TYPES.length)
  .refine((events) => new Set(events).size === events.length, "each event at most once")

/** POST /v1/webhooks body (admin). */
export const WebhookCreate = z.strictObject({
  url: WebhookUrl,
  events: WebhookEvents,
  description: z.string().trim().max(500).optional()
})
export type WebhookCreate = z.infer<typeof WebhookCreate>

/** PATCH /v1/webhooks/:id body (admin): `enabled: true` resumes a webhook disabled by a 410. */
export const WebhookUpdate = z
  .strictObject({
    url: WebhookUrl.optional(),
    events: WebhookEvents.optional(),
    description: z.string().trim().max(500).optional(),
    enabled: z.boolean().optional()
  })
  .refine((update) => Object.keys(update).length > 0, "nothing to change")
export type WebhookUpdate = z.infer<typeof WebhookUpdate>

/** A webhook as listed; its secret is shown once, on creation and on rotation, never here. */
export const Webhook = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(WebhookEventType),
  description: z.string().nullable(),
  enabled: z.boolean(),
  /** Why it stopped, when it was disabled (by an admin, or by the receiver answering 410 Gone). */
  disabledReason: z.string().nullable(),
  /** Until then, deliveries also carry a signature made with the previous secret (rotation). */
  previousSecretExpiresAt: z.iso.datetime({ offset: true }).nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true })
})
export type Webhook = z.infer<typeof Webhook>

/** POST /v1/webhooks and POST /v1/webhooks/:id/rotate-secret → the `whsec_` secret, this once. */
export const WebhookWithSecret = z.object({ webhook: Webhook, secret: z.string().startsWith("whsec_") })
export type WebhookWithSecret = z.infer<typeof WebhookWithSecret>

export const WebhookList = z.object({ items: z.array(Webhook) })

/** The body of every delivery: `{type, timestamp, data}` as Standard Webhooks recommends. */
export const WebhookEvent = z.object({
  type: WebhookEventType,
  /** When the event happened (not when this attempt was made: that is the `webhook-timestamp` header). */
  timestamp: z.iso.datetime({ offset: true }),
  data: z.object({
    proposalId: z.string(),
    workflowId: z.string().nullable(),
    /** The proposal's status right after the event. */
    status: ProposalStatus,
    title: z.string(),
    target: z.object({ platform: Platform, kind: z.string(), id: z.string(), url: z.string().optional() }),
    /** Who caused it: the agent, a reviewer, or `policy` (auto-approval, expiry). */
    actor: z.object({ name: z.string(), role: z.string() }),
    /** The audit log entry this event comes from (null for `proposal.expiring`, a notice, not a change). */
    auditSeq: z.int().nullable(),
    /** approved: the hash of the change to apply (after any edit); execution.reported: the hash reported. */
    contentHash: z.string().optional(),
    /** approved: the reviewer edited the change before approving. */
    edited: z.boolean().optional(),
    /** approved: by the workflow's policy (monitor, exception), not a person. */
    automatic: z.boolean().optional(),
    /** rejected: the preset code and text; cancelled: `{code: "other", text: <the agent's reason>}`. */
    reason: DecisionReason.optional(),
    /** approved / edited: approvals so far and the quorum needed. */
    approvals: z.int().optional(),
    quorum: z.int().optional(),
    /** execution.reported: what the agent reported (`target_changed` sends the proposal back to review). */
    outcome: z.enum(["executed", "failed", "target_changed"]).optional(),
    detail: z.string().nullable().optional(),
    /** expiring: when it expires. */
    expiresAt: z.iso.datetime({ offset: true }).optional()
  })
})
export type WebhookEvent = z.infer<typeof WebhookEvent>

export const WebhookDeliveryStatus = z.enum(["pending", "succeeded", "failed"])
export type WebhookDeliveryStatus = z.infer<typeof WebhookDeliveryStatus>

/** One event for one webhook, with how its sending went so far. */
export const WebhookDelivery = z.object({
  id: z.string(),
  webhookId: z.string(),
  /** The `webhook-id` header: the same for every attempt and replay, so receivers can drop duplicates. */
  messageId: z.string(),
  eventType: WebhookEventType,
  status: WebhookDeliveryStatus,
  attempts: z.int().min(0),
  nextAttemptAt: z.iso.datetime({ offset: true }).nullable(),
  lastAttemptAt: z.iso.datetime({ offset: true }).nullable(),
  lastStatusCode: z.int().nullable(),
  lastError: z.string().nullable(),
  deliveredAt: z.iso.datetime({ offset: true }).nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  event: WebhookEvent
})
export type WebhookDelivery = z.infer<typeof WebhookDelivery>

/** GET /v1/webhooks/:id/deliveries query: newest first. */
export const WebhookDeliveryQuery = z.strictObject({
  status: WebhookDeliveryStatus.optional(),
  cursor: z.string().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50)
})
export type WebhookDeliveryQuery = z.infer<typeof WebhookDeliveryQuery>

export const WebhookDeliveryPage = z.object({ items: z.array(WebhookDelivery), nextCursor: z.string().nullable() })
export type WebhookDeliveryPage = z.infer<typeof WebhookDeliveryPage>
