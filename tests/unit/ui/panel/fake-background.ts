import type { Change, Entity, Workflow } from "~src/domain"
import type { Message } from "~src/messaging/messages"
import type { DecisionRequest } from "~src/local/decision-request"
import type { LocalProposal } from "~src/local/local-proposal"
import type { SyncStatus } from "~src/local/sync-status"
import type { Ask } from "~src/ui/query-client"
import { contentText } from "../changes/sample-changes"

const NOW = "2026-11-25T10:00:00.000Z"

export function workflow(id: string, model: Workflow["model"], extra: Partial<Workflow> = {}): Workflow {
  return { id, name: `Workflow ${id}`, model, threshold: 0.9, quorum: 1, expiryHours: null, paused: false, createdAt: NOW, updatedAt: NOW, ...extra }
}

let counter = 0
export function proposal(extra: Partial<LocalProposal> & { change?: Change } = {}): LocalProposal {
  counter++
  return {
    id: `01JPROPOSAL${String(counter).padStart(4, "0")}`,
    workflowId: "email-copy",
    agent: { name: "copywriter", version: "2.1.0" },
    target: { platform: "hubspot", kind: "contact", id: "101" },
    title: `Proposal ${counter}`,
    summary: `Summary of proposal ${counter}`,
    rationale: "Higher open rates for subject lines with 'new'",
    evidence: [{ label: "Open rate last 90 days", value: "21%", source: "HubSpot email analytics" }],
    confidence: 0.82,
    risk: { customerFacing: true },
    change: contentText,
    status: "pending",
    version: 3,
    seq: counter,
    createdAt: NOW,
    updatedAt: NOW,
    approvals: 0,
    quorum: 1,
    decisions: [],
    ...extra
  }
}

export const onlineStatus: SyncStatus = {
  configured: true,
  online: true,
  lastSyncAt: NOW,
  outboxSize: 0,
  pendingCount: 0,
  error: null,
  syncing: false,
  progress: null
}

export interface FakeBackgroundState {
  /** What the tab shows, as the background would read it off the tab's URL (null: a page it cannot read). */
  entity?: Entity | null
  /** The tab URLs the background answers with, in turn (the last repeats): a lagging tab URL. */
  tabUrls?: string[]
  proposals: LocalProposal[]
  related?: LocalProposal[]
  workflows?: Workflow[]
  status?: SyncStatus
  focusProposalId?: string | null
  /** What decision.submit answers; default: the proposal marked approved/rejected like the server would. */
  onDecision?: (decision: DecisionRequest, current: LocalProposal) => LocalProposal
}

/**
 * A stand-in for the background worker that speaks the real message contract: responses are
 * what `ask()` would return after validation. Records every message for assertions.
 */
export function fakeBackground(state: FakeBackgroundState) {
  const messages: Message[] = []
  const decisions: DecisionRequest[] = []
  let forEntityCalls = 0
  const ask = (async (message: Message) => {
    messages.push(message)
    switch (message.type) {
      case "proposals.forEntity":
        forEntityCalls++
        return {
          url: (state.tabUrls?.length ?? 0) > 1 ? state.tabUrls!.shift()! : (state.tabUrls?.[0] ?? ""),
          entity: state.entity ?? null,
          proposals: state.entity ? state.proposals : [],
          related: state.entity ? (state.related ?? []) : [],
          workflows: state.workflows ?? [workflow("email-copy", "approve")],
          status: state.status ?? onlineStatus
        }
      case "decision.submit": {
        decisions.push(message.decision)
        const all = [...state.proposals, ...(state.related ?? [])]
        const current = all.find((p) => p.id === message.decision.proposalId)!
        const next = state.onDecision?.(message.decision, current) ?? {
          ...current,
          status: message.decision.action === "reject" ? ("rejected" as const) : ("approved" as const),
          version: current.version + 1
        }
        state.proposals = state.proposals.map((p) => (p.id === next.id ? next : p))
        state.related = (state.related ?? []).map((p) => (p.id === next.id ? next : p))
        return { proposal: next }
      }
      case "decision.dismiss": {
        const current = state.proposals.find((p) => p.id === message.proposalId) ?? null
        const next = current && { ...current, local: undefined }
        if (next) state.proposals = state.proposals.map((p) => (p.id === next.id ? next : p))
        return { proposal: next }
      }
      case "panel.focusRequest":
        return { proposalId: state.focusProposalId ?? null }
      default:
        throw new Error(`fake background does not answer ${message.type}`)
    }
  }) as Ask
  return { ask, messages, decisions, forEntityCalls: () => forEntityCalls, state }
}
