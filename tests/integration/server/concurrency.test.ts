import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { SyncPage } from "~src/domain"
import { type TestServer, startTestServer } from "~tests/support/server"
import { client, snapshotDatabase } from "./fixtures"

let server: TestServer
let api: ReturnType<typeof client>
let agent: string
let admin: string
let reviewers: string[]

beforeAll(async () => {
  server = await startTestServer()
  api = client(server)
  agent = await server.token("agent", "bot")
  admin = await server.token("admin", "Olu")
  reviewers = await Promise.all(["Ana", "Ben", "Chi", "Dee", "Eve"].map((name) => server.token("reviewer", name)))
})
afterAll(() => server.close())

describe("optimistic concurrency", () => {
  it("lets exactly one of five simultaneous decisions win; the rest get 409 with the current proposal", async () => {
    const id = (await api.createProposal(agent)).body.id
    const results = await Promise.all(
      reviewers.map((token, i) =>
        i % 2 === 0
          ? api.decide(token, id, { action: "approve", proposalVersion: 1 })
          : api.decide(token, id, { action: "reject", reason: { code: "inaccurate" }, proposalVersion: 1 })
      )
    )
    const winners = results.filter((r) => r.status === 200)
    const losers = results.filter((r) => r.status === 409)
    expect(winners).toHaveLength(1)
    expect(losers).toHaveLength(4)
    const final = (await api.get(`/v1/proposals/${id}`, admin)).body
    expect(final.decisions).toHaveLength(1)
    expect(final.version).toBe(2)
    for (const loser of losers) {
      expect(loser.body.error.code).toBe("conflict")
      expect(loser.body.proposal).toMatchObject({ id, version: 2, status: winners[0]!.body.proposal.status })
    }
    expect((await api.get("/v1/audit/verify", admin)).body.ok).toBe(true)
  })

  it("answers 409 with the current state when the proposal is decided already", async () => {
    const id = (await api.createProposal(agent)).body.id
    await api.decide(reviewers[0]!, id, { action: "reject", reason: { code: "off_brand" }, proposalVersion: 1 })
    const before = await snapshotDatabase(server)
    const late = await api.decide(reviewers[1]!, id, { action: "approve", proposalVersion: 2 })
    expect(late.status).toBe(409)
    expect(late.body.proposal).toMatchObject({ id, status: "rejected", version: 2 })
    expect(await snapshotDatabase(server)).toEqual(before)
  })
})

describe("the sync feed's seq under concurrent writes", () => {
  it("gives every write a distinct, gap-free seq, and the feed returns each proposal once at its latest", async () => {
    const start = SyncPage.parse((await api.get("/v1/sync?since=0&limit=1000", admin)).body).nextSince
    const created = await Promise.all(Array.from({ length: 20 }, () => api.createProposal(agent)))
    await Promise.all(created.slice(0, 10).map((c, i) => api.decide(reviewers[i % 5]!, c.body.id, { action: "approve", proposalVersion: 1 })))
    const delta = SyncPage.parse((await api.get(`/v1/sync?since=${start}&limit=1000`, admin)).body)
    expect(delta.items).toHaveLength(20)
    const seqs = delta.items.map((p) => p.seq)
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b))
    // 20 creations + 10 decisions = 30 seq values taken; the latest of each proposal is the last ones.
    expect(delta.nextSince).toBe(start + 30)
    expect(new Set(seqs).size).toBe(20)
    expect(delta.items.filter((p) => p.status === "approved")).toHaveLength(10)
  })

  it("pages through the feed with limit without losing or repeating anything", async () => {
    const all = SyncPage.parse((await api.get("/v1/sync?since=0&limit=1000", admin)).body)
    const seen: string[] = []
    let since = 0
    for (;;) {
      const page = SyncPage.parse((await api.get(`/v1/sync?since=${since}&limit=7`, admin)).body)
      seen.push(...page.items.map((p) => p.id))
      since = page.nextSince
      if (!page.hasMore) break
    }
    expect(seen).toEqual(all.items.map((p) => p.id))
  })
})
