import { describe, expect, it } from "vitest"
import { DecisionCreate } from "~src/domain"

const issuesOf = (body: unknown) => {
  const r = DecisionCreate.safeParse(body)
  return r.success ? [] : r.error.issues.map((i) => i.path.join("."))
}

describe("DecisionCreate", () => {
  it("accepts a plain approval", () => {
    expect(issuesOf({ action: "approve", proposalVersion: 1, reviewMs: 5400 })).toEqual([])
  })

  it("requires a reason to reject", () => {
    expect(issuesOf({ action: "reject", proposalVersion: 1 })).toEqual(["reason"])
  })

  it("accepts a preset rejection reason without text", () => {
    expect(issuesOf({ action: "reject", reason: { code: "off_brand" }, proposalVersion: 2 })).toEqual([])
  })

  it("requires text for the 'other' reason, and blank text does not count", () => {
    expect(issuesOf({ action: "reject", reason: { code: "other" }, proposalVersion: 1 })).toEqual(["reason.text"])
    expect(issuesOf({ action: "reject", reason: { code: "other", text: "   " }, proposalVersion: 1 })).toEqual(["reason.text"])
    expect(issuesOf({ action: "reject", reason: { code: "other", text: "Wrong product line" }, proposalVersion: 1 })).toEqual([])
  })

  it("rejects unknown reason codes and unknown actions", () => {
    expect(issuesOf({ action: "reject", reason: { code: "meh" }, proposalVersion: 1 })).not.toEqual([])
    expect(issuesOf({ action: "rubber-stamp", proposalVersion: 1 })).not.toEqual([])
  })

  it("requires edits with 'edit' and refuses them with other actions", () => {
    expect(issuesOf({ action: "edit", proposalVersion: 1 })).toEqual(["edits"])
    expect(issuesOf({ action: "approve", edits: { after: "x" }, proposalVersion: 1 })).toEqual(["edits"])
    expect(issuesOf({ action: "edit", edits: { after: "x" }, proposalVersion: 1 })).toEqual([])
  })

  it("requires a positive integer proposalVersion", () => {
    expect(issuesOf({ action: "approve" })).toEqual(["proposalVersion"])
    expect(issuesOf({ action: "approve", proposalVersion: 0 })).toEqual(["proposalVersion"])
    expect(issuesOf({ action: "approve", proposalVersion: 1.5 })).toEqual(["proposalVersion"])
  })

  it("rejects unknown fields and negative review times", () => {
    expect(issuesOf({ action: "approve", proposalVersion: 1, approvedBy: "me" })).not.toEqual([])
    expect(issuesOf({ action: "approve", proposalVersion: 1, reviewMs: -1 })).toEqual(["reviewMs"])
  })
})
