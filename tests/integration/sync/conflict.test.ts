import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { toCachedProposal } from "~src/db"
import { queueDecision } from "~tests/support/outbox"
import { startTestServer, type TestServer } from "~tests/support/server"
import { createProposals, openProfile, recordingFetch, serverProposal } from "./harness"

let server: TestServer
beforeEach(async () => {
  server = await startTestServer()
})
afterEach(async () => {
  await server.close()
})

describe("409 conflicts", () => {
  it("shows the second reviewer who decided first, stores the server's state, and never retries", async () => {
    const agent = await server.token("agent")
    const ana = await server.token("reviewer", "Ana")
    const bo = await server.token("reviewer", "Bo")
    const [proposal] = await createProposals(server, agent, 1)
    const anaProfile = await openProfile(server, ana)
    const boRecorder = recordingFetch()
    const boProfile = await openProfile(server, bo, { fetch: boRecorder.fetch })
    await Promise.all([anaProfile.engine.run(), boProfile.engine.run()])

    await queueDecision(anaProfile.db, { proposalId: proposal.id, action: "approve", proposalVersion: 1 }, { now: Date.now() })
    await queueDecision(boProfile.db, { proposalId: proposal.id, action: "reject", reason: { code: "off_brand" }, proposalVersion: 1 }, { now: Date.now() })
    expect((await anaProfile.engine.run()).push?.sent).toBe(1)
    const boRun = await boProfile.engine.run()

    expect(boRun.push).toEqual({ sent: 0, conflicted: 1, failed: 0 })
    const seenByBo = await boProfile.db.proposals.get(proposal.id)
    expect(seenByBo?.status).toBe("approved")
    expect(seenByBo?.local?.pendingAction).toBeUndefined()
    expect(seenByBo?.local?.conflict?.message).toBe("Ana approved this just now")
    const [entry] = await boProfile.db.outbox.toArray()
    expect(entry).toMatchObject({ state: "conflicted", lastError: "Ana approved this just now" })
    expect((await boProfile.engine.status()).outboxSize).toBe(0)

    // Later syncs keep the notice (the pull does not erase it) and do not send the refused decision again.
    await boProfile.engine.run({ ignoreBackoff: true })
    expect((await boProfile.db.proposals.get(proposal.id))?.local?.conflict?.message).toBe("Ana approved this just now")
    expect(boRecorder.requests.filter((r) => r.url.endsWith("/decisions"))).toHaveLength(1)
    const onServer = await serverProposal(server, ana, proposal.id)
    expect(onServer.decisions.map((d) => d.actor.name)).toEqual(["Ana"])
    await Promise.all([anaProfile.db.delete(), boProfile.db.delete()])
  })

  it("marks a decision the server refuses for another reason as failed, with the reason, and does not retry it", async () => {
    const reviewer = await server.token("reviewer", "Ana")
    const recorder = recordingFetch()
    const { db, engine } = await openProfile(server, reviewer, { fetch: recorder.fetch })
    await engine.run()
    // A proposal the server does not know (deleted, or from another server): 404.
    const { makeProposal } = await import("../../unit/sync/fixtures")
    await db.proposals.put(toCachedProposal(makeProposal({ id: "01HGONE000000000000000000" })))
    await queueDecision(db, { proposalId: "01HGONE000000000000000000", action: "approve", proposalVersion: 1 }, { now: Date.now() })

    const run = await engine.run()
    expect(run.push).toEqual({ sent: 0, conflicted: 0, failed: 1 })
    const failed = await db.proposals.get("01HGONE000000000000000000")
    expect(failed?.local?.failure?.message).toMatch(/404 not_found/)
    await engine.run({ ignoreBackoff: true })
    expect(recorder.requests.filter((r) => r.url.endsWith("/decisions"))).toHaveLength(1)
    await db.delete()
  })

  it("clears the notice when the reviewer decides again on the new state", async () => {
    const agent = await server.token("agent")
    const ana = await server.token("reviewer", "Ana")
    const bo = await server.token("reviewer", "Bo")
    const [proposal] = await createProposals(server, agent, 1)
    const anaProfile = await openProfile(server, ana)
    const boProfile = await openProfile(server, bo)
    await Promise.all([anaProfile.engine.run(), boProfile.engine.run()])
    await queueDecision(anaProfile.db, { proposalId: proposal.id, action: "approve", proposalVersion: 1 }, { now: Date.now() })
    await anaProfile.engine.run()
    await queueDecision(boProfile.db, { proposalId: proposal.id, action: "approve", proposalVersion: 1 }, { now: Date.now() })
    await boProfile.engine.run()

    const current = (await boProfile.db.proposals.get(proposal.id))!
    const again = await queueDecision(boProfile.db, { proposalId: proposal.id, action: "revert", proposalVersion: current.version }, { now: Date.now() })
    expect(again.local).toEqual({ pendingAction: "revert" })
    expect(await boProfile.db.outbox.count()).toBe(1)
    await Promise.all([anaProfile.db.delete(), boProfile.db.delete()])
  })
})
