import { createHmac, randomBytes } from "node:crypto"

/**
 * Standard Webhooks signing (https://www.standardwebhooks.com, "Signature scheme"): HMAC-SHA256
 * over `{webhook-id}.{webhook-timestamp}.{body}` with the secret's bytes, sent as `v1,<base64>`;
 * several signatures are space-separated, which is how a rotation stays seamless.
 */

const SECRET_PREFIX = "whsec_"

/** `whsec_` + 32 random bytes, base64 (the spec asks for 24 to 64 bytes). */
export function newWebhookSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString("base64")
}

export function webhookSignature(secret: string, messageId: string, timestampSeconds: number, body: string): string {
  const key = Buffer.from(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret, "base64")
  const mac = createHmac("sha256", key).update(`${messageId}.${timestampSeconds}.${body}`, "utf8").digest("base64")
  return `v1,${mac}`
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
