import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { readMeta, SignoffDatabase } from "~src/db"
import { startTestServer, type TestServer } from "~tests/support/server"
import { createProposals, openProfile, recordingFetch } from "./harness"

let server: TestServer
beforeEach(async () => {
  server = await startTestServer()
})
afterEach(async () => {
  await server.close()
})

const sinceOf = (url: string) => Number(new URL(url).searchParams.get("since"))

describe("cursor resume", () => {
  it("resumes from the last page fully written after the worker died between pages", async () => {
    const agent = await server.token("agent")
    const reviewer = await server.token("reviewer", "Ana")
    const created = await createProposals(server, agent, 10)
    const dbName = `resume-${crypto.randomUUID()}`

    // First worker: dies when asking for the third page.
    let syncCalls = 0
    const dying: typeof fetch = async (input, init) => {
      if (String(input).includes("/v1/sync") && ++syncCalls === 3) throw new TypeError("worker terminated")
      return fetch(input, init)
    }
    const first = await openProfile(server, reviewer, { dbName, pageSize: 4, fetch: dying })
    expect((await first.engine.run()).error).not.toBeNull()
    expect(await first.db.proposals.count()).toBe(8)
    const cursorAfterCrash = await readMeta(first.db, "cursor")
    expect(cursorAfterCrash).toBe(Math.max(...(await first.db.proposals.toArray()).map((p) => p.seq)))
    first.db.close()

    // Next wake: a fresh engine on the same database continues from the stored cursor.
    const recorder = recordingFetch()
    const second = await openProfile(server, reviewer, { dbName, pageSize: 4, fetch: recorder.fetch })
    const resumed = await second.engine.run()

    expect(resumed.error).toBeNull()
    expect(resumed.pulled).toBe(2)
    expect(sinceOf(recorder.requests.find((r) => r.url.includes("/v1/sync"))!.url)).toBe(cursorAfterCrash)
    expect((await second.db.proposals.toArray()).map((p) => p.id).sort()).toEqual(created.map((p) => p.id).sort())
    await second.db.delete()
  })

  it("writes nothing of a page, and keeps the cursor, when the worker dies while writing it", async () => {
    const agent = await server.token("agent")
    const reviewer = await server.token("reviewer", "Ana")
    await createProposals(server, agent, 6)
    const dbName = `torn-${crypto.randomUUID()}`
    const first = await openProfile(server, reviewer, { dbName, pageSize: 3 })
    // Abort the transaction of the second page halfway through its bulkPut.
    let written = 0
    first.db.proposals.hook("creating", () => {
      if (++written === 5) throw new Error("worker terminated mid-write")
    })

    await first.engine.run()

    expect(await first.db.proposals.count()).toBe(3)
    const cursor = await readMeta(first.db, "cursor")
    expect(cursor).toBe(Math.max(...(await first.db.proposals.toArray()).map((p) => p.seq)))
    first.db.close()

    const second = await openProfile(server, reviewer, { dbName, pageSize: 3 })
    expect((await second.engine.run()).pulled).toBe(3)
    expect(await second.db.proposals.count()).toBe(6)
    await second.db.delete()
  })

  it("keeps a queued decision across a worker restart", async () => {
    const agent = await server.token("agent")
    const reviewer = await server.token("reviewer", "Ana")
    const [proposal] = await createProposals(server, agent, 1)
    const dbName = `restart-${crypto.randomUUID()}`
    const first = await openProfile(server, reviewer, { dbName })
    await first.engine.run()
    const { queueDecision } = await import("~tests/support/outbox")
    await queueDecision(first.db, { proposalId: proposal.id, action: "approve", proposalVersion: 1 }, { now: Date.now() })
    first.db.close() // killed before pushing

    const reopened = new SignoffDatabase(dbName)
    expect(await reopened.outbox.count()).toBe(1)
    reopened.close()
    const second = await openProfile(server, reviewer, { dbName })
    expect((await second.engine.run()).push?.sent).toBe(1)
    await second.db.delete()
  })
})
