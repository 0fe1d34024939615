// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"
import { PopupApp } from "~src/ui/popup/popup-app"
import { BackgroundProvider } from "~src/ui/query-client"
import { seriousViolations } from "./axe"
import { makeProposal } from "~tests/support/proposals"
import { fakeBackground, makeWorkflow, NOW, queueHandlers, syncStatus } from "./fake-background"
import { giveElementsALayout } from "./layout"

beforeEach(() => {
  giveElementsALayout()
  vi.spyOn(Date, "now").mockReturnValue(NOW)
})
afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

function renderPopup() {
  const proposals = [
    makeProposal({ title: "Low risk subject line" }),
    makeProposal({ title: "Bulk title normalisation", risk: { bulk: true, writesProduction: true } }),
    makeProposal({ title: "Scoring change", workflowId: "scoring", quorum: 2, approvals: 1 }),
    makeProposal({ title: "Waiting to send", local: { pendingAction: "approve" } }),
    makeProposal({ title: "Clash", local: { conflict: { message: "decided already", at: new Date(NOW).toISOString() } } }),
    makeProposal({
      title: "No page for this one",
      target: { platform: "other", kind: "segment", id: "s1" },
      impact: [{ metric: "contacts added", value: 1200 }]
    })
  ]
  const background = fakeBackground({
    ...queueHandlers(() => ({
      proposals,
      workflows: [makeWorkflow({ id: "email-copy", name: "Email copy" }), makeWorkflow({ id: "scoring", name: "Lead scoring", quorum: 2 })],
      status: syncStatus({ outboxSize: 1 })
    }))
  })
  render(
    <BackgroundProvider ask={background.ask}>
      <PopupApp openSettings={() => {}} />
    </BackgroundProvider>
  )
}

describe("popup accessibility (axe)", () => {
  it("has no serious or critical violations with a queue", async () => {
    renderPopup()
    await screen.findByRole("list", { name: /Pending proposals/ })
    expect(document.documentElement.lang).toBe("en")
    expect(await seriousViolations()).toEqual([])
  })

  it("has none with the reject form and the bulk refusal open", async () => {
    const user = userEvent.setup()
    renderPopup()
    await screen.findByRole("list", { name: /Pending proposals/ })
    await user.keyboard("r")
    await user.click(screen.getByRole("button", { name: /Approve all shown/ }))
    expect(await seriousViolations()).toEqual([])
  })

  it("has none while reviewing a proposal inside the popup", async () => {
    const user = userEvent.setup()
    renderPopup()
    await user.click(await screen.findByRole("button", { name: /^No page for this one/ }))
    await screen.findByRole("region", { name: "Proposal under review" })
    // The whole proposal (its impact) has arrived and is shown in the card.
    await screen.findByText(/contacts added/)
    expect(await seriousViolations()).toEqual([])
  })
})
