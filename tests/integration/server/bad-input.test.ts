import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type TestServer, startTestServer } from "~tests/support/server"
import { proposalBody } from "~tests/support/proposals"
import { type Call, client, snapshotDatabase } from "./fixtures"

let server: TestServer
let api: ReturnType<typeof client>
let agent: string
let reviewer: string
let admin: string
let pending: { id: string; version: number }

beforeAll(async () => {
  server = await startTestServer()
  api = client(server)
  agent = await server.token("agent", "bot")
  reviewer = await server.token("reviewer", "Ana")
  admin = await server.token("admin", "Olu")
  const created = await api.createProposal(agent)
  pending = { id: created.body.id, version: created.body.version }
})
afterAll(() => server.close())

/**
 * Every case: a clear 4xx with our error shape, and the database — every table's row count,
 * the highest seq, the sum of versions — and the audit chain exactly as they were.
 */
async function expectRefusedWithoutWrites(send: () => Promise<Call>, status: number, code: string, messagePart?: RegExp) {
  const before = await snapshotDatabase(server)
  const res = await send()
  expect(res.status, JSON.stringify(res.body)).toBe(status)
  expect(res.body.error.code).toBe(code)
  expect(typeof res.body.error.message).toBe("string")
  if (messagePart) expect(res.body.error.message).toMatch(messagePart)
  expect(await snapshotDatabase(server)).toEqual(before)
  const verify = await api.get("/v1/audit/verify", admin)
  expect(verify.body.ok).toBe(true)
  return res
}

const body = proposalBody()

describe("bad proposal bodies", () => {
  it("malformed JSON → 400", () =>
    expectRefusedWithoutWrites(() => api.call("POST", "/v1/proposals", { token: agent, raw: '{"title": ' }), 400, "bad_request", /malformed json/i))

  it("a JSON array instead of an object → 400", () =>
    expectRefusedWithoutWrites(() => api.call("POST", "/v1/proposals", { token: agent, raw: "[]" }), 400, "bad_request"))

  it("a non-JSON content type → 400", () =>
    expectRefusedWithoutWrites(
      () => api.call("POST", "/v1/proposals", { token: agent, raw: "title=x", headers: { "content-type": "application/x-www-form-urlencoded" } }),
      400,
      "bad_request"
    ))

  it("no body at all → 400", () => expectRefusedWithoutWrites(() => api.call("POST", "/v1/proposals", { token: agent }), 400, "bad_request"))

  it("wrong types → 400 naming the field", async () => {
    const res = await expectRefusedWithoutWrites(() => api.post("/v1/proposals", agent, { ...body, title: 42 }), 400, "bad_request")
    expect(res.body.error.issues).toContainEqual(expect.objectContaining({ path: ["title"] }))
  })

  it("unknown top-level field → 400 naming it", async () => {
    const res = await expectRefusedWithoutWrites(() => api.post("/v1/proposals", agent, { ...body, priority: "high" }), 400, "bad_request")
    expect(res.body.error.issues).toContainEqual(expect.objectContaining({ path: ["priority"] }))
  })

  it("unknown field inside the change → 400", () =>
    expectRefusedWithoutWrites(() => api.post("/v1/proposals", agent, { ...body, change: { ...body.change, sneaky: true } }), 400, "bad_request"))

  it("an unknown change kind → 400", () =>
    expectRefusedWithoutWrites(() => api.post("/v1/proposals", agent, { ...body, change: { kind: "teleport" } }), 400, "bad_request"))

  for (const confidence of [-0.01, 1.01, "0.5"]) {
    it(`confidence ${JSON.stringify(confidence)} → 400`, async () => {
      const res = await expectRefusedWithoutWrites(() => api.post("/v1/proposals", agent, { ...body, confidence }), 400, "bad_request")
      expect(res.body.error.issues).toContainEqual(expect.objectContaining({ path: ["confidence"] }))
    })
  }

  it("a bulk sample larger than its total → 400", async () => {
    const change = {
      kind: "bulk",
      objectType: "contact",
      rule: "Normalize job titles to the standard list",
      totalRecords: 1,
      sample: [
        { recordId: "1", before: { jobtitle: "VP Mktg" }, after: { jobtitle: "VP Marketing" } },
        { recordId: "2", before: { jobtitle: "cmo" }, after: { jobtitle: "Chief Marketing Officer" } }
      ]
    }
    const res = await expectRefusedWithoutWrites(() => api.post("/v1/proposals", agent, { ...body, change }), 400, "bad_request", /sample/)
    expect(res.body.error.issues).toContainEqual(expect.objectContaining({ path: ["change", "sample"] }))
  })

  it("a title over 200 characters → 400", () =>
    expectRefusedWithoutWrites(() => api.post("/v1/proposals", agent, { ...body, title: "x".repeat(201) }), 400, "bad_request"))

  it("a workflowId with characters outside the allowed set → 400", () =>
    expectRefusedWithoutWrites(() => api.post("/v1/proposals", agent, { ...body, workflowId: "../etc" }), 400, "bad_request"))

  it("an expiresAt already in the past → 400", () =>
    expectRefusedWithoutWrites(() => api.post("/v1/proposals", agent, { ...body, expiresAt: "2001-01-01T00:00:00Z" }), 400, "bad_request", /future/))

  it("a body over 1 MB → 413", () =>
    expectRefusedWithoutWrites(
      () => api.post("/v1/proposals", agent, { ...body, change: { ...body.change, after: "x".repeat(1_100_000) } }),
      413,
      "payload_too_large"
    ))

  it("an empty Idempotency-Key → 400", () => expectRefusedWithoutWrites(() => api.createProposal(agent, {}, { "idempotency-key": " " }), 400, "bad_request"))
})

