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
const charts = vi.hoisted(() => [] as { title: string; data: unknown[]; series: Record<string, unknown>[]; range: () => [number, number] }[])
vi.mock("uplot", () => ({
  default: class {
    constructor(opts: { title: string; series: Record<string, unknown>[]; scales: { y: { range: () => [number, number] } } }, data: unknown[]) {
      charts.push({ title: opts.title, data, series: opts.series, range: opts.scales.y.range })
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

  it("applies a recommendation after confirmation, sending only the model so the server keeps the workflow's other settings", async () => {
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
          workflow: { model: "monitor" }
        }
      ])
    )
  })

  it("does not let a reviewer apply a recommendation", async () => {
    renderAs({ name: "Rita", role: "reviewer" })
    const apply = await screen.findByRole("button", { name: "Apply: change Enrichment to Monitor and override" })
    await waitFor(() => expect((apply as HTMLButtonElement).disabled).toBe(true))
  })

  it("shows the numbers the recommendation rests on beside their thresholds", async () => {
    renderAs({ name: "Ada", role: "admin" })
    const evidence = await screen.findByRole("table", { name: "Evidence for Enrichment" })
    const row = (measure: string) => within(evidence).getByRole("rowheader", { name: measure }).closest("tr")!.textContent
    expect(row("Reviewed outcomes")).toContain("62 (62 decided by people, 0 auto-approved)")
    expect(row("Reviewed outcomes")).toContain("≥ 50 to loosen")
    expect(row("Reviewed outcomes")).toContain("clears it")
    expect(row("Reject + revert rate")).toContain("1.6% (1 of 62)")
    expect(row("Edit rate")).toContain("4.8% (3 of 62)")
    expect(row("Median review time")).toContain("42 s; 90% decided within 2 min")
  })

  it("says why people rejected and how review time compares with the two-minute target", async () => {
    renderAs({ name: "Ada", role: "admin" })
    const card = (await screen.findByRole("article", { name: /Enrichment/ })) as HTMLElement
    expect(card.textContent).toContain("Why people rejectedOff brand 1")
    expect(card.textContent).toContain("median 42 s against the 2 min target; 90% within it")
  })

  it("draws every value as a point and the review times against a dashed two-minute line", async () => {
    renderAs({ name: "Ada", role: "admin" })
    await screen.findByRole("region", { name: "Recommendation for Enrichment" })
    const review = charts.find((c) => c.title === "Enrichment: median review time per day")!
    expect(review.data[2]).toEqual([120, 120, 120])
    expect(review.series[1]).toMatchObject({ label: "Median review time", points: { show: true } })
    expect(review.series[2]).toMatchObject({ label: "Target (2 min)", dash: [6, 4], points: { show: false } })
    const [, top] = review.range()
    expect(top).toBeGreaterThan(120)
  })
})

describe("Loosening advisor without enough data", () => {
  it("says so honestly instead of drawing bare axes", async () => {
    const quiet = workflowStats({
      workflowId: "quiet",
      name: "Quiet",
      model: "approve",
      counts: { proposals: 0, decisions: 0, approved: 0, edited: 0, rejected: 0, reverted: 0, autoApproved: 0, expired: 0, pending: 0 },
      reviewMs: { median: null, p90: null, targetMs: 120_000, withinTarget: null },
      reasons: { rejected: [], reverted: [] },
      series: [{ day: "2026-11-25", decisions: 0, executed: 0, autoApproved: 0, approval: 0, edit: 0, reject: 0, revert: 0, medianReviewMs: null }],
      recommendation: { action: "hold", to: null, rule: "r", evidence: [] }
    })
    const sparse = workflowStats({
      workflowId: "sparse",
      name: "Sparse",
      model: "approve",
      counts: { proposals: 9, decisions: 9, approved: 8, edited: 0, rejected: 1, reverted: 0, autoApproved: 0, expired: 0, pending: 0 },
      series: [
        { day: "2026-11-24", decisions: 0, approval: 0, edit: 0, reject: 0, revert: 0, medianReviewMs: null },
        { day: "2026-11-25", decisions: 9, approval: 8 / 9, edit: 0, reject: 1 / 9, revert: 0, medianReviewMs: 300_000 }
      ],
      recommendation: { action: "hold", to: null, rule: "r", evidence: [] }
    })
    const background = fakeBackground({
      "me.get": () => ({ name: "Ada", role: "admin" }),
      "workflows.list": () => ({ workflows: [] }),
      "api.call": () => ({ status: 200, body: statsResponse([quiet, sparse]) })
    })
    render(
      <BackgroundProvider ask={background.ask}>
        <LooseningAdvisorSection />
      </BackgroundProvider>
    )
    const quietCard = (await screen.findByRole("article", { name: /Quiet/ })) as HTMLElement
    expect(within(quietCard).getByRole("heading", { level: 4 }).textContent).toBe("Hold: not enough data yet (0 of 50 outcomes)")
    expect(quietCard.textContent).toContain("Not enough data yet (0 of 50 outcomes): nothing to chart in this window.")
    expect(charts.some((c) => c.title.startsWith("Quiet"))).toBe(false)
    // A single day with data is still drawn (as a point), under the same honest heading.
    const sparseCard = screen.getByRole("article", { name: /Sparse/ })
    expect(within(sparseCard).getByRole("heading", { level: 4 }).textContent).toBe("Hold: not enough data yet (9 of 50 outcomes)")
    expect(charts.find((c) => c.title === "Sparse: decision rates per day")!.data[1]).toEqual([null, (8 / 9) * 100])
  })
})
