// @vitest-environment jsdom
import "./rtl-cleanup"
import { fireEvent, render, screen, within } from "@testing-library/react"
import { TrustPolicyProvider } from "~src/ui/proposal/trusted-events"
import { describe, expect, it, vi } from "vitest"
import { FieldsChangeEditor, FieldsChangeView, parseEditedScalar } from "~src/ui/changes/fields"
import { fields } from "./sample-changes"

describe("FieldsChangeView", () => {
  it("shows each field's before → after in a row, labelled", () => {
    render(<FieldsChangeView change={fields} />)
    const row = screen.getByRole("row", { name: /Job title/ })
    expect(
      within(row)
        .getAllByRole("cell")
        .map((c) => c.textContent)
    ).toEqual(["vp mktg", "VP Marketing"])
  })

  it("shows empty values as a dash and booleans as words", () => {
    render(<FieldsChangeView change={fields} />)
    expect(
      within(screen.getByRole("row", { name: /Employees/ }))
        .getAllByRole("cell")
        .map((c) => c.textContent)
    ).toEqual(["—", "250"])
    expect(
      within(screen.getByRole("row", { name: /GDPR/ }))
        .getAllByRole("cell")
        .map((c) => c.textContent)
    ).toEqual(["No", "Yes"])
  })
})

describe("FieldsChangeEditor", () => {
  it("reports every field's edited value, keeping earlier edits when another field changes", () => {
    const onEdits = vi.fn()
    // Testing Library's events are untrusted; the editor only takes trusted ones (the panel's tests say why).
    render(
      <TrustPolicyProvider policy={() => true}>
        <FieldsChangeEditor change={fields} onEdits={onEdits} />
      </TrustPolicyProvider>
    )
    fireEvent.change(screen.getByLabelText("Job title"), { target: { value: "Head of Marketing" } })
    fireEvent.change(screen.getByLabelText("Employees"), { target: { value: "300" } })
    expect(onEdits).toHaveBeenLastCalledWith({
      changes: [
        { field: "jobtitle", label: "Job title", before: "vp mktg", after: "Head of Marketing" },
        { field: "employees", label: "Employees", before: null, after: 300 },
        { field: "gdpr_consent", label: "GDPR consent", before: false, after: true }
      ]
    })
  })
})

describe("parseEditedScalar", () => {
  it.each([
    ["300", 250, 300],
    ["abc", 250, "abc"],
    ["false", true, false],
    ["", null, null],
    ["x", "y", "x"]
  ])("reads %j where the proposal had %j as %j", (text, proposed, expected) => {
    expect(parseEditedScalar(text, proposed)).toBe(expected)
  })
})
