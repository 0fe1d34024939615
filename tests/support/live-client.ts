import { WebSocket } from "ws"
import { LIVE_PATH, LiveMessage } from "~src/domain/live"

export interface LiveClient {
  /** The next message (other than heartbeats, unless asked for) in arrival order. */
  next(options?: { heartbeats?: boolean }): Promise<LiveMessage>
  /** Resolves with the close code and reason once the server (or we) closed it. */
  closed: Promise<{ code: number; reason: string }>
  send(data: string): void
  close(): void
}

/**
 * A live-channel client for tests, on `ws` (Node 20 has no WebSocket client of its own). With a
 * token it authenticates and resolves once the server said `ready`; without one it resolves once
 * the socket is open, to test what the server does with a silent or malformed client.
 */
export async function openLive(serverUrl: string, token?: string, firstMessage?: string): Promise<LiveClient & { ready?: LiveMessage }> {
  const socket = new WebSocket(serverUrl.replace(/^http/, "ws") + LIVE_PATH)
  const queue: LiveMessage[] = []
  const waiting: Array<{ heartbeats: boolean; resolve: (m: LiveMessage) => void }> = []
  const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.on("close", (code, reason) => resolve({ code, reason: reason.toString() })))
  socket.on("message", (data) => {
    const message = LiveMessage.parse(JSON.parse(data.toString()))
    const i = waiting.findIndex((w) => w.heartbeats || message.type !== "heartbeat")
    if (i >= 0) waiting.splice(i, 1)[0]!.resolve(message)
    else queue.push(message)
  })
  await new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve())
    socket.once("error", reject)
  })
  const client: LiveClient = {
    next: ({ heartbeats = false } = {}) => {
      const i = queue.findIndex((m) => heartbeats || m.type !== "heartbeat")
      if (i >= 0) return Promise.resolve(queue.splice(i, 1)[0]!)
      return new Promise((resolve) => waiting.push({ heartbeats, resolve }))
    },
    closed,
    send: (data) => socket.send(data),
    close: () => socket.close()
  }
  if (firstMessage !== undefined) socket.send(firstMessage)
  if (token === undefined) return client
  socket.send(JSON.stringify({ type: "auth", token }))
  const ready = await Promise.race([client.next(), closed.then(({ code, reason }) => Promise.reject(new Error(`closed ${code} ${reason}`)))])
  return { ...client, ready }
}
