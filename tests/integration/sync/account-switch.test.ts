import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { Responses } from "~src/messaging/messages"
import { createHandlerUnderTest, type HandlerUnderTest } from "~tests/support/message-handler"
import { startTestServer, type TestServer } from "~tests/support/server"
import { createProposals, serverProposal } from "./harness"

/**
 * Issue 10: a queued decision belongs to the account that made it. After the reviewer connects
 * another account, it is never sent with that account's token; it stays visible as queued by its
 * author until that account is back, or until the reviewer discards it.
 */
const popup = { id: "signoffid", url: "chrome-extension://signoffid/popup.html" }

let server: TestServer
let profile: HandlerUnderTest
let online = true
let agent: string
let ana: { token: string; principalId: string }
let ben: { token: string; principalId: string }

beforeEach(async () => {
  server = await startTestServer()
  online = true
  profile = createHandlerUnderTest({ fetch: (input, init) => (online ? fetch(input, init) : Promise.reject(new TypeError("fetch failed"))) })
  agent = await server.token("agent", "writer-bot")
  ana = await server.tokenWithIds("reviewer", "Ana")
  ben = await server.tokenWithIds("reviewer", "Ben")
})
afterEach(async () => {
  await profile.dispose()
  await server.close()
})

const ask = async <T extends keyof typeof Responses>(message: { type: T } & Record<string, unknown>) => {
  const reply = await profile.handle(message, popup)
  if (!reply.ok) throw new Error(`${message.type}: ${reply.error.message}`)
  return Responses[message.type].parse(reply.data) as never as import("zod").infer<(typeof Responses)[T]>
}
const connectAs = (token: string) => ask({ type: "settings.save", serverUrl: server.url, token })

/** Ana approves while the server cannot be reached: the approval waits in the outbox, under her account. */
async function queueAsAnaOffline() {
  const [proposal] = await createProposals(server, agent, 1)
  await connectAs(ana.token)
  await ask({ type: "sync.now" })
  online = false
  await ask({ type: "decision.submit", decision: { proposalId: proposal!.id, action: "approve", proposalVersion: 1 } })
  await ask({ type: "sync.now" })
  expect(await profile.db.outbox.count()).toBe(1)
  return proposal!
}

describe("a decision queued under one account", () => {
  it("is not sent with the next account's token, and shows whose it is until that account is back", async () => {
    const proposal = await queueAsAnaOffline()
    online = true
    await connectAs(ben.token)
    await ask({ type: "sync.now" })

    // Nothing went out as Ben.
    expect((await serverProposal(server, ben.token, proposal.id)).decisions).toEqual([])
    expect(await profile.db.outbox.count()).toBe(1)
    const queue = await ask({ type: "proposals.queue" })
    expect(queue.proposals.find((p) => p.id === proposal.id)?.local).toEqual({ pendingAction: "approve", queuedBy: { name: "Ana", server: server.url } })

    // Ana connects again: her approval goes out with her token, recorded as hers.
    await connectAs(ana.token)
    await ask({ type: "sync.now" })
    const onServer = await serverProposal(server, ana.token, proposal.id)
    expect(onServer.status).toBe("approved")
    expect(onServer.decisions.map((d) => [d.action, d.actor.name, d.actor.principalId])).toEqual([["approve", "Ana", ana.principalId]])
    expect(await profile.db.outbox.count()).toBe(0)
  })

  it("goes out with another token of the same person (a rotated token is the same account)", async () => {
    const proposal = await queueAsAnaOffline()
    online = true
    await connectAs(await server.tokenFor(ana.principalId))
    await ask({ type: "sync.now" })
    expect((await serverProposal(server, ben.token, proposal.id)).decisions.map((d) => d.actor.principalId)).toEqual([ana.principalId])
  })

  it("can be discarded by whoever is connected now, and then never goes out", async () => {
    const proposal = await queueAsAnaOffline()
    online = true
    await connectAs(ben.token)
    await ask({ type: "sync.now" })
    await ask({ type: "decision.dismiss", proposalId: proposal.id })
    expect(await profile.db.outbox.count()).toBe(0)
    await connectAs(ana.token)
    await ask({ type: "sync.now" })
    expect((await serverProposal(server, ana.token, proposal.id)).decisions).toEqual([])
  })

  it("is never sent to a server the extension was moved to, and the token must be entered again there", async () => {
    const proposal = await queueAsAnaOffline()
    online = true
    const other = await startTestServer()
    try {
      const moved = await ask({ type: "settings.save", serverUrl: other.url })
      expect(moved).toMatchObject({ serverUrl: other.url, hasToken: false })
      const status = await ask({ type: "sync.now" })
      expect(status.configured).toBe(false)
      await connectAs(ben.token) // back on the first server, as Ben
      await ask({ type: "sync.now" })
      expect((await serverProposal(server, ana.token, proposal.id)).decisions).toEqual([])
    } finally {
      await other.close()
    }
  })

  it("refuses a remote server over plain http", async () => {
    const reply = await profile.handle({ type: "settings.save", serverUrl: "http://signoff.acme.example", token: ana.token }, popup)
    expect(reply).toMatchObject({ ok: false, error: { code: "bad_request", message: expect.stringMatching(/https/) } })
  })
})
