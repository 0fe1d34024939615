import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { AuditEntry, CreatedToken, Me, PrincipalWithTokens, TokenInfo } from "~src/domain"
import { type TestServer, startTestServer } from "~tests/support/server"
import { client, snapshotDatabase } from "./fixtures"

let server: TestServer
let api: ReturnType<typeof client>
let admin: string
let agent: string
/** The server's clock runs this far ahead of the wall clock (tokens expire without sleeping). */
let clockOffsetMs = 0

beforeAll(async () => {
  server = await startTestServer({ now: () => new Date(Date.now() + clockOffsetMs) })
  api = client(server)
  admin = await server.token("admin", "Olu")
  agent = await server.token("agent", "bot")
})
afterAll(() => server.close())

async function auditEntries(): Promise<AuditEntry[]> {
  const text = (await api.get("/v1/audit", admin)).body as string
  return text
    .trim()
    .split("\n")
    .map((line) => AuditEntry.parse(JSON.parse(line)))
}

async function workflowWithQuorum(id: string, quorum: number, extra: Record<string, unknown> = {}) {
  expect((await api.put(`/v1/workflows/${id}`, admin, { name: id, model: "approve", quorum, ...extra })).status).toBeLessThan(300)
}

describe("quorum counts principals, not tokens", () => {
  it("gives two tokens of one person one vote", async () => {
    await workflowWithQuorum("two-people", 2)
    const ana = await server.tokenWithIds("reviewer", "Ana")
    const anaAgain = await server.tokenFor(ana.principalId)
    const ben = await server.token("reviewer", "Ben")
    const id = (await api.createProposal(agent, { workflowId: "two-people" })).body.id
    expect((await api.decide(ana.token, id, { action: "approve", proposalVersion: 1 })).body.proposal).toMatchObject({ status: "pending", approvals: 1 })
    const before = await snapshotDatabase(server)
    const second = await api.decide(anaAgain, id, { action: "approve", proposalVersion: 2 })
    expect(second.status).toBe(409)
    expect(second.body.error.message).toMatch(/already approved/)
    expect(await snapshotDatabase(server)).toEqual(before)
    expect((await api.decide(ben, id, { action: "approve", proposalVersion: 2 })).body.proposal).toMatchObject({ status: "approved", approvals: 2 })
  })

  it("gives two people with the same display name two votes", async () => {
    await workflowWithQuorum("namesakes", 2)
    const first = await server.token("reviewer", "Sam")
    const second = await server.token("reviewer", "Sam")
    const id = (await api.createProposal(agent, { workflowId: "namesakes" })).body.id
    await api.decide(first, id, { action: "approve", proposalVersion: 1 })
    expect((await api.decide(second, id, { action: "approve", proposalVersion: 2 })).body.proposal.status).toBe("approved")
  })

  it("names the principal on the decision and on its audit entry", async () => {
    const chi = await server.tokenWithIds("reviewer", "Chi")
    const id = (await api.createProposal(agent)).body.id
    const res = await api.decide(chi.token, id, { action: "reject", reason: { code: "off_brand" }, proposalVersion: 1 })
    expect(res.body.decision.actor).toEqual({ name: "Chi", role: "reviewer", principalId: chi.principalId })
    const entry = (await auditEntries()).find((e) => e.event === "decision" && e.proposalId === id)!
    expect(entry.actor).toEqual({ name: "Chi", role: "reviewer", principalId: chi.principalId })
  })
})

describe("an admin decides under the same rules as everyone", () => {
  it("counts an admin's two tokens as one vote toward quorum", async () => {
    await workflowWithQuorum("admin-quorum", 2)
    const boss = await server.tokenWithIds("admin", "Boss")
    const bossLaptop = await server.tokenFor(boss.principalId)
    const id = (await api.createProposal(agent, { workflowId: "admin-quorum" })).body.id
    expect((await api.decide(boss.token, id, { action: "approve", proposalVersion: 1 })).body.proposal.status).toBe("pending")
    expect((await api.decide(bossLaptop, id, { action: "approve", proposalVersion: 2 })).status).toBe(409)
  })

  it("cannot approve an expired proposal", async () => {
    const expiresAt = new Date(Date.now() + clockOffsetMs + 60_000).toISOString()
    const id = (await api.createProposal(agent, { expiresAt })).body.id
    clockOffsetMs += 120_000
    const res = await api.decide(admin, id, { action: "approve", proposalVersion: 1 })
    expect(res.status).toBe(409)
    expect(res.body.proposal.status).toBe("expired")
  })

  it("cannot wave a paused workflow's proposal through alone when it needs two approvals", async () => {
    await workflowWithQuorum("paused-flow", 2, { model: "monitor", paused: true })
    const created = (await api.createProposal(agent, { workflowId: "paused-flow" })).body
    expect(created).toMatchObject({ status: "pending", review: { reason: "paused" } })
    expect((await api.decide(admin, created.id, { action: "approve", proposalVersion: 1 })).body.proposal.status).toBe("pending")
  })
})

