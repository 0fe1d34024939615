/**
 * A pass-through HTTP proxy in front of the test server that can hold one request open. E2E
 * tests point the extension at it to stop the service worker at a known point (a sync page
 * written and the next in flight; a decision sent but not yet answered) instead of racing a
 * fast local server.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"

export interface GateProxy {
  url: string
  /** `since` of every /v1/sync request seen, in order. */
  syncSinces: string[]
  /** Hold the `n`-th /v1/sync request (1-based); resolves when it arrives. */
  holdSyncRequest(n: number): Promise<void>
  /** Hold the next request matching; resolves when it arrives. */
  holdNext(match: (method: string, path: string) => boolean): Promise<void>
  /** Method and path of every request seen, in order. */
  requests: string[]
  /** Let a held request through (it may find its client gone). */
  release(): void
  close(): Promise<void>
}

export async function startGateProxy(upstream: string): Promise<GateProxy> {
  const syncSinces: string[] = []
  const requests: string[] = []
  let holdAt = Number.POSITIVE_INFINITY
  let holdMatch: ((method: string, path: string) => boolean) | undefined
  let arrived: (() => void) | undefined
  let releaseHeld: (() => void) | undefined

  // A held request's client may be gone (the worker was stopped): errors end that exchange only.
  const forward = (req: IncomingMessage, res: ServerResponse) => pipeToUpstream(req, res).catch(() => res.destroy())

  const pipeToUpstream = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const headers = new Headers()
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === "string" && !["host", "connection", "content-length"].includes(name)) headers.set(name, value)
    }
    try {
      const response = await fetch(new URL(req.url ?? "/", upstream), {
        method: req.method,
        headers,
        body: chunks.length > 0 ? Buffer.concat(chunks) : undefined
      })
      const body = Buffer.from(await response.arrayBuffer())
      const outHeaders: Record<string, string> = {}
      response.headers.forEach((value, name) => {
        if (!["content-length", "content-encoding", "transfer-encoding", "connection"].includes(name)) outHeaders[name] = value
      })
      res.writeHead(response.status, outHeaders).end(body)
    } catch (error) {
      res.writeHead(502, { "content-type": "application/json" }).end(JSON.stringify({ error: { code: "bad_gateway", message: String(error) } }))
    }
  }

  const server: Server = createServer((req, res) => {
    req.on("error", () => undefined)
    res.on("error", () => undefined)
    const url = new URL(req.url ?? "/", "http://proxy")
    const method = req.method ?? "GET"
    requests.push(`${method} ${url.pathname}`)
    let hold = false
    if (method === "GET" && url.pathname === "/v1/sync") {
      syncSinces.push(url.searchParams.get("since") ?? "")
      hold = syncSinces.length === holdAt
    }
    if (!hold && holdMatch?.(method, url.pathname)) {
      hold = true
      holdMatch = undefined
    }
    if (hold) {
      const held = new Promise<void>((resolve) => (releaseHeld = resolve))
      arrived?.()
      void held.then(() => forward(req, res))
      return
    }
    void forward(req, res)
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    syncSinces,
    requests,
    holdNext: (match) =>
      new Promise<void>((resolve) => {
        holdMatch = match
        arrived = resolve
      }),
    holdSyncRequest: (n) =>
      new Promise<void>((resolve) => {
        holdAt = n
        arrived = resolve
      }),
    release: () => releaseHeld?.(),
    close: () =>
      new Promise<void>((resolve) => {
        releaseHeld?.()
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
