import { describe, expect, it } from "vitest"
import type { Change } from "~src/domain"
import { classifyRisk } from "~src/domain/risk-classification"

const fields: Change = { kind: "fields", changes: [{ field: "jobtitle", before: null, after: "VP Marketing" }] }
const confident = { confidence: 0.9 }

describe("classifyRisk", () => {
  it("rates a confident, unflagged single-record field update low and quick-approvable", () => {
    expect(classifyRisk({ change: fields, ...confident })).toMatchObject({ level: "low", quickApprovable: true })
  })

  it("rates routing and a small segment low", () => {
    expect(classifyRisk({ change: { kind: "routing", chosen: { id: "1", name: "A" }, alternatives: [] }, ...confident }).level).toBe("low")
    expect(
      classifyRisk({ change: { kind: "segment", name: "s", criteria: "c", estimatedSize: 1_000, overlaps: [], complianceNotes: [] }, ...confident }).level
    ).toBe("low")
  })

  const highByKind: Array<[string, Change, RegExp]> = [
    ["content (customer-facing)", { kind: "content", field: "subject", format: "text", before: "a", after: "b" }, /customer-facing/],
    ["any bulk write", { kind: "bulk", objectType: "contact", rule: "r", totalRecords: 2, sample: [{ recordId: "1", before: {}, after: {} }] }, /bulk/],
    [
      "a scoring model change",
      { kind: "scoring", modelName: "m", weights: [{ attribute: "a", before: 1, after: 2 }], expectedMqlShiftPct: 0 },
      /scoring model/
    ],
    ["a flow change", { kind: "flow", steps: [{ op: "add", stepId: "1", description: "send email" }] }, /flow/],
    ["a segment over 1,000", { kind: "segment", name: "s", criteria: "c", estimatedSize: 1_001, overlaps: [], complianceNotes: [] }, /1,001 contacts/],
    ["a consent field", { kind: "fields", changes: [{ field: "hs_email_optout", before: true, after: false }] }, /consent/]
  ]
  for (const [what, change, reason] of highByKind)
    it(`rates ${what} high from the change itself, with no agent flag`, () => {
      const assessment = classifyRisk({ change, ...confident, risk: {} })
      expect(assessment).toMatchObject({ level: "high", quickApprovable: false })
      expect(assessment.reasons.join(" ")).toMatch(reason)
    })

  it("lets an agent flag raise a low change to high", () => {
    for (const flag of ["customerData", "writesProduction", "customerFacing", "bulk", "edgeCase"] as const)
      expect(classifyRisk({ change: fields, ...confident, risk: { [flag]: true } }).level, flag).toBe("high")
  })

  it("never lets flags set to false lower a high change", () => {
    const bulk: Change = { kind: "bulk", objectType: "contact", rule: "r", totalRecords: 50_000, sample: [{ recordId: "1", before: {}, after: {} }] }
    const allFalse = { customerData: false, writesProduction: false, customerFacing: false, bulk: false, edgeCase: false }
    expect(classifyRisk({ change: bulk, confidence: 1, risk: allFalse })).toMatchObject({ level: "high", quickApprovable: false })
  })

  it("rates low confidence and a population-level impact high", () => {
    expect(classifyRisk({ change: fields, confidence: 0.59 }).level).toBe("high")
    expect(classifyRisk({ change: fields, confidence: 0.9, impact: [{ metric: "contacts crossing the MQL threshold", value: 1_243 }] }).level).toBe("high")
    expect(classifyRisk({ change: fields, confidence: 0.9, impact: [{ metric: "fields overwritten", value: 3 }] }).level).toBe("low")
  })
})
