// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { afterEach, describe, expect, it } from "vitest"
import type { Me } from "~src/domain/me"
import { RiskQuestionnaireSection } from "~src/ui/options/risk-questionnaire-section"
import { BackgroundProvider } from "~src/ui/query-client"
import { fakeBackground, makeWorkflow } from "../popup/fake-background"

afterEach(cleanup)

function renderAs(me: Me) {
  const background = fakeBackground({
    "me.get": () => me,
    "workflows.list": () => ({ workflows: [makeWorkflow({ id: "email-copy" })] }),
    "workflows.update": (m) => ({ workflow: makeWorkflow({ id: m.id, ...m.workflow, quorum: 1, threshold: 0.8 }) })
  })
  render(
    <BackgroundProvider ask={background.ask}>
      <RiskQuestionnaireSection />
    </BackgroundProvider>
  )
  return background
}

describe("Risk questionnaire section", () => {
  it("recommends approve with the reason once the touchpoint writes to production", async () => {
    const user = userEvent.setup()
    renderAs({ name: "Ada", role: "admin" })
    expect(screen.getByTestId("recommended-model").textContent).toBe("Monitor and override")
    await user.click(screen.getByLabelText("Does it write to production systems?"))
    expect(screen.getByTestId("recommended-model").textContent).toBe("Approve before execute")
    expect(screen.getByRole("status", { name: "Recommendation" }).textContent).toMatch(/writes to production systems/)
  })

  it("counts a run over the bulk limit as bulk", async () => {
    const user = userEvent.setup()
    renderAs({ name: "Ada", role: "admin" })
    await user.clear(screen.getByLabelText("Records changed per run"))
    await user.type(screen.getByLabelText("Records changed per run"), "100000")
    expect(screen.getByTestId("recommended-model").textContent).toBe("Approve before execute")
    expect(screen.getByText(/100,000 records per run/)).toBeTruthy()
  })

  it("creates the workflow at the recommended model", async () => {
    const user = userEvent.setup()
    const background = renderAs({ name: "Ada", role: "admin" })
    await user.click(screen.getByLabelText("Is its output customer-facing?"))
    await user.type(screen.getByLabelText("Workflow name"), "Landing page copy (EMEA)")
    await waitFor(() => expect((screen.getByRole("button", { name: "Create workflow" }) as HTMLButtonElement).disabled).toBe(false))
    await user.click(screen.getByRole("button", { name: "Create workflow" }))
    await waitFor(() =>
      expect(background.callsOf("workflows.update")).toEqual([
        { type: "workflows.update", id: "landing-page-copy-emea", workflow: { name: "Landing page copy (EMEA)", model: "approve" } }
      ])
    )
  })

  it("does not let a reviewer create workflows, and says why", async () => {
    renderAs({ name: "Rita", role: "reviewer" })
    await screen.findByText(/Read-only: you are connected as Rita/)
    expect((screen.getByRole("button", { name: "Create workflow" }) as HTMLButtonElement).disabled).toBe(true)
  })
})
