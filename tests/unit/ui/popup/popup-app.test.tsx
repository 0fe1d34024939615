// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"
import type { LocalProposal } from "~src/local/local-proposal"
import type { Workflow } from "~src/domain/workflow"
import { PopupApp } from "~src/ui/popup/popup-app"
import { TrustPolicyProvider } from "~src/ui/proposal/trusted-events"
import { BackgroundProvider } from "~src/ui/query-client"
import { makeProposal } from "~tests/support/proposals"
import { fakeBackground, makeWorkflow, NOW, queueHandlers, syncStatus } from "./fake-background"
import { giveElementsALayout } from "./layout"

const WORKFLOWS: Workflow[] = [
  makeWorkflow({ id: "email-copy", name: "Email copy", model: "approve" }),
  makeWorkflow({ id: "enrich", name: "Enrichment", model: "monitor" }),
  makeWorkflow({ id: "routing", name: "Lead routing", model: "exception" }),
  makeWorkflow({ id: "scoring", name: "Lead scoring", model: "approve", quorum: 2 })
]

beforeEach(() => {
  giveElementsALayout()
  vi.spyOn(Date, "now").mockReturnValue(NOW)
})
afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

function renderPopup(proposals: LocalProposal[], workflows = WORKFLOWS, trustSyntheticEvents = false) {
  const background = fakeBackground({
    ...queueHandlers(() => ({ proposals, workflows, status: syncStatus({ pendingCount: proposals.length }) })),
    "decision.submit": (m) => {
      const p = proposals.find((x) => x.id === m.decision.proposalId)!
      return { proposal: { ...p, local: { pendingAction: m.decision.action } } }
    },
    "proposal.open": () => ({ opened: true }),
    "sync.now": () => syncStatus({ lastSyncAt: new Date(NOW).toISOString() }),
    "sync.status": () => syncStatus({ pendingCount: proposals.length })
  })
  // The shared proposal card acts only on trusted events; jsdom can only make untrusted ones.
  render(
    <TrustPolicyProvider policy={() => trustSyntheticEvents}>
      <BackgroundProvider ask={background.ask}>
        <PopupApp />
      </BackgroundProvider>
    </TrustPolicyProvider>
  )
  return background
}

const hoursAgo = (h: number) => new Date(NOW - h * 3_600_000).toISOString()

