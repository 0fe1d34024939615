// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { afterEach, describe, expect, it, vi } from "vitest"
import type { Me } from "~src/domain/me"
import type { Workflow } from "~src/domain/workflow"
import { LooseningAdvisorSection } from "~src/ui/options/loosening-advisor-section"
import { BackgroundProvider } from "~src/ui/query-client"
import { fakeBackground, makeWorkflow } from "../popup/fake-background"
import { statsResponse, workflowStats } from "./stats-fixture"

// uPlot draws on canvas, which jsdom lacks; record what each chart was asked to draw instead.
const charts = vi.hoisted(() => [] as { title: string; data: unknown[] }[])
vi.mock("uplot", () => ({
  default: class {
    constructor(opts: { title: string }, data: unknown[]) {
      charts.push({ title: opts.title, data })
    }
    destroy() {}
  }
}))

afterEach(() => {
  cleanup()
  charts.length = 0
})

const WORKFLOWS: Workflow[] = [
  makeWorkflow({ id: "enrich", name: "Enrichment", model: "approve", quorum: 1, threshold: 0.7 }),
  makeWorkflow({ id: "routing", name: "Lead routing", model: "exception" })
]
const STATS = statsResponse([
  workflowStats({
    workflowId: "enrich",
    name: "Enrichment",
    model: "approve",
    recommendation: {
      action: "loosen_to_monitor",
      to: "monitor",
      rule: "loosen when ≥ 50 decisions and reject+revert rate ≤ 2%",
      evidence: ["62 decisions in 30 days", "rejection rate 1.6%"]
    }
  }),
  workflowStats({
    workflowId: "routing",
    name: "Lead routing",
    model: "exception",
    recommendation: { action: "tighten", to: "approve", rule: "tighten when reject+revert rate ≥ 10% over ≥ 20 decisions", evidence: ["reverts 14%"] }
  })
])

function renderAs(me: Me) {
  const background = fakeBackground({
    "me.get": () => me,
    "workflows.list": () => ({ workflows: WORKFLOWS }),
    "api.call": (m) => (m.path.startsWith("/v1/stats") ? { status: 200, body: STATS } : { status: 404, body: { error: { code: "not_found", message: "no" } } }),
    "workflows.update": (m) => ({ workflow: { ...WORKFLOWS.find((w) => w.id === m.id)!, ...m.workflow } as Workflow })
  })
  render(
    <BackgroundProvider ask={background.ask}>
      <LooseningAdvisorSection />
    </BackgroundProvider>
  )
  return background
}

describe("Loosening advisor", () => {
  it("charts each workflow's daily rates and review time with uPlot, leaving days without decisions as gaps", async () => {
    const background = renderAs({ name: "Ada", role: "admin" })
    await screen.findByRole("region", { name: "Recommendation for Enrichment" })
    expect(background.callsOf("api.call")[0]).toEqual({ type: "api.call", method: "GET", path: "/v1/stats?window=30" })
    const rates = charts.find((c) => c.title === "Enrichment: decision rates per day")!
    expect(rates.data[0]).toEqual(["2026-11-23", "2026-11-24", "2026-11-25"].map((d) => Date.parse(`${d}T00:00:00Z`) / 1000))
    expect(rates.data[1]).toEqual([90, null, 95])
    const review = charts.find((c) => c.title === "Enrichment: median review time per day")!
    expect(review.data[1]).toEqual([45, null, 40])
    expect(screen.getByRole("img", { name: /Enrichment: decision rates per day\. Latest: Approval 95%/ })).toBeTruthy()
  })

  it("shows tightening as prominently as loosening, with evidence and rule, tightening first", async () => {
    renderAs({ name: "Ada", role: "admin" })
    const tighten = await screen.findByRole("region", { name: "Recommendation for Lead routing" })
    const loosen = screen.getByRole("region", { name: "Recommendation for Enrichment" })
    expect(within(tighten).getByRole("heading").textContent).toBe("Tighten: Exception based → Approve before execute")
    expect(within(loosen).getByRole("heading").textContent).toBe("Loosen: Approve before execute → Monitor and override")
    expect(tighten.compareDocumentPosition(loosen) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
    expect(within(loosen).getByRole("list", { name: "Evidence" }).textContent).toContain("62 decisions in 30 days")
    expect(loosen.textContent).toContain("Rule: loosen when ≥ 50 decisions and reject+revert rate ≤ 2%")
  })

  it("applies a recommendation after confirmation, keeping the workflow's other settings", async () => {
    const user = userEvent.setup()
    const background = renderAs({ name: "Ada", role: "admin" })
    await user.click(await screen.findByRole("button", { name: "Apply: change Enrichment to Monitor and override" }))
    const dialog = screen.getByRole("alertdialog")
    expect(dialog.textContent).toContain("Change Enrichment from Approve before execute to Monitor and override?")
    expect(background.callsOf("workflows.update")).toHaveLength(0)
    await user.click(within(dialog).getByRole("button", { name: "Change model" }))
    await waitFor(() =>
      expect(background.callsOf("workflows.update")).toEqual([
        {
          type: "workflows.update",
          id: "enrich",
          workflow: { name: "Enrichment", model: "monitor", threshold: 0.7, quorum: 1, expiryHours: null, paused: false }
        }
      ])
    )
  })

  it("does not let a reviewer apply a recommendation", async () => {
    renderAs({ name: "Rita", role: "reviewer" })
    const apply = await screen.findByRole("button", { name: "Apply: change Enrichment to Monitor and override" })
    await waitFor(() => expect((apply as HTMLButtonElement).disabled).toBe(true))
  })
})
