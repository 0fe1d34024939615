import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { Role } from "~src/domain"
import { type TestServer, startTestServer } from "~tests/support/server"
import { type Call, client, snapshotDatabase } from "./fixtures"

let server: TestServer
let api: ReturnType<typeof client>
/**
 * The callers of the matrix: each role, and a second token of the same agent scoped to the
 * fixtures' workflow (so it sees the agent's proposals, and only its scope differs).
 */
type Caller = Role | "scoped agent"
const tokens = {} as Record<Caller, string>

beforeAll(async () => {
  server = await startTestServer()
  api = client(server)
  const agent = await server.tokenWithIds("agent", "scoring-bot")
  tokens.agent = agent.token
  tokens["scoped agent"] = await server.tokenFor(agent.principalId, { workflows: ["email-copy", "scoped-runs"] })
  tokens.reviewer = await server.token("reviewer", "Ana")
  tokens.admin = await server.token("admin", "Olu")
  await api.put("/v1/workflows/runs-alone", tokens.admin, { name: "Runs alone", model: "monitor" })
  await api.put("/v1/workflows/scoped-runs", tokens.admin, { name: "Scoped runs", model: "monitor" })
})
afterAll(() => server.close())

/** A fresh pending proposal, so each decision / execution row of the matrix has its own. */
async function pendingId(): Promise<string> {
  return (await api.createProposal(tokens.agent)).body.id as string
}
async function approvedForAgent(): Promise<{ id: string; contentHash: string }> {
  const id = await pendingId()
  const res = await api.decide(tokens.reviewer, id, { action: "approve", proposalVersion: 1 })
  return { id, contentHash: res.body.proposal.contentHash as string }
}

/** An auto-approved proposal of `workflowId`, made by whoever is about to report on it. */
async function ranBy(token: string, workflowId: string): Promise<{ id: string; contentHash: string }> {
  const created = await api.createProposal(token, { workflowId })
  return created.status === 201 ? created.body : (await api.createProposal(tokens.agent, { workflowId })).body
}

