import { describe, expect, it } from "vitest"
import type { Decision, Proposal, ProposalCreate } from "~src/domain"
import { FeedbackRecord, feedbackRecordOf } from "~src/domain/feedback"

const sent: ProposalCreate = {
  workflowId: "email-copy",
  agent: { name: "copy-writer", version: "1.4.0" },
  target: { platform: "hubspot", kind: "email", id: "4242" },
  title: "Shorter subject",
  summary: "Cuts it to 41 characters.",
  evidence: [{ label: "Open rate", value: "+3.1 pp" }],
  confidence: 0.82,
  change: { kind: "content", field: "subject", format: "text", before: "Our November newsletter", after: "November: what's new" }
}
const reviewerChange = { ...sent.change, after: "November news" } as const

let n = 0
function decision(action: Decision["action"], actor: Decision["actor"], extra: Partial<Decision> = {}): Decision {
  n++
  return { id: `01D${n}`, proposalId: "01P", action, actor, proposalVersion: n, createdAt: `2026-11-02T10:00:0${n}.000Z`, ...extra }
}
const ana = { name: "Ana", role: "reviewer" as const, principalId: "01ANA" }
const ben = { name: "Ben", role: "reviewer" as const, principalId: "01BEN" }
const policy = { name: "policy", role: "policy" as const }

const proposal = (status: Proposal["status"], decisions: Decision[], editedChange?: Proposal["editedChange"]) => ({
  id: "01P",
  workflowId: "email-copy",
  status,
  createdAt: "2026-11-02T09:00:00.000Z",
  decisions,
  ...(editedChange ? { editedChange } : {})
})

describe("feedback records", () => {
  it("record an approval with the proposal as the agent sent it, in the published schema", () => {
    const record = feedbackRecordOf(sent, proposal("executed", [decision("approve", ana, { reviewMs: 30_000 })]))!
    expect(FeedbackRecord.parse(record)).toEqual(record)
    expect(record).toMatchObject({ proposalId: "01P", outcome: "approved", status: "executed", reason: null, edit: null, proposal: sent })
    expect(record.decisions).toEqual([
      { action: "approve", actor: { name: "Ana", principalId: "01ANA" }, at: record.decidedAt, reason: null, reviewMs: 30_000 }
    ])
  })

  it("give an edit both versions: the agent's and the reviewer's, and who edited", () => {
    const record = feedbackRecordOf(sent, proposal("approved", [decision("edit", ana)], reviewerChange))!
    expect(record.outcome).toBe("edited")
    expect(record.edit).toEqual({ agentChange: sent.change, reviewerChange, editedBy: { name: "Ana", principalId: "01ANA" } })
  })

  it("carry a rejection's reason code and text", () => {
    const record = feedbackRecordOf(
      sent,
      proposal("rejected", [decision("reject", ben, { reason: { code: "off_brand", text: "too casual" }, reviewMs: 9_000 })])
    )!
    expect(record).toMatchObject({ outcome: "rejected", reason: { code: "off_brand", text: "too casual" } })
  })

  it("record a revert of an auto-approved item as reverted, with the revert's reason, leaving the policy out", () => {
    const record = feedbackRecordOf(
      sent,
      proposal("reverted", [decision("auto_approve", policy, { rule: "monitor" }), decision("revert", ana, { reason: { code: "inaccurate" } })])
    )!
    expect(record).toMatchObject({ outcome: "reverted", reason: { code: "inaccurate" } })
    expect(record.decisions.map((d) => d.action)).toEqual(["revert"])
  })

  it("date the record at the last judgment: a quorum's second approval, not a later pause", () => {
    const decisions = [decision("approve", ana), decision("approve", ben), decision("pause", ana)]
    expect(feedbackRecordOf(sent, proposal("approved", decisions))!.decidedAt).toBe(decisions[1]!.createdAt)
  })

  it("leave out what no person settled: auto-approved alone, pending, expired, cancelled", () => {
    expect(feedbackRecordOf(sent, proposal("executed", [decision("auto_approve", policy)]))).toBeUndefined()
    expect(feedbackRecordOf(sent, proposal("pending", [decision("approve", ana)]))).toBeUndefined()
    expect(feedbackRecordOf(sent, proposal("expired", [decision("approve", ana), decision("expire", policy)]))).toBeUndefined()
    expect(feedbackRecordOf(sent, proposal("cancelled", [decision("cancel", { name: "bot", role: "agent" })]))).toBeUndefined()
  })
})
