import { describe, expect, it } from "vitest"
import { effectiveExpiry } from "~src/domain/deadlines"
import { applyExecutionReport, applyReview, decideOnCreation, hasExpired } from "~src/domain/oversight"

const workflow = (model: "approve" | "monitor" | "exception", extra: { threshold?: number; paused?: boolean } = {}) => ({
  model,
  threshold: extra.threshold ?? 0.8,
  paused: extra.paused ?? false
})

describe("decideOnCreation", () => {
  it("holds every approve-model proposal for a human, whatever its confidence", () => {
    expect(decideOnCreation(workflow("approve"), { confidence: 1 }).status).toBe("pending")
  })

  it("auto-approves every monitor-model proposal", () => {
    expect(decideOnCreation(workflow("monitor"), { confidence: 0 })).toMatchObject({ status: "auto_approved", rule: expect.stringMatching(/^monitor/) })
  })

  it("auto-approves an exception-model proposal at exactly the threshold, naming the numbers", () => {
    const rule = "exception: confidence 0.8 ≥ threshold 0.8 and no edge-case flag"
    expect(decideOnCreation(workflow("exception", { threshold: 0.8 }), { confidence: 0.8 })).toEqual({
      status: "auto_approved",
      rule,
      review: { outcome: "auto_approved", reason: "meets_threshold", text: rule }
    })
  })

  it("escalates an exception-model proposal just under the threshold", () => {
    expect(decideOnCreation(workflow("exception", { threshold: 0.8 }), { confidence: 0.7999 }).status).toBe("pending")
  })

  it("escalates an edge case even at full confidence", () => {
    expect(decideOnCreation(workflow("exception", { threshold: 0 }), { confidence: 1, risk: { edgeCase: true } })).toMatchObject({
      status: "pending",
      rule: expect.stringMatching(/edge case/)
    })
  })

  it("holds everything for a human while the workflow is paused, in every model", () => {
    for (const model of ["approve", "monitor", "exception"] as const)
      expect(decideOnCreation(workflow(model, { paused: true, threshold: 0 }), { confidence: 1 }).status).toBe("pending")
  })
})

describe("decideOnCreation with review rules", () => {
  const bulk = {
    change: {
      kind: "bulk" as const,
      objectType: "contact",
      rule: "title case",
      totalRecords: 5_000,
      sample: [{ recordId: "1", before: { jobtitle: "vp" }, after: { jobtitle: "VP" } }]
    },
    target: { platform: "hubspot" as const }
  }
  const bigBulk = { id: "big-bulk", description: "Bulk writes over 1,000 records", match: { minRecords: 1_000 } }

  it("holds a monitor-model proposal that matches a rule, naming the rule", () => {
    expect(decideOnCreation({ ...workflow("monitor"), reviewRules: [bigBulk] }, { confidence: 1, ...bulk })).toMatchObject({
      status: "pending",
      review: { outcome: "pending", reason: "rule", ruleId: "big-bulk", description: "Bulk writes over 1,000 records" }
    })
  })

  it("holds an exception-model proposal at full confidence with no edge case when a rule matches", () => {
    expect(decideOnCreation({ ...workflow("exception", { threshold: 0 }), reviewRules: [bigBulk] }, { confidence: 1, risk: {}, ...bulk }).status).toBe(
      "pending"
    )
  })

  it("lets the model decide when no rule matches", () => {
    const small = { ...bulk, change: { ...bulk.change, totalRecords: 999 } }
    expect(decideOnCreation({ ...workflow("monitor"), reviewRules: [bigBulk] }, { confidence: 1, ...small })).toMatchObject({
      status: "auto_approved",
      review: { reason: "monitor_model" }
    })
  })

  it("names the rule rather than the pause when both hold a proposal", () => {
    expect(decideOnCreation({ ...workflow("approve", { paused: true }), reviewRules: [bigBulk] }, { confidence: 1, ...bulk }).review).toMatchObject({
      reason: "rule",
      ruleId: "big-bulk"
    })
  })
})

