import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { Workflow } from "~src/domain"
import { type TestServer, startTestServer } from "~tests/support/server"
import { client } from "./fixtures"

let server: TestServer
let api: ReturnType<typeof client>
let admin: string
let reviewer: string
let agent: string

beforeAll(async () => {
  server = await startTestServer()
  api = client(server)
  admin = await server.token("admin", "Olu")
  reviewer = await server.token("reviewer", "Ana")
  agent = await server.token("agent", "bot")
})
afterAll(() => server.close())

describe("workflows", () => {
  it("PUT creates (201) then updates (200), keeping fields not sent", async () => {
    const created = await api.put("/v1/workflows/segments", admin, { name: "Segments", model: "exception", threshold: 0.9, quorum: 2, expiryHours: 48 })
    expect(created.status).toBe(201)
    expect(Workflow.parse(created.body)).toMatchObject({ id: "segments", model: "exception", threshold: 0.9, quorum: 2, expiryHours: 48, paused: false })
    const updated = await api.put("/v1/workflows/segments", admin, { name: "Segment builder", model: "approve" })
    expect(updated.status).toBe(200)
    expect(updated.body).toMatchObject({ name: "Segment builder", model: "approve", threshold: 0.9, quorum: 2, expiryHours: 48 })
    expect(updated.body.createdAt).toBe(created.body.createdAt)
  })

  it("clears expiryHours with null", async () => {
    const res = await api.put("/v1/workflows/segments", admin, { name: "Segment builder", model: "approve", expiryHours: null })
    expect(res.body.expiryHours).toBeNull()
  })

  it("lists workflows for reviewers", async () => {
    const res = await api.get("/v1/workflows", reviewer)
    expect(res.status).toBe(200)
    expect(res.body.map((w: any) => w.id)).toContain("segments")
  })

  it("takes the quorum of the workflow at the time a proposal is created", async () => {
    const p = (await api.createProposal(agent, { workflowId: "segments" })).body
    expect(p.quorum).toBe(2)
  })
})

describe("GET /v1/proposals", () => {
  it("filters by status, workflow, platform and target, newest first, with a cursor", async () => {
    await api.put("/v1/workflows/listing", admin, { name: "Listing", model: "approve" })
    const ids: string[] = []
    for (let i = 0; i < 5; i++)
      ids.push((await api.createProposal(agent, { workflowId: "listing", target: { platform: "marketo", kind: "email", id: `EM${i}` } })).body.id)
    await api.decide(reviewer, ids[0]!, { action: "approve", proposalVersion: 1 })

    const page1 = await api.get("/v1/proposals?workflowId=listing&limit=2", reviewer)
    expect(page1.body.items.map((p: any) => p.id)).toEqual([ids[4], ids[3]])
    const page2 = await api.get(`/v1/proposals?workflowId=listing&limit=2&cursor=${page1.body.nextCursor}`, reviewer)
    expect(page2.body.items.map((p: any) => p.id)).toEqual([ids[2], ids[1]])
    const page3 = await api.get(`/v1/proposals?workflowId=listing&limit=2&cursor=${page2.body.nextCursor}`, reviewer)
    expect(page3.body).toMatchObject({ nextCursor: null })
    expect(page3.body.items.map((p: any) => p.id)).toEqual([ids[0]])

    const approved = await api.get("/v1/proposals?workflowId=listing&status=approved", reviewer)
    expect(approved.body.items.map((p: any) => p.id)).toEqual([ids[0]])
    const byTarget = await api.get("/v1/proposals?platform=marketo&targetKind=email&targetId=EM3", reviewer)
    expect(byTarget.body.items.map((p: any) => p.id)).toEqual([ids[3]])
    const none = await api.get("/v1/proposals?platform=dynamics&workflowId=listing", reviewer)
    expect(none.body).toEqual({ items: [], nextCursor: null })
  })
})

describe("/openapi.json", () => {
  it("documents every endpoint from the same schemas, without auth", async () => {
    const res = await api.get("/openapi.json")
    expect(res.status).toBe(200)
    const paths = Object.keys(res.body.paths)
    for (const path of [
      "/healthz",
      "/v1/me",
      "/v1/proposals",
      "/v1/proposals/{id}",
      "/v1/proposals/{id}/wait",
      "/v1/proposals/{id}/decisions",
      "/v1/proposals/{id}/execution",
      "/v1/sync",
      "/v1/workflows",
      "/v1/workflows/{id}",
      "/v1/stats",
      "/v1/summary",
      "/v1/audit",
      "/v1/audit/verify",
      "/v1/proposals/{id}/history",
      "/v1/settings/deadlines",
      "/v1/feedback"
    ])
      expect(paths).toContain(path)
    const createBody = res.body.paths["/v1/proposals"].post.requestBody.content["application/json"].schema
    expect(JSON.stringify(createBody)).toContain("confidence")
    expect(res.body.components.securitySchemes.bearer).toMatchObject({ type: "http", scheme: "bearer" })
  })
})

describe("CORS for the extension's service worker", () => {
  it("answers a preflight from a chrome-extension:// origin for Authorization, Content-Type and Idempotency-Key", async () => {
    const res = await fetch(`${server.url}/v1/proposals/x/decisions`, {
      method: "OPTIONS",
      headers: {
        origin: "chrome-extension://abcdefghijklmnopabcdefghijklmnop",
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization,content-type,idempotency-key"
      }
    })
    expect(res.status).toBe(204)
    expect(res.headers.get("access-control-allow-origin")).toBe("*")
    const allowed = res.headers.get("access-control-allow-headers")!.toLowerCase()
    for (const header of ["authorization", "content-type", "idempotency-key"]) expect(allowed).toContain(header)
  })

  it("allows any origin on /v1 responses and /healthz", async () => {
    const me = await fetch(`${server.url}/v1/me`, { headers: { origin: "chrome-extension://x", authorization: `Bearer ${reviewer}` } })
    expect(me.headers.get("access-control-allow-origin")).toBe("*")
    const health = await fetch(`${server.url}/healthz`, { headers: { origin: "https://app.hubspot.com" } })
    expect(health.headers.get("access-control-allow-origin")).toBe("*")
  })

  it("puts CORS headers on error responses too, so the extension can read them", async () => {
    const res = await fetch(`${server.url}/v1/me`, { headers: { origin: "chrome-extension://x" } })
    expect(res.status).toBe(401)
    expect(res.headers.get("access-control-allow-origin")).toBe("*")
  })
})
