import { describe, expect, it } from "vitest"
import type { AuditEntry } from "~src/domain"
import { HistoryEntry, historyEntryOf, historyTimeline } from "~src/domain/history"

const before = { kind: "content", field: "subject", format: "text", before: "Old", after: "AI text" }
const after = { ...before, after: "Ana's text" }
const ana = { name: "Ana", role: "reviewer", principalId: "01ANA" }
const bot = { name: "bot", role: "agent", principalId: "01BOT" }
const policy = { name: "policy", role: "policy" }

let seq = 0
function entry(event: AuditEntry["event"], actor: AuditEntry["actor"], data: Record<string, unknown>): AuditEntry {
  seq++
  return {
    seq,
    at: `2026-11-02T10:00:${String(seq).padStart(2, "0")}.000Z`,
    event,
    actor,
    proposalId: "01P",
    workflowId: "email-copy",
    data,
    prevHash: "0",
    hash: "1"
  }
}

const review = { outcome: "pending", reason: "below_threshold", text: "exception: confidence 0.5 < threshold 0.9, escalated" }
const created = entry("proposal.created", bot, {
  title: "t",
  status: "pending",
  model: "exception",
  review,
  contentHash: "h0",
  expiresAt: "2026-11-03T10:00:00.000Z",
  remindAt: "2026-11-03T05:12:00.000Z"
})
const edited = entry("decision", ana, {
  action: "edit",
  decisionId: "01D1",
  reason: null,
  reviewMs: 42_000,
  proposalVersion: 1,
  fromStatus: "pending",
  toStatus: "approved",
  approvals: 1,
  quorum: 1,
  before,
  after,
  contentHash: "h1"
})
const executed = entry("execution", bot, {
  outcome: "executed",
  contentHash: "h1",
  snapshotHash: null,
  detail: "sent",
  fromStatus: "approved",
  toStatus: "executed"
})
const reverted = entry("revert", ana, {
  action: "revert",
  decisionId: "01D2",
  reason: { code: "off_brand", text: "tone" },
  reviewMs: 5_000,
  proposalVersion: 3,
  fromStatus: "executed",
  toStatus: "reverted",
  approvals: 1,
  quorum: 1
})
const paused = entry("pause", ana, {
  action: "pause",
  decisionId: "01D3",
  reason: null,
  reviewMs: null,
  proposalVersion: 4,
  fromStatus: "reverted",
  toStatus: "reverted",
  approvals: 1,
  quorum: 1,
  workflowPaused: true,
  alreadyPaused: false
})
const unrelated = entry("workflow.changed", ana, { before: null, after: null })

describe("a proposal's timeline", () => {
  const timeline = historyTimeline([paused, executed, created, unrelated, reverted, edited], (id) => (id === "01D1" ? { after: "Ana's text" } : undefined))

  it("is in audit order whatever order the entries come in, and skips entries not about the proposal's course", () => {
    expect(timeline.map((e) => e.type)).toEqual(["created", "edit", "execution", "revert", "pause"])
    expect(timeline.map((e) => e.seq)).toEqual([created.seq, edited.seq, executed.seq, reverted.seq, paused.seq])
  })

  it("validates against the published schema", () => {
    for (const e of timeline) expect(HistoryEntry.parse(e)).toEqual(e)
  })

  it("says why the proposal went to a person and which deadline it got", () => {
    expect(timeline[0]).toMatchObject({
      type: "created",
      status: "pending",
      model: "exception",
      review,
      contentHash: "h0",
      expiresAt: "2026-11-03T10:00:00.000Z",
      actor: bot
    })
  })

  it("names the reviewer by principal id and name, and gives an edit's fields, before and after", () => {
    expect(timeline[1]).toMatchObject({
      type: "edit",
      actor: ana,
      reviewMs: 42_000,
      toStatus: "approved",
      contentHash: "h1",
      edit: { edits: { after: "Ana's text" }, before, after }
    })
  })

  it("carries the execution report and the revert's reason", () => {
    expect(timeline[2]).toMatchObject({ type: "execution", outcome: "executed", contentHash: "h1", detail: "sent", toStatus: "executed" })
    expect(timeline[3]).toMatchObject({ type: "revert", reason: { code: "off_brand", text: "tone" }, fromStatus: "executed", toStatus: "reverted", edit: null })
  })

  it("says whether a pause paused the workflow or found it paused", () => {
    expect(timeline[4]).toMatchObject({ type: "pause", workflowPaused: true })
    const again = historyEntryOf(entry("pause", ana, { action: "pause", proposalVersion: 5, alreadyPaused: true }))
    expect(again).toMatchObject({ type: "pause", workflowPaused: false })
  })
})

describe("timeline entries of other kinds", () => {
  it("an auto-approval names its rule", () => {
    expect(historyEntryOf(entry("auto_approval", policy, { rule: "monitor: AI executes", model: "monitor", contentHash: "h0" }))).toMatchObject({
      type: "auto_approve",
      actor: policy,
      rule: "monitor: AI executes",
      contentHash: "h0"
    })
  })

  it("an expiry and a cancellation keep their rule and reason", () => {
    expect(historyEntryOf(entry("expiry", policy, { rule: "pending past its expiry", expiresAt: "2026-11-03T10:00:00.000Z" }))).toMatchObject({
      type: "expire",
      expiresAt: "2026-11-03T10:00:00.000Z"
    })
    expect(historyEntryOf(entry("cancel", bot, { reason: { code: "other", text: "superseded" }, fromStatus: "pending" }))).toMatchObject({
      type: "cancel",
      reason: "superseded",
      fromStatus: "pending"
    })
  })

  it("an entry from before this was recorded has nulls, not invented values", () => {
    const old = historyEntryOf(entry("proposal.created", { name: "bot", role: "agent" }, { title: "t", status: "pending" }))
    expect(old).toMatchObject({ type: "created", review: null, model: null, contentHash: null, expiresAt: null })
    expect(HistoryEntry.parse(old)).toEqual(old)
  })

  it("an edit whose before or after cannot be read has no diff rather than a wrong one", () => {
    expect(historyEntryOf(entry("decision", ana, { action: "edit", proposalVersion: 1, before: { kind: "nope" }, after }))).toMatchObject({
      type: "edit",
      edit: null
    })
  })
})
