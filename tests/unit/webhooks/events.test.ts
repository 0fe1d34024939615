import { describe, expect, it } from "vitest"
import type { AuditEntry } from "~src/domain"
import { WebhookEvent } from "~src/domain/webhooks"
import { type ProposalFacts, webhookEventsFor } from "~server/webhooks/events"

const facts: ProposalFacts = { title: "Shorter subject", target: { platform: "hubspot", kind: "email", id: "42" }, edited: false }

function entry(event: AuditEntry["event"], data: Record<string, unknown>, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    seq: 7,
    at: "2026-11-02T10:00:00.000Z",
    event,
    actor: { name: "Ana", role: "reviewer" },
    proposalId: "01P",
    workflowId: "email-copy",
    data,
    prevHash: "0".repeat(64),
    hash: "1".repeat(64),
    ...overrides
  }
}

const typesOf = (e: AuditEntry, f = facts) => webhookEventsFor(e, f).map((w) => w.type)

describe("webhook events from the audit log", () => {
  it("names the proposal, its workflow, the actor and the audit entry on every event, in the published schema", () => {
    const [event] = webhookEventsFor(entry("proposal.created", { status: "pending" }, { actor: { name: "bot", role: "agent" } }), facts)
    expect(WebhookEvent.parse(event)).toEqual({
      type: "proposal.created",
      timestamp: "2026-11-02T10:00:00.000Z",
      data: {
        proposalId: "01P",
        workflowId: "email-copy",
        status: "pending",
        title: "Shorter subject",
        target: facts.target,
        actor: { name: "bot", role: "agent" },
        auditSeq: 7
      }
    })
  })

  it("turns an approval that reaches quorum into proposal.approved with its content hash", () => {
    const [event] = webhookEventsFor(
      entry("decision", { action: "approve", fromStatus: "pending", toStatus: "approved", approvals: 2, quorum: 2, contentHash: "abc" }),
      facts
    )
    expect(event).toMatchObject({
      type: "proposal.approved",
      data: { status: "approved", contentHash: "abc", edited: false, automatic: false, approvals: 2, quorum: 2 }
    })
  })

  it("sends nothing for an approval that does not reach quorum yet", () => {
    expect(typesOf(entry("decision", { action: "approve", fromStatus: "pending", toStatus: "pending", approvals: 1, quorum: 2 }))).toEqual([])
  })

  it("says an approval is of an edited change when a reviewer edited it earlier", () => {
    const [event] = webhookEventsFor(
      entry("decision", { action: "approve", fromStatus: "pending", toStatus: "approved", approvals: 2, quorum: 2, contentHash: "e" }),
      { ...facts, edited: true }
    )
    expect(event!.data.edited).toBe(true)
  })

  it("turns an edit into proposal.edited, and also proposal.approved when the edit reaches quorum", () => {
    expect(typesOf(entry("decision", { action: "edit", fromStatus: "pending", toStatus: "pending", approvals: 1, quorum: 2 }))).toEqual(["proposal.edited"])
    expect(
      typesOf(entry("decision", { action: "edit", fromStatus: "pending", toStatus: "approved", approvals: 1, quorum: 1, contentHash: "e" }), {
        ...facts,
        edited: true
      })
    ).toEqual(["proposal.edited", "proposal.approved"])
  })

  it("carries the rejection's reason, and the cancellation's", () => {
    const [rejected] = webhookEventsFor(
      entry("decision", { action: "reject", fromStatus: "pending", toStatus: "rejected", reason: { code: "compliance", text: "No claims" } }),
      facts
    )
    expect(rejected).toMatchObject({ type: "proposal.rejected", data: { reason: { code: "compliance", text: "No claims" } } })
    const [cancelled] = webhookEventsFor(entry("cancel", { reason: { code: "other", text: "Superseded" }, toStatus: "cancelled" }), facts)
    expect(cancelled).toMatchObject({ type: "proposal.cancelled", data: { status: "cancelled", reason: { code: "other", text: "Superseded" } } })
  })

  it("maps auto-approval, expiry, revert and execution reports", () => {
    expect(webhookEventsFor(entry("auto_approval", { contentHash: "h" }, { actor: { name: "policy", role: "policy" } }), facts)[0]).toMatchObject({
      type: "proposal.approved",
      data: { status: "auto_approved", automatic: true, contentHash: "h" }
    })
    expect(typesOf(entry("expiry", {}))).toEqual(["proposal.expired"])
    expect(typesOf(entry("revert", { action: "revert", toStatus: "reverted" }))).toEqual(["proposal.reverted"])
    expect(webhookEventsFor(entry("execution", { outcome: "target_changed", contentHash: "h", toStatus: "pending", detail: null }), facts)[0]).toMatchObject({
      type: "execution.reported",
      data: { status: "pending", outcome: "target_changed", contentHash: "h", detail: null }
    })
  })

  it("sends nothing for entries that are not about a proposal's fate (pause, workflows, tokens, webhooks)", () => {
    expect(typesOf(entry("pause", { action: "pause", toStatus: "pending" }))).toEqual([])
    expect(typesOf(entry("decision", { action: "pause", toStatus: "pending" }))).toEqual([])
    expect(typesOf(entry("workflow.changed", {}, { proposalId: null }))).toEqual([])
    expect(typesOf(entry("token.created", {}, { proposalId: null }))).toEqual([])
    expect(typesOf(entry("webhook.created", {}, { proposalId: null }))).toEqual([])
  })
})