type Request = (token: string) => Promise<Call>
const requests: Record<string, Request> = {
  "GET /v1/me": (t) => api.get("/v1/me", t),
  "POST /v1/proposals": (t) => api.createProposal(t),
  "POST /v1/proposals (a workflow outside the scoped agent's)": (t) => api.createProposal(t, { workflowId: "lead-scoring" }),
  "GET /v1/proposals": (t) => api.get("/v1/proposals", t),
  "GET /v1/proposals/:id": async (t) => api.get(`/v1/proposals/${await pendingId()}`, t),
  "GET /v1/proposals/:id/wait": async (t) => api.get(`/v1/proposals/${await pendingId()}/wait?timeout=0`, t),
  "POST /v1/proposals/:id/decisions": async (t) => api.decide(t, await pendingId(), { action: "approve", proposalVersion: 1 }),
  "POST /v1/proposals/:id/execution": async (t) => {
    const { id, contentHash } = await approvedForAgent()
    return api.post(`/v1/proposals/${id}/execution`, t, { outcome: "executed", contentHash })
  },
  "POST /v1/proposals/:id/cancel": async (t) => api.post(`/v1/proposals/${await pendingId()}/cancel`, t, { reason: "withdrawn" }),
  "POST /v1/webhooks": (t) => api.post("/v1/webhooks", t, { url: "http://127.0.0.1:9/signoff", events: ["proposal.approved"] }),
  "GET /v1/webhooks": (t) => api.get("/v1/webhooks", t),
  "POST /v1/proposals/:id/execution (a workflow outside the scoped agent's)": async (t) => {
    const { id, contentHash } = await ranBy(t, "runs-alone")
    return api.post(`/v1/proposals/${id}/execution`, t, { outcome: "executed", contentHash })
  },
  "GET /v1/sync": (t) => api.get("/v1/sync?since=0", t),
  "GET /v1/workflows": (t) => api.get("/v1/workflows", t),
  "PUT /v1/workflows/:id": (t) => api.put("/v1/workflows/lead-routing", t, { name: "Lead routing", model: "approve" }),
  "GET /v1/stats": (t) => api.get("/v1/stats?window=7", t),
  "GET /v1/summary": (t) => api.get("/v1/summary?date=2026-01-01", t),
  "GET /v1/audit": (t) => api.get("/v1/audit", t),
  "GET /v1/audit/verify": (t) => api.get("/v1/audit/verify", t),
  "POST /v1/audit/verify": (t) => api.post("/v1/audit/verify", t, {}),
  "GET /v1/audit/checkpoint": (t) => api.get("/v1/audit/checkpoint", t),
  "GET /v1/audit/public-key": (t) => api.get("/v1/audit/public-key", t),
  "GET /v1/principals": (t) => api.get("/v1/principals", t),
  "POST /v1/principals": (t) => api.post("/v1/principals", t, { name: "New person", role: "reviewer" }),
  "GET /v1/tokens": (t) => api.get("/v1/tokens", t),
  "POST /v1/tokens": (t) => api.post("/v1/tokens", t, { principal: { name: "New bot", role: "agent" }, workflows: ["email-copy"] }),
  "POST /v1/tokens/:id/revoke": async (t) => {
    const victim = await server.tokenWithIds("reviewer", "Revocable")
    return api.post(`/v1/tokens/${victim.tokenId}/revoke`, t, {})
  },
  "PUT /v1/workflows/:id/rules/:ruleId": (t) => api.put("/v1/workflows/lead-routing/rules/all", t, { description: "Everything", match: {} }),
  "DELETE /v1/workflows/:id/rules/:ruleId": async (t) => {
    await api.put("/v1/workflows/runs-alone/rules/removable", tokens.admin, { description: "Removable", match: { minRecords: 1 } })
    return api.call("DELETE", "/v1/workflows/runs-alone/rules/removable", { token: t })
  }
}

// The role table: agents create, read and list their own, wait, report and cancel; reviewers read and
// decide; admins also change workflows and webhooks, cancel, and read the audit log.
const allowed: Record<string, Role[]> = {
  "GET /v1/me": ["agent", "reviewer", "admin"],
  "POST /v1/proposals": ["agent"],
  "POST /v1/proposals (a workflow outside the scoped agent's)": ["agent"],
  "GET /v1/proposals": ["agent", "reviewer", "admin"],
  "GET /v1/proposals/:id": ["agent", "reviewer", "admin"],
  "GET /v1/proposals/:id/wait": ["agent", "reviewer", "admin"],
  "POST /v1/proposals/:id/decisions": ["reviewer", "admin"],
  "POST /v1/proposals/:id/execution": ["agent"],
  "POST /v1/proposals/:id/cancel": ["agent", "admin"],
  "POST /v1/webhooks": ["admin"],
  "GET /v1/webhooks": ["admin"],
  "POST /v1/proposals/:id/execution (a workflow outside the scoped agent's)": ["agent"],
  "GET /v1/sync": ["reviewer", "admin"],
  "GET /v1/workflows": ["reviewer", "admin"],
  "PUT /v1/workflows/:id": ["admin"],
  "GET /v1/stats": ["reviewer", "admin"],
  "GET /v1/summary": ["reviewer", "admin"],
  "GET /v1/audit": ["admin"],
  "GET /v1/audit/verify": ["admin"],
  "POST /v1/audit/verify": ["admin"],
  "GET /v1/audit/checkpoint": ["admin"],
  "GET /v1/audit/public-key": ["admin"],
  "GET /v1/principals": ["admin"],
  "POST /v1/principals": ["admin"],
  "GET /v1/tokens": ["admin"],
  "POST /v1/tokens": ["admin"],
  "POST /v1/tokens/:id/revoke": ["admin"],
  "PUT /v1/workflows/:id/rules/:ruleId": ["admin"],
  "DELETE /v1/workflows/:id/rules/:ruleId": ["admin"]
}

