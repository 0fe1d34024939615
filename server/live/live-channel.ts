import type { IncomingMessage, Server } from "node:http"
import type { Duplex } from "node:stream"
import { WebSocket, WebSocketServer } from "ws"
import { LIVE_CLOSE, LIVE_PATH, type LiveMessage, MAX_NUDGE_IDS, readLiveAuth } from "~src/domain/live"
import type { Services } from "../app-env"
import { type Caller, findCaller } from "../auth/tokens"
import { canSee } from "../auth/visibility"

export interface LiveChannelOptions {
  /** An unauthenticated socket is closed after this long. Default 5 s. */
  authDeadlineMs: number
  /**
   * A heartbeat message every this often. Chrome keeps an extension's service worker alive while
   * a WebSocket exchanges messages at least every 30 s (Chrome 116+), so the default is 20 s.
   * Each beat also re-checks the token (a revoked token's channel closes) and drops a peer that
   * did not answer the previous beat's ping.
   */
  heartbeatMs: number
  /** Unauthenticated sockets held at once, across all clients (each costs a socket until its deadline). */
  maxUnauthenticated: number
  /**
   * Changes are coalesced: a channel gets at most one nudge per this interval (the first change
   * after a quiet spell goes out at once). Every message is a write to its socket; 500 reviewers
   * told of 1 000 decisions a second one by one is half a million writes a second.
   */
  nudgeMs: number
}

export const DEFAULT_LIVE_OPTIONS: LiveChannelOptions = { authDeadlineMs: 5_000, heartbeatMs: 20_000, maxUnauthenticated: 1_000, nudgeMs: 100 }

/** A small auth message and nothing else: anything larger is not one of ours. */
const MAX_MESSAGE_BYTES = 1_024

export interface LiveChannel {
  /** Open, authenticated channels. */
  size(): number
  close(): void
}

interface Subscriber {
  socket: WebSocket
  caller: Caller
  token: string
  alive: boolean
}

/**
 * The live channel at /v1/live on the API's own HTTP server: a WebSocket that carries nudges
 * ("these proposals changed, the feed is at seq N", coalesced per `nudgeMs`) for the proposals the caller may see (the REST API's `canSee`: agents their
 * principal's, reviewers and admins all). The token comes in the first message, never the URL;
 * the per-token cap on open channels is the rate limiter's (like the cap on open long-polls).
 */