describe("bad decisions", () => {
  it("reject without a reason → 400", async () => {
    const res = await expectRefusedWithoutWrites(
      () => api.decide(reviewer, pending.id, { action: "reject", proposalVersion: pending.version }),
      400,
      "bad_request"
    )
    expect(res.body.error.issues).toContainEqual(expect.objectContaining({ path: ["reason"] }))
  })

  it("reason 'other' without text → 400", async () => {
    const res = await expectRefusedWithoutWrites(
      () => api.decide(reviewer, pending.id, { action: "reject", reason: { code: "other" }, proposalVersion: pending.version }),
      400,
      "bad_request"
    )
    expect(res.body.error.issues).toContainEqual(expect.objectContaining({ path: ["reason", "text"] }))
  })

  it("reason 'other' with only whitespace → 400", () =>
    expectRefusedWithoutWrites(
      () => api.decide(reviewer, pending.id, { action: "reject", reason: { code: "other", text: "   " }, proposalVersion: pending.version }),
      400,
      "bad_request"
    ))

  it("an unknown reason code → 400", () =>
    expectRefusedWithoutWrites(
      () => api.decide(reviewer, pending.id, { action: "reject", reason: { code: "vibes" }, proposalVersion: pending.version }),
      400,
      "bad_request"
    ))

  it("an unknown action → 400", () =>
    expectRefusedWithoutWrites(() => api.decide(reviewer, pending.id, { action: "shrug", proposalVersion: pending.version }), 400, "bad_request"))

  it("a missing proposalVersion → 400", () => expectRefusedWithoutWrites(() => api.decide(reviewer, pending.id, { action: "approve" }), 400, "bad_request"))

  it("a negative reviewMs → 400", () =>
    expectRefusedWithoutWrites(
      () => api.decide(reviewer, pending.id, { action: "approve", proposalVersion: pending.version, reviewMs: -5 }),
      400,
      "bad_request"
    ))

  it("edits on an approve → 400", () =>
    expectRefusedWithoutWrites(
      () => api.decide(reviewer, pending.id, { action: "approve", proposalVersion: pending.version, edits: { after: "x" } }),
      400,
      "bad_request"
    ))

  it("an edit that breaks the change schema → 400 naming the field, nothing stored", async () => {
    const res = await expectRefusedWithoutWrites(
      () => api.decide(reviewer, pending.id, { action: "edit", proposalVersion: pending.version, edits: { format: "pdf" } }),
      400,
      "bad_request"
    )
    expect(res.body.error.issues).toContainEqual(expect.objectContaining({ path: ["edits", "format"] }))
  })

  it("an edit that changes the kind → 400", () =>
    expectRefusedWithoutWrites(
      () => api.decide(reviewer, pending.id, { action: "edit", proposalVersion: pending.version, edits: { kind: "fields" } }),
      400,
      "bad_request"
    ))

  it("an unknown proposal id → 404", () =>
    expectRefusedWithoutWrites(() => api.decide(reviewer, "01NOTAREALPROPOSAL00000000", { action: "approve", proposalVersion: 1 }), 404, "not_found"))

  it("a stale proposalVersion → 409 with the current proposal", async () => {
    const res = await expectRefusedWithoutWrites(
      () => api.decide(reviewer, pending.id, { action: "approve", proposalVersion: pending.version + 5 }),
      409,
      "conflict"
    )
    expect(res.body.proposal).toMatchObject({ id: pending.id, version: pending.version, status: "pending" })
  })
})

