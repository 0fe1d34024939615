// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"
import type { DailySummary, Me } from "~src/domain"
import type { LocalProposal } from "~src/local/local-proposal"
import type { PublicSettings } from "~src/local/public-settings"
import { PopupApp } from "~src/ui/popup/popup-app"
import { TrustPolicyProvider } from "~src/ui/proposal/trusted-events"
import { BackgroundProvider } from "~src/ui/query-client"
import { seriousViolations } from "./axe"
import { summaryItem, workflowSummary } from "~tests/support/daily-summary"
import { makeProposal } from "~tests/support/proposals"
import { fakeBackground, makeWorkflow, NOW, queueHandlers, syncStatus } from "./fake-background"
import { giveElementsALayout } from "./layout"

beforeEach(() => {
  giveElementsALayout()
  vi.spyOn(Date, "now").mockReturnValue(NOW) // 2026-11-25T12:00Z: yesterday (UTC) is 2026-11-24
})
afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

const WORKFLOWS = [
  makeWorkflow({ id: "email-copy", name: "Email copy", model: "approve", expiryHours: 24 }),
  makeWorkflow({ id: "enrich", name: "Enrichment", model: "monitor", spotCheckSize: 2 }),
  makeWorkflow({ id: "routing", name: "Lead routing", model: "exception", quorum: 2, paused: true })
]

function summaryOf(date: string): DailySummary {
  const ran = [
    summaryItem("A1", "Fill job title of Ada"),
    summaryItem("A2", "Fill job title of Bob", { version: 3 }),
    summaryItem("A3", "Fill job title of Cy", { status: "executed", version: 2 })
  ]
  return {
    date,
    workflows: [
      workflowSummary({
        workflowId: "enrich",
        name: "Enrichment",
        model: "monitor",
        executed: [ran[2]!],
        autoApproved: [ran[0]!, ran[1]!],
        escalated: [{ ...summaryItem("E1", "Odd record", { status: "pending" }), reason: "edge_case" }],
        spotCheck: { size: 2, population: 3, items: [ran[1]!, ran[2]!] }
      }),
      workflowSummary({ workflowId: "email-copy", name: "Email copy", model: "approve" })
    ]
  }
}

const SETTINGS: PublicSettings = {
  serverUrl: "http://127.0.0.1:8787",
  hasToken: true,
  tokenHint: "abcd",
  notifications: false,
  reminderNotifications: false,
  syncIntervalMinutes: 5
}

function renderPopup({ proposals = [] as LocalProposal[], me = { name: "Ana", role: "reviewer", principalId: "P-ANA" } as Me } = {}) {
  let workflows = WORKFLOWS
  let settings = SETTINGS
  const background = fakeBackground({
    ...queueHandlers(() => ({ proposals, workflows, status: syncStatus({ pendingCount: proposals.length }) })),
    "sync.status": () => syncStatus({ pendingCount: proposals.length }),
    "summary.get": ({ date }) => summaryOf(date),
    "decision.submit": ({ decision }) => ({
      proposal: {
        ...makeProposal({ id: decision.proposalId, status: "auto_approved", version: decision.proposalVersion }),
        local: { pendingAction: decision.action }
      }
    }),
    "workflows.list": () => ({ workflows }),
    "workflows.update": ({ id, workflow }) => {
      workflows = workflows.map((w) => (w.id === id ? { ...w, ...workflow } : w))
      return { workflow: workflows.find((w) => w.id === id)! }
    },
    "me.get": () => me,
    "deadlines.get": () => ({ defaultExpiryHours: { approve: null, monitor: 48, exception: 12 }, reminderShare: 0.8 }),
    "settings.get": () => settings,
    "settings.save": (m) => (settings = { ...settings, reminderNotifications: m.reminderNotifications ?? settings.reminderNotifications }),
    "proposal.open": () => ({ opened: true })
  })
  render(
    <TrustPolicyProvider policy={() => false}>
      <BackgroundProvider ask={background.ask}>
        <PopupApp />
      </BackgroundProvider>
    </TrustPolicyProvider>
  )
  return { background, user: userEvent.setup() }
}

async function openScreen(user: ReturnType<typeof userEvent.setup>, name: RegExp) {
  await user.click(await screen.findByRole("button", { name }))
}

