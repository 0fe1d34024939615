/**
 * The vertical slice (issue 3): an agent proposes, a reviewer approves inside a look-alike
 * HubSpot record in real Chromium with the production build, and the server, the toolbar
 * badge and the popup all agree afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { Proposal } from "~src/domain"
import { pollUntil } from "../support/browser"
import { HUBSPOT_CONTACT_101, proposalFor, startE2ESession, waitForBadge, type E2ESession } from "../support/e2e-session"
import { action, gotoWithPanel, openPanel, openProposal, panelFrame } from "../support/panel"

describe("vertical slice: agent proposes, reviewer approves in HubSpot", () => {
  let session: E2ESession
  let onRecord: Proposal
  let elsewhere: Proposal

  beforeAll(async () => {
    session = await startE2ESession()
    onRecord = await session.agent.createProposal(proposalFor(HUBSPOT_CONTACT_101, { title: "Enrich Dennis Ritchie: job title and seniority" }))
    // A second pending item elsewhere, so "the count dropped" means 2 → 1, not "badge cleared".
    elsewhere = await session.agent.createProposal(
      proposalFor({ platform: "hubspot", kind: "contact", id: "202", url: "https://app.hubspot.com/contacts/4410021/record/0-1/202" })
    )
    await session.syncNow()
  })

  afterAll(async () => {
    await session?.close()
  })

  it("shows both pending proposals on the toolbar badge after the first sync", async () => {
    await waitForBadge(session.browser, "2")
  })

  it("lists the record's proposal in the panel on its HubSpot page, and only that one", async () => {
    const page = await session.browser.context.newPage()
    await gotoWithPanel(page, HUBSPOT_CONTACT_101.url)
    await openPanel(page)
    const frame = await panelFrame(page)
    await expect.poll(() => frame.locator("article[data-proposal-id]").count(), { timeout: 20_000 }).toBe(1)
    const card = await openProposal(page, onRecord.id)
    expect(await card.innerText()).toContain("Enrich Dennis Ritchie")
    expect(await frame.locator(`article[data-proposal-id="${elsewhere.id}"]`).count()).toBe(0)
    await page.close()
  })

  it("records an Approve click on the server, drops the badge and updates the popup", async () => {
    const page = await session.browser.context.newPage()
    await gotoWithPanel(page, HUBSPOT_CONTACT_101.url)
    await openPanel(page)
    const card = await openProposal(page, onRecord.id)
    await action(card, "Approve").click()

    await pollUntil(async () => (await session.reviewer.getProposal(onRecord.id)).status === "approved", "the server to record the approval")
    const recorded = await session.reviewer.getProposal(onRecord.id)
    expect(recorded.decisions).toHaveLength(1)
    expect(recorded.decisions[0]).toMatchObject({ action: "approve" })
    expect((await session.reviewer.getProposal(elsewhere.id)).status).toBe("pending")

    await waitForBadge(session.browser, "1")

    const popup = await session.browser.openPopup()
    await expect.poll(() => popup.getByTestId("pending-total").textContent(), { timeout: 20_000 }).toBe("1")
    await popup.close()
    await page.close()
  })
})
