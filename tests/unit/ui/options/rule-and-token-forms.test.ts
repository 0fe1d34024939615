import { describe, expect, it } from "vitest"
import { emptyRuleDraft, ruleDraftOf, ruleFromDraft, ruleIdFor } from "~src/ui/options/rule-draft"
import { expiryFromNow, parseWorkflowScope } from "~src/ui/options/token-form"

describe("the review-rule form", () => {
  it("makes a readable id from the description, unique within the workflow", () => {
    expect(ruleIdFor("Bulk writes over 10,000 records!", [])).toBe("bulk-writes-over-10-000-records")
    expect(ruleIdFor("Consent", ["consent", "consent-2"])).toBe("consent-3")
  })

  it("round-trips a rule through its draft", () => {
    const rule = { id: "r1", description: "Big segments", match: { changeKinds: ["segment" as const], minSegmentSize: 5_000, platforms: ["marketo" as const] } }
    expect(ruleFromDraft(ruleDraftOf(rule), [])).toEqual({ ok: true, rule })
  })

  it("refuses what the domain schema refuses", () => {
    expect(ruleFromDraft({ ...emptyRuleDraft(), description: "x", minRecords: "-5" }, [])).toMatchObject({ ok: false })
    expect(ruleFromDraft({ ...emptyRuleDraft(), description: "   " }, [])).toEqual({ ok: false, message: "Describe the rule (what it holds for review)" })
  })
})

describe("the token form", () => {
  it("reads a workflow scope", () => {
    expect(parseWorkflowScope(" * ")).toEqual({ ok: true, scope: "*" })
    expect(parseWorkflowScope("email-copy, enrich")).toEqual({ ok: true, scope: ["email-copy", "enrich"] })
    expect(parseWorkflowScope("email copy")).toMatchObject({ ok: false })
  })

  it("reads an expiry in days", () => {
    const now = new Date("2026-12-01T00:00:00.000Z")
    expect(expiryFromNow("30", now)).toBe("2026-12-31T00:00:00.000Z")
    expect(expiryFromNow("", now)).toBeNull()
    expect(expiryFromNow("1.5", now)).toBeUndefined()
    expect(expiryFromNow("0", now)).toBeUndefined()
  })
})
