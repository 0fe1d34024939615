import { Webhook as StandardWebhook } from "standardwebhooks"
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest"
import { WEBHOOK_EVENT_TYPES, WebhookEvent, type WebhookEventType } from "~src/domain/webhooks"
import type { TestServer } from "~tests/support/server"
import { type ReceivedWebhook, type WebhookReceiver, startWebhookReceiver } from "~tests/support/webhook-receiver"
import { client, snapshotDatabase, startServerWithCast } from "../server/fixtures"

/** Retries after 30 ms instead of 5 s, 5 min, ...: the same code path, on a schedule a test can wait for. */
const FAST = { retryScheduleMs: [30, 30, 30, 30], pollMs: 20, expiringSweepMs: 20 }

let server: TestServer
let api: ReturnType<typeof client>
let agent: string
let ana: string
let admin: string
let clockOffsetMs = 0
const cleanups: Array<() => Promise<unknown>> = []

beforeAll(async () => {
  ;({ server, api, agent, ana, admin } = await startServerWithCast({
    now: () => new Date(Date.now() + clockOffsetMs),
    expirySweepMs: 50,
    webhooks: FAST
  }))
})
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})
afterAll(() => server.close())

const ALL_EVENTS: WebhookEventType[] = [...WEBHOOK_EVENT_TYPES]

/** A receiver on 127.0.0.1 and a webhook pointing at it; both go away after the test. */
async function subscribe(events: WebhookEventType[] = ALL_EVENTS) {
  const receiver = await startWebhookReceiver()
  const res = await api.post("/v1/webhooks", admin, { url: receiver.url, events })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  const { webhook, secret } = res.body as { webhook: { id: string }; secret: string }
  cleanups.push(
    () => api.call("PATCH", `/v1/webhooks/${webhook.id}`, { token: admin, body: { enabled: false } }),
    () => receiver.close()
  )
  return { receiver, webhookId: webhook.id, secret }
}

const about = (proposalId: string) => (r: ReceivedWebhook) => (JSON.parse(r.body) as WebhookEvent).data.proposalId === proposalId
const typesAbout = (receiver: WebhookReceiver, proposalId: string) =>
  receiver
    .accepted()
    .filter(about(proposalId))
    .map((r) => r.type)
const eventOf = (r: ReceivedWebhook) => WebhookEvent.parse(JSON.parse(r.body))
const headersOf = (r: ReceivedWebhook) => ({
  "webhook-id": String(r.headers["webhook-id"]),
  "webhook-timestamp": String(r.headers["webhook-timestamp"]),
  "webhook-signature": String(r.headers["webhook-signature"])
})

describe("signing", () => {
  it("signs every delivery so that the standardwebhooks package verifies it with the whsec_ secret", async () => {
    const { receiver, secret } = await subscribe()
    const { id } = (await api.createProposal(agent)).body
    await api.decide(ana, id, { action: "approve", proposalVersion: 1 })
    await receiver.waitFor(() => typesAbout(receiver, id).includes("proposal.approved"))
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/)
    const verifier = new StandardWebhook(secret)
    for (const delivery of receiver.received.filter(about(id))) {
      expect(verifier.verify(delivery.body, headersOf(delivery))).toEqual(JSON.parse(delivery.body))
      expect(delivery.headers["content-type"]).toBe("application/json")
    }
  })

  it("is refused by the standardwebhooks package with another secret or a changed body", async () => {
    const { receiver } = await subscribe(["proposal.created"])
    const { id } = (await api.createProposal(agent)).body
    await receiver.waitFor(() => typesAbout(receiver, id).length === 1)
    const [delivery] = receiver.received.filter(about(id))
    const other = new StandardWebhook(`whsec_${Buffer.alloc(32, 7).toString("base64")}`)
    expect(() => other.verify(delivery!.body, headersOf(delivery!))).toThrow()
    const secretHolder = (await subscribe(["proposal.created"])).secret
    expect(() => new StandardWebhook(secretHolder).verify(delivery!.body.replace("pending", "approved"), headersOf(delivery!))).toThrow()
  })

  it("carries two signatures after a rotation, one per secret, each verifying on its own", async () => {
    const { receiver, webhookId, secret: oldSecret } = await subscribe(["proposal.created"])
    const rotated = await api.post(`/v1/webhooks/${webhookId}/rotate-secret`, admin, {})
    expect(rotated.status).toBe(200)
    const newSecret = rotated.body.secret as string
    expect(newSecret).not.toBe(oldSecret)
    expect(rotated.body.webhook.previousSecretExpiresAt).toEqual(expect.any(String))
    const { id } = (await api.createProposal(agent)).body
    await receiver.waitFor(() => typesAbout(receiver, id).length === 1)
    const [delivery] = receiver.received.filter(about(id))
    expect(String(delivery!.headers["webhook-signature"]).split(" ")).toHaveLength(2)
    expect(new StandardWebhook(newSecret).verify(delivery!.body, headersOf(delivery!))).toBeTruthy()
    expect(new StandardWebhook(oldSecret).verify(delivery!.body, headersOf(delivery!))).toBeTruthy()
  })
})

