import { isFinalLiveClose, LIVE_PATH, readLiveMessage } from "~src/domain/live"
import { backoffDelay, type BackoffPolicy } from "./backoff"

/** The part of a browser WebSocket the channel uses (a fake one in tests). */
export interface LiveSocket {
  send(data: string): void
  close(code?: number, reason?: string): void
  onopen: ((event: unknown) => void) | null
  onmessage: ((event: { data: unknown }) => void) | null
  onclose: ((event: { code: number; reason?: string }) => void) | null
  onerror: ((event: unknown) => void) | null
}

export interface LiveAccount {
  serverUrl: string
  token: string
}

export type LiveState = "off" | "connecting" | "open" | "waiting" | "refused"

/** Why the channel asks for a pull. */
export type NudgeReason = "ready" | "changed" | "resync"

export interface LiveChannelDeps {
  /** `new WebSocket(url)` in the worker. */
  connect: (url: string) => LiveSocket
  /** The account to connect with, or null when the extension is not configured. */
  account: () => Promise<LiveAccount | null>
  /** Pull `/v1/sync?since=<cursor>` now: on every (re)connect (whatever was missed) and on each nudge. */
  onNudge: (reason: NudgeReason) => void
  onStateChange?: (state: LiveState) => void
  setTimer?: (run: () => void, ms: number) => unknown
  clearTimer?: (timer: unknown) => void
  random?: () => number
  backoff?: BackoffPolicy
}

/** Reconnect after 0.5–1 s, doubling to at most 15–30 s: a restarted API is heard from within a second or two. */
export const LIVE_BACKOFF: BackoffPolicy = { baseMs: 1_000, maxMs: 30_000 }

/** No message (heartbeat included) for this many heartbeats: the link is dead though no close came. */
const MISSED_HEARTBEATS = 2.5
/** Until the server says its heartbeat, assume this. */
const DEFAULT_HEARTBEAT_MS = 20_000

/** ws:// or wss:// for the server's http:// or https:// URL, at the live path. The token never goes in it. */
export function liveUrl(serverUrl: string): string {
  const url = new URL(LIVE_PATH, serverUrl)
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:"
  return url.toString()
}

/**
 * The extension's end of the live channel, free of chrome.*: connect, authenticate with the first
 * message, turn every nudge into a pull, reconnect with backoff after any drop (and pull on
 * reconnecting, which resumes from the sync cursor, so a gap loses nothing). While it is down, the
 * sync alarm's pull goes on as before; a refused token stops reconnecting until `restart()` (the
 * settings changed).
 */
export function createLiveChannel(deps: LiveChannelDeps) {
  const setTimer = deps.setTimer ?? ((run, ms) => setTimeout(run, ms))
  const clearTimer = deps.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>))
  const random = deps.random ?? Math.random
  const policy = deps.backoff ?? LIVE_BACKOFF

  let state: LiveState = "off"
  let socket: LiveSocket | null = null
  let attempts = 0
  let reconnectTimer: unknown = null
  let watchdog: unknown = null
  let heartbeatMs = DEFAULT_HEARTBEAT_MS
  // Bumped by stop/restart: callbacks of an older socket are ignored.
  let generation = 0

  const setState = (next: LiveState) => {
    if (next === state) return
    state = next
    deps.onStateChange?.(next)
  }

  function armWatchdog(current: LiveSocket, ms: number): void {
    if (watchdog !== null) clearTimer(watchdog)
    watchdog = setTimer(() => current.close(4000, "no heartbeat"), ms)
  }

  function scheduleReconnect(): void {
    attempts++
    setState("waiting")
    reconnectTimer = setTimer(
      () => {
        reconnectTimer = null
        void open()
      },
      backoffDelay(attempts, random, policy)
    )
  }

  async function open(): Promise<void> {
    if (socket || reconnectTimer !== null) return
    const mine = ++generation
    let account: LiveAccount | null
    try {
      account = await deps.account()
    } catch {
      // The settings could not be read (storage busy or closing): try again later.
      if (mine === generation && !socket) scheduleReconnect()
      return
    }
    if (mine !== generation || socket) return
    if (!account) return setState("off")
    setState("connecting")
    let current: LiveSocket
    try {
      current = deps.connect(liveUrl(account.serverUrl))
    } catch {
      // A malformed server URL or a blocked port: try again later, like any failed connect.
      return scheduleReconnect()
    }
    socket = current
    const live = () => mine === generation && socket === current
    current.onopen = () => {
      if (!live()) return
      current.send(JSON.stringify({ type: "auth", token: account.token }))
      armWatchdog(current, heartbeatMs * MISSED_HEARTBEATS)
    }
    current.onmessage = (event) => {
      if (!live() || typeof event.data !== "string") return
      const parsed = readLiveMessage(event.data)
      if (!parsed.success) return
      const message = parsed.data
      if (message.type === "ready") {
        heartbeatMs = message.heartbeatMs
        attempts = 0
        setState("open")
      }
      armWatchdog(current, heartbeatMs * MISSED_HEARTBEATS)
      if (message.type !== "heartbeat") deps.onNudge(message.type)
    }
    current.onerror = () => {
      // A close event always follows; reconnecting is decided there.
    }
    current.onclose = (event) => {
      if (!live()) return
      socket = null
      if (watchdog !== null) clearTimer(watchdog)
      watchdog = null
      if (isFinalLiveClose(event.code)) return setState("refused")
      scheduleReconnect()
    }
  }

  function stop(): void {
    generation++
    if (reconnectTimer !== null) clearTimer(reconnectTimer)
    if (watchdog !== null) clearTimer(watchdog)
    reconnectTimer = watchdog = null
    const closing = socket
    socket = null
    closing?.close(1000, "stopped")
    attempts = 0
    setState("off")
  }

  return {
    /** Opens the channel unless it is open, opening, waiting to reconnect, or refused. Cheap to call on every wake. */
    start: () => (state === "refused" ? Promise.resolve() : open()),
    /** The account changed: drop the channel and open one with the new settings (a refused token gets another try). */
    restart: async () => {
      stop()
      await open()
    },
    stop,
    state: () => state
  }
}

export type LiveChannel = ReturnType<typeof createLiveChannel>
