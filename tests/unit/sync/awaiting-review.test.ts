import { afterEach, describe, expect, it } from "vitest"
import { SignoffDatabase, toCachedProposal } from "~src/db"
import type { Decision, Me } from "~src/domain"
import { hasApprovedCurrentContent, isAwaitingReviewer, readAwaitingReview } from "~src/sync"
import { makeProposal } from "~tests/support/proposals"

const ana: Me = { name: "Ana", role: "reviewer", principalId: "P-ANA" }
const decision = (action: Decision["action"], actor: Partial<Decision["actor"]>, proposalVersion: number): Decision => ({
  id: `D${proposalVersion}${action}`,
  proposalId: "P",
  action,
  actor: { name: "Ana", role: "reviewer", ...actor },
  proposalVersion,
  createdAt: "2026-11-25T10:00:00.000Z"
})

describe("hasApprovedCurrentContent (the extension's quorum count)", () => {
  it("counts this reviewer's approval of the version now shown (its proposalVersion is the version before)", () => {
    expect(hasApprovedCurrentContent({ decisions: [decision("approve", { principalId: "P-ANA" }, 1)] }, ana)).toBe(true)
  })

  it("does not count someone else's approval, even under the same name", () => {
    expect(hasApprovedCurrentContent({ decisions: [decision("approve", { principalId: "P-OTHER" }, 1)] }, ana)).toBe(false)
  })

  it("starts over after an edit: the edited version was not approved by this reviewer yet", () => {
    const decisions = [decision("approve", { principalId: "P-ANA" }, 1), decision("edit", { name: "Ben", principalId: "P-BEN" }, 2)]
    expect(hasApprovedCurrentContent({ decisions }, ana)).toBe(false)
    expect(hasApprovedCurrentContent({ decisions: [...decisions, decision("approve", { principalId: "P-ANA" }, 3)] }, ana)).toBe(true)
  })

  it("counts this reviewer's own edit as their approval of the edited version", () => {
    expect(hasApprovedCurrentContent({ decisions: [decision("edit", { principalId: "P-ANA" }, 1)] }, ana)).toBe(true)
  })

  it("matches decisions from before principals by name, and knows nothing without a reviewer", () => {
    expect(hasApprovedCurrentContent({ decisions: [decision("approve", {}, 1)] }, ana)).toBe(true)
    expect(hasApprovedCurrentContent({ decisions: [decision("approve", { principalId: "P-ANA" }, 1)] }, null)).toBe(false)
  })
})

describe("hasApprovedCurrentContent with the server's approvedBy (principal ids whose approvals count now)", () => {
  it("counts this reviewer as having approved when the server lists them", () => {
    expect(hasApprovedCurrentContent({ decisions: [], approvedBy: ["P-BEN", "P-ANA"] }, ana)).toBe(true)
  })

  it("trusts approvedBy over the decisions: after an edit the server lists only the editor", () => {
    // Ana approved version 1; Ben's edit restarted the count, so the server lists only Ben.
    const decisions = [decision("approve", { principalId: "P-ANA" }, 1), decision("edit", { name: "Ben", principalId: "P-BEN" }, 2)]
    expect(hasApprovedCurrentContent({ decisions, approvedBy: ["P-BEN"] }, ana)).toBe(false)
  })

  it("does not match a namesake: approvedBy holds principal ids, not names", () => {
    expect(hasApprovedCurrentContent({ decisions: [decision("approve", { principalId: "P-OTHER-ANA" }, 1)], approvedBy: ["P-OTHER-ANA"] }, ana)).toBe(false)
  })
})

describe("who waits for this reviewer (badge count and popup queue)", () => {
  let db: SignoffDatabase | undefined
  afterEach(async () => {
    await db?.delete()
    db = undefined
  })

  it("does not count a quorum proposal this reviewer already approved as waiting for them", () => {
    const approvedByAna = makeProposal({
      quorum: 2,
      approvals: 1,
      approvedBy: ["P-ANA"],
      decisions: [{ ...decision("approve", { principalId: "P-ANA" }, 1), proposalId: "x" }]
    })
    expect(isAwaitingReviewer(toCachedProposal(approvedByAna), ana)).toBe(false)
    expect(isAwaitingReviewer(toCachedProposal(makeProposal({ quorum: 2, approvals: 1, approvedBy: ["P-BEN"] })), ana)).toBe(true)
  })

  it("counts for the badge only what waits for this reviewer, and the earliest reminder among those", async () => {
    db = new SignoffDatabase(`awaiting-${crypto.randomUUID()}`)
    await db.proposals.bulkPut([
      toCachedProposal(
        makeProposal({ id: "A", quorum: 2, approvedBy: ["P-ANA"], remindAt: "2026-11-25T09:30:00.000Z", expiresAt: "2026-11-25T10:00:00.000Z" })
      ),
      toCachedProposal(
        makeProposal({ id: "B", quorum: 2, approvedBy: ["P-BEN"], remindAt: "2026-11-25T11:00:00.000Z", expiresAt: "2026-11-25T12:00:00.000Z" })
      ),
      toCachedProposal(makeProposal({ id: "C", remindAt: "2026-11-25T10:30:00.000Z", expiresAt: "2026-11-25T11:00:00.000Z" })),
      toCachedProposal(makeProposal({ id: "D", status: "auto_approved" }))
    ])
    const awaiting = await readAwaitingReview(db, ana)
    expect(awaiting.count).toBe(2)
    // A's reminder is earliest but Ana approved A: it does not make her badge urgent.
    expect(awaiting.earliestRemindAt).toBe("2026-11-25T10:30:00.000Z")
  })
})
