import { z } from "zod"

/**
 * The live channel (WebSocket at /v1/live): nudges, not data. A client authenticates with its
 * first message (browsers cannot set Authorization on a WebSocket, and a token in the URL would
 * land in logs), then hears "seq N changed" for each proposal it may see and pulls
 * `/v1/sync?since=` — one path for the data, whether nudged or polling.
 */
export const LIVE_PATH = "/v1/live"

/** The most proposal ids one nudge names. */
export const MAX_NUDGE_IDS = 100

export const LiveAuth = z.strictObject({ type: z.literal("auth"), token: z.string().min(1).max(200) })
export type LiveAuth = z.infer<typeof LiveAuth>

/**
 * What the server sends. Not strict: an extension must keep working when a newer server adds a
 * field (it would otherwise drop every nudge and fall back to the alarm).
 */
export const LiveMessage = z.discriminatedUnion("type", [
  /** Authenticated; `seq` is the feed's head now: a client behind it pulls. */
  z.object({ type: z.literal("ready"), seq: z.number().int().nonnegative(), heartbeatMs: z.number().int().positive() }),
  /**
   * Proposals the caller may see changed; the latest stands at `seq` in the sync feed. Changes are
   * coalesced (at most one message per channel per `nudgeMs`): `proposalIds` lists at most
   * MAX_NUDGE_IDS of them, and `more` says others changed too.
   */
  z.object({
    type: z.literal("changed"),
    seq: z.number().int().nonnegative(),
    proposalIds: z.array(z.string()).max(100),
    more: z.boolean()
  }),
  /** The server may have missed changes (a cross-instance listener reconnected): pull. */
  z.object({ type: z.literal("resync") }),
  /** Sent every `heartbeatMs`: keeps an MV3 service worker alive (Chrome 116+) and shows the link is up. */
  z.object({ type: z.literal("heartbeat") })
])
export type LiveMessage = z.infer<typeof LiveMessage>

/** Close codes the server uses (4000–4999 are the application's, RFC 6455 §7.4.2). */
export const LIVE_CLOSE = {
  /** The token was refused (unknown, revoked, expired), at the start or later. */
  unauthorized: 4401,
  /** No auth message within the deadline, or a message that is not one. */
  badAuth: 4400,
  /** The token holds its maximum of open channels. */
  tooMany: 4429,
  /** The server is shutting down; reconnect (to it or another instance). */
  goingAway: 1001
} as const

/** Close codes after which reconnecting with the same token is pointless until the settings change. */
export const isFinalLiveClose = (code: number): boolean => code === LIVE_CLOSE.unauthorized || code === LIVE_CLOSE.badAuth

function jsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** A client's first message, from its text (not JSON, or not an auth message → unsuccessful). */
export const readLiveAuth = (text: string) => LiveAuth.safeParse(jsonOrUndefined(text))

/** A server message, from its text (not JSON, or not one of ours → unsuccessful). */
export const readLiveMessage = (text: string) => LiveMessage.safeParse(jsonOrUndefined(text))
