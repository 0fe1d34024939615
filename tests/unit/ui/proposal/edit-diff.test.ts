import { describe, expect, it } from "vitest"
import type { Change } from "~src/domain"
import { editedValues } from "~src/ui/proposal/edit-diff"

describe("editedValues (a co-approver's diff against the agent's original)", () => {
  it("shows an edited text as the one value that changed", () => {
    const original: Change = { kind: "content", field: "subject", format: "text", before: "Meet the line-up", after: "Spring is here!!!" }
    expect(editedValues(original, { ...original, after: "Spring is here" })).toEqual([{ path: "after", before: "Spring is here!!!", after: "Spring is here" }])
  })

  it("names a list element by its label, not its index", () => {
    const original: Change = {
      kind: "fields",
      changes: [
        { field: "jobtitle", label: "Job title", before: null, after: "VP Marketing" },
        { field: "city", before: "Paris", after: "Lyon" }
      ]
    }
    const edited: Change = { kind: "fields", changes: [original.changes[0]!, { field: "city", before: "Paris", after: "Marseille" }] }
    expect(editedValues(original, edited)).toEqual([{ path: "changes › city › after", before: "Lyon", after: "Marseille" }])
  })

  it("shows a list that changed length whole, and non-text values as JSON", () => {
    const original: Change = { kind: "fields", changes: [{ field: "score", before: 1, after: 2 }] }
    const edited: Change = { kind: "fields", changes: [] }
    expect(editedValues(original, edited)).toEqual([{ path: "changes", before: JSON.stringify(original.changes), after: "[]" }])
  })

  it("finds nothing when the edit changed nothing", () => {
    const original: Change = { kind: "content", field: "subject", format: "text", before: "a", after: "b" }
    expect(editedValues(original, { ...original })).toEqual([])
  })
})
