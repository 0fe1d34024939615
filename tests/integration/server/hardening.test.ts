import { request } from "node:http"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type TestServer, startTestServer } from "~tests/support/server"
import { client, snapshotDatabase } from "./fixtures"

/**
 * Sends the headers and the first bytes of a body it promises to be `declaredLength` long, and
 * never the rest: a response can then only come from a server that answered without reading it.
 */
function answerToUnfinishedBody(
  url: string,
  path: string,
  headers: Record<string, string>,
  declaredLength: number
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}${path}`,
      { method: "POST", headers: { ...headers, "content-type": "application/json", "content-length": String(declaredLength) } },
      (res) => {
        let body = ""
        res.on("data", (chunk: Buffer) => (body += chunk.toString()))
        res.on("end", () => {
          req.destroy()
          resolve({ status: res.statusCode!, headers: res.headers, body })
        })
      }
    )
    req.on("error", (error) => ((error as NodeJS.ErrnoException).code === "ECONNRESET" ? undefined : reject(error)))
    req.write('{"workflowId":')
  })
}

describe("authentication before the body", () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer({ limits: { writesPerMinute: 1 } })
  })
  afterAll(() => server.close())

  it("answers 401 to a bad token without waiting for the body, and closes the connection", async () => {
    const res = await answerToUnfinishedBody(server.url, "/v1/proposals", { authorization: "Bearer so_not-a-token" }, 500_000)
    expect(res.status).toBe(401)
    expect(res.headers.connection).toBe("close")
  })

  it("answers 429 to a rate-limited write without waiting for its body", async () => {
    const agent = await server.token("agent", "bot")
    expect((await client(server).createProposal(agent)).status).toBe(201)
    const res = await answerToUnfinishedBody(server.url, "/v1/proposals", { authorization: `Bearer ${agent}` }, 500_000)
    expect(res.status).toBe(429)
  })
})

describe("per-token rate limits", () => {
  let server: TestServer
  let api: ReturnType<typeof client>
  beforeAll(async () => {
    server = await startTestServer({ limits: { writesPerMinute: 3, waitsPerMinute: 3, maxWaitsPerToken: 1 } })
    api = client(server)
  })
  afterAll(() => server.close())

  it("answers 429 rate_limited with Retry-After once a token spends its writes, and writes nothing", async () => {
    const agent = await server.token("agent", "busy-bot")
    for (let i = 0; i < 3; i++) expect((await api.createProposal(agent)).status).toBe(201)
    const before = await snapshotDatabase(server)
    const res = await api.createProposal(agent)
    expect(res.status).toBe(429)
    expect(res.body.error.code).toBe("rate_limited")
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1)
    expect(await snapshotDatabase(server)).toEqual(before)
  })

  it("limits each token on its own, and never limits reads", async () => {
    const busy = await server.token("agent", "spent-bot")
    for (let i = 0; i < 3; i++) await api.createProposal(busy)
    expect((await api.createProposal(busy)).status).toBe(429)
    expect((await api.get("/v1/me", busy)).status).toBe(200)
    expect((await api.createProposal(await server.token("agent", "fresh-bot"))).status).toBe(201)
  })

  it("counts waits on their own budget", async () => {
    const agent = await server.token("agent", "waiting-bot")
    const id = (await api.createProposal(agent)).body.id
    for (let i = 0; i < 3; i++) expect((await api.get(`/v1/proposals/${id}/wait?timeout=0`, agent)).status).toBe(200)
    const res = await api.get(`/v1/proposals/${id}/wait?timeout=0`, agent)
    expect(res.status).toBe(429)
    expect(res.headers.get("retry-after")).toMatch(/^\d+$/)
  })

  it("caps the long-polls one token holds open at once", async () => {
    const agent = await server.token("agent", "polling-bot")
    const reviewer = await server.token("reviewer", "Ana")
    const id = (await api.createProposal(agent)).body.id
    const open = api.get(`/v1/proposals/${id}/wait?timeout=30`, agent)
    await expect.poll(async () => (await api.get(`/v1/proposals/${id}/wait?timeout=0`, agent)).status).toBe(429)
    await api.decide(reviewer, id, { action: "approve", proposalVersion: 1 })
    expect((await open).body.status).toBe("approved")
    expect((await api.get(`/v1/proposals/${id}/wait?timeout=0`, agent)).status).toBe(200)
  })
})

describe("concurrent writers", () => {
  let server: TestServer
  let api: ReturnType<typeof client>
  let agent: string
  let reviewers: string[]
  let admin: string
  beforeAll(async () => {
    server = await startTestServer()
    api = client(server)
    agent = await server.token("agent", "bot")
    admin = await server.token("admin", "Olu")
    reviewers = await Promise.all(["Ana", "Ben", "Chi", "Dee"].map((name) => server.token("reviewer", name)))
  })
  afterAll(() => server.close())

  it("never deadlocks creating proposals for unknown workflows while decisions run (one lock order)", async () => {
    const pending = await Promise.all(Array.from({ length: 24 }, () => api.createProposal(agent)))
    const results = await Promise.all([
      ...Array.from({ length: 24 }, (_, i) => api.createProposal(agent, { workflowId: `new-workflow-${i}` })),
      ...pending.map((p, i) => api.decide(reviewers[i % reviewers.length]!, p.body.id, { action: "approve", proposalVersion: 1 }))
    ])
    expect(results.map((r) => r.status).filter((status) => status >= 300)).toEqual([])
    expect((await api.get("/v1/audit/verify", admin)).body.ok).toBe(true)
  })

  it("replays a decision retried with the same key while the first is still running", async () => {
    const id = (await api.createProposal(agent)).body.id
    const attempts = await Promise.all(
      Array.from({ length: 6 }, () => api.decide(reviewers[0]!, id, { action: "approve", proposalVersion: 1 }, { "idempotency-key": `in-flight-${id}` }))
    )
    expect(attempts.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200])
    expect(new Set(attempts.map((a) => JSON.stringify(a.body))).size).toBe(1)
    expect((await api.get(`/v1/proposals/${id}`, admin)).body.decisions).toHaveLength(1)
  })

  it("replays a create retried with the same key while the first is still running", async () => {
    const attempts = await Promise.all(
      Array.from({ length: 6 }, () => api.createProposal(agent, { workflowId: "burst-new" }, { "idempotency-key": "create-in-flight" }))
    )
    expect(attempts.map((a) => a.status)).toEqual([201, 201, 201, 201, 201, 201])
    expect(new Set(attempts.map((a) => a.body.id)).size).toBe(1)
  })
})
