import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type TestServer, startTestServer } from "~tests/support/server"
import { proposalBody } from "~tests/support/proposals"
import { client, snapshotDatabase } from "./fixtures"

let server: TestServer
let api: ReturnType<typeof client>
let agent: string
let reviewer: string

beforeAll(async () => {
  server = await startTestServer()
  api = client(server)
  agent = await server.token("agent", "bot")
  reviewer = await server.token("reviewer", "Ana")
})
afterAll(() => server.close())

describe("Idempotency-Key on proposal creation", () => {
  it("replays the original 201 and body for the same key and body, creating one proposal", async () => {
    const first = await api.createProposal(agent, {}, { "idempotency-key": "create-1" })
    const before = await snapshotDatabase(server)
    const replay = await api.createProposal(agent, {}, { "idempotency-key": "create-1" })
    expect(first.status).toBe(201)
    expect(replay.status).toBe(201)
    expect(replay.body).toEqual(first.body)
    expect(await snapshotDatabase(server)).toEqual(before)
  })

  it("answers 422 for the same key with a different body, and writes nothing", async () => {
    await api.createProposal(agent, {}, { "idempotency-key": "create-2" })
    const before = await snapshotDatabase(server)
    const res = await api.createProposal(agent, { title: "Something else" }, { "idempotency-key": "create-2" })
    expect(res.status).toBe(422)
    expect(res.body.error.code).toBe("unprocessable")
    expect(await snapshotDatabase(server)).toEqual(before)
  })

  it("replays a create whose expiresAt has passed since, instead of refusing the retry", async () => {
    const expiresAt = new Date(Date.now() + 300).toISOString()
    const first = await api.createProposal(agent, { expiresAt }, { "idempotency-key": "create-expiring" })
    expect(first.status).toBe(201)
    await new Promise((resolve) => setTimeout(resolve, 400))
    const retry = await api.createProposal(agent, { expiresAt }, { "idempotency-key": "create-expiring" })
    expect(retry.status).toBe(201)
    expect(retry.body.id).toBe(first.body.id)
  })

  it("treats key order in the body as the same body", async () => {
    const first = await api.createProposal(agent, {}, { "idempotency-key": "create-3" })
    const reordered = Object.fromEntries(Object.entries(proposalBody()).reverse())
    const replay = await api.post("/v1/proposals", agent, reordered, { "idempotency-key": "create-3" })
    expect(replay.status).toBe(201)
    expect(replay.body.id).toBe(first.body.id)
  })

  it("scopes keys per token: another agent's same key creates its own proposal", async () => {
    const other = await server.token("agent", "other-bot")
    const mine = await api.createProposal(agent, {}, { "idempotency-key": "shared-key" })
    const theirs = await api.createProposal(other, {}, { "idempotency-key": "shared-key" })
    expect(theirs.status).toBe(201)
    expect(theirs.body.id).not.toBe(mine.body.id)
  })

  it("creates a new proposal per request without a key", async () => {
    const a = await api.createProposal(agent)
    const b = await api.createProposal(agent)
    expect(a.body.id).not.toBe(b.body.id)
  })

  it("creates exactly one proposal when the same key is sent concurrently", async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => api.createProposal(agent, { title: "Concurrent" }, { "idempotency-key": "burst" })))
    expect(results.every((r) => r.status === 201)).toBe(true)
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1)
  })
})

describe("Idempotency-Key on decisions", () => {
  it("replays the original 200 {proposal, decision} for a retried approval instead of a 409", async () => {
    const id = (await api.createProposal(agent)).body.id
    const first = await api.decide(reviewer, id, { action: "approve", proposalVersion: 1 }, { "idempotency-key": "decide-1" })
    const before = await snapshotDatabase(server)
    const retry = await api.decide(reviewer, id, { action: "approve", proposalVersion: 1 }, { "idempotency-key": "decide-1" })
    expect(first.status).toBe(200)
    expect(retry.status).toBe(200)
    expect(retry.body).toEqual(first.body)
    expect(await snapshotDatabase(server)).toEqual(before)
  })

  it("answers 422 for the same key with a different decision", async () => {
    const id = (await api.createProposal(agent)).body.id
    await api.decide(reviewer, id, { action: "approve", proposalVersion: 1 }, { "idempotency-key": "decide-2" })
    const res = await api.decide(reviewer, id, { action: "reject", reason: { code: "too_risky" }, proposalVersion: 1 }, { "idempotency-key": "decide-2" })
    expect(res.status).toBe(422)
  })

  it("scopes keys per route: the same key on another proposal is a new decision", async () => {
    const a = (await api.createProposal(agent)).body.id
    const b = (await api.createProposal(agent)).body.id
    await api.decide(reviewer, a, { action: "approve", proposalVersion: 1 }, { "idempotency-key": "same" })
    const res = await api.decide(reviewer, b, { action: "approve", proposalVersion: 1 }, { "idempotency-key": "same" })
    expect(res.status).toBe(200)
    expect(res.body.proposal.id).toBe(b)
  })

  it("does not remember a refused request: the key stays usable after a 409", async () => {
    const id = (await api.createProposal(agent)).body.id
    const stale = await api.decide(reviewer, id, { action: "approve", proposalVersion: 7 }, { "idempotency-key": "after-409" })
    expect(stale.status).toBe(409)
    const fixed = await api.decide(reviewer, id, { action: "approve", proposalVersion: 1 }, { "idempotency-key": "after-409-fixed" })
    expect(fixed.status).toBe(200)
  })
})
