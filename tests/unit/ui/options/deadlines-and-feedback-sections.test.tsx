// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { afterEach, describe, expect, it, vi } from "vitest"
import type { DeadlineSettings } from "~src/domain/deadlines"
import type { Me } from "~src/domain/me"
import { DeadlinesSection } from "~src/ui/options/deadlines-section"
import { FeedbackSection } from "~src/ui/options/feedback-section"
import { BackgroundProvider } from "~src/ui/query-client"
import { fakeBackground, makeWorkflow } from "../popup/fake-background"

afterEach(cleanup)

const SETTINGS: DeadlineSettings = { defaultExpiryHours: { approve: 72, monitor: null, exception: 24 }, reminderShare: 0.8 }
const JSONL = '{"proposalId":"A","outcome":"edited"}\n{"proposalId":"B","outcome":"rejected"}\n'

function renderWith(me: Me, ui: React.ReactNode) {
  let stored = SETTINGS
  const background = fakeBackground({
    "me.get": () => me,
    "workflows.list": () => ({ workflows: [makeWorkflow({ id: "lead-router", name: "Lead router" })] }),
    "deadlines.get": () => stored,
    "api.call": (m) => {
      if (m.path === "/v1/settings/deadlines" && m.method === "PUT") {
        const body = m.body as Partial<DeadlineSettings>
        stored = { defaultExpiryHours: { ...stored.defaultExpiryHours, ...body.defaultExpiryHours }, reminderShare: body.reminderShare ?? stored.reminderShare }
        return { status: 200, body: stored }
      }
      if (m.path.startsWith("/v1/feedback")) return { status: 200, body: JSONL }
      return { status: 404, body: null }
    }
  })
  render(<BackgroundProvider ask={background.ask}>{ui}</BackgroundProvider>)
  return background
}

describe("Deadlines section", () => {
  it("saves an admin's tier default and reminder share, sending only what changed", async () => {
    const user = userEvent.setup()
    const background = renderWith({ name: "Ada", role: "admin" }, <DeadlinesSection />)
    const approve = await screen.findByLabelText("Approve before execute")
    expect((approve as HTMLInputElement).value).toBe("72")
    expect((screen.getByLabelText("Monitor and override") as HTMLInputElement).value).toBe("")
    await user.clear(approve)
    await user.type(approve, "48")
    await user.clear(screen.getByLabelText(/Remind at/))
    await user.type(screen.getByLabelText(/Remind at/), "60")
    await user.click(screen.getByRole("button", { name: "Save deadlines" }))
    await waitFor(() => expect(background.callsOf("api.call").filter((c) => c.method === "PUT")).toHaveLength(1))
    expect(background.callsOf("api.call").find((c) => c.method === "PUT")!.body).toEqual({ defaultExpiryHours: { approve: 48 }, reminderShare: 0.6 })
    expect(await screen.findByText("Deadlines saved. The change is recorded in the audit log.")).toBeTruthy()
  })

  it("refuses a fractional deadline without asking the server", async () => {
    const user = userEvent.setup()
    const background = renderWith({ name: "Ada", role: "admin" }, <DeadlinesSection />)
    const exception = await screen.findByLabelText("Exception based")
    await user.clear(exception)
    await user.type(exception, "1.5")
    await user.click(screen.getByRole("button", { name: "Save deadlines" }))
    expect(screen.getByRole("alert").textContent).toMatch(/^Exception based: a whole number of hours/)
    expect(background.callsOf("api.call").filter((c) => c.method === "PUT")).toHaveLength(0)
  })

  it("shows a reviewer the deadlines read-only and says why", async () => {
    renderWith({ name: "Rita", role: "reviewer" }, <DeadlinesSection />)
    expect(((await screen.findByLabelText("Approve before execute")) as HTMLInputElement).readOnly).toBe(true)
    expect(await screen.findByText(/Read-only: you are connected as Rita/)).toBeTruthy()
    expect(screen.queryByRole("button", { name: "Save deadlines" })).toBeNull()
  })
})

describe("Feedback section", () => {
  it("downloads one workflow's feedback since a day as JSONL", async () => {
    const user = userEvent.setup()
    const saveFile = vi.fn()
    const background = renderWith({ name: "Ada", role: "admin" }, <FeedbackSection saveFile={saveFile} />)
    await screen.findByRole("option", { name: "Lead router" })
    await user.selectOptions(screen.getByLabelText("Workflow"), "lead-router")
    await user.type(screen.getByLabelText("Decided since"), "2026-11-01")
    const button = screen.getByRole("button", { name: "Download feedback (JSONL)" }) as HTMLButtonElement
    await waitFor(() => expect(button.disabled).toBe(false))
    await user.click(button)
    await waitFor(() => expect(saveFile).toHaveBeenCalledWith("signoff-feedback-lead-router-since-2026-11-01.jsonl", JSONL, "application/x-ndjson"))
    const query = new URL(background.callsOf("api.call")[0]!.path, "http://x").searchParams
    expect(query.get("workflowId")).toBe("lead-router")
    expect(await screen.findByText("Downloaded signoff-feedback-lead-router-since-2026-11-01.jsonl (2 decided proposals).")).toBeTruthy()
  })

  it("does not let a reviewer export, and says why", async () => {
    const background = renderWith({ name: "Rita", role: "reviewer" }, <FeedbackSection saveFile={vi.fn()} />)
    expect(await screen.findByText(/Read-only: you are connected as Rita/)).toBeTruthy()
    expect((screen.getByRole("button", { name: "Download feedback (JSONL)" }) as HTMLButtonElement).disabled).toBe(true)
    expect(background.callsOf("api.call")).toEqual([])
  })
})