describe("applyReview", () => {
  const pending = { status: "pending" as const, quorum: 1, approvers: [] as string[] }

  it("approves at quorum 1", () => {
    expect(applyReview(pending, "approve", "ana")).toMatchObject({ ok: true, status: "approved", approvers: ["ana"] })
  })

  it("stays pending until the quorum of distinct reviewers is met", () => {
    const first = applyReview({ ...pending, quorum: 2 }, "approve", "ana")
    expect(first).toMatchObject({ ok: true, status: "pending", approvers: ["ana"] })
    const second = applyReview({ ...pending, quorum: 2, approvers: ["ana"] }, "approve", "ben")
    expect(second).toMatchObject({ ok: true, status: "approved", approvers: ["ana", "ben"] })
  })

  it("refuses the same reviewer approving twice", () => {
    expect(applyReview({ ...pending, quorum: 2, approvers: ["ana"] }, "approve", "ana")).toMatchObject({
      ok: false,
      message: expect.stringMatching(/already approved/)
    })
  })

  it("rejects on one reject, even with approvals collected", () => {
    expect(applyReview({ ...pending, quorum: 3, approvers: ["ana", "ben"] }, "reject", "chi")).toMatchObject({ ok: true, status: "rejected" })
  })

  it("counts an edit as the editor's approval and discards approvals of the older content", () => {
    expect(applyReview({ ...pending, quorum: 2, approvers: ["ana"] }, "edit", "ben")).toMatchObject({ ok: true, status: "pending", approvers: ["ben"] })
    expect(applyReview(pending, "edit", "ben")).toMatchObject({ ok: true, status: "approved", approvers: ["ben"] })
  })

  it("refuses to approve, edit or reject anything no longer pending", () => {
    for (const status of ["approved", "rejected", "expired", "executed", "auto_approved", "reverted", "failed"] as const)
      for (const action of ["approve", "edit", "reject"] as const)
        expect(applyReview({ ...pending, status }, action, "ana").ok, `${action} on ${status}`).toBe(false)
  })

  it("reverts what was approved, auto-approved or executed, and nothing else", () => {
    for (const status of ["approved", "auto_approved", "executed"] as const)
      expect(applyReview({ ...pending, status }, "revert", "ana")).toMatchObject({ ok: true, status: "reverted" })
    for (const status of ["pending", "rejected", "expired", "reverted", "failed"] as const)
      expect(applyReview({ ...pending, status }, "revert", "ana").ok).toBe(false)
  })

  it("pauses the workflow without changing the proposal's status", () => {
    expect(applyReview({ ...pending, status: "executed" }, "pause", "ana")).toMatchObject({ ok: true, status: "executed", pausesWorkflow: true })
  })
})

describe("applyExecutionReport", () => {
  const approved = { status: "approved" as const, contentHash: "h1", baseSnapshotHash: "s1" }

  it("accepts the approved hash on the same snapshot", () => {
    expect(applyExecutionReport(approved, { outcome: "executed", contentHash: "h1", snapshotHash: "s1" })).toEqual({ ok: true, status: "executed" })
    expect(applyExecutionReport(approved, { outcome: "failed", contentHash: "h1" })).toEqual({ ok: true, status: "failed" })
  })

  it("refuses other content as a stale approval", () => {
    expect(applyExecutionReport(approved, { outcome: "executed", contentHash: "h2", snapshotHash: "s1" })).toMatchObject({ ok: false, code: "stale_approval" })
  })

  it("refuses a changed target", () => {
    expect(applyExecutionReport(approved, { outcome: "executed", contentHash: "h1", snapshotHash: "s2" })).toMatchObject({ ok: false, code: "target_changed" })
  })

  it("accepts any snapshot when the proposal named none", () => {
    expect(applyExecutionReport({ ...approved, baseSnapshotHash: null }, { outcome: "executed", contentHash: "h1", snapshotHash: "s9" }).ok).toBe(true)
  })

  it("refuses execution of anything not approved", () => {
    for (const status of ["pending", "rejected", "expired", "executed", "reverted", "failed"] as const)
      expect(applyExecutionReport({ ...approved, status }, { outcome: "executed", contentHash: "h1" })).toMatchObject({ ok: false, code: "conflict" })
  })
})

describe("expiry", () => {
  const created = new Date("2026-03-01T10:00:00Z")

  it("takes the earlier of expiresAt and the workflow's expiryHours", () => {
    expect(effectiveExpiry(created, "2026-03-01T11:00:00Z", 2)?.toISOString()).toBe("2026-03-01T11:00:00.000Z")
    expect(effectiveExpiry(created, "2026-03-05T00:00:00Z", 2)?.toISOString()).toBe("2026-03-01T12:00:00.000Z")
    expect(effectiveExpiry(created, undefined, null)).toBeNull()
  })

  it("expires only pending proposals, at or after the moment", () => {
    const at = new Date("2026-03-01T12:00:00Z")
    expect(hasExpired("pending", at, new Date("2026-03-01T11:59:59Z"))).toBe(false)
    expect(hasExpired("pending", at, at)).toBe(true)
    expect(hasExpired("approved", at, new Date("2027-01-01T00:00:00Z"))).toBe(false)
    expect(hasExpired("pending", null, new Date("2027-01-01T00:00:00Z"))).toBe(false)
  })
})
