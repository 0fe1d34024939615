// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { afterEach, describe, expect, it } from "vitest"
import type { Me } from "~src/domain/me"
import { ReviewRulesSection } from "~src/ui/options/review-rules-section"
import { BackgroundProvider } from "~src/ui/query-client"
import { fakeBackground, makeWorkflow } from "../popup/fake-background"

afterEach(cleanup)

const bulkRule = { id: "big-bulk", description: "Bulk writes over 10,000 records", match: { changeKinds: ["bulk" as const], minRecords: 10_000 } }

function setup(me: Me = { name: "Olu", role: "admin" }) {
  const workflows = [
    makeWorkflow({ id: "enrich", name: "Enrichment", model: "exception", reviewRules: [bulkRule] }),
    makeWorkflow({ id: "copy", name: "Email copy" })
  ]
  const background = fakeBackground({
    "me.get": () => me,
    "workflows.list": () => ({ workflows }),
    "api.call": () => ({ status: 200, body: {} })
  })
  render(
    <BackgroundProvider ask={background.ask}>
      <ReviewRulesSection />
    </BackgroundProvider>
  )
  return background
}

describe("Review rules", () => {
  it("lists each workflow's rules with what they match", async () => {
    setup()
    const list = await screen.findByRole("list", { name: "Review rules of Enrichment" })
    expect(list.textContent).toContain("Bulk writes over 10,000 records")
    expect(list.textContent).toContain("bulk; at least 10,000 records")
    expect(screen.getByText("No rules: the approve model alone decides.")).toBeTruthy()
  })

  it("adds a rule through the server's rule endpoint, with an id made from its description", async () => {
    const user = userEvent.setup()
    const background = setup()
    await user.click(await screen.findByRole("button", { name: "Add a rule to Email copy" }))
    const form = screen.getByRole("form", { name: "New review rule" })
    await user.type(within(form).getByLabelText("Description"), "Consent fields")
    await user.type(within(form).getByLabelText("Fields touched (comma-separated, empty = any)"), "hs_legal_basis, email")
    await user.click(within(form).getByRole("checkbox", { name: /HubSpot/ }))
    await user.click(within(form).getByRole("button", { name: "Save rule" }))
    await waitFor(() => expect(background.callsOf("api.call")).toHaveLength(1))
    expect(background.callsOf("api.call")[0]).toMatchObject({
      method: "PUT",
      path: "/v1/workflows/copy/rules/consent-fields",
      body: { description: "Consent fields", match: { fields: ["hs_legal_basis", "email"], platforms: ["hubspot"] } }
    })
  })

  it("refuses a rule without a description, before asking the server", async () => {
    const user = userEvent.setup()
    const background = setup()
    await user.click(await screen.findByRole("button", { name: "Add a rule to Email copy" }))
    await user.click(screen.getByRole("button", { name: "Save rule" }))
    expect((await screen.findByRole("alert")).textContent).toMatch(/Describe the rule/)
    expect(background.callsOf("api.call")).toEqual([])
  })

  it("removes a rule", async () => {
    const user = userEvent.setup()
    const background = setup()
    await user.click(await screen.findByRole("button", { name: "Remove rule Bulk writes over 10,000 records" }))
    await waitFor(() => expect(background.callsOf("api.call")[0]).toMatchObject({ method: "DELETE", path: "/v1/workflows/enrich/rules/big-bulk" }))
  })

  it("shows the rules read-only to a reviewer", async () => {
    setup({ name: "Rita", role: "reviewer" })
    await screen.findByRole("list", { name: "Review rules of Enrichment" })
    expect(screen.queryByRole("button", { name: /Add a rule/ })).toBeNull()
    expect(screen.queryByRole("button", { name: /Remove rule/ })).toBeNull()
  })
})
