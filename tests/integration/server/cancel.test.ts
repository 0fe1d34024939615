import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { TestServer } from "~tests/support/server"
import { client, snapshotDatabase, startServerWithCast } from "./fixtures"

let server: TestServer
let api: ReturnType<typeof client>
let agent: string
let otherAgent: string
let ana: string
let admin: string
/** The server's clock runs this far ahead of the wall clock, so a test can pass an expiry. */
let clockOffsetMs = 0

beforeAll(async () => {
  ;({ server, api, agent, ana, admin } = await startServerWithCast({ now: () => new Date(Date.now() + clockOffsetMs) }))
  otherAgent = await server.token("agent", "other-bot")
})
afterAll(() => server.close())

const cancel = (token: string, id: string, body: unknown, headers?: Record<string, string>) => api.post(`/v1/proposals/${id}/cancel`, token, body, headers)

async function pending(): Promise<{ id: string; version: number }> {
  const { body } = await api.createProposal(agent)
  return { id: body.id, version: body.version }
}

async function approved(): Promise<{ id: string; contentHash: string }> {
  const { id } = await pending()
  const { body } = await api.decide(ana, id, { action: "approve", proposalVersion: 1 })
  return { id, contentHash: body.proposal.contentHash }
}

describe("an agent cancels its own proposal", () => {
  it("makes a pending proposal cancelled, with a cancel decision carrying the reason", async () => {
    const { id } = await pending()
    const res = await cancel(agent, id, { reason: "Superseded by a newer draft" })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ id, status: "cancelled", version: 2 })
    expect(res.body.decisions).toEqual([
      expect.objectContaining({
        action: "cancel",
        actor: expect.objectContaining({ name: "bot", role: "agent", principalId: expect.any(String) }),
        reason: { code: "other", text: "Superseded by a newer draft" }
      })
    ])
  })

  it("writes one audit entry naming the agent, the reason and the status change, and the chain still verifies", async () => {
    const { id } = await pending()
    await cancel(agent, id, { reason: "Campaign postponed" })
    const audit = ((await api.get("/v1/audit", admin)).body as string).split("\n").filter((l) => l.includes(id) && l.includes('"event":"cancel"'))
    expect(audit).toHaveLength(1)
    expect(JSON.parse(audit[0]!)).toMatchObject({
      actor: { name: "bot", role: "agent" },
      data: { reason: { code: "other", text: "Campaign postponed" }, fromStatus: "pending", toStatus: "cancelled" }
    })
    expect((await api.get("/v1/audit/verify", admin)).body).toMatchObject({ ok: true })
  })

  it("wakes an agent waiting on it, which sees cancelled", async () => {
    const { id } = await pending()
    const waiting = api.get(`/v1/proposals/${id}/wait?timeout=10`, agent)
    await cancel(agent, id, { reason: "No longer needed" })
    expect((await waiting).body.status).toBe("cancelled")
  })

  it("withdraws an approved proposal that has not run, after which its execution is refused", async () => {
    const { id, contentHash } = await approved()
    expect((await cancel(agent, id, { reason: "The target was deleted" })).body.status).toBe("cancelled")
    const late = await api.post(`/v1/proposals/${id}/execution`, agent, { outcome: "executed", contentHash })
    expect(late.status).toBe(409)
    expect(late.body.proposal.status).toBe("cancelled")
  })

  it("takes it out of the reviewers' pending list and refuses a decision on it", async () => {
    const { id } = await pending()
    await cancel(agent, id, { reason: "Wrong audience" })
    const queue = (await api.get("/v1/proposals?status=pending&limit=500", ana)).body.items.map((p: { id: string }) => p.id)
    expect(queue).not.toContain(id)
    const late = await api.decide(ana, id, { action: "approve", proposalVersion: 2 })
    expect(late.status).toBe(409)
    expect(late.body.proposal.status).toBe("cancelled")
  })

  it("replays the same response for the same Idempotency-Key, and cancels once", async () => {
    const { id } = await pending()
    const first = await cancel(agent, id, { reason: "Duplicate" }, { "idempotency-key": `cancel-${id}` })
    const again = await cancel(agent, id, { reason: "Duplicate" }, { "idempotency-key": `cancel-${id}` })
    expect(again.status).toBe(200)
    expect(again.body).toEqual(first.body)
    expect(again.body.decisions.filter((d: { action: string }) => d.action === "cancel")).toHaveLength(1)
  })
})

