import { describe, expect, it } from "vitest"
import { toQueueEntry } from "~src/local/queue-entry"
import type { LocalProposal } from "~src/local/local-proposal"
import { escalationList } from "~src/queue/escalations"
import { buildQueue } from "~src/queue/review-queue"
import { makeProposal } from "~tests/support/proposals"

const now = Date.parse("2026-11-25T12:00:00.000Z")
const at = (minutes: number) => new Date(now + minutes * 60_000).toISOString()
const workflows = [
  {
    id: "email-copy",
    name: "Email copy",
    model: "exception" as const,
    threshold: 0.8,
    quorum: 1,
    expiryHours: null,
    paused: false,
    createdAt: at(-9999),
    updatedAt: at(-9999)
  }
]
const list = (proposals: LocalProposal[]) => escalationList(buildQueue(proposals.map(toQueueEntry), workflows), now)

describe("escalationList", () => {
  it("lists what is past its reminder and what the server escalated, oldest first", () => {
    const rows = list([
      makeProposal({
        id: "NEW-ESCALATED",
        createdAt: at(-10),
        review: { outcome: "pending", reason: "below_threshold", text: "exception: confidence 0.4 < threshold 0.8, escalated" }
      }),
      makeProposal({ id: "OLD-REMINDED", createdAt: at(-300), remindAt: at(-5), expiresAt: at(55) }),
      makeProposal({ id: "MID-RULE", createdAt: at(-100), review: { outcome: "pending", reason: "rule", text: "review rule", ruleId: "big" } })
    ])
    expect(rows.map((r) => r.item.proposal.id)).toEqual(["OLD-REMINDED", "MID-RULE", "NEW-ESCALATED"])
    expect(rows.map((r) => [r.reminderDue, r.escalatedFor])).toEqual([
      [true, null],
      [false, "held by a review rule"],
      [false, "confidence under the threshold"]
    ])
  })

  it("leaves out what waits only because of its model, and reminders still ahead", () => {
    const rows = list([
      makeProposal({ review: { outcome: "pending", reason: "approve_model", text: "approve: nothing runs until approved" } }),
      makeProposal({ remindAt: at(30), expiresAt: at(60) })
    ])
    expect(rows).toEqual([])
  })

  it("leaves out what no longer waits for this reviewer: a decision queued, or their approval given on a quorum", () => {
    const escalated = { review: { outcome: "pending" as const, reason: "edge_case" as const, text: "edge case" }, remindAt: at(-5), expiresAt: at(60) }
    const rows = list([
      { ...makeProposal(escalated), local: { pendingAction: "approve" } },
      { ...makeProposal({ ...escalated, quorum: 2 }), local: { alreadyApproved: true } }
    ])
    expect(rows).toEqual([])
  })
})