describe("events", () => {
  it("sends created then approved, with the approved content hash, to a webhook subscribed to both", async () => {
    const { receiver } = await subscribe(["proposal.created", "proposal.approved"])
    const { id } = (await api.createProposal(agent)).body
    const decided = (await api.decide(ana, id, { action: "approve", proposalVersion: 1 })).body
    await receiver.waitFor(() => typesAbout(receiver, id).length === 2)
    const [created, approved] = receiver.accepted().filter(about(id)).map(eventOf)
    expect(created).toMatchObject({ type: "proposal.created", data: { proposalId: id, status: "pending", actor: { name: "bot", role: "agent" } } })
    expect(approved).toMatchObject({
      type: "proposal.approved",
      data: { status: "approved", contentHash: decided.proposal.contentHash, edited: false, automatic: false, actor: { name: "Ana" }, approvals: 1, quorum: 1 }
    })
    expect(approved!.data.target).toEqual({ platform: "hubspot", kind: "email", id: "4242", url: "https://app.hubspot.com/email/1/edit/4242" })
  })

  it("sends edited and approved for an edit that approves, the hash being the edited change's", async () => {
    const { receiver } = await subscribe(["proposal.edited", "proposal.approved"])
    const { id } = (await api.createProposal(agent)).body
    const decided = (await api.decide(ana, id, { action: "edit", edits: { after: "November news" }, proposalVersion: 1 })).body
    await receiver.waitFor(() => typesAbout(receiver, id).length === 2)
    expect(typesAbout(receiver, id)).toEqual(["proposal.edited", "proposal.approved"])
    const approved = eventOf(receiver.accepted().filter(about(id))[1]!)
    expect(approved.data).toMatchObject({ edited: true, contentHash: decided.proposal.contentHash })
  })

  it("sends rejected with the reviewer's reason code and text", async () => {
    const { receiver } = await subscribe(["proposal.rejected"])
    const { id } = (await api.createProposal(agent)).body
    await api.decide(ana, id, { action: "reject", reason: { code: "off_brand", text: "Too casual" }, proposalVersion: 1 })
    await receiver.waitFor(() => typesAbout(receiver, id).length === 1)
    expect(eventOf(receiver.accepted().filter(about(id))[0]!).data).toMatchObject({ status: "rejected", reason: { code: "off_brand", text: "Too casual" } })
  })

  it("sends approved (automatic) for an auto-approval, then execution.reported, then reverted", async () => {
    const { receiver } = await subscribe(["proposal.approved", "execution.reported", "proposal.reverted"])
    await api.put("/v1/workflows/nurture-monitor", admin, { name: "Nurture", model: "monitor" })
    const created = (await api.createProposal(agent, { workflowId: "nurture-monitor" })).body
    const hash = created.contentHash as string
    await api.post(`/v1/proposals/${created.id}/execution`, agent, { outcome: "executed", contentHash: hash, detail: "sent" })
    await api.decide(ana, created.id, { action: "revert", proposalVersion: 2 })
    await receiver.waitFor(() => typesAbout(receiver, created.id).length === 3)
    const [approved, executed, reverted] = receiver.accepted().filter(about(created.id)).map(eventOf)
    expect(approved!.data).toMatchObject({ status: "auto_approved", automatic: true, contentHash: hash, actor: { role: "policy" } })
    expect(executed!.data).toMatchObject({ status: "executed", outcome: "executed", contentHash: hash, detail: "sent" })
    expect(reverted!.data).toMatchObject({ status: "reverted", actor: { name: "Ana" } })
  })

  it("sends cancelled with the agent's reason", async () => {
    const { receiver } = await subscribe(["proposal.cancelled"])
    const { id } = (await api.createProposal(agent)).body
    await api.post(`/v1/proposals/${id}/cancel`, agent, { reason: "Superseded" })
    await receiver.waitFor(() => typesAbout(receiver, id).length === 1)
    expect(eventOf(receiver.accepted().filter(about(id))[0]!).data).toMatchObject({ status: "cancelled", reason: { code: "other", text: "Superseded" } })
  })

  it("sends expiring once, past the share of the time to expiry, then expired", async () => {
    const { receiver } = await subscribe(["proposal.expiring", "proposal.expired"])
    const expiresAt = new Date(Date.now() + clockOffsetMs + 10 * 60_000).toISOString()
    const { id } = (await api.createProposal(agent, { expiresAt })).body
    clockOffsetMs += 9 * 60_000
    await receiver.waitFor(() => typesAbout(receiver, id).length === 1)
    expect(eventOf(receiver.accepted().filter(about(id))[0]!)).toMatchObject({
      type: "proposal.expiring",
      data: { status: "pending", expiresAt, auditSeq: null }
    })
    clockOffsetMs += 2 * 60_000
    await receiver.waitFor(() => typesAbout(receiver, id).length === 2)
    expect(typesAbout(receiver, id)).toEqual(["proposal.expiring", "proposal.expired"])
  })

  it("sends nothing of a type the webhook did not subscribe to", async () => {
    const { receiver } = await subscribe(["proposal.rejected"])
    const probe = await subscribe(["proposal.approved"])
    const { id } = (await api.createProposal(agent)).body
    await api.decide(ana, id, { action: "approve", proposalVersion: 1 })
    await probe.receiver.waitFor(() => typesAbout(probe.receiver, id).length === 1)
    expect(receiver.received.filter(about(id))).toEqual([])
  })

  it("sends nothing that happened before the webhook existed", async () => {
    const { id } = (await api.createProposal(agent)).body
    const { receiver } = await subscribe(["proposal.created", "proposal.approved"])
    await api.decide(ana, id, { action: "approve", proposalVersion: 1 })
    await receiver.waitFor(() => typesAbout(receiver, id).length === 1)
    expect(typesAbout(receiver, id)).toEqual(["proposal.approved"])
  })
})

