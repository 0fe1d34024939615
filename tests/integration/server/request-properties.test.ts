import fc from "fast-check"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type TestServer, startTestServer } from "~tests/support/server"
import { proposalBody } from "~tests/support/proposals"
import { type Call, client } from "./fixtures"

/**
 * Property: whatever body or query arrives — random JSON, near-valid bodies with one field
 * replaced, dropped or added, raw non-JSON text — no route answers 5xx, and a refused request
 * (4xx) leaves the database exactly as it was.
 */
let server: TestServer
let api: ReturnType<typeof client>
let agent: string
let reviewer: string
let admin: string
let pendingId: string
let approvedId: string

const RUNS = Number(process.env.SIGNOFF_PROPERTY_RUNS ?? 40)

beforeAll(async () => {
  // Limits out of the way: this test is about input, and sends hundreds of writes per token.
  server = await startTestServer({ limits: { writesPerMinute: 1_000_000, waitsPerMinute: 1_000_000 } })
  api = client(server)
  agent = await server.token("agent", "bot")
  reviewer = await server.token("reviewer", "Ana")
  admin = await server.token("admin", "Olu")
  pendingId = (await api.createProposal(agent)).body.id
  approvedId = (await api.createProposal(agent)).body.id
  await api.decide(reviewer, approvedId, { action: "approve", proposalVersion: 1 })
  await api.put("/v1/workflows/email-copy/rules/existing", admin, { description: "Existing", match: {} })
})
afterAll(() => server.close())

/** One query for everything a request could have written (cheap enough to run per request). */
async function fingerprint(): Promise<string> {
  const tables = ["principals", "tokens", "workflows", "proposals", "decisions", "idempotency_keys", "audit_log", "settings"]
  const counts = tables.map((t) => `(SELECT COUNT(*) FROM ${t}) AS ${t}`).join(", ")
  const [row] = await server.sql(
    `SELECT ${counts}, (SELECT MAX(seq) FROM proposals) AS seq, (SELECT SUM(version) FROM proposals) AS versions, ` +
      "(SELECT COUNT(*) FROM tokens WHERE revoked_at IS NOT NULL) AS revoked, (SELECT MAX(updated_at) FROM workflows) AS workflow_updated"
  )
  return JSON.stringify(row, (_key, value) => (typeof value === "bigint" ? Number(value) : value))
}

/** A valid body with one field replaced by anything, removed, or an unknown field added. */
function nearValid(valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(valid)
  return fc.oneof(
    fc.record({ key: fc.constantFrom(...keys), value: fc.jsonValue() }).map(({ key, value }) => ({ ...valid, [key]: value })),
    fc.constantFrom(...keys).map((key) => Object.fromEntries(Object.entries(valid).filter(([k]) => k !== key))),
    fc.record({ key: fc.string({ minLength: 1, maxLength: 12 }), value: fc.jsonValue() }).map(({ key, value }) => ({ ...valid, [key]: value }))
  )
}

const anyBody = (valid: Record<string, unknown>) =>
  fc.oneof(
    fc.jsonValue().map((value) => ({ json: value })),
    nearValid(valid).map((value) => ({ json: value })),
    fc.string({ maxLength: 200 }).map((text) => ({ raw: text }))
  )

/** Random values for a route's known query keys, and unknown keys. */
const anyQuery = (keys: string[]) =>
  fc.dictionary(
    fc.oneof(fc.constantFrom(...keys), fc.string({ minLength: 1, maxLength: 10 })),
    fc.oneof(fc.string({ maxLength: 30 }), fc.integer().map(String), fc.constant("")),
    {
      maxKeys: 4
    }
  )

async function holds(send: () => Promise<Call>): Promise<void> {
  const before = await fingerprint()
  const res = await send()
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(500)
  if (res.status >= 400) expect(await fingerprint(), `${res.status} ${JSON.stringify(res.body)}`).toBe(before)
}

