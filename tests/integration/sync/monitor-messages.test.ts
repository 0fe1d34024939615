import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { Responses } from "~src/messaging/messages"
import { createHandlerUnderTest, linkPanel, type HandlerUnderTest } from "~tests/support/message-handler"
import { startTestServer, type TestServer } from "~tests/support/server"
import { createProposals, decideOnServer, serverProposal } from "./harness"

/**
 * Issue 13's background messages against the real server: the decision history (a panel only for
 * what its page shows), the daily summary and a revert from it, the tiers' deadlines, and the
 * quorum as the extension shows it (the server's approvedBy).
 */

const popup = { id: "signoffid", url: "chrome-extension://signoffid/popup.html" }
const CONTACT_1001 = "https://app.hubspot.com/contacts/1/record/0-1/1001"
const CONTACT_2002 = "https://app.hubspot.com/contacts/1/record/0-1/2002"

let server: TestServer
let handle: HandlerUnderTest["handle"]
let dispose: () => Promise<void>
let agent: string
let ana: string
let admin: string

beforeEach(async () => {
  server = await startTestServer()
  ;({ handle, dispose } = createHandlerUnderTest())
  agent = await server.token("agent")
  ana = await server.token("reviewer", "Ana")
  admin = await server.token("admin", "Dana")
  expect((await handle({ type: "settings.save", serverUrl: server.url, token: ana }, popup)).ok).toBe(true)
})
afterEach(async () => {
  await dispose()
  await server.close()
})

const data = <T>(reply: { ok: boolean; data?: unknown; error?: unknown }): T => {
  if (!reply.ok) throw new Error(`refused: ${JSON.stringify(reply)}`)
  return reply.data as T
}

async function putWorkflow(id: string, body: Record<string, unknown>) {
  const response = await fetch(`${server.url}/v1/workflows/${id}`, {
    method: "PUT",
    headers: { authorization: `Bearer ${admin}`, "content-type": "application/json" },
    body: JSON.stringify(body)
  })
  expect(response.status).toBeLessThan(300)
}

describe("proposal.history", () => {
  it("answers a panel with the history of a proposal its page shows, edit included", async () => {
    await putWorkflow("email-copy", { quorum: 2 })
    const [proposal] = await createProposals(server, agent, 1, { target: { platform: "hubspot", kind: "contact", id: "1001" } })
    const ben = await server.token("reviewer", "Ben")
    expect((await decideOnServer(server, ben, proposal!.id, { action: "edit", edits: { after: "Edited by Ben" }, proposalVersion: 1 })).status).toBe(200)
    const panel = await linkPanel(handle, CONTACT_1001)
    await handle({ type: "sync.now" }, panel)

    const history = Responses["proposal.history"].parse(data(await handle({ type: "proposal.history", proposalId: proposal!.id }, panel)))
    expect(history.entries.map((e) => e.type)).toEqual(["created", "edit"])
    const edit = history.entries[1]!
    expect(edit.actor.name).toBe("Ben")
    expect(edit.type === "edit" && "edit" in edit ? edit.edit?.after : null).toMatchObject({ after: "Edited by Ben" })
  })

  it("refuses a panel asking about a proposal its page does not show", async () => {
    const [elsewhere] = await createProposals(server, agent, 1, { target: { platform: "hubspot", kind: "contact", id: "2002" } })
    const panel = await linkPanel(handle, CONTACT_1001)
    await handle({ type: "sync.now" }, panel)
    expect(await handle({ type: "proposal.history", proposalId: elsewhere!.id }, panel)).toMatchObject({ ok: false, error: { code: "not_on_this_page" } })
    // The panel on its own page, and the popup, may read it.
    expect((await handle({ type: "proposal.history", proposalId: elsewhere!.id }, await linkPanel(handle, CONTACT_2002, 6))).ok).toBe(true)
    expect((await handle({ type: "proposal.history", proposalId: elsewhere!.id }, popup)).ok).toBe(true)
  })
})

describe("summary.get and a revert from it", () => {
  it("lists today's auto-approved items, and a revert from the popup reaches the server before any sync", async () => {
    await putWorkflow("enrich", { model: "monitor", spotCheckSize: 2 })
    const ran = await createProposals(server, agent, 3, { workflowId: "enrich" })
    expect(ran.map((p) => p.status)).toEqual(["auto_approved", "auto_approved", "auto_approved"])
    const today = new Date().toISOString().slice(0, 10)

    const summary = Responses["summary.get"].parse(data(await handle({ type: "summary.get", date: today }, popup)))
    const enrich = summary.workflows.find((w) => w.workflowId === "enrich")!
    expect(enrich.autoApproved.map((i) => i.proposalId).sort()).toEqual(ran.map((p) => p.id).sort())
    expect(enrich.spotCheck).toMatchObject({ size: 2, population: 3 })
    const sampled = enrich.spotCheck.items[0]!

    // The extension's cache does not hold it yet: the background fetches it, then queues the revert.
    const queued = data<{ proposal: { local?: { pendingAction?: string } } }>(
      await handle({ type: "decision.submit", decision: { proposalId: sampled.proposalId, action: "revert", proposalVersion: sampled.version } }, popup)
    )
    expect(queued.proposal.local?.pendingAction).toBe("revert")
    await handle({ type: "sync.now" }, popup)
    expect((await serverProposal(server, ana, sampled.proposalId)).status).toBe("reverted")
  })

  it("refuses a malformed day before asking the server", async () => {
    expect(await handle({ type: "summary.get", date: "yesterday" }, popup)).toMatchObject({ ok: false, error: { code: "bad_request" } })
  })
})

describe("deadlines.get", () => {
  it("answers the tiers' default deadlines and the reminder share", async () => {
    expect(Responses["deadlines.get"].parse(data(await handle({ type: "deadlines.get" }, popup)))).toEqual({
      defaultExpiryHours: { approve: null, monitor: null, exception: null },
      reminderShare: 0.8
    })
  })
})

describe("the quorum as the extension counts it", () => {
  it("does not count a proposal this reviewer approved as waiting, nor offer it for approval again", async () => {
    await putWorkflow("email-copy", { quorum: 2 })
    const [proposal] = await createProposals(server, agent, 1, { target: { platform: "hubspot", kind: "contact", id: "1001" } })
    expect((await decideOnServer(server, ana, proposal!.id, { action: "approve", proposalVersion: 1 })).status).toBe(200)
    const panel = await linkPanel(handle, CONTACT_1001)
    const status = Responses["sync.now"].parse(data(await handle({ type: "sync.now" }, panel)))
    expect(status.pendingCount).toBe(0)
    const shown = Responses["proposals.forEntity"].parse(data(await handle({ type: "proposals.forEntity" }, panel)))
    expect(shown.proposals[0]).toMatchObject({ status: "pending", approvals: 1, local: { alreadyApproved: true } })
  })
})