describe("retries", () => {
  it("retries a receiver that fails three times, which then gets the event once, same webhook-id every time", async () => {
    const { receiver, webhookId } = await subscribe(["proposal.approved"])
    receiver.answer = (n) => (n <= 3 ? 500 : 204)
    const { id } = (await api.createProposal(agent)).body
    await api.decide(ana, id, { action: "approve", proposalVersion: 1 })
    await receiver.waitFor((all) => all.some((r) => r.status === 204))
    expect(receiver.received.map((r) => r.status)).toEqual([500, 500, 500, 204])
    expect(new Set(receiver.received.map((r) => r.headers["webhook-id"])).size).toBe(1)
    expect(receiver.accepted()).toHaveLength(1)
    await expectDelivery(webhookId, { eventType: "proposal.approved", status: "succeeded", attempts: 4, lastStatusCode: 204, lastError: null })
    expect((await api.get(`/v1/webhooks/${webhookId}/deliveries`, admin)).body.items).toHaveLength(1)
  })

  it("gives up after the schedule's last retry, marking the delivery failed with the last error", async () => {
    const { receiver, webhookId } = await subscribe(["proposal.created"])
    receiver.answer = () => 503
    await api.createProposal(agent)
    await receiver.waitFor((all) => all.length === 1 + FAST.retryScheduleMs.length)
    await expectDelivery(webhookId, { status: "failed", attempts: 5, lastStatusCode: 503, lastError: "HTTP 503 (retries exhausted)" })
  })

  it("treats a redirect as a failure, not something to follow", async () => {
    const { receiver, webhookId } = await subscribe(["proposal.created"])
    receiver.answer = (n) => (n === 1 ? { status: 302, headers: { location: "http://127.0.0.1:9/elsewhere" } } : 200)
    await api.createProposal(agent)
    await receiver.waitFor((all) => all.length === 2)
    expect(receiver.received.map((r) => r.status)).toEqual([302, 200])
    await expectDelivery(webhookId, { status: "succeeded", attempts: 2 })
  })

  it("disables the webhook when the receiver answers 410 Gone, and sends it nothing more until re-enabled", async () => {
    const { receiver, webhookId } = await subscribe(["proposal.created"])
    receiver.answer = (n) => (n === 1 ? 410 : 204)
    const first = (await api.createProposal(agent)).body.id
    await receiver.waitFor((all) => all.length === 1)
    await expectDelivery(webhookId, { status: "failed", lastStatusCode: 410 })
    const listed = (await api.get(`/v1/webhooks/${webhookId}`, admin)).body
    expect(listed).toMatchObject({ enabled: false, disabledReason: expect.stringContaining("410") })

    const second = (await api.createProposal(agent)).body.id
    const third = await subscribe(["proposal.created"])
    const probe = (await api.createProposal(agent)).body.id
    await third.receiver.waitFor(() => typesAbout(third.receiver, probe).length === 1)
    expect(receiver.received.map((r) => eventOf(r).data.proposalId)).toEqual([first])
    expect(second).toBeDefined()
  })

  it("lists deliveries for admins and replays one with the same webhook-id", async () => {
    const { receiver, webhookId } = await subscribe(["proposal.created"])
    const { id } = (await api.createProposal(agent)).body
    await receiver.waitFor(() => typesAbout(receiver, id).length === 1)
    await expectDelivery(webhookId, { status: "succeeded" })
    const [delivery] = (await api.get(`/v1/webhooks/${webhookId}/deliveries?status=succeeded`, admin)).body.items
    expect(delivery).toMatchObject({ status: "succeeded", event: { type: "proposal.created", data: { proposalId: id } } })
    const replayed = await api.post(`/v1/webhooks/${webhookId}/deliveries/${delivery.id}/replay`, admin, {})
    expect(replayed.status).toBe(200)
    expect(replayed.body).toMatchObject({ status: "pending", attempts: 0 })
    await receiver.waitFor(() => typesAbout(receiver, id).length === 2)
    const [original, replay] = receiver.accepted().filter(about(id))
    expect(replay!.headers["webhook-id"]).toBe(original!.headers["webhook-id"])
    expect(replay!.body).toBe(original!.body)
  })
})