/** Where the scoped agent (email-copy, scoped-runs) is refused although an agent may: 403 out_of_scope. */
const outOfScope = new Set([
  "POST /v1/proposals (a workflow outside the scoped agent's)",
  "POST /v1/proposals/:id/execution (a workflow outside the scoped agent's)"
])

describe("the role × route × scope matrix", () => {
  for (const [endpoint, request] of Object.entries(requests)) {
    for (const caller of ["agent", "scoped agent", "reviewer", "admin"] as const) {
      const role: Role = caller === "scoped agent" ? "agent" : caller
      const expected = !allowed[endpoint]!.includes(role) ? "forbidden" : caller === "scoped agent" && outOfScope.has(endpoint) ? "out_of_scope" : "allowed"
      it(`${endpoint} as ${caller} is ${expected === "allowed" ? "allowed" : `403 ${expected}`}`, async () => {
        const res = await request(tokens[caller])
        if (expected === "allowed") expect(res.status, JSON.stringify(res.body)).toBeLessThan(300)
        else {
          expect(res.status, JSON.stringify(res.body)).toBe(403)
          expect(res.body.error.code).toBe(expected)
        }
      })
    }
  }

  it("refuses a decision from an agent token and writes nothing", async () => {
    const id = await pendingId()
    const before = await snapshotDatabase(server)
    const res = await api.decide(tokens.agent, id, { action: "approve", proposalVersion: 1 })
    expect(res.status).toBe(403)
    expect(await snapshotDatabase(server)).toEqual(before)
  })
})

describe("authentication", () => {
  for (const [label, header] of [
    ["no Authorization header", undefined],
    ["a token that was never issued", "Bearer so_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"],
    ["a token without the so_ prefix", "Bearer abc"],
    ["a Basic scheme", "Basic dXNlcjpwYXNz"],
    ["an empty bearer", "Bearer "]
  ] as const) {
    it(`answers 401 for ${label}`, async () => {
      const res = await api.call("GET", "/v1/me", header ? { headers: { authorization: header } } : {})
      expect(res.status).toBe(401)
      expect(res.body.error.code).toBe("unauthorized")
    })
  }

  it("answers 401 before looking at the body, and writes nothing", async () => {
    const before = await snapshotDatabase(server)
    const res = await api.call("POST", "/v1/proposals", { raw: "{not json", headers: { authorization: "Bearer so_nope" } })
    expect(res.status).toBe(401)
    expect(await snapshotDatabase(server)).toEqual(before)
  })

  it("stores only a hash of each token", async () => {
    const rows = (await server.sql("SELECT token_hash FROM tokens")) as Array<{ token_hash: string }>
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true)
    expect(rows.map((r) => r.token_hash)).not.toContain(tokens.admin)
  })

  it("issues tokens as so_ + 32 random bytes in base64url", () => {
    expect(tokens.reviewer).toMatch(/^so_[A-Za-z0-9_-]{43}$/)
  })
})

describe("an agent sees only its own proposals", () => {
  it("gets 404 for another agent's proposal, by id and by wait", async () => {
    const other = await server.token("agent", "other-bot")
    const id = await pendingId()
    expect((await api.get(`/v1/proposals/${id}`, other)).status).toBe(404)
    expect((await api.get(`/v1/proposals/${id}/wait?timeout=0`, other)).status).toBe(404)
    expect((await api.get(`/v1/proposals/${id}`, tokens.agent)).status).toBe(200)
  })

  it("cannot report execution of another agent's proposal", async () => {
    const other = await server.token("agent", "other-bot-2")
    const { id, contentHash } = await approvedForAgent()
    const res = await api.post(`/v1/proposals/${id}/execution`, other, { outcome: "executed", contentHash })
    expect(res.status).toBe(404)
  })
})
