import { afterEach, describe, expect, it } from "vitest"
import type { WebhookDispatchOptions } from "~server/webhooks/dispatcher"
import type { TestServer } from "~tests/support/server"
import { type WebhookReceiver, startWebhookReceiver } from "~tests/support/webhook-receiver"
import { startServerWithCast } from "../server/fixtures"

/**
 * Deliveries are rows written in the transaction that moves the dispatcher's cursor, and the
 * cursor itself is a row: what a stopped server had not sent yet, the next one sends.
 */
let server: TestServer | undefined
let receiver: WebhookReceiver | undefined
afterEach(async () => {
  await server?.close()
  await receiver?.close()
  server = receiver = undefined
})

const FAST = { retryScheduleMs: [30, 30, 30], pollMs: 20 }

async function setUp(webhooks: Partial<WebhookDispatchOptions> | false) {
  const cast = await startServerWithCast({ webhooks })
  server = cast.server
  receiver = await startWebhookReceiver()
  const created = await cast.api.post("/v1/webhooks", cast.admin, { url: receiver.url, events: ["proposal.created", "proposal.approved"] })
  return { ...cast, webhookId: created.body.webhook.id as string }
}

async function deliveriesOf(s: TestServer) {
  return s.sql("SELECT status, attempts, next_attempt_at FROM webhook_deliveries ORDER BY id")
}

describe("a server restart loses no webhook", () => {
  it("sends a delivery that was waiting for its retry when the server stopped", async () => {
    const { api, agent, server: first } = await setUp({ retryScheduleMs: [60_000], pollMs: 20 })
    receiver!.answer = (n) => (n === 1 ? 500 : 204)
    await api.createProposal(agent)
    await receiver!.waitFor((all) => all.length === 1)
    await expect.poll(() => deliveriesOf(first)).toEqual([expect.objectContaining({ status: "pending", attempts: 1 })])

    // Restarted a minute later (its clock says so), when the retry is due.
    server = await first.restart({ now: () => new Date(Date.now() + 61_000), webhooks: { retryScheduleMs: [60_000], pollMs: 20 } })
    await receiver!.waitFor((all) => all.some((r) => r.status === 204))
    expect(receiver!.received.map((r) => r.status)).toEqual([500, 204])
    expect(new Set(receiver!.received.map((r) => r.headers["webhook-id"])).size).toBe(1)
    // The receiver answered; the row is updated just after.
    await expect.poll(() => deliveriesOf(server!)).toEqual([expect.objectContaining({ status: "succeeded", attempts: 2 })])
  })

  it("sends the events a server logged but never dispatched (it stopped first)", async () => {
    const { api, agent, ana, server: first } = await setUp(false)
    const { id } = (await api.createProposal(agent)).body
    await api.decide(ana, id, { action: "approve", proposalVersion: 1 })
    expect(await deliveriesOf(first)).toEqual([])

    server = await first.restart({ webhooks: FAST })
    await receiver!.waitFor((all) => all.length === 2)
    expect(receiver!.received.map((r) => [r.type, r.status])).toEqual([
      ["proposal.created", 204],
      ["proposal.approved", 204]
    ])
  })

  it("does not count an attempt cut short by the shutdown, and sends it again after the restart", async () => {
    const { api, agent, server: first } = await setUp(FAST)
    receiver!.answer = (n) => (n === 1 ? "hang" : 204)
    await api.createProposal(agent)
    await receiver!.waitFor((all) => all.length === 1)

    server = await first.restart({ webhooks: FAST })
    await receiver!.waitFor((all) => all.some((r) => r.status === 204))
    await expect.poll(() => deliveriesOf(server!)).toEqual([expect.objectContaining({ status: "succeeded", attempts: 1 })])
  })
})
