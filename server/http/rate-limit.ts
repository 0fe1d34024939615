import type { MiddlewareHandler } from "hono"
import type { AppEnv } from "../app-env"
import { ApiError } from "./api-error"

/**
 * Per-token limits (per server process): writes (POST/PUT/DELETE) and long-poll waits each draw
 * from a token bucket that holds a minute's allowance and refills continuously; a token may also
 * hold only so many waits open at once. Generous by default — they stop a runaway agent loop or
 * a leaked token from flooding the review queue or the server, not normal use.
 */
export interface RateLimits {
  writesPerMinute: number
  waitsPerMinute: number
  /** Long-polls one token may hold open at the same time. */
  maxWaitsPerToken: number
  /** Live channels (WebSockets at /v1/live) one token may hold open at the same time. */
  maxLiveChannelsPerToken: number
}

export const DEFAULT_RATE_LIMITS: RateLimits = { writesPerMinute: 6_000, waitsPerMinute: 1_200, maxWaitsPerToken: 100, maxLiveChannelsPerToken: 20 }

/** SIGNOFF_WRITES_PER_MINUTE, SIGNOFF_WAITS_PER_MINUTE, SIGNOFF_MAX_WAITS_PER_TOKEN, SIGNOFF_MAX_LIVE_PER_TOKEN (positive integers). */
export function rateLimitsFromEnv(env: Record<string, string | undefined> = process.env): RateLimits {
  const read = (name: string, fallback: number) => {
    const value = env[name]
    if (value === undefined || value === "") return fallback
    const n = Number(value)
    if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, not '${value}'`)
    return n
  }
  return {
    writesPerMinute: read("SIGNOFF_WRITES_PER_MINUTE", DEFAULT_RATE_LIMITS.writesPerMinute),
    waitsPerMinute: read("SIGNOFF_WAITS_PER_MINUTE", DEFAULT_RATE_LIMITS.waitsPerMinute),
    maxWaitsPerToken: read("SIGNOFF_MAX_WAITS_PER_TOKEN", DEFAULT_RATE_LIMITS.maxWaitsPerToken),
    maxLiveChannelsPerToken: read("SIGNOFF_MAX_LIVE_PER_TOKEN", DEFAULT_RATE_LIMITS.maxLiveChannelsPerToken)
  }
}

/** Token buckets by key; `take` answers 0 when allowed, else the seconds until one is free. */
export class TokenBuckets {
  readonly #buckets = new Map<string, { tokens: number; at: number }>()
  readonly #perMs: number

  constructor(readonly perMinute: number) {
    this.#perMs = perMinute / 60_000
  }

  take(key: string, nowMs: number): number {
    const bucket = this.#buckets.get(key) ?? { tokens: this.perMinute, at: nowMs }
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (nowMs - bucket.at) * this.#perMs)
    bucket.at = nowMs
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1
      this.#buckets.set(key, bucket)
      return 0
    }
    this.#buckets.set(key, bucket)
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.#perMs / 1_000))
  }
}

export class RateLimiter {
  readonly writes: TokenBuckets
  readonly waits: TokenBuckets
  readonly #openWaits = new OpenCounts()
  readonly #openLive = new OpenCounts()

  constructor(readonly limits: RateLimits) {
    this.writes = new TokenBuckets(limits.writesPerMinute)
    this.waits = new TokenBuckets(limits.waitsPerMinute)
  }

  /** Counts one more open wait for `key`; false when it already holds the maximum. */
  enterWait(key: string): boolean {
    return this.#openWaits.enter(key, this.limits.maxWaitsPerToken)
  }

  leaveWait(key: string): void {
    this.#openWaits.leave(key)
  }

  /** Counts one more open live channel for `key`; false when it already holds the maximum. */
  enterLive(key: string): boolean {
    return this.#openLive.enter(key, this.limits.maxLiveChannelsPerToken)
  }

  leaveLive(key: string): void {
    this.#openLive.leave(key)
  }
}

/** How many of something each key holds open. */
class OpenCounts {
  readonly #open = new Map<string, number>()

  enter(key: string, max: number): boolean {
    const open = this.#open.get(key) ?? 0
    if (open >= max) return false
    this.#open.set(key, open + 1)
    return true
  }

  leave(key: string): void {
    const open = (this.#open.get(key) ?? 1) - 1
    if (open <= 0) this.#open.delete(key)
    else this.#open.set(key, open)
  }
}

const WRITE_METHODS = new Set(["POST", "PUT", "DELETE", "PATCH"])
const isWait = (path: string) => path.endsWith("/wait")

const tooMany = (message: string, retryAfterSeconds: number) =>
  new ApiError(429, "rate_limited", message, {}, { "Retry-After": String(retryAfterSeconds), Connection: "close" })

/** After authentication, before the body is read: a refused write never costs its body. */
export const rateLimit: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { limiter } = c.var.services
  const tokenId = c.var.caller.tokenId
  const method = c.req.method
  if (WRITE_METHODS.has(method)) {
    const wait = limiter.writes.take(tokenId, performance.now())
    if (wait > 0) throw tooMany(`more than ${limiter.limits.writesPerMinute} writes a minute from this token`, wait)
    return next()
  }
  if (method !== "GET" || !isWait(c.req.path)) return next()
  const wait = limiter.waits.take(tokenId, performance.now())
  if (wait > 0) throw tooMany(`more than ${limiter.limits.waitsPerMinute} waits a minute from this token`, wait)
  if (!limiter.enterWait(tokenId)) throw tooMany(`this token already holds ${limiter.limits.maxWaitsPerToken} waits open`, 1)
  try {
    await next()
  } finally {
    limiter.leaveWait(tokenId)
  }
}