describe("popup queue", () => {
  it("counts pending items by oversight tier and by workflow, and names the oldest waiting item", async () => {
    renderPopup([
      makeProposal({ workflowId: "email-copy", title: "Subject A", createdAt: hoursAgo(2) }),
      makeProposal({ workflowId: "email-copy", title: "Subject B", createdAt: hoursAgo(30) }),
      makeProposal({ workflowId: "enrich", title: "Enrich 1" }),
      makeProposal({ workflowId: "routing", title: "Route 1" }),
      makeProposal({ workflowId: "scoring", title: "Scoring 1", quorum: 2, approvals: 1 }),
      makeProposal({ workflowId: "email-copy", title: "Done", status: "approved" })
    ])
    const tiers = await screen.findByRole("list", { name: "Pending by oversight tier" })
    expect(within(tiers).getByLabelText("Approve before execute: 3")).toBeTruthy()
    expect(within(tiers).getByLabelText("Monitor and override: 1")).toBeTruthy()
    expect(within(tiers).getByLabelText("Exception based: 1")).toBeTruthy()
    const byWorkflow = screen.getByRole("list", { name: "Pending by workflow" })
    expect(within(byWorkflow).getByLabelText("Email copy: 2")).toBeTruthy()
    expect(screen.getByTestId("pending-total").textContent).toBe("5")
    expect(screen.getByText(/1 need a quorum/)).toBeTruthy()
    expect(screen.getByText(/Oldest waiting/).textContent).toContain("Subject B (30 hours)")
    expect(screen.getByText("Synced 2m ago")).toBeTruthy()
  })

  it("shows the riskiest item first, then the longest waiting", async () => {
    renderPopup([
      makeProposal({ title: "Low new", createdAt: hoursAgo(1) }),
      makeProposal({ title: "Low old", createdAt: hoursAgo(5) }),
      makeProposal({ title: "Production write", risk: { writesProduction: true }, createdAt: hoursAgo(0.5) })
    ])
    await screen.findByRole("list", { name: /Pending proposals/ })
    const titles = screen
      .getAllByRole("listitem")
      .filter((li) => li.dataset.index)
      .map((li) => li.querySelector(".row-title")!.textContent)
    expect(titles).toEqual(["Production write", "Low old", "Low new"])
  })

  it("filters the queue by platform, workflow and tier", async () => {
    const user = userEvent.setup()
    renderPopup([
      makeProposal({ title: "HubSpot email", workflowId: "email-copy" }),
      makeProposal({ title: "Marketo email", workflowId: "email-copy", target: { platform: "marketo", kind: "email", id: "EM1" } }),
      makeProposal({ title: "Routing on Salesforce", workflowId: "routing", target: { platform: "salesforce", kind: "lead", id: "00Q1" } })
    ])
    await screen.findByRole("list", { name: "Pending proposals, 3" })
    // Filters act on the whole queue: they appear once it has followed the first paint's head.
    await user.selectOptions(await screen.findByLabelText("Platform"), "marketo")
    expect(screen.getByRole("list", { name: "Pending proposals, 1" }).textContent).toContain("Marketo email")
    await user.selectOptions(screen.getByLabelText("Platform"), "")
    await user.selectOptions(screen.getByLabelText("Tier"), "exception")
    expect(screen.getByRole("list", { name: "Pending proposals, 1" }).textContent).toContain("Routing on Salesforce")
    await user.selectOptions(screen.getByLabelText("Tier"), "")
    await user.selectOptions(screen.getByLabelText("Workflow"), "email-copy")
    expect(screen.getByRole("list", { name: "Pending proposals, 2" })).toBeTruthy()
  })

  it("renders only a window of rows for a queue of 10,000 items", async () => {
    const proposals = Array.from({ length: 10_000 }, (_, i) => makeProposal({ title: `Item ${i}`, createdAt: hoursAgo(10_000 - i) }))
    renderPopup(proposals)
    const list = await screen.findByRole("list", { name: "Pending proposals, 10000" })
    const rows = within(list).getAllByRole("listitem")
    expect(rows.length).toBeGreaterThan(3)
    expect(rows.length).toBeLessThan(40)
    expect(rows[0].getAttribute("aria-setsize")).toBe("10000")
    expect(screen.getByTestId("pending-total").textContent).toBe("10000")
  })

  it("paints the counts and the first rows from the head, then asks for the whole queue once", async () => {
    const proposals = Array.from({ length: 120 }, (_, i) => makeProposal({ title: `Item ${i}`, createdAt: hoursAgo(200 - i) }))
    let releaseWhole = () => {}
    const wholeAsked = new Promise<void>((resolve) => (releaseWhole = resolve))
    const handlers = queueHandlers(() => ({ proposals, workflows: WORKFLOWS, status: syncStatus({ pendingCount: 120 }) }))
    const background = fakeBackground({
      ...handlers,
      // Held back: what the popup shows before the whole queue arrives.
      "proposals.queue": async () => {
        await wholeAsked
        return handlers["proposals.queue"]()
      },
      "sync.status": () => syncStatus({ pendingCount: 120 })
    })
    render(
      <BackgroundProvider ask={background.ask}>
        <PopupApp />
      </BackgroundProvider>
    )
    const list = await screen.findByRole("list", { name: "Pending proposals, 120" })
    expect(screen.getByTestId("pending-total").textContent).toBe("120")
    // Same order as the whole queue: the longest waiting first (none is risky).
    expect(within(list).getAllByRole("listitem")[0].textContent).toContain("Item 0")
    expect(screen.getByText("Loading all 120…")).toBeTruthy()
    expect(screen.queryByLabelText("Platform")).toBeNull()
    expect(screen.queryByRole("button", { name: /Approve all shown/ })).toBeNull()
    expect(background.callsOf("proposals.queueHead")).toEqual([{ type: "proposals.queueHead", size: 50 }])
    await waitFor(() => expect(background.callsOf("proposals.queue")).toHaveLength(1))
    releaseWhole()
    expect(await screen.findByRole("button", { name: "Approve all shown (120)" })).toBeTruthy()
    expect(screen.getByLabelText("Platform")).toBeTruthy()
    expect(screen.queryByText("Loading all 120…")).toBeNull()
    expect(background.callsOf("proposals.queueHead")).toHaveLength(1)
  })

  it("shows the whole queue when the head cannot be read", async () => {
    const proposals = [makeProposal({ title: "Only one" })]
    const handlers = queueHandlers(() => ({ proposals, workflows: WORKFLOWS, status: syncStatus({ pendingCount: 1 }) }))
    const background = fakeBackground({ "proposals.queue": handlers["proposals.queue"], "sync.status": () => syncStatus({ pendingCount: 1 }) })
    render(
      <BackgroundProvider ask={background.ask}>
        <PopupApp />
      </BackgroundProvider>
    )
    expect(await screen.findByRole("list", { name: "Pending proposals, 1" })).toBeTruthy()
    expect(screen.queryByRole("alert")).toBeNull()
  })

  it("quick-approves a low-risk item with one click, sending its version", async () => {
    const user = userEvent.setup()
    const background = renderPopup([makeProposal({ id: "P-LOW", title: "Fix typo", version: 3 })])
    await user.click(await screen.findByRole("button", { name: "Approve Fix typo" }))
    await waitFor(() =>
      expect(background.callsOf("decision.submit")).toEqual([
        { type: "decision.submit", decision: { proposalId: "P-LOW", action: "approve", proposalVersion: 3 } }
      ])
    )
  })

  it("offers no quick approve for risky or quorum items", async () => {
    renderPopup([
      makeProposal({ title: "Customer-facing", risk: { customerFacing: true } }),
      makeProposal({ title: "Needs two", workflowId: "scoring", quorum: 2 }),
      makeProposal({ title: "Plain" })
    ])
    await screen.findByRole("button", { name: "Approve Plain" })
    expect(screen.queryByRole("button", { name: "Approve Customer-facing" })).toBeNull()
    expect(screen.queryByRole("button", { name: "Approve Needs two" })).toBeNull()
  })

  it("asks for confirmation stating how many before bulk-approving the filtered set", async () => {
    const user = userEvent.setup()
    const background = renderPopup([
      makeProposal({ workflowId: "enrich", title: "E1" }),
      makeProposal({ workflowId: "enrich", title: "E2" }),
      makeProposal({ workflowId: "enrich", title: "E3" }),
      makeProposal({ workflowId: "email-copy", title: "Other" })
    ])
    await screen.findByRole("list", { name: "Pending proposals, 4" })
    await user.selectOptions(await screen.findByLabelText("Workflow"), "enrich")
    await user.click(screen.getByRole("button", { name: "Approve all shown (3)" }))
    const dialog = screen.getByRole("alertdialog")
    expect(dialog.textContent).toContain("Approve 3 proposals?")
    expect(background.callsOf("decision.submit")).toHaveLength(0)
    await user.click(within(dialog).getByRole("button", { name: "Approve 3" }))
    await screen.findByText("Approved 3")
    const approved = background.callsOf("decision.submit").map((c) => c.decision.proposalId)
    expect(approved.sort()).toHaveLength(3)
    expect(background.callsOf("decision.submit").every((c) => c.decision.action === "approve")).toBe(true)
  })

  it("refuses bulk approve when the set holds a workflow on quorum", async () => {
    const user = userEvent.setup()
    const background = renderPopup([makeProposal({ workflowId: "scoring", title: "S1", quorum: 2 }), makeProposal({ workflowId: "email-copy", title: "E1" })])
    await user.click(await screen.findByRole("button", { name: "Approve all shown (2)" }))
    expect(screen.getByRole("alert").textContent).toMatch(/not allowed for workflows that need a quorum \(Lead scoring\)/)
    expect(screen.queryByRole("alertdialog")).toBeNull()
    expect(background.callsOf("decision.submit")).toHaveLength(0)
  })

  it("moves with J/K, approves with A and opens the reject form with R", async () => {
    const user = userEvent.setup()
    const background = renderPopup([
      makeProposal({ id: "P1", title: "First", createdAt: hoursAgo(3) }),
      makeProposal({ id: "P2", title: "Second", createdAt: hoursAgo(2) }),
      makeProposal({ id: "P3", title: "Third", createdAt: hoursAgo(1) })
    ])
    await screen.findByRole("list", { name: "Pending proposals, 3" })
    const current = () => document.querySelector('[aria-current="true"] .row-title')?.textContent
    expect(current()).toBe("First")
    await user.keyboard("j")
    await user.keyboard("j")
    expect(current()).toBe("Third")
    await user.keyboard("k")
    expect(current()).toBe("Second")
    await user.keyboard("a")
    await waitFor(() => expect(background.callsOf("decision.submit")[0]?.decision).toMatchObject({ proposalId: "P2", action: "approve" }))
    await user.keyboard("r")
    const form = screen.getByRole("dialog", { name: /Reject “Second”/ })
    await user.selectOptions(within(form).getByLabelText("Reason"), "inaccurate")
    await user.click(within(form).getByRole("button", { name: "Reject" }))
    await waitFor(() =>
      expect(background.callsOf("decision.submit")[1]?.decision).toEqual({
        proposalId: "P2",
        action: "reject",
        proposalVersion: 1,
        reason: { code: "inaccurate" }
      })
    )
  })

  it("opens an item with a URL in its page, and shows one without a URL in the popup", async () => {
    const user = userEvent.setup()
    const background = renderPopup([
      makeProposal({ id: "P-URL", title: "On a page", createdAt: hoursAgo(2) }),
      makeProposal({ id: "P-NOURL", title: "Segment idea", summary: "A new segment", target: { platform: "other", kind: "segment", id: "s1" } })
    ])
    await user.click(await screen.findByRole("button", { name: /^On a page/ }))
    await waitFor(() => expect(background.callsOf("proposal.open")).toEqual([{ type: "proposal.open", proposalId: "P-URL" }]))
    await user.click(screen.getByRole("button", { name: /^Segment idea/ }))
    // The queue holds slim entries: the summary comes with the whole proposal, asked for on opening.
    expect(await screen.findByRole("heading", { name: "Segment idea" })).toBeTruthy()
    expect(screen.getByText("A new segment")).toBeTruthy()
    expect(background.callsOf("proposal.get")).toEqual([{ type: "proposal.get", proposalId: "P-NOURL" }])
    expect(background.callsOf("proposal.open")).toHaveLength(1)
  })

  it("reviews a proposal without a URL in the popup and approves it with its version and review time", async () => {
    const user = userEvent.setup()
    const background = renderPopup(
      [makeProposal({ id: "P-SEG", version: 2, title: "Segment idea", target: { platform: "other", kind: "segment", id: "s1" } })],
      WORKFLOWS,
      true
    )
    await user.click(await screen.findByRole("button", { name: /^Segment idea/ }))
    const detail = screen.getByRole("region", { name: "Proposal under review" })
    await user.click(await within(detail).findByRole("button", { name: "Approve" }))
    await waitFor(() => expect(background.callsOf("decision.submit")).toHaveLength(1))
    expect(background.callsOf("decision.submit")[0].decision).toEqual({ proposalId: "P-SEG", action: "approve", proposalVersion: 2, reviewMs: 0 })
    // Back on the queue once the decision is recorded.
    expect(await screen.findByRole("list", { name: /Pending proposals/ })).toBeTruthy()
  })

  it("shows queued decisions and conflicts from the local state", async () => {
    renderPopup([
      makeProposal({ title: "Waiting", local: { pendingAction: "approve" } }),
      makeProposal({ title: "Clashed", local: { conflict: { message: "Already rejected by Bo", at: hoursAgo(0) } } })
    ])
    expect(await screen.findByText("Queued: approve (waiting to send)")).toBeTruthy()
    expect(screen.getByText("Conflict: Already rejected by Bo")).toBeTruthy()
  })

  it("reports sync problems with their reason and syncs on demand", async () => {
    const user = userEvent.setup()
    const background = fakeBackground({
      ...queueHandlers(() => ({ proposals: [], workflows: [], status: syncStatus({ online: false, error: "server unreachable", outboxSize: 2 }) })),
      "sync.now": () => syncStatus()
    })
    render(
      <BackgroundProvider ask={background.ask}>
        <PopupApp />
      </BackgroundProvider>
    )
    expect(await screen.findByText("Offline: server unreachable")).toBeTruthy()
    expect(screen.getByText(/2 decisions waiting to send/)).toBeTruthy()
    await user.click(screen.getByRole("button", { name: "Sync now" }))
    await waitFor(() => expect(background.callsOf("sync.now")).toHaveLength(1))
  })

  it("re-reads the queue when the sync status shows new items, not on every poll", async () => {
    let pending = 1
    const background = fakeBackground({
      ...queueHandlers(() => ({
        proposals: Array.from({ length: pending }, () => makeProposal()),
        workflows: WORKFLOWS,
        status: syncStatus({ pendingCount: pending })
      })),
      "sync.status": () => syncStatus({ pendingCount: pending })
    })
    render(
      <BackgroundProvider ask={background.ask}>
        <PopupApp />
      </BackgroundProvider>
    )
    await screen.findByRole("list", { name: "Pending proposals, 1" })
    await waitFor(() => expect(background.callsOf("sync.status").length).toBeGreaterThanOrEqual(2), { timeout: 5_000 })
    expect(background.callsOf("proposals.queue")).toHaveLength(1)
    pending = 2
    expect(await screen.findByRole("list", { name: "Pending proposals, 2" }, { timeout: 5_000 })).toBeTruthy()
  }, 12_000)
})
