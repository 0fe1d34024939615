// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { afterEach, describe, expect, it } from "vitest"
import type { DeadlineSettings } from "~src/domain/deadlines"
import type { Me } from "~src/domain/me"
import type { Workflow } from "~src/domain/workflow"
import { WorkflowsSection } from "~src/ui/options/workflows-section"
import { BackgroundProvider } from "~src/ui/query-client"
import { fakeBackground, makeWorkflow } from "../popup/fake-background"
import { statsResponse, workflowStats } from "./stats-fixture"

afterEach(cleanup)

const WORKFLOWS: Workflow[] = [
  makeWorkflow({ id: "email-copy", name: "Email copy", model: "approve", quorum: 2 }),
  makeWorkflow({ id: "routing", name: "Lead routing", model: "exception", threshold: 0.85, expiryHours: 48 }),
  makeWorkflow({ id: "nurture", name: "Nurture flows", model: "monitor", paused: true })
]

const STATS = statsResponse([
  workflowStats({ workflowId: "email-copy", name: "Email copy", model: "approve", recommendation: { action: "hold", to: null, rule: "r", evidence: [] } }),
  workflowStats({
    workflowId: "routing",
    name: "Lead routing",
    model: "exception",
    counts: { proposals: 40, decisions: 10, approved: 8, edited: 0, rejected: 2, reverted: 3, autoApproved: 30, expired: 0, pending: 7 },
    rates: { approval: 0.8, edit: 0, reject: 0.2, revert: 0.1 },
    series: [{ day: "2026-11-25", decisions: 13, executed: 30, autoApproved: 30, approval: 0.8, edit: 0, reject: 0.2, revert: 0.1, medianReviewMs: 30_000 }],
    recommendation: { action: "tighten", to: "monitor", rule: "r", evidence: [] }
  })
])

const DEADLINES: DeadlineSettings = { defaultExpiryHours: { approve: 72, monitor: null, exception: 24 }, reminderShare: 0.8 }

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
    },
    "deadlines.get": () => DEADLINES,
    "api.call": (m) => (m.path.startsWith("/v1/stats") ? { status: 200, body: STATS } : { status: 404, body: null })
  })
  render(
    <BackgroundProvider ask={background.ask}>
      <WorkflowsSection />
    </BackgroundProvider>
  )
  return background
}

const rowOf = async (name: string) => (await screen.findByRole("rowheader", { name })).closest("tr")!

