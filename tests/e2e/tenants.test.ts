/**
 * Issue 11's tenants in real Chromium: two HubSpot portals each have a contact 101 with its own
 * proposal. Each tab shows only its portal's; the background refuses a decision on portal A's
 * proposal sent from portal B's panel (nothing reaches the outbox or the server).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { proposalFor, startE2ESession, type E2ESession } from "../support/e2e-session"
import { gotoWithPanel, openPanel, panelFrame } from "../support/panel"

const contact101 = (portal: string) => ({
  platform: "hubspot" as const,
  kind: "contact",
  id: "101",
  url: `https://app.hubspot.com/contacts/${portal}/record/0-1/101`
})

describe("two portals, one contact id", () => {
  let session: E2ESession

  beforeAll(async () => {
    session = await startE2ESession()
  })

  afterAll(async () => {
    await session?.close()
  })

  it("shows each tab only its portal's proposal, and refuses deciding the other portal's from it", async () => {
    const inA = await session.agent.createProposal(proposalFor(contact101("4410021"), { title: "Portal A's contact 101" }))
    const inB = await session.agent.createProposal(proposalFor(contact101("7770002"), { title: "Portal B's contact 101" }))
    const { url: _url, ...withoutUrl } = contact101("4410021")
    const unstated = await session.agent.createProposal(proposalFor(withoutUrl, { title: "No portal stated" }))
    expect([inA.target.tenant, inB.target.tenant, unstated.target.tenant]).toEqual(["4410021", "7770002", undefined])
    await session.syncNow()

    const cards = async (url: string) => {
      const page = await session.browser.context.newPage()
      await gotoWithPanel(page, url)
      await openPanel(page)
      const frame = await panelFrame(page)
      await frame.locator(`article[data-proposal-id="${unstated.id}"]`).waitFor({ state: "visible", timeout: 20_000 })
      const titles = await frame.locator("article[data-proposal-id] .title-button").allInnerTexts()
      return { page, frame, titles: titles.sort() }
    }
    const a = await cards(contact101("4410021").url)
    const b = await cards(contact101("7770002").url)
    expect(a.titles).toEqual(["No portal stated", "Portal A's contact 101"])
    expect(b.titles).toEqual(["No portal stated", "Portal B's contact 101"])
    expect(await b.frame.locator(`article[data-proposal-id="${unstated.id}"]`).innerText()).toContain("portal not stated by the agent")
    expect(await b.frame.locator("header").innerText()).toContain("portal 7770002")

    // Portal B's panel asks to approve portal A's proposal (as a compromised or buggy panel might).
    const refused = await b.frame.evaluate(
      (proposalId) => chrome.runtime.sendMessage({ type: "decision.submit", decision: { proposalId, action: "approve", proposalVersion: 1 } }),
      inA.id
    )
    expect(refused).toMatchObject({ ok: false, error: { code: "not_on_this_page" } })
    const status = await session.browser.sendMessage<{ outboxSize: number }>({ type: "sync.status" })
    expect(status.data?.outboxSize).toBe(0)
    await session.syncNow()
    const onServer = await session.reviewer.getProposal(inA.id)
    expect(onServer.status).toBe("pending")
    expect(onServer.decisions).toEqual([])
    await a.page.close()
    await b.page.close()
  })
})