describe("the admin API", () => {
  it("shows the secret only on creation: listing and reading a webhook never include it", async () => {
    const { webhookId, secret } = await subscribe()
    const listed = await api.get("/v1/webhooks", admin)
    expect(listed.body.items.map((w: { id: string }) => w.id)).toContain(webhookId)
    expect(JSON.stringify(listed.body)).not.toContain(secret.slice(6))
    expect(JSON.stringify((await api.get(`/v1/webhooks/${webhookId}`, admin)).body)).not.toContain(secret.slice(6))
  })

  it("audits the creation without the secret", async () => {
    const { webhookId, secret } = await subscribe(["proposal.created"])
    const audit = ((await api.get("/v1/audit", admin)).body as string).split("\n").filter((l) => l.includes(webhookId))
    expect(audit.map((l) => JSON.parse(l).event)).toContain("webhook.created")
    expect(audit.join("\n")).not.toContain(secret.slice(6))
  })

  for (const [label, body] of [
    ["an http URL that is not loopback", { url: "http://hooks.example/x", events: ["proposal.created"] }],
    ["a URL with credentials", { url: "https://user:pass@hooks.example/x", events: ["proposal.created"] }],
    ["another scheme", { url: "ftp://hooks.example/x", events: ["proposal.created"] }],
    ["not a URL", { url: "hooks", events: ["proposal.created"] }],
    ["an unknown event", { url: "https://hooks.example/x", events: ["proposal.deleted"] }],
    ["no events", { url: "https://hooks.example/x", events: [] }],
    ["an event twice", { url: "https://hooks.example/x", events: ["proposal.created", "proposal.created"] }],
    ["an unknown field", { url: "https://hooks.example/x", events: ["proposal.created"], secret: "whsec_mine" }]
  ] as const) {
    it(`refuses ${label} with 400 and writes nothing`, async () => {
      const before = await snapshotDatabase(server)
      const webhooksBefore = await server.sql("SELECT COUNT(*) AS n FROM webhooks")
      const res = await api.post("/v1/webhooks", admin, body)
      expect(res.status).toBe(400)
      expect(res.body.error.code).toBe("bad_request")
      expect(await snapshotDatabase(server)).toEqual(before)
      expect(await server.sql("SELECT COUNT(*) AS n FROM webhooks")).toEqual(webhooksBefore)
    })
  }

  it("answers 404 for the deliveries of a webhook that does not exist", async () => {
    expect((await api.get("/v1/webhooks/nope/deliveries", admin)).status).toBe(404)
  })

  it("refuses to replay a delivery that is still pending (409)", async () => {
    const { receiver, webhookId } = await subscribe(["proposal.created"])
    receiver.answer = () => 500
    await api.createProposal(agent)
    await receiver.waitFor((all) => all.length === 1)
    const [delivery] = (await api.get(`/v1/webhooks/${webhookId}/deliveries`, admin)).body.items
    expect((await api.post(`/v1/webhooks/${webhookId}/deliveries/${delivery.id}/replay`, admin, {})).status).toBe(409)
  })
})

async function expectDelivery(webhookId: string, expected: Record<string, unknown>): Promise<void> {
  await expect
    .poll(async () => (await api.get(`/v1/webhooks/${webhookId}/deliveries`, admin)).body.items[0], { timeout: 5_000, interval: 20 })
    .toMatchObject(expected)
}