describe("revoked and expired tokens", () => {
  it("answers 401 for a token revoked through the admin API, and audits the revocation", async () => {
    const created = CreatedToken.parse((await api.post("/v1/tokens", admin, { principal: { name: "Temp", role: "reviewer" } })).body)
    expect((await api.get("/v1/me", created.token)).status).toBe(200)
    const revoked = await api.post(`/v1/tokens/${created.info.id}/revoke`, admin, {})
    expect(TokenInfo.parse(revoked.body).revokedAt).not.toBeNull()
    const res = await api.get("/v1/me", created.token)
    expect(res.status).toBe(401)
    expect(res.body.error).toMatchObject({ code: "unauthorized", message: "token revoked" })
    expect((await auditEntries()).filter((e) => e.event === "token.revoked" && e.data.tokenId === created.info.id)).toHaveLength(1)
  })

  it("answers 401 once a token's expiry has passed, and writes nothing for its request", async () => {
    const at = new Date(Date.now() + clockOffsetMs + 3_600_000)
    const token = await server.token("agent", "short-lived-bot", { expiresAt: at })
    expect((await api.get("/v1/me", token)).body).toMatchObject({ expiresAt: at.toISOString() })
    clockOffsetMs += 2 * 3_600_000
    const before = await snapshotDatabase(server)
    const res = await api.createProposal(token)
    expect(res.status).toBe(401)
    expect(res.body.error.message).toBe("token expired")
    expect(await snapshotDatabase(server)).toEqual(before)
  })

  it("keeps the other tokens of a principal working when one is revoked", async () => {
    const dee = await server.tokenWithIds("reviewer", "Dee")
    const spare = await server.tokenFor(dee.principalId)
    await api.post(`/v1/tokens/${dee.tokenId}/revoke`, admin, {})
    expect((await api.get("/v1/me", dee.token)).status).toBe(401)
    expect((await api.get("/v1/me", spare)).body).toMatchObject({ name: "Dee", principalId: dee.principalId })
  })
})

describe("agent scopes", () => {
  it("refuses a proposal outside the token's workflows with 403 out_of_scope and writes nothing", async () => {
    const scoped = await server.token("agent", "copy-bot", { workflows: ["email-copy"] })
    const before = await snapshotDatabase(server)
    const res = await api.createProposal(scoped, { workflowId: "lead-scoring" }, { "idempotency-key": "out-of-scope-1" })
    expect(res.status).toBe(403)
    expect(res.body.error.code).toBe("out_of_scope")
    expect(await snapshotDatabase(server)).toEqual(before)
  })

  it("creates an unknown workflow inside the scope with the approve model", async () => {
    const scoped = await server.token("agent", "enrich-bot", { workflows: ["enrich-new", "other"] })
    const res = await api.createProposal(scoped, { workflowId: "enrich-new", confidence: 1 })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ status: "pending", review: { reason: "approve_model" } })
    expect((await api.get("/v1/workflows", admin)).body.find((w: { id: string }) => w.id === "enrich-new")).toMatchObject({ model: "approve" })
  })

  it("refuses an execution report in a workflow outside the token's scope, writing nothing", async () => {
    const bot = await server.tokenWithIds("agent", "rotating-bot")
    await api.put("/v1/workflows/runs-alone", admin, { name: "Runs alone", model: "monitor" })
    const ran = (await api.createProposal(bot.token, { workflowId: "runs-alone" })).body
    const narrowed = await server.tokenFor(bot.principalId, { workflows: ["email-copy"] })
    const before = await snapshotDatabase(server)
    const res = await api.post(`/v1/proposals/${ran.id}/execution`, narrowed, { outcome: "executed", contentHash: ran.contentHash })
    expect(res.status).toBe(403)
    expect(res.body.error.code).toBe("out_of_scope")
    expect(await snapshotDatabase(server)).toEqual(before)
  })

  it("lets a rotated token of the same agent see and wait on the agent's earlier proposals", async () => {
    const bot = await server.tokenWithIds("agent", "rotated-bot")
    const id = (await api.createProposal(bot.token)).body.id
    const rotated = await server.tokenFor(bot.principalId)
    await api.post(`/v1/tokens/${bot.tokenId}/revoke`, admin, {})
    expect((await api.get(`/v1/proposals/${id}`, rotated)).status).toBe(200)
    expect((await api.get(`/v1/proposals/${id}/wait?timeout=0`, rotated)).status).toBe(200)
    expect((await api.get(`/v1/proposals/${id}`, await server.token("agent", "stranger-bot"))).status).toBe(404)
  })

  it("tells a scoped agent its scope on /v1/me", async () => {
    const scoped = await server.tokenWithIds("agent", "me-bot", { workflows: ["a", "b"] })
    expect(Me.parse((await api.get("/v1/me", scoped.token)).body)).toEqual({
      name: "me-bot",
      role: "agent",
      principalId: scoped.principalId,
      tokenId: scoped.tokenId,
      workflows: ["a", "b"],
      expiresAt: null
    })
  })
})

