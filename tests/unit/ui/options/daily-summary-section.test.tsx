// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { afterEach, describe, expect, it, vi } from "vitest"
import type { DailySummary } from "~src/domain/summary"
import { CONSOLE_SECTIONS } from "~src/ui/options/console-sections"
import { DailySummarySection } from "~src/ui/options/daily-summary-section"
import { BackgroundProvider } from "~src/ui/query-client"
import { summaryItem, workflowSummary } from "~tests/support/daily-summary"
import { fakeBackground } from "../popup/fake-background"

afterEach(cleanup)

const CSV = "section,workflowId,proposalId\r\nautoApproved,enrich,A1\r\n"

function summaryOf(date: string): DailySummary {
  const ran = summaryItem("A1", "Fill job title of Ada", { at: `${date}T10:00:00.000Z` })
  return {
    date,
    workflows: [
      workflowSummary({ workflowId: "enrich", name: "Enrichment", model: "monitor", autoApproved: [ran], spotCheck: { size: 1, population: 1, items: [ran] } })
    ]
  }
}

function renderSection() {
  const saveFile = vi.fn()
  const background = fakeBackground({
    "summary.get": ({ date }) => summaryOf(date),
    "api.call": (m) => (m.path.startsWith("/v1/summary?") ? { status: 200, body: CSV } : { status: 404, body: null })
  })
  render(
    <BackgroundProvider ask={background.ask}>
      <DailySummarySection saveFile={saveFile} />
    </BackgroundProvider>
  )
  return { background, saveFile }
}

describe("the console's Daily summary section", () => {
  it("is a section of the console, open to reviewers", () => {
    expect(CONSOLE_SECTIONS.find((s) => s.id === "daily-summary")).toMatchObject({ label: "Daily summary", needsAdmin: false })
  })

  it("shows the day's summary with its spot-check sample and Revert", async () => {
    renderSection()
    expect(await screen.findAllByText("Fill job title of Ada")).not.toHaveLength(0)
    expect(screen.getAllByRole("button", { name: /Revert/ }).length).toBeGreaterThan(0)
  })

  it("downloads the chosen day's report as CSV from the server", async () => {
    const user = userEvent.setup()
    const { background, saveFile } = renderSection()
    await screen.findAllByText("Fill job title of Ada")
    const day = background.callsOf("summary.get")[0]!.date
    await user.click(screen.getByRole("button", { name: "Download the day's report (CSV)" }))
    await waitFor(() => expect(saveFile).toHaveBeenCalledWith(`signoff-summary-${day}.csv`, CSV, "text/csv"))
    expect(background.callsOf("api.call")).toEqual([{ type: "api.call", method: "GET", path: `/v1/summary?date=${day}&format=csv` }])
    expect(await screen.findByText(`Saved signoff-summary-${day}.csv.`)).toBeTruthy()
  })
})
