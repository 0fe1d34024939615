// @vitest-environment jsdom
import "../changes/rtl-cleanup"
import { screen, waitFor, within } from "@testing-library/react"
import { afterEach, describe, expect, it, vi } from "vitest"
import type { ProposalHistory } from "~src/domain"
import { fakeBackground, proposal, workflow } from "./fake-background"
import { openPanel, renderPanel } from "./render-panel"

afterEach(() => vi.restoreAllMocks())

const NOW = Date.parse("2026-11-25T12:00:00.000Z")
const original = { kind: "content" as const, field: "subject", format: "text" as const, before: "Meet the spring line-up", after: "Spring is here!!!" }
const edited = { ...original, after: "Spring is here" }

describe("panel: what ran under the monitor and exception models", () => {
  it("offers Revert and Pause workflow on an item the policy auto-approved, and sends the revert with its version", async () => {
    const p = proposal({
      status: "auto_approved",
      workflowId: "routing",
      version: 2,
      review: { outcome: "auto_approved", reason: "meets_threshold", text: "exception: confidence 0.9 ≥ threshold 0.8" }
    })
    const bg = fakeBackground({ proposals: [p], workflows: [workflow("routing", "exception")] })
    const { user } = renderPanel(bg)
    const panel = await openPanel(user)
    expect(within(panel).getByRole("button", { name: "Pause workflow" })).toBeTruthy()
    await user.click(within(panel).getByRole("button", { name: "Revert" }))
    await waitFor(() => expect(bg.decisions).toHaveLength(1))
    expect(bg.decisions[0]).toMatchObject({ proposalId: p.id, action: "revert", proposalVersion: 2 })
  })

  it("offers only Revert once the workflow is paused", async () => {
    const p = proposal({ status: "executed", workflowId: "enrich" })
    const bg = fakeBackground({ proposals: [p], workflows: [workflow("enrich", "monitor", { paused: true })] })
    const panel = await (async () => {
      renderPanel(bg)
      return openPanel()
    })()
    expect(within(panel).getByRole("button", { name: "Revert" })).toBeTruthy()
    expect(within(panel).queryByRole("button", { name: "Pause workflow" })).toBeNull()
  })
})

describe("panel: a co-approver sees the version they approve", () => {
  it("renders the edited change, who edited it, and the diff against the agent's original", async () => {
    vi.spyOn(Date, "now").mockReturnValue(NOW)
    const p = proposal({
      quorum: 2,
      approvals: 1,
      change: original,
      editedChange: edited,
      editedBy: { name: "Ben Editor", principalId: "P-BEN", at: "2026-11-25T11:55:00.000Z", proposalVersion: 1 }
    })
    const bg = fakeBackground({ proposals: [p] })
    renderPanel(bg)
    const panel = await openPanel()
    const editedSection = within(panel).getByRole("region", { name: "Edited version" })
    expect(editedSection.textContent).toContain("Edited by Ben Editor")
    expect(editedSection.textContent).toContain("5 min ago")
    expect(editedSection.textContent).toContain("approving approves this edited version")
    // The diff against the agent's original: the "!!!" the editor removed.
    const diff = within(editedSection).getByRole("group", { name: "Edit of after: agent's original → edited" })
    expect(diff.querySelector("del")?.textContent).toBe("!!!")
    // The change view shows the edited text as the proposed one.
    const changeView = within(panel).getByRole("group", { name: "Changes to subject" })
    expect(changeView.querySelector("ins")?.textContent).not.toContain("!!!")
    expect(changeView.textContent).toContain("Spring is here")
    expect(changeView.textContent).not.toContain("!!!")
  })

  it("starts an edit from the edited version, not the agent's original", async () => {
    const p = proposal({ change: original, editedChange: edited, editedBy: { name: "Ben Editor", at: "2026-11-25T11:55:00.000Z", proposalVersion: 1 } })
    const bg = fakeBackground({ proposals: [p] })
    const { user } = renderPanel(bg)
    await openPanel(user)
    await user.click(screen.getByRole("button", { name: "Edit" }))
    expect((screen.getByLabelText("Edit proposed subject") as HTMLTextAreaElement).value).toBe("Spring is here")
  })
})

describe("panel: the quorum counts people", () => {
  it("does not offer Approve to a reviewer who already approved this version, and A does nothing", async () => {
    const p = proposal({ quorum: 2, approvals: 1, local: { alreadyApproved: true } })
    const bg = fakeBackground({ proposals: [p] })
    const { user } = renderPanel(bg)
    const panel = await openPanel(user)
    expect(within(panel).queryByRole("button", { name: "Approve" })).toBeNull()
    expect(within(panel).getByRole("button", { name: "Reject" })).toBeTruthy()
    await user.click(within(panel).getByText(p.summary))
    await user.keyboard("a")
    expect(bg.decisions).toEqual([])
  })
})

describe("panel: deadline and decision history", () => {
  it("shows how long a pending proposal has before its deadline", async () => {
    vi.spyOn(Date, "now").mockReturnValue(NOW)
    const p = proposal({ expiresAt: "2026-11-25T15:10:00.000Z", remindAt: "2026-11-25T14:30:00.000Z" })
    renderPanel(fakeBackground({ proposals: [p] }))
    const panel = await openPanel()
    expect(within(panel).getByText("expires in 3 h")).toBeTruthy()
  })

  it("loads the decision history through the background when opened, and lists the first reviewer's edit", async () => {
    const p = proposal({ change: original, editedChange: edited })
    const history: ProposalHistory = {
      proposalId: p.id,
      workflowId: p.workflowId,
      status: "pending",
      version: p.version,
      entries: [
        {
          seq: 1,
          at: "2026-11-25T10:00:00.000Z",
          actor: { name: "copywriter", role: "agent" },
          type: "created",
          status: "pending",
          model: "approve",
          review: null,
          contentHash: "h1",
          expiresAt: null,
          remindAt: null
        },
        {
          seq: 2,
          at: "2026-11-25T11:55:00.000Z",
          actor: { name: "Ben Editor", role: "reviewer", principalId: "P-BEN" },
          type: "edit",
          decisionId: "D1",
          proposalVersion: 1,
          fromStatus: "pending",
          toStatus: "pending",
          reason: null,
          reviewMs: 30_000,
          approvals: 1,
          quorum: 2,
          contentHash: null,
          edit: { edits: { after: "Spring is here" }, before: original, after: edited },
          workflowPaused: null
        }
      ]
    }
    const bg = fakeBackground({ proposals: [p], histories: { [p.id]: history } })
    const { user } = renderPanel(bg)
    const panel = await openPanel(user)
    expect(bg.messages.some((m) => m.type === "proposal.history")).toBe(false) // only when opened
    await user.click(within(panel).getByText("Decision history"))
    const list = await within(panel).findByRole("list", { name: "Decision history, oldest first" })
    const items = within(list).getAllByRole("listitem")
    expect(items.map((li) => li.querySelector(".history-line strong")?.textContent)).toEqual(["copywriter", "Ben Editor"])
    expect(items[1]!.textContent).toContain("edited the change and approved it in 30 s (1 of 2 approvals)")
    expect(within(items[1]!).getByRole("group", { name: "Ben Editor's edit of after" }).querySelector("del")?.textContent).toBe("!!!")
    expect(bg.messages.filter((m) => m.type === "proposal.history")).toEqual([{ type: "proposal.history", proposalId: p.id }])
  })
})