describe("the admin API for principals and tokens", () => {
  it("issues a scoped, expiring agent token for a new principal, shown once and listed without its secret", async () => {
    const expiresAt = new Date(Date.now() + clockOffsetMs + 30 * 86_400_000).toISOString()
    const res = await api.post("/v1/tokens", admin, { principal: { name: "Scorer", role: "agent" }, workflows: ["lead-scoring"], expiresAt })
    expect(res.status).toBe(201)
    const created = CreatedToken.parse(res.body)
    expect(created.info).toMatchObject({ role: "agent", workflows: ["lead-scoring"], expiresAt, revokedAt: null, principalId: created.principal.id })
    const listed = (await api.get(`/v1/tokens?principalId=${created.principal.id}`, admin)).body
    expect(listed).toEqual([created.info])
    expect(JSON.stringify(listed)).not.toContain(created.token)
    expect((await api.createProposal(created.token, { workflowId: "lead-scoring" })).status).toBe(201)
  })

  it("adds a token to an existing principal, and lists principals with their tokens", async () => {
    const principal = (await api.post("/v1/principals", admin, { name: "Eve", role: "reviewer", email: "eve@example.com" })).body
    expect(principal).toMatchObject({ name: "Eve", role: "reviewer", email: "eve@example.com" })
    const one = CreatedToken.parse((await api.post("/v1/tokens", admin, { principalId: principal.id, name: "laptop" })).body)
    const two = CreatedToken.parse((await api.post("/v1/tokens", admin, { principalId: principal.id, name: "phone" })).body)
    const all = (await api.get("/v1/principals", admin)).body.map((p: unknown) => PrincipalWithTokens.parse(p))
    expect(all.find((p: { id: string }) => p.id === principal.id).tokens.map((t: TokenInfo) => t.name)).toEqual(["laptop", "phone"])
    expect((await api.get("/v1/me", one.token)).body.principalId).toBe((await api.get("/v1/me", two.token)).body.principalId)
  })

  it("refuses a workflow scope on a person's token and writes nothing", async () => {
    const before = await snapshotDatabase(server)
    const res = await api.post("/v1/tokens", admin, { principal: { name: "Scoped person", role: "reviewer" }, workflows: ["email-copy"] })
    expect(res.status).toBe(400)
    expect(await snapshotDatabase(server)).toEqual(before)
  })

  it("refuses an expiry in the past, an unknown principal and a body naming both or neither, writing nothing", async () => {
    const before = await snapshotDatabase(server)
    const past = new Date(Date.now() + clockOffsetMs - 1_000).toISOString()
    expect((await api.post("/v1/tokens", admin, { principal: { name: "Late", role: "agent" }, expiresAt: past })).status).toBe(400)
    expect((await api.post("/v1/tokens", admin, { principalId: "01NOPE" })).status).toBe(404)
    expect((await api.post("/v1/tokens", admin, {})).status).toBe(400)
    expect((await api.post("/v1/tokens", admin, { principalId: "x", principal: { name: "y", role: "agent" } })).status).toBe(400)
    expect((await api.post("/v1/tokens/01NOPE/revoke", admin, {})).status).toBe(404)
    expect(await snapshotDatabase(server)).toEqual(before)
  })

  it("audits the principal and the token it created, naming the admin", async () => {
    const created = CreatedToken.parse((await api.post("/v1/tokens", admin, { principal: { name: "Audited", role: "reviewer" } })).body)
    const entries = await auditEntries()
    expect(entries.find((e) => e.event === "principal.created" && (e.data.principal as { id: string }).id === created.principal.id)?.actor.name).toBe("Olu")
    expect(entries.find((e) => e.event === "token.created" && e.data.tokenId === created.info.id)).toMatchObject({ actor: { name: "Olu", role: "admin" } })
  })
})