export function attachLiveChannel(server: Server, services: Services, options: Partial<LiveChannelOptions> = {}): LiveChannel {
  const { authDeadlineMs, heartbeatMs, maxUnauthenticated, nudgeMs } = { ...DEFAULT_LIVE_OPTIONS, ...options }
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES, clientTracking: false })
  const subscribers = new Set<Subscriber>()
  let unauthenticated = 0

  const send = (socket: WebSocket, message: LiveMessage) => {
    if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message))
  }

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname
    if (path !== LIVE_PATH) return refuseUpgrade(socket, 404, "Not Found")
    if (unauthenticated >= maxUnauthenticated) return refuseUpgrade(socket, 503, "Service Unavailable")
    wss.handleUpgrade(request, socket, head, (ws) => awaitAuth(ws))
  }
  server.on("upgrade", onUpgrade)

  function awaitAuth(socket: WebSocket): void {
    unauthenticated++
    let settled = false
    const settle = () => {
      if (settled) return false
      settled = true
      unauthenticated--
      clearTimeout(deadline)
      return true
    }
    const deadline = setTimeout(() => {
      if (settle()) socket.close(LIVE_CLOSE.badAuth, "no auth message in time")
    }, authDeadlineMs)
    socket.once("close", settle)
    socket.on("error", () => socket.terminate())
    socket.once("message", (data, isBinary) => {
      if (!settle()) return
      const auth = isBinary ? undefined : readLiveAuth(data.toString())
      if (!auth?.success) return socket.close(LIVE_CLOSE.badAuth, "the first message must be {type: 'auth', token}")
      authenticate(socket, auth.data.token).catch((error: unknown) => {
        console.error("signoff: live channel authentication failed", error)
        socket.terminate()
      })
    })
  }

  async function authenticate(socket: WebSocket, token: string): Promise<void> {
    const found = await findCaller(services.db, token, services.now())
    if ("refused" in found) return socket.close(LIVE_CLOSE.unauthorized, `token ${found.refused}`)
    const caller = found.caller
    if (socket.readyState !== WebSocket.OPEN) return
    if (!services.limiter.enterLive(caller.tokenId))
      return socket.close(LIVE_CLOSE.tooMany, `this token already holds ${services.limiter.limits.maxLiveChannelsPerToken} live channels`)
    const subscriber: Subscriber = { socket, caller, token, alive: true }
    subscribers.add(subscriber)
    socket.on("pong", () => (subscriber.alive = true))
    // After auth the client has nothing to say; a message now is a confused or hostile peer.
    socket.on("message", () => socket.close(LIVE_CLOSE.badAuth, "unexpected message"))
    socket.once("close", () => {
      subscribers.delete(subscriber)
      pending.delete(subscriber)
      services.limiter.leaveLive(caller.tokenId)
    })
    send(socket, { type: "ready", seq: await feedHead(services), heartbeatMs })
  }

  // What each channel has not been told yet, sent together by the next flush.
  const pending = new Map<Subscriber, { seq: number; ids: Set<string> }>()
  let flushTimer: NodeJS.Timeout | undefined
  let lastFlush = Number.NEGATIVE_INFINITY
  const flush = () => {
    flushTimer = undefined
    lastFlush = performance.now()
    for (const [s, { seq, ids }] of pending) {
      const proposalIds = [...ids].slice(0, MAX_NUDGE_IDS)
      send(s.socket, { type: "changed", seq, proposalIds, more: ids.size > proposalIds.length })
    }
    pending.clear()
  }
  const stopChanges = services.events.onAnyChange((change) => {
    for (const s of subscribers) {
      if (!canSee(s.caller, { created_by_principal: change.createdBy })) continue
      const waiting = pending.get(s)
      if (!waiting) pending.set(s, { seq: change.seq, ids: new Set([change.id]) })
      else {
        waiting.seq = Math.max(waiting.seq, change.seq)
        if (waiting.ids.size <= MAX_NUDGE_IDS) waiting.ids.add(change.id)
      }
    }
    if (pending.size > 0 && !flushTimer) flushTimer = setTimeout(flush, Math.max(0, lastFlush + nudgeMs - performance.now()))
  })
  const stopGaps = services.events.onGap(() => {
    for (const s of subscribers) send(s.socket, { type: "resync" })
  })

  const heartbeat = setInterval(() => {
    for (const s of subscribers) {
      if (!s.alive) {
        s.socket.terminate()
        continue
      }
      s.alive = false
      s.socket.ping()
      send(s.socket, { type: "heartbeat" })
      recheckToken(s).catch(() => undefined)
    }
  }, heartbeatMs)
  heartbeat.unref()

  async function recheckToken(s: Subscriber): Promise<void> {
    const found = await findCaller(services.db, s.token, services.now())
    if ("refused" in found) s.socket.close(LIVE_CLOSE.unauthorized, `token ${found.refused}`)
  }

  return {
    size: () => subscribers.size,
    close() {
      clearInterval(heartbeat)
      clearTimeout(flushTimer)
      stopChanges()
      stopGaps()
      server.off("upgrade", onUpgrade)
      for (const s of subscribers) s.socket.close(LIVE_CLOSE.goingAway, "server shutting down")
      wss.close()
    }
  }
}

/** The sync feed's head: the highest seq handed out (a client whose cursor is below it pulls). */
async function feedHead(services: Services): Promise<number> {
  const row = await services.db.selectFrom("counters").select("value").where("name", "=", "proposal_seq").executeTakeFirst()
  return Number(row?.value ?? 0)
}

function refuseUpgrade(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
}
