import { timingSafeEqual } from "node:crypto"
import { WebhookEvent } from "~src/domain/webhooks"
import { webhookSignature } from "./webhook-signature"

export class WebhookVerificationError extends Error {
  override readonly name = "WebhookVerificationError"
}

/** Standard Webhooks' default: a delivery signed more than 5 minutes from now is a replay (or a clock problem). */
const DEFAULT_TOLERANCE_SECONDS = 5 * 60

type HeaderBag = Headers | Record<string, string | string[] | undefined>

function header(headers: HeaderBag, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined
  const value = headers[name] ?? Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1]
  return Array.isArray(value) ? value[0] : value
}

/**
 * Checks a Signoff webhook delivery (Standard Webhooks: `webhook-id`, `webhook-timestamp`,
 * `webhook-signature`) against your `whsec_` secret and returns the event. Pass the raw body,
 * exactly as received: parsing and re-serializing JSON changes the bytes that were signed.
 * Throws WebhookVerificationError when a header is missing, the timestamp is outside the
 * tolerance, or no signature matches. Use `webhook-id` to drop duplicates (retries, replays).
 */
export function verifyWebhook(
  headers: HeaderBag,
  body: string | Uint8Array,
  secret: string,
  options: { toleranceSeconds?: number; now?: Date } = {}
): WebhookEvent {
  const id = header(headers, "webhook-id")
  const timestamp = header(headers, "webhook-timestamp")
  const signatures = header(headers, "webhook-signature")
  if (!id || !timestamp || !signatures) throw new WebhookVerificationError("missing webhook-id, webhook-timestamp or webhook-signature header")
  const seconds = Number(timestamp)
  const now = Math.floor((options.now ?? new Date()).getTime() / 1_000)
  if (!/^\d+$/.test(timestamp) || Math.abs(now - seconds) > (options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS))
    throw new WebhookVerificationError("webhook-timestamp is outside the tolerance")
  const text = typeof body === "string" ? body : Buffer.from(body).toString("utf8")
  const expected = Buffer.from(webhookSignature(secret, id, seconds, text))
  const matches = signatures.split(" ").some((candidate) => {
    const given = Buffer.from(candidate)
    return given.length === expected.length && timingSafeEqual(given, expected)
  })
  if (!matches) throw new WebhookVerificationError("no signature matches the secret")
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw new WebhookVerificationError("the body is not JSON")
  }
  return WebhookEvent.parse(parsed)
}
