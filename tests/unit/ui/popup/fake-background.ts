import type { Message, MessageType, ResponseOf } from "~src/messaging/messages"
import type { LocalProposal } from "~src/local/local-proposal"
import type { SyncStatus } from "~src/local/sync-status"
import { toQueueEntry } from "~src/local/queue-entry"
import { queueHead } from "~src/queue/review-queue"
import type { Workflow } from "~src/domain/workflow"
import type { Ask } from "~src/ui/query-client"

/** Shaped like the real client's BackgroundError (which cannot be imported outside an extension). */
class FakeBackgroundError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(message)
  }
}

type Handlers = { [T in MessageType]?: (message: Extract<Message, { type: T }>) => ResponseOf<T> | Promise<ResponseOf<T>> }

/**
 * A background worker for component tests: answers the messages it has handlers for, records
 * every message it was asked, and fails the rest like the real one does for unknown routes.
 */
export { FakeBackgroundError }

export function fakeBackground(handlers: Handlers) {
  const calls: Message[] = []
  const ask = (async (message: Message) => {
    calls.push(message)
    const handler = handlers[message.type] as ((m: Message) => unknown) | undefined
    if (!handler) throw new FakeBackgroundError("not_handled", `fake background has no handler for ${message.type}`)
    return handler(message)
  }) as Ask
  const callsOf = <T extends MessageType>(type: T) => calls.filter((c): c is Extract<Message, { type: T }> => c.type === type)
  return { ask, calls, callsOf }
}

/**
 * The popup's queue answers, as the real background gives them: the head (counts + first rows)
 * and the whole queue as slim entries; the whole proposal only when one is opened.
 */
export function queueHandlers(read: () => { proposals: LocalProposal[]; workflows: Workflow[]; status: SyncStatus }) {
  return {
    "proposals.queueHead": ({ size }: { size: number }) => {
      const { proposals, workflows, status } = read()
      return { ...queueHead(proposals.map(toQueueEntry), workflows, size), workflows, status }
    },
    "proposals.queue": () => {
      const { proposals, workflows, status } = read()
      return { proposals: proposals.map(toQueueEntry), workflows, status }
    },
    "proposal.get": ({ proposalId }: { proposalId: string }) => ({ proposal: read().proposals.find((p) => p.id === proposalId) ?? null })
  } satisfies Handlers
}

export const NOW = Date.parse("2026-11-25T12:00:00Z")

export function makeWorkflow(overrides: Partial<Workflow> & Pick<Workflow, "id">): Workflow {
  return {
    name: overrides.id,
    model: "approve",
    threshold: 0.8,
    quorum: 1,
    expiryHours: null,
    paused: false,
    createdAt: "2026-10-01T00:00:00Z",
    updatedAt: "2026-10-01T00:00:00Z",
    ...overrides
  }
}

let counter = 0
export function makeProposal(overrides: Partial<LocalProposal> = {}): LocalProposal {
  counter += 1
  const id = overrides.id ?? `01PROP${String(counter).padStart(8, "0")}`
  return {
    id,
    workflowId: "email-copy",
    agent: { name: "copy-bot", version: "1.0" },
    target: { platform: "hubspot", kind: "email", id: `e-${counter}`, url: `https://app.hubspot.com/email/1/edit/${counter}` },
    title: `Proposal ${counter}`,
    summary: "Shorter subject line",
    evidence: [],
    confidence: 0.9,
    change: { kind: "content", field: "subject", format: "text", before: "Hello", after: "Hi" },
    status: "pending",
    version: 1,
    seq: counter,
    createdAt: new Date(NOW - 60 * 60_000).toISOString(),
    updatedAt: new Date(NOW - 60 * 60_000).toISOString(),
    approvals: 0,
    quorum: 1,
    decisions: [],
    // What the server says of a change it lets a person approve unseen (src/domain/risk-classification.ts).
    riskAssessment: { level: "low", reasons: [], quickApprovable: true },
    ...overrides
  }
}

export function syncStatus(overrides: Partial<SyncStatus> = {}): SyncStatus {
  return {
    configured: true,
    online: true,
    lastSyncAt: new Date(NOW - 2 * 60_000).toISOString(),
    outboxSize: 0,
    pendingCount: 0,
    error: null,
    syncing: false,
    progress: null,
    ...overrides
  }
}
