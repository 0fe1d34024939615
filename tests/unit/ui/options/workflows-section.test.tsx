// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { afterEach, describe, expect, it } from "vitest"
import type { Me } from "~src/domain/me"
import type { Workflow } from "~src/domain/workflow"
import { WorkflowsSection } from "~src/ui/options/workflows-section"
import { BackgroundProvider } from "~src/ui/query-client"
import { fakeBackground, makeWorkflow } from "../popup/fake-background"

afterEach(cleanup)

const WORKFLOWS: Workflow[] = [
  makeWorkflow({ id: "email-copy", name: "Email copy", model: "approve", quorum: 2 }),
  makeWorkflow({ id: "routing", name: "Lead routing", model: "exception", threshold: 0.85, expiryHours: 48 })
]

function renderAs(me: Me) {
  // The server's copy: updates persist, so the refetch after an update returns them.
  let stored = WORKFLOWS
  const background = fakeBackground({
    "me.get": () => me,
    "workflows.list": () => ({ workflows: stored }),
    "workflows.update": (m) => {
      const workflow = { ...stored.find((w) => w.id === m.id)!, ...m.workflow, updatedAt: "2026-11-25T12:00:00Z" } as Workflow
      stored = stored.map((w) => (w.id === m.id ? workflow : w))
      return { workflow }
    }
  })
  render(
    <BackgroundProvider ask={background.ask}>
      <WorkflowsSection />
    </BackgroundProvider>
  )
  return background
}

describe("Workflows section", () => {
  it("lets an admin change a workflow's model, threshold, quorum, expiry and pause, and sends it to the server", async () => {
    const user = userEvent.setup()
    const background = renderAs({ name: "Ada", role: "admin" })
    const form = await screen.findByRole("form", { name: "Workflow Lead routing" })
    await user.selectOptions(within(form).getByLabelText("Oversight model"), "monitor")
    await user.clear(within(form).getByLabelText("Confidence threshold"))
    await user.type(within(form).getByLabelText("Confidence threshold"), "0.9")
    await user.clear(within(form).getByLabelText("Expiry (hours)"))
    await user.click(within(form).getByLabelText("Paused"))
    await user.click(within(form).getByRole("button", { name: "Update workflow Lead routing" }))

    await waitFor(() => expect(background.callsOf("workflows.update")).toHaveLength(1))
    expect(background.callsOf("workflows.update")[0]).toEqual({
      type: "workflows.update",
      id: "routing",
      workflow: { name: "Lead routing", model: "monitor", threshold: 0.9, quorum: 1, expiryHours: null, paused: true }
    })
    expect((await within(form).findByRole("status")).textContent).toBe("Updated. The change is recorded in the audit log.")
    // The form shows the server's copy, and the confirmation survives the refetch.
    await waitFor(() => expect(background.callsOf("workflows.list").length).toBeGreaterThanOrEqual(2))
    expect((within(form).getByLabelText("Oversight model") as HTMLSelectElement).value).toBe("monitor")
    expect(within(form).getByRole("status").textContent).toBe("Updated. The change is recorded in the audit log.")
  })

  it("rejects an out-of-range quorum without calling the server", async () => {
    const user = userEvent.setup()
    const background = renderAs({ name: "Ada", role: "admin" })
    const form = await screen.findByRole("form", { name: "Workflow Email copy" })
    await user.clear(within(form).getByLabelText("Quorum"))
    await user.type(within(form).getByLabelText("Quorum"), "11")
    await user.click(within(form).getByRole("button", { name: /Update workflow/ }))
    expect(within(form).getByRole("alert").textContent).toMatch(/quorum/)
    expect(background.callsOf("workflows.update")).toHaveLength(0)
  })

  it("shows a reviewer the workflows read-only and says why", async () => {
    renderAs({ name: "Rita", role: "reviewer" })
    const table = await screen.findByRole("table", { name: "Workflows (read-only)" })
    expect(within(table).getByRole("rowheader", { name: "Lead routing" })).toBeTruthy()
    expect(table.textContent).toContain("Exception based")
    expect(table.textContent).toContain("48 h")
    expect(screen.getByText(/Read-only: you are connected as Rita with the reviewer role/)).toBeTruthy()
    expect(screen.queryByRole("combobox")).toBeNull()
    expect(screen.queryByRole("button")).toBeNull()
  })
})
