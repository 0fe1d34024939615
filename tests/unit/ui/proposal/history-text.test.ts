import { describe, expect, it } from "vitest"
import type { HistoryEntry } from "~src/domain"
import { describeHistoryEntry } from "~src/ui/proposal/history-text"

const base = { seq: 1, at: "2026-11-25T10:00:00.000Z" }
const ana = { name: "Ana Reviewer", role: "reviewer", principalId: "P-ANA" }
const decision = (
  type: "approve" | "edit" | "reject" | "revert" | "pause",
  extra: Partial<Extract<HistoryEntry, { decisionId: unknown }>> = {}
): HistoryEntry => ({
  ...base,
  actor: ana,
  type,
  decisionId: "D1",
  proposalVersion: 1,
  fromStatus: "pending",
  toStatus: "pending",
  reason: null,
  reviewMs: null,
  approvals: null,
  quorum: null,
  contentHash: null,
  edit: null,
  workflowPaused: null,
  ...extra
})

describe("describeHistoryEntry", () => {
  it("says who approved, how long it took and where the quorum stands", () => {
    expect(describeHistoryEntry(decision("approve", { reviewMs: 42_000, approvals: 1, quorum: 2 }))).toEqual({
      who: "Ana Reviewer",
      what: "approved in 42 s (1 of 2 approvals)",
      detail: null
    })
  })

  it("gives a rejection's preset reason and its words", () => {
    expect(describeHistoryEntry(decision("reject", { reason: { code: "off_brand", text: "too casual" } })).detail).toBe("Off brand: too casual")
    expect(describeHistoryEntry(decision("reject", { reason: { code: "other", text: "Mentions a dead product" } })).detail).toBe("Mentions a dead product")
  })

  it("names an edit as an edit-and-approve", () => {
    expect(describeHistoryEntry(decision("edit", { reviewMs: 150_000 })).what).toBe("edited the change and approved it in 3 min")
  })

  it("tells the policy's auto-approval with its rule", () => {
    expect(
      describeHistoryEntry({ ...base, actor: { name: "policy", role: "policy" }, type: "auto_approve", rule: "monitor: AI executes", contentHash: "h" })
    ).toEqual({
      who: "Policy",
      what: "auto-approved it",
      detail: "monitor: AI executes"
    })
  })

  it("tells execution reports, a moved target and an expiry", () => {
    const execution = {
      ...base,
      actor: { name: "bot", role: "agent" },
      type: "execution" as const,
      contentHash: null,
      snapshotHash: null,
      detail: "sent",
      fromStatus: null,
      toStatus: null
    }
    expect(describeHistoryEntry({ ...execution, outcome: "executed" }).what).toBe("reported it executed")
    expect(describeHistoryEntry({ ...execution, outcome: "target_changed" }).what).toBe("found the target changed: back to review")
    expect(describeHistoryEntry({ ...base, actor: { name: "policy", role: "policy" }, type: "expire", rule: null, expiresAt: null }).what).toBe(
      "expired (never executed)"
    )
  })
})
