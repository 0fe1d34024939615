import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { readMeta } from "~src/db"
import { startTestServer, type TestServer } from "~tests/support/server"
import { createProposals, decideOnServer, openProfile, recordingFetch } from "./harness"

let server: TestServer
let agent: string
let reviewer: string

beforeEach(async () => {
  server = await startTestServer()
  agent = await server.token("agent", "writer-bot")
  reviewer = await server.token("reviewer", "Ana")
})
afterEach(async () => {
  await server.close()
})

describe("delta sync", () => {
  it("pulls every proposal across several pages and stores the cursor of the last one", async () => {
    const created = await createProposals(server, agent, 7)
    const recorder = recordingFetch()
    const { db, engine } = await openProfile(server, reviewer, { pageSize: 3, fetch: recorder.fetch })

    const result = await engine.run()

    expect(result.error).toBeNull()
    expect(result.pulled).toBe(7)
    expect(recorder.requests.filter((r) => r.url.includes("/v1/sync")).length).toBe(3)
    expect((await db.proposals.toArray()).map((p) => p.id).sort()).toEqual(created.map((p) => p.id).sort())
    expect(await readMeta(db, "cursor")).toBe(Math.max(...(await db.proposals.toArray()).map((p) => p.seq)))
    expect(await readMeta(db, "lastSyncAt")).not.toBeNull()
    await db.delete()
  })

  it("then pulls only what changed since, including decisions made elsewhere", async () => {
    const [first] = await createProposals(server, agent, 4)
    const { db, engine } = await openProfile(server, reviewer, { pageSize: 3 })
    await engine.run()

    const bo = await server.token("reviewer", "Bo")
    expect((await decideOnServer(server, bo, first.id, { action: "approve", proposalVersion: 1 })).status).toBe(200)
    const [fresh] = await createProposals(server, agent, 1)
    const result = await engine.run()

    expect(result.pulled).toBe(2)
    expect(result.arrived.map((p) => p.id)).toEqual([fresh.id])
    expect((await db.proposals.get(first.id))?.status).toBe("approved")
    expect(await db.proposals.count()).toBe(5)
    await db.delete()
  })

  it("reports the sync status: pending count awaiting this reviewer, empty outbox, no error", async () => {
    await createProposals(server, agent, 3)
    const { db, engine } = await openProfile(server, reviewer)
    await engine.run()
    expect(await engine.status()).toEqual({
      configured: true,
      online: true,
      lastSyncAt: expect.any(String),
      outboxSize: 0,
      pendingCount: 3,
      error: null,
      syncing: false,
      progress: null
    })
    await db.delete()
  })
})
