import type { ChangeKind, DecisionAction, OversightModel, Platform, ProposalStatus } from "~src/domain"
import type { MessageType, ResponseOf } from "./messages"
import { array, boolean, nullable, number, object, oneOf, optional, shapeIssues, string, type ShapeCheck } from "./shape-check"

/**
 * The content-script side of the message contract: the answers the in-page panel reads, checked
 * lightly and without zod (see shape-check.ts for why). The background answers from its Dexie
 * cache, which holds only proposals the full domain schemas accepted when they were synced
 * (src/api/client.ts), so this guards against version skew and bugs between our own two halves:
 * it checks what the panel branches on and indexes by (ids, status, version, change kind, local
 * state, sync status) and leaves the rest of a proposal to the background's validation.
 */

// Objects keyed by every member of a domain union: the compiler fails here when one is added.
const keysOf = <K extends string>(members: Record<K, true>) => Object.keys(members) as K[]
export const CHANGE_KINDS = keysOf<ChangeKind>({ content: true, fields: true, bulk: true, segment: true, scoring: true, flow: true, routing: true })
export const STATUSES = keysOf<ProposalStatus>({
  pending: true,
  approved: true,
  rejected: true,
  executed: true,
  failed: true,
  reverted: true,
  expired: true,
  auto_approved: true,
  cancelled: true
})
export const PLATFORMS = keysOf<Platform>({ hubspot: true, marketo: true, salesforce: true, pardot: true, dynamics: true, other: true })
export const ACTIONS = keysOf<DecisionAction>({ approve: true, reject: true, edit: true, pause: true, revert: true })
const MODELS = keysOf<OversightModel>({ approve: true, monitor: true, exception: true })

export const Notice = object({ message: string, at: string })

const PanelProposal = object({
  id: string,
  workflowId: string,
  agent: object({ name: string, version: string }),
  target: object({ platform: oneOf(PLATFORMS), kind: string, id: string, url: optional(string), parents: optional(array(object({ kind: string, id: string }))) }),
  title: string,
  summary: string,
  evidence: array(object({ label: string, value: string })),
  confidence: number,
  change: object({ kind: oneOf(CHANGE_KINDS) }),
  status: oneOf(STATUSES),
  version: number,
  createdAt: string,
  approvals: number,
  quorum: number,
  local: optional(object({ pendingAction: optional(oneOf(ACTIONS)), conflict: optional(Notice), failure: optional(Notice) }))
})

export const PanelWorkflow = object({ id: string, name: string, model: oneOf(MODELS), paused: boolean })

export const PanelSyncStatus = object({
  configured: boolean,
  online: boolean,
  lastSyncAt: nullable(string),
  outboxSize: number,
  pendingCount: number,
  error: nullable(string),
  syncing: boolean
})

/** The message types a content script may send (CONTENT_SCRIPT_MESSAGES) and what their answers must look like. */
export const PanelResponses = {
  "proposals.forEntity": object({ proposals: array(PanelProposal), related: array(PanelProposal), workflows: array(PanelWorkflow), status: PanelSyncStatus }),
  "decision.submit": object({ proposal: PanelProposal }),
  "decision.dismiss": object({ proposal: nullable(PanelProposal) }),
  "panel.focusRequest": object({ proposalId: nullable(string) }),
  "sync.now": PanelSyncStatus,
  "sync.status": PanelSyncStatus,
  "settings.get": object({ serverUrl: string, hasToken: boolean })
} satisfies Partial<Record<MessageType, ShapeCheck>>

export type PanelMessageType = keyof typeof PanelResponses

export class InvalidAnswerError extends Error {
  readonly code = "bad_response"
  constructor(
    readonly type: MessageType,
    readonly issues: string[]
  ) {
    super(`Unexpected answer to ${type} from the background: ${issues.join("; ")}`)
    this.name = "InvalidAnswerError"
  }
}

/**
 * Checks an answer's shape and returns it, typed as the full contract's response: the fields the
 * check does not name were validated by the background's schemas before they were cached.
 */
export function checkPanelAnswer<T extends PanelMessageType>(type: T, data: unknown): ResponseOf<T> {
  const issues = shapeIssues(PanelResponses[type], data)
  if (issues.length > 0) throw new InvalidAnswerError(type, issues)
  return data as ResponseOf<T>
}
