import { afterEach, beforeEach, describe, expect, it } from "vitest"
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

/** Lets the request reach the server (which commits), then loses the answer, like Wi-Fi dropping mid-response. */
function losesFirstDecisionResponse(): typeof fetch {
  let lost = false
  return async (input, init) => {
    const response = await fetch(input, init)
    if (!lost && String(input).endsWith("/decisions")) {
      lost = true
      await response.arrayBuffer()
      throw new TypeError("fetch failed: connection reset")
    }
    return response
  }
}

describe("idempotent retry", () => {
  it("records one decision when the response was lost after the server committed", async () => {
    const agent = await server.token("agent")
    const reviewer = await server.token("reviewer", "Ana")
    const [proposal] = await createProposals(server, agent, 1)
    const recorder = recordingFetch(losesFirstDecisionResponse())
    const { db, engine } = await openProfile(server, reviewer, { fetch: recorder.fetch })
    await engine.run()
    await queueDecision(db, { proposalId: proposal.id, action: "approve", proposalVersion: 1 }, { now: Date.now() })

    const lost = await engine.run()
    expect(lost.push?.sent).toBe(0)
    expect(await db.outbox.where("state").equals("pending").count()).toBe(1)
    // The server already has it...
    expect((await serverProposal(server, reviewer, proposal.id)).decisions).toHaveLength(1)

    // ...and the retry, with the same key, gets the original answer instead of a 409 or a second decision.
    const retried = await engine.run({ ignoreBackoff: true })
    expect(retried.push).toEqual({ sent: 1, conflicted: 0, failed: 0 })
    expect(await db.outbox.count()).toBe(0)
    expect((await db.proposals.get(proposal.id))?.local).toBeUndefined()
    const onServer = await serverProposal(server, reviewer, proposal.id)
    expect(onServer.status).toBe("approved")
    expect(onServer.decisions).toHaveLength(1)
    const keys = recorder.requests.filter((r) => r.url.endsWith("/decisions")).map((r) => r.idempotencyKey)
    expect(keys).toHaveLength(2)
    expect(keys[0]).toBe(keys[1])
    await db.delete()
  })

  it("queues one decision for a double click", async () => {
    const agent = await server.token("agent")
    const reviewer = await server.token("reviewer", "Ana")
    const [proposal] = await createProposals(server, agent, 1)
    const { db, engine } = await openProfile(server, reviewer)
    await engine.run()
    const click = { proposalId: proposal.id, action: "approve" as const, proposalVersion: 1 }
    await queueDecision(db, click, { now: Date.now() })
    await queueDecision(db, click, { now: Date.now() })
    expect(await db.outbox.count()).toBe(1)
    await engine.run()
    expect((await serverProposal(server, reviewer, proposal.id)).decisions).toHaveLength(1)
    await db.delete()
  })
})
