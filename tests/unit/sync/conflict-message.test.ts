import { describe, expect, it } from "vitest"
import { describeConflict, withCurrentConflictMessage } from "~src/sync/conflict-message"
import { timeAgo } from "~src/local/time-ago"
import { makeDecision, makeProposal } from "~tests/support/proposals"

const now = Date.parse("2026-11-25T10:02:00.000Z")

describe("describeConflict", () => {
  it("names who decided first and how long ago", () => {
    const proposal = makeProposal({ status: "approved", decisions: [makeDecision({ createdAt: "2026-11-25T10:00:00.000Z" })] })
    expect(describeConflict(proposal, now)).toBe("Ana approved this 2 min ago")
  })

  it("uses the latest decision when there are several", () => {
    const proposal = makeProposal({
      status: "rejected",
      decisions: [
        makeDecision({ actor: { name: "Ana", role: "reviewer" }, createdAt: "2026-11-25T09:00:00.000Z" }),
        makeDecision({ action: "reject", actor: { name: "Bo", role: "reviewer" }, createdAt: "2026-11-25T10:01:50.000Z" })
      ]
    })
    expect(describeConflict(proposal, now)).toBe("Bo rejected this just now")
  })

  it("attributes auto-approvals to the workflow policy", () => {
    const proposal = makeProposal({
      status: "auto_approved",
      decisions: [makeDecision({ action: "auto_approve", actor: { name: "policy", role: "policy" }, createdAt: "2026-11-25T07:02:00.000Z" })]
    })
    expect(describeConflict(proposal, now)).toBe("A workflow policy auto-approved this 3 h ago")
  })

  it("explains a new version when nobody decided but the proposal changed", () => {
    expect(describeConflict(makeProposal({ version: 3 }), now)).toBe("This proposal changed since you reviewed it (now version 3); review it again")
  })

  it("falls back to the status when no decision is recorded", () => {
    expect(describeConflict(makeProposal({ status: "expired" }), now)).toBe("This proposal is already expired")
  })
})

describe("timeAgo", () => {
  it.each([
    ["2026-11-25T10:01:30.000Z", "just now"],
    ["2026-11-25T10:01:00.000Z", "1 min ago"],
    ["2026-11-25T08:02:00.000Z", "2 h ago"],
    ["2026-11-24T09:00:00.000Z", "yesterday"],
    ["2026-11-20T10:02:00.000Z", "5 days ago"]
  ])("describes %s as %s", (at, expected) => {
    expect(timeAgo(at, now)).toBe(expected)
  })
})

describe("withCurrentConflictMessage", () => {
  it("re-tells a stored conflict notice relative to now", () => {
    const proposal = {
      ...makeProposal({ status: "approved", decisions: [makeDecision({ createdAt: "2026-11-25T09:02:00.000Z" })] }),
      local: { conflict: { message: "Ana approved this just now", at: "2026-11-25T09:02:10.000Z" } }
    }
    expect(withCurrentConflictMessage(proposal, now).local.conflict.message).toBe("Ana approved this 1 h ago")
  })

  it("keeps the server's own words when the cache has no decision to point at", () => {
    const proposal = { ...makeProposal(), local: { conflict: { message: "already decided", at: "t" } } }
    expect(withCurrentConflictMessage(proposal, now).local.conflict.message).toBe("already decided")
  })
})
