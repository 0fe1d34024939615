import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { Responses } from "~src/messaging/messages"
import { createHandlerUnderTest, type HandlerUnderTest } from "~tests/support/message-handler"
import { startTestServer, type TestServer } from "~tests/support/server"
import { createProposals } from "./harness"

const optionsPage = { id: "signoffid", url: "chrome-extension://signoffid/options.html" }
const CAMPAIGN_ID = "3f9a2c1e-7b4d-4e8f-9a6b-1c2d3e4f5a6b"
const campaign = { platform: "hubspot", kind: "campaign", id: CAMPAIGN_ID } as const

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

async function forEntity(entity: { platform: "hubspot"; kind: string; id: string }) {
  const reply = await handle({ type: "proposals.forEntity", entity }, optionsPage)
  if (!reply.ok) throw new Error(JSON.stringify(reply))
  return Responses["proposals.forEntity"].parse(reply.data)
}

describe("on a campaign, the proposals for items the agents say belong to it", () => {
  it("lists an email's proposal under the campaign's own, and none of another campaign or platform", async () => {
    const agent = await server.token("agent")
    const token = await server.token("reviewer", "Ana")
    const [ownProposal] = await createProposals(server, agent, 1, { target: { ...campaign } })
    const [emailProposal] = await createProposals(server, agent, 1, {
      target: { platform: "hubspot", kind: "email", id: "1100", parents: [{ kind: "campaign", id: CAMPAIGN_ID }] }
    })
    const [otherCampaignsEmail] = await createProposals(server, agent, 1, {
      target: { platform: "hubspot", kind: "email", id: "1101", parents: [{ kind: "campaign", id: "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0" }] }
    })
    const [sameKeyOnMarketo] = await createProposals(server, agent, 1, {
      target: { platform: "marketo", kind: "email", id: "1100", parents: [{ kind: "campaign", id: CAMPAIGN_ID }] }
    })
    expect((await handle({ type: "settings.save", serverUrl: server.url, token }, optionsPage)).ok).toBe(true)
    await handle({ type: "sync.now" }, optionsPage)

    const panel = await forEntity(campaign)

    expect(panel.proposals.map((p) => p.id)).toEqual([ownProposal.id])
    expect(panel.related.map((p) => p.id)).toEqual([emailProposal.id])
    expect(panel.related[0]!.target.parents).toEqual([{ kind: "campaign", id: CAMPAIGN_ID }])
    expect(JSON.stringify(panel)).not.toContain("parentKeys")
    expect([...panel.proposals, ...panel.related].map((p) => p.id)).not.toContain(otherCampaignsEmail.id)
    expect([...panel.proposals, ...panel.related].map((p) => p.id)).not.toContain(sameKeyOnMarketo.id)

    // On the email itself it is a current proposal, not a related one.
    const onEmail = await forEntity({ platform: "hubspot", kind: "email", id: "1100" })
    expect(onEmail.proposals.map((p) => p.id)).toEqual([emailProposal.id])
    expect(onEmail.related).toEqual([])
  })
})
