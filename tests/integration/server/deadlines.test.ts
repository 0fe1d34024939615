import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest"
import { DeadlineSettings, Proposal } from "~src/domain"
import type { TestServer } from "~tests/support/server"
import { type WebhookReceiver, startWebhookReceiver } from "~tests/support/webhook-receiver"
import { client, expectRefusedWithoutWrites, startServerWithCast } from "./fixtures"

const HOUR = 3_600_000

let server: TestServer
let api: ReturnType<typeof client>
let agent: string
let ana: string
let admin: string
/** The server's clock runs this far ahead of the wall clock, so tests can jump hours. */
let clockOffsetMs = 0
let receiver: WebhookReceiver

beforeAll(async () => {
  ;({ server, api, agent, ana, admin } = await startServerWithCast({
    now: () => new Date(Date.now() + clockOffsetMs),
    expirySweepMs: 50,
    webhooks: { retryScheduleMs: [30, 30], pollMs: 20, expiringSweepMs: 20 }
  }))
  await api.put("/v1/workflows/copy", admin, { name: "Copy", model: "approve" })
  await api.put("/v1/workflows/copy-own", admin, { name: "Copy, own deadline", model: "approve", expiryHours: 2 })
  await api.put("/v1/workflows/triage", admin, { name: "Triage", model: "exception", threshold: 0.9 })
  receiver = await startWebhookReceiver()
  const subscribed = await api.post("/v1/webhooks", admin, { url: receiver.url, events: ["proposal.expiring", "proposal.expired"] })
  expect(subscribed.status).toBe(201)
})
afterEach(async () => {
  // Back to no defaults: each test sets the ones it needs.
  await api.put("/v1/settings/deadlines", admin, { defaultExpiryHours: { approve: null, monitor: null, exception: null }, reminderShare: 0.8 })
})
afterAll(async () => {
  await receiver.close()
  await server.close()
})

const created = async (workflowId: string, extra: Record<string, unknown> = {}) => {
  const res = await api.createProposal(agent, { workflowId, ...extra })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return Proposal.parse(res.body)
}
const hoursAfter = (p: Proposal, at: string | undefined) => (Date.parse(at!) - Date.parse(p.createdAt)) / HOUR
const eventsAbout = (id: string) =>
  receiver
    .accepted()
    .filter((r) => JSON.parse(r.body).data.proposalId === id)
    .map((r) => r.type)