describe("popup: daily summary", () => {
  it("shows yesterday's UTC day by default, per workflow what ran and the spot-check sample", async () => {
    const { background, user } = renderPopup()
    await openScreen(user, /^Daily summary/)
    const enrichment = await screen.findByRole("region", { name: /Enrichment/ })
    expect(background.callsOf("summary.get")).toEqual([{ type: "summary.get", date: "2026-11-24" }])
    expect(screen.getByRole("heading", { level: 2, name: /Daily summary/ }).textContent).toContain("yesterday, 2026-11-24 (UTC day)")
    expect(within(enrichment).getByRole("list", { name: "Enrichment: what happened" }).textContent).toBe(
      "1 executed2 auto-approved0 failed0 reverted1 escalated"
    )
    const sample = within(enrichment).getByRole("list", { name: "Spot-check sample of Enrichment" })
    expect(
      within(sample)
        .getAllByRole("listitem")
        .map((li) => li.querySelector(".summary-item-title")?.textContent)
    ).toEqual(["Fill job title of Bob", "Fill job title of Cy"])
    expect(within(enrichment).getByRole("heading", { name: /Spot-check sample: 2 of 3 that ran/ })).toBeTruthy()
    // A workflow where nothing happened is one line, not a section.
    expect(screen.getByText("Nothing that day in Email copy.")).toBeTruthy()
  })

  it("reverts a spot-checked item in one click with its current version, and pauses its workflow from another", async () => {
    const { background, user } = renderPopup()
    await openScreen(user, /^Daily summary/)
    const sample = await screen.findByRole("list", { name: "Spot-check sample of Enrichment" })
    await user.click(within(sample).getByRole("button", { name: "Revert Fill job title of Bob" }))
    await waitFor(() => expect(background.callsOf("decision.submit")).toHaveLength(1))
    expect(background.callsOf("decision.submit")[0]!.decision).toEqual({ proposalId: "A2", action: "revert", proposalVersion: 3 })
    expect(await within(sample).findByText(/Revert queued/)).toBeTruthy()
    await user.click(within(sample).getByRole("button", { name: "Pause workflow Enrichment (from Fill job title of Cy)" }))
    await waitFor(() => expect(background.callsOf("decision.submit")).toHaveLength(2))
    expect(background.callsOf("decision.submit")[1]!.decision).toEqual({ proposalId: "A3", action: "pause", proposalVersion: 2 })
  })

  it("offers no Revert on an escalated item, which waits for a decision in the queue", async () => {
    const { user } = renderPopup()
    await openScreen(user, /^Daily summary/)
    const escalated = await screen.findByRole("list", { name: "Escalated in Enrichment" })
    expect(escalated.textContent).toContain("flagged as an edge case")
    expect(within(escalated).queryByRole("button", { name: /Revert|Pause/ })).toBeNull()
  })

  it("asks for the day the reviewer picks, and refuses a day after today", async () => {
    const { background, user } = renderPopup()
    await openScreen(user, /^Daily summary/)
    const day = await screen.findByLabelText("Day (UTC)")
    await user.clear(day)
    await user.type(day, "2026-11-20")
    await waitFor(() => expect(background.callsOf("summary.get").map((c) => c.date)).toContain("2026-11-20"))
    await user.clear(day)
    await user.type(day, "2026-12-01")
    expect(background.callsOf("summary.get").map((c) => c.date)).not.toContain("2026-12-01")
    expect(day.getAttribute("aria-invalid")).toBe("true")
  })
})

describe("popup: escalations and reminders", () => {
  const hours = (h: number) => new Date(NOW + h * 3_600_000).toISOString()
  const queue = () => [
    makeProposal({
      id: "NEW",
      title: "Escalated newcomer",
      createdAt: hours(-1),
      review: { outcome: "pending", reason: "below_threshold", text: "low confidence" }
    }),
    makeProposal({ id: "OLD", title: "Deadline close", createdAt: hours(-20), remindAt: hours(-1), expiresAt: hours(2) }),
    makeProposal({ id: "CALM", title: "Plenty of time", createdAt: hours(-30), remindAt: hours(10), expiresAt: hours(20) })
  ]

  it("lists what is close to its deadline or escalated, oldest first, and counts it in the tab", async () => {
    const { user } = renderPopup({ proposals: queue() })
    await screen.findByRole("button", { name: "Escalations: 2" }, { timeout: 4000 })
    await openScreen(user, /^Escalations/)
    const list = await screen.findByRole("list", { name: "Escalations, oldest first, 2" })
    const rows = within(list).getAllByRole("listitem")
    expect(rows.map((r) => r.querySelector(".row-title")?.textContent)).toEqual(["Deadline close", "Escalated newcomer"])
    expect(rows[0]!.textContent).toContain("expires in 2 h")
    expect(rows[1]!.textContent).toContain("escalated: confidence under the threshold")
  })

  it("shows each queued item's deadline in its row", async () => {
    renderPopup({ proposals: queue() })
    const list = await screen.findByRole("list", { name: /Pending proposals/ })
    expect(list.textContent).toContain("expires in 20 h")
  })

  it("saves the opt-in for reminder notifications", async () => {
    const { background, user } = renderPopup({ proposals: queue() })
    await openScreen(user, /^Escalations/)
    const box = (await screen.findByLabelText(/Desktop notification when a deadline is close/)) as HTMLInputElement
    await waitFor(() => expect(box.disabled).toBe(false))
    expect(box.checked).toBe(false)
    await user.click(box)
    await waitFor(() => expect(background.callsOf("settings.save")).toHaveLength(1))
    expect(background.callsOf("settings.save")[0]).toEqual({ type: "settings.save", serverUrl: SETTINGS.serverUrl, reminderNotifications: true })
    await waitFor(() => expect(box.checked).toBe(true))
  })
})

