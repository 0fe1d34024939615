import { describe, expect, it } from "vitest"
import type { Change } from "~src/domain"
import { applyEdits } from "~src/domain/edits"

const content: Change = { kind: "content", field: "subject", format: "text", before: "Old", after: "New" }

describe("applyEdits", () => {
  it("replaces the edited fields and keeps the rest", () => {
    expect(applyEdits(content, { after: "Newer" })).toEqual({ ok: true, change: { ...content, after: "Newer" } })
  })

  it("refuses a change of kind", () => {
    expect(applyEdits(content, { kind: "fields" })).toMatchObject({ ok: false, issues: [{ path: ["edits", "kind"] }] })
  })

  it("accepts restating the same kind", () => {
    expect(applyEdits(content, { kind: "content", after: "X" }).ok).toBe(true)
  })

  it("validates the result as a change of that kind, with paths under edits", () => {
    expect(applyEdits(content, { format: "pdf" })).toMatchObject({ ok: false, issues: [expect.objectContaining({ path: ["edits", "format"] })] })
  })

  it("refuses unknown fields", () => {
    expect(applyEdits(content, { tone: "friendly" }).ok).toBe(false)
  })

  it("keeps the bulk rule: a sample cannot outgrow the total", () => {
    const bulk: Change = { kind: "bulk", objectType: "contact", rule: "r", totalRecords: 2, sample: [{ recordId: "1", before: {}, after: {} }] }
    expect(applyEdits(bulk, { totalRecords: 1 }).ok).toBe(true)
    expect(applyEdits(bulk, { totalRecords: 0 }).ok).toBe(false)
  })
})
