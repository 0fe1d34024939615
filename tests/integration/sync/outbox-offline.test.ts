import { afterEach, describe, expect, it } from "vitest"
import { saveSettings } from "~src/db"
import { queueDecision } from "~tests/support/outbox"
import { startTestServer, type TestServer } from "~tests/support/server"
import { createProposals, openProfile, recordingFetch, serverProposal } from "./harness"

const servers: TestServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

describe("outbox push after the server was down", () => {
  it("keeps the decision while the server is down and delivers it exactly once when it is back", async () => {
    const { mkdtempSync } = await import("node:fs")
    const { tmpdir } = await import("node:os")
    const dbPath = `${mkdtempSync(`${tmpdir()}/signoff-outbox-`)}/signoff.sqlite`
    let server = await startTestServer({ dbPath })
    const agent = await server.token("agent", "writer-bot")
    const reviewer = await server.token("reviewer", "Ana")
    const [proposal] = await createProposals(server, agent, 1)
    const recorder = recordingFetch()
    let clock = Date.parse("2026-11-25T10:00:00.000Z")
    const { db, engine } = await openProfile(server, reviewer, { fetch: recorder.fetch, now: () => clock, random: () => 0.5 })
    await engine.run()

    await server.close()
    const optimistic = await queueDecision(db, { proposalId: proposal.id, action: "approve", proposalVersion: 1 }, { now: clock })
    expect(optimistic.local).toEqual({ pendingAction: "approve" })

    const offline = await engine.run()
    expect(offline.error).toMatch(/Cannot reach the Signoff server/)
    const [waiting] = await db.outbox.toArray()
    expect(waiting).toMatchObject({ state: "pending", attempts: 1, lastError: expect.stringMatching(/Cannot reach/) })
    expect(waiting.nextAttemptAt).toBeGreaterThan(clock)
    expect((await engine.status()).online).toBe(false)

    // The same database and address, a new process: the server comes back.
    server = await server.restart()
    servers.push(server)

    // Within the backoff window a scheduled run leaves the decision alone...
    await engine.run()
    expect(await db.outbox.count()).toBe(1)
    // ...and once it has passed, the decision goes out with the key it was given when queued.
    clock = waiting.nextAttemptAt
    const back = await engine.run()

    expect(back.push).toEqual({ sent: 1, conflicted: 0, failed: 0 })
    expect(back.error).toBeNull()
    expect(await db.outbox.count()).toBe(0)
    const cached = await db.proposals.get(proposal.id)
    expect(cached?.status).toBe("approved")
    expect(cached?.local).toBeUndefined()
    const onServer = await serverProposal(server, reviewer, proposal.id)
    expect(onServer.decisions.map((d) => [d.action, d.actor.name])).toEqual([["approve", "Ana"]])
    const keys = recorder.requests.filter((r) => r.url.endsWith("/decisions")).map((r) => r.idempotencyKey)
    expect(new Set(keys)).toEqual(new Set([waiting.idempotencyKey]))
    await db.delete()
  })

  it("retries at once, ignoring the backoff, when asked to (sync.now, back online)", async () => {
    const server = await startTestServer()
    servers.push(server)
    const agent = await server.token("agent")
    const reviewer = await server.token("reviewer", "Ana")
    const [proposal] = await createProposals(server, agent, 1)
    let down = true
    const flaky: typeof fetch = (input, init) => (down ? Promise.reject(new TypeError("fetch failed")) : fetch(input, init))
    const { db, engine } = await openProfile(server, reviewer, { fetch: flaky })
    await saveSettings(db, { serverUrl: server.url })
    down = false
    await engine.run()
    down = true
    await queueDecision(db, { proposalId: proposal.id, action: "reject", reason: { code: "off_brand" }, proposalVersion: 1 }, { now: Date.now() })
    await engine.run()
    down = false

    expect((await engine.run()).push).toEqual({ sent: 0, conflicted: 0, failed: 0 })
    expect((await engine.run({ ignoreBackoff: true })).push).toEqual({ sent: 1, conflicted: 0, failed: 0 })
    expect((await serverProposal(server, reviewer, proposal.id)).status).toBe("rejected")
    await db.delete()
  })

  it("pushes queued decisions in the order they were made", async () => {
    const server = await startTestServer()
    servers.push(server)
    const agent = await server.token("agent")
    const reviewer = await server.token("reviewer", "Ana")
    const proposals = await createProposals(server, agent, 3)
    const recorder = recordingFetch()
    const { db, engine } = await openProfile(server, reviewer, { fetch: recorder.fetch })
    await engine.run()
    for (const p of [proposals[2], proposals[0], proposals[1]])
      await queueDecision(db, { proposalId: p.id, action: "approve", proposalVersion: 1 }, { now: Date.now() })

    await engine.run()

    const order = recorder.requests.filter((r) => r.url.endsWith("/decisions")).map((r) => r.url.split("/").at(-2))
    expect(order).toEqual([proposals[2].id, proposals[0].id, proposals[1].id])
    await db.delete()
  })
})