describe("Workflows table", () => {
  it("lets an admin change a row's model, threshold, quorum, deadline and pause, sending only what changed", async () => {
    const user = userEvent.setup()
    const background = renderAs({ name: "Ada", role: "admin" })
    const row = await rowOf("Lead routing")
    await user.selectOptions(within(row).getByLabelText("Oversight model of Lead routing"), "monitor")
    await user.clear(within(row).getByLabelText("Threshold of Lead routing"))
    await user.type(within(row).getByLabelText("Threshold of Lead routing"), "0.9")
    await user.clear(within(row).getByLabelText("Deadline in hours of Lead routing"))
    await user.click(within(row).getByLabelText("Paused of Lead routing"))
    await user.click(within(row).getByRole("button", { name: "Save Lead routing" }))

    await waitFor(() => expect(background.callsOf("workflows.update")).toHaveLength(1))
    // Exception → monitor tightens: no confirmation. Quorum and name were not touched, so not sent.
    expect(background.callsOf("workflows.update")[0]).toEqual({
      type: "workflows.update",
      id: "routing",
      workflow: { model: "monitor", threshold: 0.9, expiryHours: null, paused: true }
    })
    await waitFor(() => expect(within(row).getByRole("status").textContent).toBe("Saved"))
    // The row shows the server's copy after the refetch.
    await waitFor(() => expect(background.callsOf("workflows.list").length).toBeGreaterThanOrEqual(2))
    expect((within(row).getByLabelText("Oversight model of Lead routing") as HTMLSelectElement).value).toBe("monitor")
  })

  it("asks before loosening a model, and sends nothing if the admin cancels", async () => {
    const user = userEvent.setup()
    const background = renderAs({ name: "Ada", role: "admin" })
    const row = await rowOf("Email copy")
    await user.selectOptions(within(row).getByLabelText("Oversight model of Email copy"), "monitor")
    await user.click(within(row).getByRole("button", { name: "Save Email copy" }))
    const dialog = screen.getByRole("alertdialog")
    expect(dialog.textContent).toContain("Loosen Email copy from Approve before execute to Monitor and override?")
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }))
    expect(screen.queryByRole("alertdialog")).toBeNull()
    expect(background.callsOf("workflows.update")).toHaveLength(0)

    await user.click(within(row).getByRole("button", { name: "Save Email copy" }))
    await user.click(within(screen.getByRole("alertdialog")).getByRole("button", { name: "Loosen oversight" }))
    await waitFor(() => expect(background.callsOf("workflows.update").map((c) => c.workflow)).toEqual([{ model: "monitor" }]))
  })

  it("keeps Save disabled until something in the row changes", async () => {
    const user = userEvent.setup()
    renderAs({ name: "Ada", role: "admin" })
    const row = await rowOf("Email copy")
    const save = within(row).getByRole("button", { name: "Save Email copy" }) as HTMLButtonElement
    expect(save.disabled).toBe(true)
    await user.click(within(row).getByLabelText("Paused of Email copy"))
    expect(save.disabled).toBe(false)
    await user.click(within(row).getByLabelText("Paused of Email copy"))
    expect(save.disabled).toBe(true)
  })

  it("refuses an out-of-range quorum without calling the server", async () => {
    const user = userEvent.setup()
    const background = renderAs({ name: "Ada", role: "admin" })
    const row = await rowOf("Email copy")
    await user.clear(within(row).getByLabelText("Quorum of Email copy"))
    await user.type(within(row).getByLabelText("Quorum of Email copy"), "11")
    await user.click(within(row).getByRole("button", { name: "Save Email copy" }))
    expect(screen.getByRole("alert").textContent).toMatch(/^Quorum: /)
    expect(background.callsOf("workflows.update")).toHaveLength(0)
  })

  it("shows each workflow's pending count and last 30 days' rates from the stats", async () => {
    renderAs({ name: "Ada", role: "admin" })
    const row = await rowOf("Lead routing")
    await waitFor(() =>
      expect(
        within(row)
          .getAllByRole("cell")
          .map((c) => c.textContent)
      ).toEqual(expect.arrayContaining(["7", "80%", "0%", "20%", "10%"]))
    )
    // No stats for it: dashes that say "no data", never a made-up 0%.
    const nurture = await rowOf("Nurture flows")
    expect(nurture.textContent).toContain("no data")
    expect(nurture.textContent).not.toContain("%")
  })

  it("shows the tier's default deadline where a workflow has none of its own", async () => {
    renderAs({ name: "Ada", role: "admin" })
    const row = await rowOf("Email copy")
    await waitFor(() => expect(within(row).getByLabelText("Deadline in hours of Email copy").getAttribute("placeholder")).toBe("72 (tier)"))
  })

  it("filters by name or id, model and paused, and sorts by any column", async () => {
    const user = userEvent.setup()
    renderAs({ name: "Ada", role: "admin" })
    await rowOf("Email copy")
    const names = () => screen.getAllByRole("rowheader").map((h) => h.textContent)
    expect(names()).toEqual(["Email copy", "Lead routing", "Nurture flows"])

    await user.type(screen.getByLabelText("Filter"), "rout")
    expect(names()).toEqual(["Lead routing"])
    await user.clear(screen.getByLabelText("Filter"))
    await user.selectOptions(screen.getByLabelText("Model"), "monitor")
    expect(names()).toEqual(["Nurture flows"])
    await user.selectOptions(screen.getByLabelText("Model"), "all")
    await user.click(screen.getByLabelText("Paused only"))
    expect(names()).toEqual(["Nurture flows"])
    await user.click(screen.getByLabelText("Paused only"))

    await user.click(screen.getByRole("button", { name: "Pending" }))
    expect(screen.getByRole("columnheader", { name: "Pending" }).getAttribute("aria-sort")).toBe("ascending")
    await user.click(screen.getByRole("button", { name: "Pending" }))
    expect(screen.getByRole("columnheader", { name: "Pending" }).getAttribute("aria-sort")).toBe("descending")
    expect(names()).toEqual(["Lead routing", "Email copy", "Nurture flows"])
  })

  it("opens the risk questionnaire to create a new workflow", async () => {
    const user = userEvent.setup()
    renderAs({ name: "Ada", role: "admin" })
    await rowOf("Email copy")
    await user.click(screen.getByRole("button", { name: "New workflow" }))
    expect(document.activeElement?.textContent).toMatch(/^New workflow: risk questionnaire/)
    expect(screen.getByTestId("recommended-model").textContent).toBe("Monitor and override")
  })

  it("shows a reviewer the workflows read-only and says why", async () => {
    renderAs({ name: "Rita", role: "reviewer" })
    const table = await screen.findByRole("table", { name: "Workflows (read-only)" })
    expect(within(table).getByRole("rowheader", { name: "Lead routing" })).toBeTruthy()
    expect(table.textContent).toContain("Exception based")
    expect(table.textContent).toContain("48 h")
    expect(screen.getByText(/Read-only: you are connected as Rita with the reviewer role/)).toBeTruthy()
    const body = within(table).getAllByRole("rowgroup")[1]!
    expect(within(body).queryByRole("combobox")).toBeNull()
    expect(within(body).queryByRole("spinbutton")).toBeNull()
    expect(within(body).queryByRole("checkbox")).toBeNull()
    expect(screen.queryByRole("button", { name: /^Save/ })).toBeNull()
    expect(screen.queryByRole("button", { name: "New workflow" })).toBeNull()
  })
})
