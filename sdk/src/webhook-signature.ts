import { createHmac } from "node:crypto"

/**
 * Standard Webhooks signing (https://www.standardwebhooks.com, "Signature scheme"): HMAC-SHA256
 * over `{webhook-id}.{webhook-timestamp}.{body}` with the secret's bytes, sent as `v1,<base64>`.
 * The server signs with this function and the SDK verifies with it.
 */

export const WEBHOOK_SECRET_PREFIX = "whsec_"

export function webhookSignature(secret: string, messageId: string, timestampSeconds: number, body: string): string {
  const key = Buffer.from(secret.startsWith(WEBHOOK_SECRET_PREFIX) ? secret.slice(WEBHOOK_SECRET_PREFIX.length) : secret, "base64")
  const mac = createHmac("sha256", key).update(`${messageId}.${timestampSeconds}.${body}`, "utf8").digest("base64")
  return `v1,${mac}`
}
