import { describe, expect, it } from "vitest"
import type { Change } from "~src/domain"
import { ReviewRules, fieldsTouched, matchingReviewRule, ruleMatches } from "~src/domain/review-rules"

const hubspot = { platform: "hubspot" as const }
const changes = {
  fields: { kind: "fields", changes: [{ field: "JobTitle", before: null, after: "VP" }] },
  bulk: {
    kind: "bulk",
    objectType: "contact",
    rule: "r",
    totalRecords: 2_000,
    sample: [{ recordId: "1", before: { lifecyclestage: "lead" }, after: { lifecyclestage: "mql" } }]
  },
  segment: { kind: "segment", name: "s", criteria: "c", estimatedSize: 40_000, overlaps: [], complianceNotes: [] },
  scoring: { kind: "scoring", modelName: "m", weights: [{ attribute: "a", before: 1, after: 2 }], expectedMqlShiftPct: -12.5 },
  content: { kind: "content", field: "subject", format: "text", before: "a", after: "b" },
  routing: { kind: "routing", chosen: { id: "u1", name: "Ann" }, alternatives: [] }
} satisfies Record<string, Change>

describe("ruleMatches", () => {
  it("matches everything with an empty match", () => {
    for (const change of Object.values(changes)) expect(ruleMatches({}, { change, target: hubspot })).toBe(true)
  })

  it("matches by change kind", () => {
    expect(ruleMatches({ changeKinds: ["scoring"] }, { change: changes.scoring, target: hubspot })).toBe(true)
    expect(ruleMatches({ changeKinds: ["scoring"] }, { change: changes.fields, target: hubspot })).toBe(false)
  })

  it("compares minRecords with a bulk change's total, and never holds other kinds by it", () => {
    expect(ruleMatches({ minRecords: 2_000 }, { change: changes.bulk, target: hubspot })).toBe(true)
    expect(ruleMatches({ minRecords: 2_001 }, { change: changes.bulk, target: hubspot })).toBe(false)
    expect(ruleMatches({ minRecords: 0 }, { change: changes.fields, target: hubspot })).toBe(false)
  })

  it("matches touched fields case-insensitively, in field changes, bulk samples and content", () => {
    expect(ruleMatches({ fields: ["jobtitle"] }, { change: changes.fields, target: hubspot })).toBe(true)
    expect(ruleMatches({ fields: ["LifecycleStage"] }, { change: changes.bulk, target: hubspot })).toBe(true)
    expect(ruleMatches({ fields: ["subject"] }, { change: changes.content, target: hubspot })).toBe(true)
    expect(ruleMatches({ fields: ["email"] }, { change: changes.fields, target: hubspot })).toBe(false)
  })

  it("compares the segment size and the absolute MQL shift", () => {
    expect(ruleMatches({ minSegmentSize: 40_000 }, { change: changes.segment, target: hubspot })).toBe(true)
    expect(ruleMatches({ minSegmentSize: 40_001 }, { change: changes.segment, target: hubspot })).toBe(false)
    expect(ruleMatches({ minMqlShiftPct: 10 }, { change: changes.scoring, target: hubspot })).toBe(true)
    expect(ruleMatches({ minMqlShiftPct: 13 }, { change: changes.scoring, target: hubspot })).toBe(false)
  })

  it("matches by platform", () => {
    expect(ruleMatches({ platforms: ["marketo"] }, { change: changes.routing, target: { platform: "marketo" } })).toBe(true)
    expect(ruleMatches({ platforms: ["marketo"] }, { change: changes.routing, target: hubspot })).toBe(false)
  })

  it("needs every condition given to hold", () => {
    expect(ruleMatches({ changeKinds: ["bulk"], minRecords: 1, platforms: ["salesforce"] }, { change: changes.bulk, target: hubspot })).toBe(false)
    expect(ruleMatches({ changeKinds: ["bulk"], minRecords: 1, platforms: ["hubspot"] }, { change: changes.bulk, target: hubspot })).toBe(true)
  })
})

describe("matchingReviewRule", () => {
  it("returns the first matching rule in the workflow's order", () => {
    const rules = [
      { id: "a", description: "scoring", match: { changeKinds: ["scoring" as const] } },
      { id: "b", description: "anything", match: {} },
      { id: "c", description: "also anything", match: {} }
    ]
    expect(matchingReviewRule(rules, { change: changes.fields, target: hubspot })?.id).toBe("b")
    expect(matchingReviewRule([], { change: changes.fields, target: hubspot })).toBeUndefined()
  })
})

describe("ReviewRules", () => {
  it("refuses two rules with the same id", () => {
    const rule = { id: "x", description: "d", match: {} }
    expect(ReviewRules.safeParse([rule, rule]).success).toBe(false)
  })

  it("refuses unknown match fields and negative thresholds", () => {
    expect(ReviewRules.safeParse([{ id: "x", description: "d", match: { minimumRecords: 5 } }]).success).toBe(false)
    expect(ReviewRules.safeParse([{ id: "x", description: "d", match: { minRecords: -1 } }]).success).toBe(false)
  })
})

describe("fieldsTouched", () => {
  it("lists the columns of a bulk change's sample once each", () => {
    expect(fieldsTouched(changes.bulk)).toEqual(["lifecyclestage"])
  })
})