describe("who may cancel", () => {
  it("lets an admin cancel any agent's proposal", async () => {
    const { id } = await pending()
    const res = await cancel(admin, id, { reason: "Paused by the admin" })
    expect(res.status).toBe(200)
    expect(res.body.decisions.at(-1).actor).toMatchObject({ name: "Olu", role: "admin", principalId: expect.any(String) })
  })

  it("answers 404 to another agent, as if the proposal did not exist, and writes nothing", async () => {
    const { id } = await pending()
    const before = await snapshotDatabase(server)
    const res = await cancel(otherAgent, id, { reason: "Not mine" })
    expect(res.status).toBe(404)
    expect(await snapshotDatabase(server)).toEqual(before)
  })

  it("refuses a reviewer (403): withdrawing is the proposer's call, rejecting is the reviewer's", async () => {
    const { id } = await pending()
    const before = await snapshotDatabase(server)
    const res = await cancel(ana, id, { reason: "I would rather reject" })
    expect(res.status).toBe(403)
    expect(await snapshotDatabase(server)).toEqual(before)
  })
})

describe("what cannot be cancelled", () => {
  it("refuses an executed proposal with 409 and the current state, writing nothing", async () => {
    const { id, contentHash } = await approved()
    await api.post(`/v1/proposals/${id}/execution`, agent, { outcome: "executed", contentHash })
    const before = await snapshotDatabase(server)
    const res = await cancel(agent, id, { reason: "Too late" })
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe("conflict")
    expect(res.body.proposal.status).toBe("executed")
    expect(await snapshotDatabase(server)).toEqual(before)
  })

  it("refuses a second cancel with 409", async () => {
    const { id } = await pending()
    await cancel(agent, id, { reason: "Once" })
    const res = await cancel(agent, id, { reason: "Twice" })
    expect(res.status).toBe(409)
    expect(res.body.proposal.status).toBe("cancelled")
  })

  it("expires a proposal past its expiry first, so cancelling it answers 409 with it expired", async () => {
    const { body } = await api.createProposal(agent, { expiresAt: new Date(Date.now() + clockOffsetMs + 60_000).toISOString() })
    clockOffsetMs += 2 * 60_000
    const res = await cancel(agent, body.id, { reason: "Late" })
    expect(res.status).toBe(409)
    expect(res.body.proposal.status).toBe("expired")
  })

  for (const [label, body] of [
    ["no reason", {}],
    ["an empty reason", { reason: "   " }],
    ["a reason over 2000 characters", { reason: "x".repeat(2_001) }],
    ["an unknown field", { reason: "ok", force: true }],
    ["a reason that is not a string", { reason: 42 }]
  ] as const) {
    it(`refuses ${label} with 400 and writes nothing`, async () => {
      const { id } = await pending()
      const before = await snapshotDatabase(server)
      const res = await cancel(agent, id, body)
      expect(res.status).toBe(400)
      expect(res.body.error.code).toBe("bad_request")
      expect(await snapshotDatabase(server)).toEqual(before)
    })
  }

  it("answers 404 for a proposal that does not exist", async () => {
    expect((await cancel(agent, "01NOPE", { reason: "?" })).status).toBe(404)
  })
})

describe("an agent lists its own proposals", () => {
  it("sees only what its token created, e.g. to pick up pending work after a restart", async () => {
    const mine = (await api.createProposal(agent, { title: "Mine" })).body.id
    const theirs = (await api.createProposal(otherAgent, { title: "Theirs" })).body.id
    const listed = (await api.get("/v1/proposals?status=pending&limit=500", agent)).body.items.map((p: { id: string }) => p.id)
    expect(listed).toContain(mine)
    expect(listed).not.toContain(theirs)
    const reviewerSees = (await api.get("/v1/proposals?status=pending&limit=500", ana)).body.items.map((p: { id: string }) => p.id)
    expect(reviewerSees).toEqual(expect.arrayContaining([mine, theirs]))
  })
})
