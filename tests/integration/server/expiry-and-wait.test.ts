import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { TestServer } from "~tests/support/server"
import { client, startServerWithCast } from "./fixtures"

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

let server: TestServer
let api: ReturnType<typeof client>
let agent: string
let ana: string
let admin: string
/** The server's clock runs `clockOffsetMs` ahead of the wall clock, so tests can jump hours. */
let clockOffsetMs = 0

beforeAll(async () => {
  ;({ server, api, agent, ana, admin } = await startServerWithCast({ now: () => new Date(Date.now() + clockOffsetMs), expirySweepMs: 100 }))
})
afterAll(() => server.close())

const inMs = (ms: number) => new Date(Date.now() + clockOffsetMs + ms).toISOString()

describe("expiry", () => {
  it("expires a proposal past its expiresAt, audits it, and a decision on it is a 409", async () => {
    const created = (await api.createProposal(agent, { expiresAt: inMs(300) })).body
    await sleep(400)
    const read = (await api.get(`/v1/proposals/${created.id}`, ana)).body
    expect(read.status).toBe("expired")
    expect(read.decisions).toEqual([expect.objectContaining({ action: "expire", actor: { name: "policy", role: "policy" } })])
    const late = await api.decide(ana, created.id, { action: "approve", proposalVersion: read.version })
    expect(late.status).toBe(409)
    expect(late.body.proposal.status).toBe("expired")
    const audit = (await api.get("/v1/audit", admin)).body as string
    expect(audit.split("\n").filter((l) => l.includes('"event":"expiry"') && l.includes(created.id))).toHaveLength(1)
  })

  it("expires before deciding, even when the reviewer sends the version they saw", async () => {
    const created = (await api.createProposal(agent, { expiresAt: inMs(200) })).body
    await sleep(300)
    const late = await api.decide(ana, created.id, { action: "approve", proposalVersion: 1 })
    expect(late.status).toBe(409)
    expect(late.body.proposal.status).toBe("expired")
  })

  it("keeps the expiry and its audit entry when the decision that found it is refused", async () => {
    const created = (await api.createProposal(agent, { expiresAt: inMs(200) })).body
    await sleep(300)
    const late = await api.decide(ana, created.id, { action: "reject", reason: { code: "too_risky" }, proposalVersion: 1 })
    expect(late.status).toBe(409)
    expect(late.body.proposal.decisions.map((d: { action: string }) => d.action)).toEqual(["expire"])
    const audit = (await api.get("/v1/audit", admin)).body as string
    const forIt = audit.split("\n").filter((l) => l.includes(created.id))
    expect(forIt.filter((l) => l.includes('"event":"expiry"'))).toHaveLength(1)
    expect(forIt.filter((l) => l.includes('"event":"decision"'))).toHaveLength(0)
    expect((await api.get("/v1/audit/verify", admin)).body).toMatchObject({ ok: true })
  })

  it("expires by the workflow's expiryHours counted from creation", async () => {
    await api.put("/v1/workflows/short-lived", admin, { name: "Short-lived", model: "approve", expiryHours: 2 })
    const created = (await api.createProposal(agent, { workflowId: "short-lived" })).body
    clockOffsetMs += 60 * 60_000
    expect((await api.get(`/v1/proposals/${created.id}`, ana)).body.status).toBe("pending")
    clockOffsetMs += 61 * 60_000
    expect((await api.get(`/v1/proposals/${created.id}`, ana)).body.status).toBe("expired")
  })

  it("is swept periodically without anyone reading the proposal", async () => {
    const created = (await api.createProposal(agent, { expiresAt: inMs(150) })).body
    await sleep(450)
    const [row] = await server.sql("SELECT status FROM proposals WHERE id = ?", [created.id])
    expect(row!.status).toBe("expired")
  })

  it("never expires a decided proposal", async () => {
    const created = (await api.createProposal(agent, { expiresAt: inMs(200) })).body
    await api.decide(ana, created.id, { action: "approve", proposalVersion: 1 })
    await sleep(300)
    expect((await api.get(`/v1/proposals/${created.id}`, ana)).body.status).toBe("approved")
  })
})

describe("long-poll wait", () => {
  it("returns as soon as a decision lands, well before the timeout", async () => {
    const created = (await api.createProposal(agent)).body
    const started = Date.now()
    const waiting = api.get(`/v1/proposals/${created.id}/wait?timeout=20`, agent)
    await sleep(150)
    await api.decide(ana, created.id, { action: "reject", reason: { code: "too_risky" }, proposalVersion: 1 })
    const res = await waiting
    expect(res.status).toBe(200)
    expect(res.body.status).toBe("rejected")
    expect(Date.now() - started).toBeLessThan(3_000)
  })

  it("wakes many waiters at once with one decision", async () => {
    const created = (await api.createProposal(agent)).body
    const waiters = Array.from({ length: 25 }, () => api.get(`/v1/proposals/${created.id}/wait?timeout=20`, agent))
    await sleep(200)
    await api.decide(ana, created.id, { action: "approve", proposalVersion: 1 })
    const results = await Promise.all(waiters)
    expect(results.every((r) => r.status === 200 && r.body.status === "approved")).toBe(true)
  })

  it("returns the still-pending proposal when the timeout runs out", async () => {
    const created = (await api.createProposal(agent)).body
    const started = Date.now()
    const res = await api.get(`/v1/proposals/${created.id}/wait?timeout=1`, agent)
    expect(res.body.status).toBe("pending")
    expect(Date.now() - started).toBeGreaterThanOrEqual(900)
  })

  it("returns at once when the proposal is no longer pending", async () => {
    const created = (await api.createProposal(agent)).body
    await api.decide(ana, created.id, { action: "approve", proposalVersion: 1 })
    const started = Date.now()
    const res = await api.get(`/v1/proposals/${created.id}/wait?timeout=30`, agent)
    expect(res.body.status).toBe("approved")
    expect(Date.now() - started).toBeLessThan(1_000)
  })

  it("wakes at the proposal's expiry with status expired", async () => {
    const created = (await api.createProposal(agent, { expiresAt: inMs(300) })).body
    const res = await api.get(`/v1/proposals/${created.id}/wait?timeout=20`, agent)
    expect(res.body.status).toBe("expired")
  })

  it("a pause on the proposal wakes a version waiter but not a pending waiter", async () => {
    const created = (await api.createProposal(agent, { workflowId: "pausable" })).body
    const versionWaiter = api.get(`/v1/proposals/${created.id}/wait?timeout=5&version=1`, agent)
    const statusWaiter = api.get(`/v1/proposals/${created.id}/wait?timeout=1`, agent)
    await sleep(100)
    await api.decide(ana, created.id, { action: "pause", proposalVersion: 1 })
    expect((await versionWaiter).body.version).toBe(2)
    expect((await statusWaiter).body.status).toBe("pending")
  })
})