describe("popup: workflows and oversight", () => {
  it("shows every workflow's model, threshold, quorum, deadline and pause to a reviewer, with no controls", async () => {
    const { user } = renderPopup()
    await openScreen(user, /^Workflows/)
    const list = await screen.findByRole("list", { name: "Workflows" })
    const routing = within(list).getByRole("listitem", { name: /Lead routing/ })
    expect(routing.textContent).toContain("Paused")
    expect(routing.textContent).toContain("Exception based")
    expect(routing.textContent).toContain("2 reviewers")
    expect(routing.textContent).toContain("12 h (tier default)")
    expect(within(list).getByRole("listitem", { name: /Email copy/ }).textContent).toContain("24 h")
    expect(within(list).queryByRole("combobox")).toBeNull()
    expect(within(list).queryByRole("button")).toBeNull()
    expect(screen.getByRole("link", { name: "options page" }).getAttribute("href")).toBe("/options.html#workflows")
  })

  it("lets an admin pause a workflow after confirming, sending only the pause", async () => {
    const { background, user } = renderPopup({ me: { name: "Dana", role: "admin", principalId: "P-DANA" } })
    await openScreen(user, /^Workflows/)
    await user.click(await screen.findByRole("button", { name: "Pause Enrichment" }))
    const dialog = screen.getByRole("alertdialog")
    expect(dialog.textContent).toContain("recorded in the audit log")
    expect(background.callsOf("workflows.update")).toEqual([])
    await user.click(within(dialog).getByRole("button", { name: "Pause" }))
    await waitFor(() => expect(background.callsOf("workflows.update")).toEqual([{ type: "workflows.update", id: "enrich", workflow: { paused: true } }]))
    expect(await screen.findByRole("button", { name: "Resume Enrichment" })).toBeTruthy()
  })

  it("sends nothing when an admin cancels a model switch", async () => {
    const { background, user } = renderPopup({ me: { name: "Dana", role: "admin", principalId: "P-DANA" } })
    await openScreen(user, /^Workflows/)
    const row = await screen.findByRole("listitem", { name: /Email copy/ })
    await user.selectOptions(within(row).getByLabelText("Oversight model"), "monitor")
    expect(screen.getByRole("alertdialog").textContent).toContain("from Approve before execute to Monitor and override")
    await user.click(screen.getByRole("button", { name: "Cancel" }))
    expect(background.callsOf("workflows.update")).toEqual([])
    expect((within(row).getByLabelText("Oversight model") as HTMLSelectElement).value).toBe("approve")
  })
})

describe("popup: the quorum counts people", () => {
  it("offers no quick Approve on an item this reviewer already approved, and says it waits for another reviewer", async () => {
    const mine = { ...makeProposal({ title: "Approved by me", quorum: 2, approvals: 1 }), local: { alreadyApproved: true } }
    renderPopup({ proposals: [mine, makeProposal({ title: "Not yet" })] })
    const list = await screen.findByRole("list", { name: /Pending proposals/ })
    const row = within(list).getByText("Approved by me").closest("li")!
    expect(row.textContent).toContain("You approved this version; waiting for another reviewer")
    expect(within(row).queryByRole("button", { name: "Approve Approved by me" })).toBeNull()
    expect(within(list).getByRole("button", { name: "Approve Not yet" })).toBeTruthy()
  })

  it("offers no Approve in the popup's own review of an item this reviewer already approved", async () => {
    const mine = {
      ...makeProposal({ title: "Approved by me, no page", quorum: 2, approvals: 1, target: { platform: "other", kind: "segment", id: "s1" } }),
      local: { alreadyApproved: true }
    }
    const { user } = renderPopup({ proposals: [mine] })
    await user.click(await screen.findByRole("button", { name: /^Approved by me, no page/ }))
    const review = await screen.findByRole("region", { name: "Proposal under review" })
    await within(review).findByRole("button", { name: "Reject" })
    expect(within(review).queryByRole("button", { name: "Approve" })).toBeNull()
  })
})

describe("popup's new screens (axe)", () => {
  it("has no serious or critical violations on the daily summary, with its lists open", async () => {
    const { user } = renderPopup()
    await openScreen(user, /^Daily summary/)
    await screen.findByRole("list", { name: "Spot-check sample of Enrichment" })
    for (const disclosure of screen.getAllByText(/^(Escalated to a person|Everything that ran)/)) await user.click(disclosure)
    expect(await seriousViolations()).toEqual([])
  })

  it("has none on the escalations screen", async () => {
    const hours = (h: number) => new Date(NOW + h * 3_600_000).toISOString()
    const { user } = renderPopup({ proposals: [makeProposal({ title: "Deadline close", remindAt: hours(-1), expiresAt: hours(2) })] })
    await openScreen(user, /^Escalations/)
    await screen.findByRole("list", { name: /Escalations, oldest first/ })
    expect(await seriousViolations()).toEqual([])
  })

  it("has none on the workflows screen as an admin, with a confirmation open", async () => {
    const { user } = renderPopup({ me: { name: "Dana", role: "admin", principalId: "P-DANA" } })
    await openScreen(user, /^Workflows/)
    await user.click(await screen.findByRole("button", { name: "Pause Enrichment" }))
    await screen.findByRole("alertdialog")
    expect(await seriousViolations()).toEqual([])
  })
})