type BodyRoute = { method: string; path: () => string; token: () => string; valid: () => Record<string, unknown> }
const bodyRoutes: Record<string, BodyRoute> = {
  "POST /v1/proposals": { method: "POST", path: () => "/v1/proposals", token: () => agent, valid: () => ({ ...proposalBody() }) },
  "POST /v1/proposals/:id/decisions": {
    method: "POST",
    path: () => `/v1/proposals/${pendingId}/decisions`,
    token: () => reviewer,
    valid: () => ({ action: "reject", reason: { code: "off_brand" }, proposalVersion: 1 })
  },
  "POST /v1/proposals/:id/execution": {
    method: "POST",
    path: () => `/v1/proposals/${approvedId}/execution`,
    token: () => agent,
    valid: () => ({ outcome: "failed", contentHash: "0".repeat(64), detail: "x" })
  },
  "PUT /v1/workflows/:id": {
    method: "PUT",
    path: () => "/v1/workflows/property-flow",
    token: () => admin,
    valid: () => ({ name: "P", model: "approve", quorum: 2 })
  },
  "PUT /v1/workflows/:id/rules/:ruleId": {
    method: "PUT",
    path: () => "/v1/workflows/email-copy/rules/property-rule",
    token: () => admin,
    valid: () => ({ description: "Rule", match: { minRecords: 10, platforms: ["hubspot"] } })
  },
  "POST /v1/audit/verify": {
    method: "POST",
    path: () => "/v1/audit/verify",
    token: () => admin,
    valid: () => ({ checkpoint: { seq: 1, hash: "a", at: "2026-01-01T00:00:00Z", algorithm: "ed25519", signature: "x", publicKey: "y" } })
  },
  "POST /v1/principals": {
    method: "POST",
    path: () => "/v1/principals",
    token: () => admin,
    valid: () => ({ name: "P", role: "reviewer", email: "p@example.com" })
  },
  "POST /v1/tokens": {
    method: "POST",
    path: () => "/v1/tokens",
    token: () => admin,
    valid: () => ({ principal: { name: "Q", role: "agent" }, workflows: ["email-copy"] })
  }
}

const queryRoutes: Record<string, { path: () => string; token: () => string; keys: string[] }> = {
  "GET /v1/proposals": {
    path: () => "/v1/proposals",
    token: () => reviewer,
    keys: ["status", "workflowId", "platform", "targetKind", "targetId", "cursor", "limit"]
  },
  "GET /v1/proposals/:id/wait": { path: () => `/v1/proposals/${approvedId}/wait`, token: () => agent, keys: ["timeout", "version"] },
  "GET /v1/sync": { path: () => "/v1/sync", token: () => reviewer, keys: ["since", "limit"] },
  "GET /v1/stats": { path: () => "/v1/stats", token: () => reviewer, keys: ["window"] },
  "GET /v1/summary": { path: () => "/v1/summary", token: () => reviewer, keys: ["date"] },
  "GET /v1/audit": { path: () => "/v1/audit", token: () => admin, keys: ["format", "from", "to"] },
  "GET /v1/tokens": { path: () => "/v1/tokens", token: () => admin, keys: ["principalId"] }
}

describe("random request bodies never answer 5xx and never write when refused", () => {
  for (const [name, route] of Object.entries(bodyRoutes))
    it(name, { timeout: 120_000 }, async () => {
      await fc.assert(
        fc.asyncProperty(anyBody(route.valid()), (body) =>
          holds(() => api.call(route.method, route.path(), { token: route.token(), ...("raw" in body ? { raw: body.raw } : { body: body.json }) }))
        ),
        { numRuns: RUNS }
      )
    })
})

describe("random queries never answer 5xx and never write when refused", () => {
  for (const [name, route] of Object.entries(queryRoutes))
    it(name, { timeout: 120_000 }, async () => {
      await fc.assert(
        fc.asyncProperty(anyQuery(route.keys), (query) => {
          // Long-polls must not hold the run: a wait's timeout is 0 unless it is not a number at all.
          const params = new URLSearchParams(query)
          const timeout = params.get("timeout")
          if (name.endsWith("/wait") && (timeout === null || Number.isFinite(Number(timeout)))) params.set("timeout", "0")
          return holds(() => api.get(`${route.path()}?${params}`, route.token()))
        }),
        { numRuns: RUNS }
      )
    })
})
