import { describe, expect, it } from "vitest"
import { validateAnswer } from "~src/messaging/answer-check"
import { Responses } from "~src/messaging/messages"
import { checkQueueAnswer, checkQueueHeadAnswer, checkSyncStatusAnswer, InvalidQueueError } from "~src/messaging/queue-contract"
import type { Workflow } from "~src/domain/workflow"
import { queueHead } from "~src/queue/review-queue"
import { toQueueEntry } from "~src/local/queue-entry"
import { makeProposal } from "~tests/support/proposals"

const status = { configured: true, online: true, lastSyncAt: null, outboxSize: 0, pendingCount: 2, error: null, syncing: false, progress: null }
const workflow = {
  id: "wf",
  name: "Workflow",
  model: "approve",
  threshold: 0.8,
  quorum: 1,
  expiryHours: null,
  paused: false,
  createdAt: "2026-10-01T00:00:00Z",
  updatedAt: "2026-10-01T00:00:00Z"
}
const answer = (proposals: unknown[]) => ({ proposals, workflows: [workflow], status })

describe("the popup's structural check of the queue", () => {
  it("accepts what the zod QueueEntry contract accepts, and returns it unchanged", () => {
    const data = answer([
      toQueueEntry(makeProposal({ id: "P1", risk: { bulk: true } })),
      toQueueEntry({ ...makeProposal({ id: "P2" }), local: { conflict: { message: "Ana rejected it", at: "2026-11-25T12:00:00Z" } } })
    ])
    expect(Responses["proposals.queue"].safeParse(data).success).toBe(true)
    expect(checkQueueAnswer(data)).toBe(data)
    expect(validateAnswer("proposals.queue", data, Responses)).toBe(data)
  })

  it("refuses an entry the popup could not sort, filter or label, saying where", () => {
    const entry = { ...toQueueEntry(makeProposal({ id: "P1" })), target: { platform: "myspace" } }
    expect(() => checkQueueAnswer(answer([entry]))).toThrow(InvalidQueueError)
    expect(() => checkQueueAnswer(answer([entry]))).toThrow(/proposals\[0\]\.target\.platform: expected one of hubspot\|/)
  })

  it("refuses a non-numeric version (quick and bulk approve send it back)", () => {
    const entry = { ...toQueueEntry(makeProposal({ id: "P1" })), version: "1" }
    expect(() => checkQueueAnswer(answer([entry]))).toThrow(/proposals\[0\]\.version: expected count, got string/)
  })

  it("refuses a version that is not a whole number, as the zod contract does", () => {
    const entry = { ...toQueueEntry(makeProposal({ id: "P1" })), version: 1.5 }
    expect(Responses["proposals.queue"].safeParse(answer([entry])).success).toBe(false)
    expect(() => checkQueueAnswer(answer([entry]))).toThrow(/proposals\[0\]\.version: expected count/)
  })

  it("still parses every other answer with the zod contract", () => {
    expect(() => validateAnswer("workflows.list", { workflows: [{ ...workflow, quorum: 0 }] }, Responses)).toThrow()
    expect(validateAnswer("workflows.list", { workflows: [workflow] }, Responses)).toEqual({ workflows: [workflow] })
  })
})

describe("the popup's structural check of what its first paint waits for", () => {
  const head = () => {
    const proposals = [makeProposal({ id: "P1", risk: { bulk: true } }), makeProposal({ id: "P2" })].map(toQueueEntry)
    return { ...queueHead(proposals, [workflow as Workflow], 50), workflows: [workflow], status }
  }

  it("accepts the queue head the zod contract accepts, and returns it unchanged", () => {
    const data = head()
    expect(data.items.length).toBe(2)
    expect(Responses["proposals.queueHead"].safeParse(data).success).toBe(true)
    expect(checkQueueHeadAnswer(data)).toBe(data)
    expect(validateAnswer("proposals.queueHead", data, Responses)).toBe(data)
  })

  it("accepts an empty queue head", () => {
    const data = { ...queueHead([], [workflow as Workflow], 50), workflows: [workflow], status }
    expect(Responses["proposals.queueHead"].safeParse(data).success).toBe(true)
    expect(checkQueueHeadAnswer(data)).toBe(data)
  })

  it("refuses a head whose rows or counts the popup could not show, saying where", () => {
    const good = head()
    const badItem = { ...good.items[0]!, tier: "yolo" }
    expect(() => checkQueueHeadAnswer({ ...good, items: [badItem] })).toThrow(/items\[0\]\.tier: expected one of approve\|monitor\|exception/)
    expect(() => checkQueueHeadAnswer({ ...good, summary: { ...good.summary, total: -1 } })).toThrow(/summary\.total: expected count/)
    expect(() => checkQueueHeadAnswer({ ...good, summary: { ...good.summary, byTier: { approve: 1 } } })).toThrow(/summary\.byTier\.monitor/)
    expect(() => checkQueueHeadAnswer({ ...good, status: undefined })).toThrow(/status: expected object/)
  })

  it("refuses a sync status with a negative count, as the zod contract does", () => {
    const bad = { ...status, pendingCount: -1 }
    expect(Responses["sync.status"].safeParse(bad).success).toBe(false)
    expect(() => validateAnswer("sync.status", bad, Responses)).toThrow(/pendingCount: expected count/)
    expect(validateAnswer("sync.status", status, Responses)).toEqual(status)
  })

  it("refuses a sync status without its progress field, as the zod contract does", () => {
    const { progress: _progress, ...withoutProgress } = status
    expect(Responses["sync.status"].safeParse(withoutProgress).success).toBe(false)
    expect(() => checkSyncStatusAnswer(withoutProgress)).toThrow(/progress: expected object/)
  })
})
