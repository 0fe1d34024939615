import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { Responses } from "~src/messaging/messages"
import { createHandlerUnderTest, linkPanel, type HandlerUnderTest } from "~tests/support/message-handler"
import { startTestServer, type TestServer } from "~tests/support/server"
import { createProposals, serverProposal } from "./harness"

const optionsPage = { id: "signoffid", url: "chrome-extension://signoffid/options.html" }
const CONTACT_1001 = "https://app.hubspot.com/contacts/1/record/0-1/1001"

let server: TestServer
let handle: HandlerUnderTest["handle"]
let dispose: () => Promise<void>

beforeEach(async () => {
  server = await startTestServer()
  ;({ handle, dispose } = createHandlerUnderTest())
})
afterEach(async () => {
  await dispose()
  await server.close()
})

describe("the background's message handler against the real server", () => {
  it("gives a panel asking for settings no token, only a masked hint", async () => {
    const token = await server.token("reviewer", "Ana")
    expect((await handle({ type: "settings.save", serverUrl: server.url, token }, optionsPage)).ok).toBe(true)

    const reply = await handle({ type: "settings.get" }, await linkPanel(handle, CONTACT_1001))

    expect(reply.ok).toBe(true)
    expect(JSON.stringify(reply)).not.toContain(token)
    expect(reply).toEqual({
      ok: true,
      data: { serverUrl: server.url, hasToken: true, tokenHint: token.slice(-4), notifications: false, reminderNotifications: false, syncIntervalMinutes: 5 }
    })
  })

  it("carries a decision from the panel to the server, and no answer along the way contains the token", async () => {
    const agent = await server.token("agent")
    const token = await server.token("reviewer", "Ana")
    const [proposal] = await createProposals(server, agent, 1, { target: { platform: "hubspot", kind: "contact", id: "1001" } })
    const replies = [await handle({ type: "settings.save", serverUrl: server.url, token }, optionsPage)]
    const panelFrame = await linkPanel(handle, CONTACT_1001)
    replies.push(await handle({ type: "sync.now" }, panelFrame))

    const forEntity = await handle({ type: "proposals.forEntity" }, panelFrame)
    replies.push(forEntity)
    const panel = Responses["proposals.forEntity"].parse((forEntity as { data: unknown }).data)
    expect(panel.proposals.map((p) => p.id)).toEqual([proposal.id])
    expect(panel.status.pendingCount).toBe(1)

    const submitted = await handle({ type: "decision.submit", decision: { proposalId: proposal.id, action: "approve", proposalVersion: 1 } }, panelFrame)
    replies.push(submitted)
    expect(Responses["decision.submit"].parse((submitted as { data: unknown }).data).proposal.local).toEqual({ pendingAction: "approve" })

    const status = await handle({ type: "sync.now" }, panelFrame)
    replies.push(status)
    expect(Responses["sync.now"].parse((status as { data: unknown }).data)).toMatchObject({ outboxSize: 0, pendingCount: 0, error: null })
    expect((await serverProposal(server, token, proposal.id)).status).toBe("approved")

    replies.push(await handle({ type: "me.get" }, optionsPage))
    replies.push(await handle({ type: "api.call", method: "GET", path: "/v1/me" }, optionsPage))
    replies.push(await handle({ type: "proposals.queue" }, optionsPage))
    for (const reply of replies) {
      expect(reply.ok).toBe(true)
      expect(JSON.stringify(reply)).not.toContain(token)
    }
  })

  it("proxies api.call for extension pages with the stored token and returns status and body", async () => {
    const token = await server.token("reviewer", "Ana")
    await handle({ type: "settings.save", serverUrl: server.url, token }, optionsPage)
    expect(await handle({ type: "api.call", method: "GET", path: "/v1/me" }, optionsPage)).toEqual({
      ok: true,
      // /v1/me extended (issue 10): the principal behind the token, the token, its scope and expiry.
      data: {
        status: 200,
        body: { name: "Ana", role: "reviewer", principalId: expect.any(String), tokenId: expect.any(String), workflows: "*", expiresAt: null }
      }
    })
    const refused = await handle({ type: "api.call", method: "PUT", path: "/v1/workflows/email-copy", body: { name: "x", model: "approve" } }, optionsPage)
    expect(refused).toMatchObject({ ok: true, data: { status: 403 } })
  })

  it("says the server is unreachable instead of failing silently", async () => {
    const token = await server.token("reviewer", "Ana")
    await handle({ type: "settings.save", serverUrl: "http://127.0.0.1:9", token }, optionsPage)
    const reply = await handle({ type: "sync.now" }, await linkPanel(handle, CONTACT_1001))
    const status = Responses["sync.now"].parse((reply as { data: unknown }).data)
    expect(status).toMatchObject({ configured: true, online: false, error: expect.stringMatching(/Cannot reach the Signoff server/) })
    expect(await handle({ type: "me.get" }, optionsPage)).toMatchObject({ ok: false, error: { code: "unreachable" } })
  })
})
