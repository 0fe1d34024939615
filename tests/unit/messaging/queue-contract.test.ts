import { describe, expect, it } from "vitest"
import { validateAnswer } from "~src/messaging/client"
import { Responses } from "~src/messaging/messages"
import { checkQueueAnswer, InvalidQueueError } from "~src/messaging/queue-contract"
import { toQueueEntry } from "~src/local/queue-entry"
import { makeProposal } from "../sync/fixtures"

const status = { configured: true, online: true, lastSyncAt: null, outboxSize: 0, pendingCount: 2, error: null, syncing: false, progress: null }
const workflow = { id: "wf", name: "Workflow", model: "approve", threshold: 0.8, quorum: 1, expiryHours: null, paused: false, createdAt: "2026-10-01T00:00:00Z", updatedAt: "2026-10-01T00:00:00Z" }
const answer = (proposals: unknown[]) => ({ proposals, workflows: [workflow], status })

describe("the popup's structural check of the queue", () => {
  it("accepts what the zod QueueEntry contract accepts, and returns it unchanged", () => {
    const data = answer([
      toQueueEntry(makeProposal({ id: "P1", risk: { bulk: true } })),
      toQueueEntry({ ...makeProposal({ id: "P2" }), local: { conflict: { message: "Ana rejected it", at: "2026-11-25T12:00:00Z" } } })
    ])
    expect(Responses["proposals.queue"].safeParse(data).success).toBe(true)
    expect(checkQueueAnswer(data)).toBe(data)
    expect(validateAnswer("proposals.queue", data)).toBe(data)
  })

  it("refuses an entry the popup could not sort, filter or label, saying where", () => {
    const entry = { ...toQueueEntry(makeProposal({ id: "P1" })), target: { platform: "myspace" } }
    expect(() => checkQueueAnswer(answer([entry]))).toThrow(InvalidQueueError)
    expect(() => checkQueueAnswer(answer([entry]))).toThrow(/proposals\[0\]\.target\.platform: expected one of hubspot\|/)
  })

  it("refuses a non-numeric version (quick and bulk approve send it back)", () => {
    const entry = { ...toQueueEntry(makeProposal({ id: "P1" })), version: "1" }
    expect(() => checkQueueAnswer(answer([entry]))).toThrow(/proposals\[0\]\.version: expected number, got string/)
  })

  it("still parses every other answer with the zod contract", () => {
    expect(() => validateAnswer("sync.status", { ...status, pendingCount: -1 })).toThrow()
    expect(validateAnswer("sync.status", status)).toEqual(status)
  })
})
