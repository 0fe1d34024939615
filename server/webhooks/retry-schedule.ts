/**
 * When a failed delivery is tried again. The delays between attempts follow the retry schedule
 * of Standard Webhooks' reference implementation (https://docs.svix.com/retries): immediately,
 * then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h — eight attempts over about 27 hours.
 */
export const STANDARD_RETRY_SCHEDULE_MS: readonly number[] = [5_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 5 * 3_600_000, 10 * 3_600_000, 10 * 3_600_000]

/** ±10 %: spreads the retries of many deliveries that failed together (the receiver was down). */
export const RETRY_JITTER = 0.1

/** A receiver's Retry-After is honoured up to this long; a longer one falls back to the schedule. */
const MAX_RETRY_AFTER_MS = 24 * 3_600_000

/**
 * Milliseconds until the next attempt after `failedAttempts` failures, or undefined when the
 * schedule is exhausted. A `Retry-After` the receiver sent (429, 503) pushes it later, never sooner.
 */
export function retryDelayMs(
  failedAttempts: number,
  schedule: readonly number[],
  random: () => number = Math.random,
  retryAfterMs?: number
): number | undefined {
  const base = schedule[failedAttempts - 1]
  if (base === undefined || failedAttempts < 1) return undefined
  const jittered = Math.round(base * (1 + RETRY_JITTER * (2 * random() - 1)))
  const asked = retryAfterMs !== undefined && retryAfterMs <= MAX_RETRY_AFTER_MS ? retryAfterMs : 0
  return Math.max(jittered, asked)
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3); undefined if absent or unreadable. */
export function parseRetryAfter(header: string | null, now: Date): number | undefined {
  if (!header) return undefined
  const trimmed = header.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1_000
  // An HTTP date always ends in GMT; anything else Date.parse might guess at ("-5" is a year).
  const at = trimmed.endsWith("GMT") ? Date.parse(trimmed) : Number.NaN
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime())
}
