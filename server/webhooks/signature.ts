import { randomBytes } from "node:crypto"
import { WEBHOOK_SECRET_PREFIX, webhookSignature } from "~sdk/src/webhook-signature"

/*
 * Standard Webhooks headers (https://www.standardwebhooks.com): several signatures are
 * space-separated, which is how a secret rotation stays seamless. The signature itself is the
 * SDK's, so what the server signs is what agents verify.
 */

/** `whsec_` + 32 random bytes, base64 (the spec asks for 24 to 64 bytes). */
export function newWebhookSecret(): string {
  return WEBHOOK_SECRET_PREFIX + randomBytes(32).toString("base64")
}

/** The three headers of one attempt, signed with every secret given (current first, then the previous one). */
export function webhookHeaders(messageId: string, at: Date, body: string, secrets: readonly string[]): Record<string, string> {
  const timestamp = Math.floor(at.getTime() / 1_000)
  return {
    "webhook-id": messageId,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": secrets.map((secret) => webhookSignature(secret, messageId, timestamp, body)).join(" ")
  }
}
