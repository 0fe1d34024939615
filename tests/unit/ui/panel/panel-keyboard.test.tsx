// @vitest-environment jsdom
import "../changes/rtl-cleanup"
import { fireEvent, screen, waitFor } from "@testing-library/react"
import { describe, expect, it } from "vitest"
import { browserTrustPolicy } from "~src/ui/proposal/trusted-events"
import { fakeBackground, proposal } from "./fake-background"
import { openPanel, renderPanel } from "./render-panel"

const expanded = (title: string) => screen.getByRole("button", { name: title }).getAttribute("aria-expanded")

describe("panel keyboard shortcuts", () => {
  it("shows the shortcut hints", async () => {
    const { user } = renderPanel(fakeBackground({ proposals: [proposal()] }))
    const panel = await openPanel(user)
    expect(panel.querySelector("footer")?.textContent).toBe("J/K move · A approve · R reject · E edit · Esc close")
  })

  it("moves with J and K", async () => {
    const [a, b] = [proposal(), proposal()]
    const { user } = renderPanel(fakeBackground({ proposals: [a, b] }))
    await openPanel(user)
    expect(expanded(a.title)).toBe("true")
    await user.keyboard("j")
    expect(expanded(b.title)).toBe("true")
    await user.keyboard("j")
    expect(expanded(b.title)).toBe("true")
    await user.keyboard("k")
    expect(expanded(a.title)).toBe("true")
  })

  it("approves the open item with A", async () => {
    const [a, b] = [proposal(), proposal()]
    const bg = fakeBackground({ proposals: [a, b] })
    const { user } = renderPanel(bg)
    await openPanel(user)
    await user.keyboard("ja")
    await waitFor(() => expect(bg.decisions).toHaveLength(1))
    expect(bg.decisions[0]).toMatchObject({ proposalId: b.id, action: "approve" })
  })

  it("rejects with R then a reason number", async () => {
    const bg = fakeBackground({ proposals: [proposal()] })
    const { user } = renderPanel(bg)
    await openPanel(user)
    await user.keyboard("r")
    expect(screen.getByRole("group", { name: "Why reject?" })).toBeTruthy()
    await user.keyboard("2")
    await waitFor(() => expect(bg.decisions).toHaveLength(1))
    expect(bg.decisions[0].reason).toEqual({ code: "inaccurate" })
  })

  it("opens the editor with E, and typing A there does not approve", async () => {
    const bg = fakeBackground({ proposals: [proposal()] })
    const { user } = renderPanel(bg)
    await openPanel(user)
    await user.keyboard("e")
    const box = screen.getByLabelText("Edit proposed subject")
    await user.click(box)
    await user.keyboard("a")
    expect((box as HTMLTextAreaElement).value.endsWith("a")).toBe(true)
    expect(bg.decisions).toHaveLength(0)
  })

  it("ignores shortcuts with a modifier held (browser and host shortcuts)", async () => {
    const bg = fakeBackground({ proposals: [proposal()] })
    const { user } = renderPanel(bg)
    await openPanel(user)
    await user.keyboard("{Control>}a{/Control}")
    expect(bg.decisions).toHaveLength(0)
  })

  it("closes with Escape, and Escape first leaves the reject form", async () => {
    const { user, onClose } = renderPanel(fakeBackground({ proposals: [proposal()] }))
    await openPanel(user)
    await user.keyboard("r")
    await user.keyboard("{Escape}")
    expect(screen.queryByRole("group", { name: "Why reject?" })).toBeNull()
    expect(onClose).not.toHaveBeenCalled()
    await user.keyboard("{Escape}")
    expect(onClose).toHaveBeenCalledOnce()
  })
})

describe("synthetic events", () => {
  it("cannot approve under the browser's trust policy", async () => {
    const bg = fakeBackground({ proposals: [proposal()] })
    renderPanel(bg, { trust: browserTrustPolicy })
    await openPanel()
    fireEvent.click(screen.getByRole("button", { name: "Approve" }))
    fireEvent.keyDown(window, { key: "a" })
    await new Promise((r) => setTimeout(r, 20))
    expect(bg.decisions).toHaveLength(0)
  })

  it("cannot approve, reject or use shortcuts; the reviewer's own input can", async () => {
    const bg = fakeBackground({ proposals: [proposal()], focusProposalId: null })
    const trusted = new WeakSet<Event>()
    // Trust only events this test marks, standing in for the browser's own input.
    const { user } = renderPanel(bg, { trust: (e) => trusted.has(e) })
    await openPanel()

    fireEvent.click(screen.getByRole("button", { name: "Approve" }))
    fireEvent.click(screen.getByRole("button", { name: "Reject" }))
    fireEvent.keyDown(window, { key: "a" })
    await user.keyboard("a")
    await new Promise((r) => setTimeout(r, 20))
    expect(bg.decisions).toHaveLength(0)
    expect(screen.queryByRole("group", { name: "Why reject?" })).toBeNull()

    const realApprove = new MouseEvent("click", { bubbles: true })
    trusted.add(realApprove)
    screen.getByRole("button", { name: "Approve" }).dispatchEvent(realApprove)
    await waitFor(() => expect(bg.decisions).toHaveLength(1))
  })

  it("undoes a synthetic change to an edit, and sends what the reviewer typed", async () => {
    const bg = fakeBackground({ proposals: [proposal()] })
    const trusted = new WeakSet<Event>()
    renderPanel(bg, { trust: (e) => trusted.has(e) })
    await openPanel()
    const real = <E extends Event>(event: E) => (trusted.add(event), event)
    screen.getByRole("button", { name: "Edit" }).dispatchEvent(real(new MouseEvent("click", { bubbles: true })))
    const box = (await screen.findByLabelText("Edit proposed subject")) as HTMLTextAreaElement
    // Set the value the way a browser's typing does (past React's value tracker), then fire input.
    const type = (text: string, event: Event) => {
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")!.set!.call(box, text)
      box.dispatchEvent(event)
    }
    type("What the reviewer typed", real(new Event("input", { bubbles: true })))
    type("Buy now, free money", new Event("input", { bubbles: true }))
    expect(box.value).toBe("What the reviewer typed")
    screen.getByRole("button", { name: "Save and approve" }).dispatchEvent(real(new MouseEvent("click", { bubbles: true })))
    await waitFor(() => expect(bg.decisions).toHaveLength(1))
    expect(bg.decisions[0]).toMatchObject({ action: "edit", edits: { after: "What the reviewer typed" } })
  })
})
