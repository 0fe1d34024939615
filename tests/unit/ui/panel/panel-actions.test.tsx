// @vitest-environment jsdom
import "../changes/rtl-cleanup"
import { screen, waitFor, within } from "@testing-library/react"
import { afterEach, describe, expect, it, vi } from "vitest"
import { fields } from "../changes/sample-changes"
import { fakeBackground, proposal, workflow } from "./fake-background"
import { openPanel, renderPanel } from "./render-panel"

afterEach(() => vi.restoreAllMocks())

describe("panel actions", () => {
  it("approves in one click, sending the proposal's version and the review time", async () => {
    const now = vi.spyOn(performance, "now").mockReturnValue(1_000)
    const p = proposal({ version: 7 })
    const bg = fakeBackground({ proposals: [p] })
    const { user } = renderPanel(bg)
    await openPanel(user)
    now.mockReturnValue(4_500)
    await user.click(screen.getByRole("button", { name: "Approve" }))
    await waitFor(() => expect(bg.decisions).toHaveLength(1))
    expect(bg.decisions[0]).toEqual({ proposalId: p.id, action: "approve", proposalVersion: 7, reviewMs: 3_500 })
  })

  it("rejects with a preset reason in two clicks", async () => {
    const p = proposal()
    const bg = fakeBackground({ proposals: [p] })
    const { user } = renderPanel(bg)
    await openPanel(user)
    await user.click(screen.getByRole("button", { name: "Reject" }))
    await user.click(screen.getByRole("button", { name: /^Off brand/ }))
    await waitFor(() => expect(bg.decisions).toHaveLength(1))
    expect(bg.decisions[0]).toMatchObject({ action: "reject", reason: { code: "off_brand" }, proposalVersion: p.version })
  })

  it("asks for text before sending an 'other' rejection", async () => {
    const bg = fakeBackground({ proposals: [proposal()] })
    const { user } = renderPanel(bg)
    await openPanel(user)
    await user.click(screen.getByRole("button", { name: "Reject" }))
    await user.click(screen.getByRole("button", { name: /^Other/ }))
    const send = screen.getByRole("button", { name: "Send rejection" }) as HTMLButtonElement
    expect(send.disabled).toBe(true)
    await user.click(send)
    expect(bg.decisions).toHaveLength(0)
    await user.type(screen.getByLabelText("Reason for rejecting"), "Mentions a discontinued product")
    await user.click(send)
    await waitFor(() => expect(bg.decisions).toHaveLength(1))
    expect(bg.decisions[0].reason).toEqual({ code: "other", text: "Mentions a discontinued product" })
  })

  it("lets the reviewer edit the proposed text and sends the edit as an approval with edits", async () => {
    const bg = fakeBackground({ proposals: [proposal()] })
    const { user } = renderPanel(bg)
    await openPanel(user)
    await user.click(screen.getByRole("button", { name: "Edit" }))
    const save = screen.getByRole("button", { name: "Save and approve" }) as HTMLButtonElement
    expect(save.disabled).toBe(true)
    const box = screen.getByLabelText("Edit proposed subject")
    await user.clear(box)
    await user.type(box, "Meet the new spring line-up")
    await user.click(save)
    await waitFor(() => expect(bg.decisions).toHaveLength(1))
    expect(bg.decisions[0]).toMatchObject({ action: "edit", edits: { after: "Meet the new spring line-up" } })
  })

  it("edits field values", async () => {
    const bg = fakeBackground({ proposals: [proposal({ change: fields })] })
    const { user } = renderPanel(bg)
    await openPanel(user)
    await user.click(screen.getByRole("button", { name: "Edit" }))
    const title = screen.getByLabelText("Job title")
    await user.clear(title)
    await user.type(title, "CMO")
    await user.click(screen.getByRole("button", { name: "Save and approve" }))
    await waitFor(() => expect(bg.decisions).toHaveLength(1))
    expect((bg.decisions[0].edits as typeof fields).changes[0].after).toBe("CMO")
  })

  it("offers Revert and Pause workflow for items a monitor-model workflow executed", async () => {
    const p = proposal({ status: "executed", workflowId: "enrich" })
    const bg = fakeBackground({ proposals: [p], workflows: [workflow("enrich", "monitor")] })
    const { user } = renderPanel(bg)
    await openPanel(user)
    expect(screen.queryByRole("button", { name: "Approve" })).toBeNull()
    expect(screen.getByRole("button", { name: "Revert" })).toBeTruthy()
    await user.click(screen.getByRole("button", { name: "Pause workflow" }))
    await waitFor(() => expect(bg.decisions).toHaveLength(1))
    expect(bg.decisions[0]).toMatchObject({ action: "pause", proposalId: p.id })
  })

  it("offers no Revert for executed items of an approve-model workflow", async () => {
    const bg = fakeBackground({ proposals: [proposal({ status: "executed" })], workflows: [workflow("email-copy", "approve")] })
    const { user } = renderPanel(bg)
    const panel = await openPanel(user)
    expect(within(panel).queryByRole("button", { name: "Revert" })).toBeNull()
  })

  it("moves to the next item to review after a decision", async () => {
    const [first, second] = [proposal(), proposal()]
    const bg = fakeBackground({ proposals: [first, second] })
    const { user } = renderPanel(bg)
    await openPanel(user)
    await user.click(screen.getByRole("button", { name: "Approve" }))
    await waitFor(() => expect(screen.getByRole("button", { name: second.title }).getAttribute("aria-expanded")).toBe("true"))
  })

  it("shows a decision the server refused as a conflict the user can dismiss", async () => {
    const p = proposal({ local: { conflict: { message: "Someone else approved version 4", at: "2026-11-25T10:00:00Z" } } })
    const bg = fakeBackground({ proposals: [p] })
    const { user } = renderPanel(bg)
    await openPanel(user)
    expect(screen.getByRole("alert").textContent).toContain("Someone else approved version 4")
    await user.click(screen.getByRole("button", { name: "Dismiss" }))
    await waitFor(() => expect(bg.messages.some((m) => m.type === "decision.dismiss")).toBe(true))
  })
})