describe("default deadlines per tier", () => {
  it("start with no default and the 80 % reminder, readable by reviewers", async () => {
    const res = await api.get("/v1/settings/deadlines", ana)
    expect(res.status).toBe(200)
    expect(DeadlineSettings.parse(res.body)).toEqual({ defaultExpiryHours: { approve: null, monitor: null, exception: null }, reminderShare: 0.8 })
    expect((await created("copy")).expiresAt).toBeUndefined()
  })

  it("give a workflow without its own expiry its tier's default, with the reminder at the share", async () => {
    const res = await api.put("/v1/settings/deadlines", admin, { defaultExpiryHours: { approve: 48, exception: 6 } })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ defaultExpiryHours: { approve: 48, monitor: null, exception: 6 }, reminderShare: 0.8 })
    const copy = await created("copy")
    expect(hoursAfter(copy, copy.expiresAt)).toBe(48)
    expect(hoursAfter(copy, copy.remindAt)).toBeCloseTo(38.4)
    const escalated = await created("triage", { confidence: 0.5 })
    expect(escalated.status).toBe("pending")
    expect(hoursAfter(escalated, escalated.expiresAt)).toBe(6)
  })

  it("yield to the workflow's own expiryHours", async () => {
    await api.put("/v1/settings/deadlines", admin, { defaultExpiryHours: { approve: 48 } })
    const own = await created("copy-own")
    expect(hoursAfter(own, own.expiresAt)).toBe(2)
  })

  it("yield to an agent's earlier expiresAt, the reminder timed from it", async () => {
    await api.put("/v1/settings/deadlines", admin, { defaultExpiryHours: { approve: 48 } })
    const expiresAt = new Date(Date.now() + clockOffsetMs + 10 * HOUR).toISOString()
    const asked = await created("copy", { expiresAt })
    expect(asked.expiresAt).toBe(expiresAt)
    expect(hoursAfter(asked, asked.remindAt)).toBeCloseTo(8, 1)
  })

  it("do not move the deadlines of proposals already waiting when an admin changes them", async () => {
    await api.put("/v1/settings/deadlines", admin, { defaultExpiryHours: { approve: 48 }, reminderShare: 0.8 })
    const before = await created("copy")
    await api.put("/v1/settings/deadlines", admin, { defaultExpiryHours: { approve: 2 }, reminderShare: 0.5 })
    const after = await created("copy")
    expect(hoursAfter(after, after.expiresAt)).toBe(2)
    expect(hoursAfter(after, after.remindAt)).toBe(1)
    const reread = Proposal.parse((await api.get(`/v1/proposals/${before.id}`, ana)).body)
    expect(reread.expiresAt).toBe(before.expiresAt)
    expect(reread.remindAt).toBe(before.remindAt)
    await api.put("/v1/settings/deadlines", admin, { defaultExpiryHours: { approve: null } })
    expect(Proposal.parse((await api.get(`/v1/proposals/${after.id}`, ana)).body).expiresAt).toBe(after.expiresAt)
  })

  it("expire a proposal at its tier's deadline, after which it can never be executed", async () => {
    await api.put("/v1/settings/deadlines", admin, { defaultExpiryHours: { approve: 1 } })
    const p = await created("copy")
    clockOffsetMs += HOUR + 60_000
    const read = await api.get(`/v1/proposals/${p.id}`, ana)
    expect(read.body.status).toBe("expired")
    const late = await api.decide(ana, p.id, { action: "approve", proposalVersion: read.body.version })
    expect(late.status).toBe(409)
    const run = await api.post(`/v1/proposals/${p.id}/execution`, agent, { outcome: "executed", contentHash: "anything" })
    expect(run.status).toBe(409)
    expect(run.body.proposal.status).toBe("expired")
  })

  it("are audited with before and after, naming the admin", async () => {
    await api.put("/v1/settings/deadlines", admin, { defaultExpiryHours: { monitor: 12 } })
    const lines = ((await api.get("/v1/audit", admin)).body as string)
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l))
    const last = lines.filter((l) => l.event === "deadlines.changed").at(-1)
    expect(last).toMatchObject({
      actor: { name: "Olu", role: "admin" },
      data: { before: { defaultExpiryHours: { monitor: null } }, after: { defaultExpiryHours: { monitor: 12 } } }
    })
    expect((await api.get("/v1/audit/verify", admin)).body.ok).toBe(true)
  })
})

describe("reminders", () => {
  it("fire proposal.expiring at the configured share of the time, then proposal.expired", async () => {
    await api.put("/v1/settings/deadlines", admin, { defaultExpiryHours: { approve: 10 }, reminderShare: 0.5 })
    const p = await created("copy")
    expect(hoursAfter(p, p.remindAt)).toBe(5)
    clockOffsetMs += 6 * HOUR
    await receiver.waitFor(() => eventsAbout(p.id).length === 1)
    expect(eventsAbout(p.id)).toEqual(["proposal.expiring"])
    clockOffsetMs += 5 * HOUR
    await receiver.waitFor(() => eventsAbout(p.id).length === 2)
    expect(eventsAbout(p.id)).toEqual(["proposal.expiring", "proposal.expired"])
  })
})

describe("who may change the defaults, and bad input", () => {
  const refused = (token: string, body: unknown, status: number, code: string) =>
    expectRefusedWithoutWrites(server, () => api.put("/v1/settings/deadlines", token, body), status, code)

  it("refuses a reviewer (403) and an agent (403), writing nothing", async () => {
    await refused(ana, { reminderShare: 0.5 }, 403, "forbidden")
    await refused(agent, { reminderShare: 0.5 }, 403, "forbidden")
    expect((await api.get("/v1/settings/deadlines", agent)).status).toBe(403)
  })

  for (const [label, body] of [
    ["an empty body", {}],
    ["an unknown field", { reminderShare: 0.5, remindEveryone: true }],
    ["an unknown tier", { defaultExpiryHours: { review: 4 } }],
    ["a share of 1", { reminderShare: 1 }],
    ["a share of 0", { reminderShare: 0 }],
    ["0 hours", { defaultExpiryHours: { approve: 0 } }],
    ["fractional hours", { defaultExpiryHours: { approve: 1.5 } }],
    ["hours as a string", { defaultExpiryHours: { approve: "48" } }],
    ["more than a year", { defaultExpiryHours: { approve: 24 * 366 } }]
  ] as const)
    it(`refuses ${label} with 400 and writes nothing`, () => refused(admin, body, 400, "bad_request"))
})