describe("bad queries and ids", () => {
  it("GET an unknown proposal → 404", () => expectRefusedWithoutWrites(() => api.get("/v1/proposals/01UNKNOWN", reviewer), 404, "not_found"))
  it("an unknown route → 404", () => expectRefusedWithoutWrites(() => api.get("/v1/nothing-here", reviewer), 404, "not_found"))
  it("sync with a negative since → 400", () => expectRefusedWithoutWrites(() => api.get("/v1/sync?since=-1", reviewer), 400, "bad_request"))
  it("sync with a non-numeric limit → 400", () => expectRefusedWithoutWrites(() => api.get("/v1/sync?limit=lots", reviewer), 400, "bad_request"))
  it("sync with an unknown parameter → 400", () => expectRefusedWithoutWrites(() => api.get("/v1/sync?since=0&full=1", reviewer), 400, "bad_request"))
  it("list with an unknown status → 400", () => expectRefusedWithoutWrites(() => api.get("/v1/proposals?status=maybe", reviewer), 400, "bad_request"))
  it("wait longer than 60 s → 400", () => expectRefusedWithoutWrites(() => api.get(`/v1/proposals/${pending.id}/wait?timeout=61`, agent), 400, "bad_request"))
  it("stats over a window of 0 days → 400", () => expectRefusedWithoutWrites(() => api.get("/v1/stats?window=0", reviewer), 400, "bad_request"))
  it("summary with a malformed date → 400", () => expectRefusedWithoutWrites(() => api.get("/v1/summary?date=yesterday", reviewer), 400, "bad_request"))
  it("audit export in an unknown format → 400", () => expectRefusedWithoutWrites(() => api.get("/v1/audit?format=xml", admin), 400, "bad_request"))
  it("execution report with an unknown outcome → 400", () =>
    expectRefusedWithoutWrites(() => api.post(`/v1/proposals/${pending.id}/execution`, agent, { outcome: "maybe", contentHash: "x" }), 400, "bad_request"))
})

describe("bad workflow updates", () => {
  it("a threshold above 1 → 400", () =>
    expectRefusedWithoutWrites(() => api.put("/v1/workflows/wf-a", admin, { name: "A", model: "exception", threshold: 1.5 }), 400, "bad_request"))
  it("an unknown model → 400", () => expectRefusedWithoutWrites(() => api.put("/v1/workflows/wf-a", admin, { name: "A", model: "yolo" }), 400, "bad_request"))
  it("an unknown field → 400", () =>
    expectRefusedWithoutWrites(() => api.put("/v1/workflows/wf-a", admin, { name: "A", model: "approve", owner: "me" }), 400, "bad_request"))
  it("a quorum of 0 → 400", () =>
    expectRefusedWithoutWrites(() => api.put("/v1/workflows/wf-a", admin, { name: "A", model: "approve", quorum: 0 }), 400, "bad_request"))
  it("an id with a space → 400", () =>
    expectRefusedWithoutWrites(() => api.put("/v1/workflows/has%20space", admin, { name: "A", model: "approve" }), 400, "bad_request"))
})
