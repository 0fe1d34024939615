import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { Proposal, SyncPage } from "~src/domain"
import { type TestServer, startTestServer } from "~tests/support/server"
import { client } from "./fixtures"

let server: TestServer
let api: ReturnType<typeof client>
let agent: string
let reviewer: string

beforeAll(async () => {
  server = await startTestServer()
  api = client(server)
  agent = await server.token("agent", "copy-bot")
  reviewer = await server.token("reviewer", "Ana")
})
afterAll(() => server.close())

describe("the vertical slice: an agent proposes, a reviewer decides, the feed shows it", () => {
  it("answers /healthz without a token", async () => {
    const res = await api.get("/healthz")
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ ok: true })
  })

  it("tells a token who it is on /v1/me", async () => {
    const res = await api.get("/v1/me", reviewer)
    expect(res.status).toBe(200)
    // Extended, not renamed: the principal behind the token, the token, its scope and expiry.
    expect(res.body).toEqual({ name: "Ana", role: "reviewer", principalId: expect.any(String), tokenId: expect.any(String), workflows: "*", expiresAt: null })
  })

  it("creates a pending proposal that parses as the domain Proposal", async () => {
    const res = await api.createProposal(agent)
    expect(res.status).toBe(201)
    const proposal = Proposal.parse(res.body)
    expect(proposal).toMatchObject({ status: "pending", version: 1, approvals: 0, quorum: 1, decisions: [] })
    expect(proposal.id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/)
  })

  it("approves: status approved, decision by the reviewer, contentHash bound", async () => {
    const created = Proposal.parse((await api.createProposal(agent)).body)
    const res = await api.decide(reviewer, created.id, { action: "approve", proposalVersion: 1, reviewMs: 4200 })
    expect(res.status).toBe(200)
    expect(res.body.proposal).toMatchObject({ status: "approved", version: 2, approvals: 1 })
    expect(res.body.proposal.contentHash).toMatch(/^[0-9a-f]{64}$/)
    expect(res.body.decision).toMatchObject({ action: "approve", actor: { name: "Ana", role: "reviewer" }, reviewMs: 4200, proposalVersion: 1 })
    const fetched = await api.get(`/v1/proposals/${created.id}`, reviewer)
    expect(fetched.body.decisions).toHaveLength(1)
  })

  it("rejects with a preset reason", async () => {
    const created = Proposal.parse((await api.createProposal(agent)).body)
    const res = await api.decide(reviewer, created.id, { action: "reject", reason: { code: "off_brand" }, proposalVersion: 1 })
    expect(res.status).toBe(200)
    expect(res.body.proposal.status).toBe("rejected")
    expect(res.body.decision.reason).toEqual({ code: "off_brand" })
  })

  it("feeds every change through /v1/sync in seq order, paginated", async () => {
    const all = SyncPage.parse((await api.get("/v1/sync?since=0&limit=1000", reviewer)).body)
    const seqs = all.items.map((p) => p.seq)
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b))
    expect(all.hasMore).toBe(false)
    const firstPage = SyncPage.parse((await api.get("/v1/sync?since=0&limit=2", reviewer)).body)
    expect(firstPage.items).toHaveLength(2)
    expect(firstPage.hasMore).toBe(true)
    const rest = SyncPage.parse((await api.get(`/v1/sync?since=${firstPage.nextSince}&limit=1000`, reviewer)).body)
    expect([...firstPage.items, ...rest.items].map((p) => p.id)).toEqual(all.items.map((p) => p.id))
  })

  it("moves a decided proposal past everything seen before it in the feed", async () => {
    const created = Proposal.parse((await api.createProposal(agent)).body)
    const cursor = SyncPage.parse((await api.get("/v1/sync?since=0&limit=1000", reviewer)).body).nextSince
    await api.decide(reviewer, created.id, { action: "approve", proposalVersion: 1 })
    const delta = SyncPage.parse((await api.get(`/v1/sync?since=${cursor}`, reviewer)).body)
    expect(delta.items.map((p) => [p.id, p.status])).toEqual([[created.id, "approved"]])
  })
})
