import { type IncomingHttpHeaders, createServer } from "node:http"
import type { AddressInfo } from "node:net"
import { vi } from "vitest"

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders
  /** The raw body, exactly as sent (signatures are over these bytes). */
  body: string
  /** The status this receiver answered. */
  status: number
  /** The parsed body's `type`. */
  type: string
}

export interface WebhookReceiver {
  url: string
  /** Every request, in arrival order, whatever it was answered (status 0: left hanging). */
  received: ReceivedWebhook[]
  /** Those answered 2xx. */
  accepted(): ReceivedWebhook[]
  /**
   * How to answer the next request (default 204); called with the request's number (1-based).
   * `"hang"` never answers (the request stays open until the sender gives up or the receiver closes).
   */
  answer: (request: number, webhook: Omit<ReceivedWebhook, "status">) => number | "hang" | { status: number; headers?: Record<string, string> }
  /** Waits until `predicate` holds over what arrived (vi.waitFor, so no fixed sleep). */
  waitFor(predicate: (received: ReceivedWebhook[]) => boolean, timeoutMs?: number): Promise<void>
  close(): Promise<void>
}

/** A real HTTP endpoint on 127.0.0.1 that records webhook deliveries and answers as the test scripts it. */
export async function startWebhookReceiver(path = "/hooks/signoff"): Promise<WebhookReceiver> {
  const receiver: WebhookReceiver = {
    url: "",
    received: [],
    accepted: () => receiver.received.filter((r) => r.status >= 200 && r.status < 300),
    answer: () => 204,
    waitFor: (predicate, timeoutMs = 10_000) =>
      vi.waitFor(
        () => {
          if (!predicate(receiver.received)) throw new Error(`not yet: ${receiver.received.map((r) => `${r.type}=${r.status}`).join(", ")}`)
        },
        { timeout: timeoutMs, interval: 20 }
      ),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
  }
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on("data", (chunk: Buffer) => chunks.push(chunk))
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8")
      let type = "?"
      try {
        type = (JSON.parse(body) as { type: string }).type
      } catch {
        // recorded as is
      }
      const webhook = { headers: req.headers, body, type }
      const answer = receiver.answer(receiver.received.length + 1, webhook)
      if (answer === "hang") {
        receiver.received.push({ ...webhook, status: 0 })
        return
      }
      const { status, headers } = typeof answer === "number" ? { status: answer, headers: {} } : answer
      receiver.received.push({ ...webhook, status })
      res.writeHead(status, headers).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`
  return receiver
}
