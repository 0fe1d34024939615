// Namespace import on purpose (zod's documented form): Plasmo's Parcel drops zod's
// `v4/classic/external.js` from a bundle whose modules only use `import { z } from "zod"`, and
// every schema then throws "z.enum is not a function" at load. This module is in every bundle
// (background, popup, options, content scripts via client.ts), so it keeps zod in all of them.
import * as z from "zod"
import { DecisionCreate, DecisionReason, DecisionAction } from "~src/domain/decision"
import { Me } from "~src/domain/me"
import { CHANGE_KINDS, type ChangeKind as ChangeKindName } from "~src/domain/changes"
import { Entity } from "~src/domain/entity"
import { Platform, Target } from "~src/domain/platform"
import { Proposal } from "~src/domain/proposal"
import { OversightModel, Workflow, WorkflowUpsert } from "~src/domain/workflow"

/**
 * The one message union between content scripts / popup / options and the background worker.
 * The background validates every message with this schema and checks the sender; no response
 * ever carries the API token.
 */

/** A decision the user made, as the UI sends it (the background adds the idempotency key). */
export const DecisionRequest = z.strictObject({
  proposalId: z.string().min(1).max(64),
  action: DecisionAction,
  reason: DecisionReason.optional(),
  edits: z.record(z.string(), z.unknown()).optional(),
  proposalVersion: z.int().min(1),
  reviewMs: z.int().min(0).max(86_400_000).optional()
})
export type DecisionRequest = z.infer<typeof DecisionRequest>
// The request must be a valid API decision once the id is removed.
export const toDecisionCreate = ({ proposalId: _id, ...rest }: DecisionRequest) => DecisionCreate.parse(rest)

export const Message = z.discriminatedUnion("type", [
  /** Content script: the launcher's state for the tab (the background reads the tab's URL; `url` is what the page sees, to spot a lag). */
  z.strictObject({ type: z.literal("launcher.status"), url: z.string().max(8192) }),
  /** Content script: a one-time session to hand to the panel frame it is creating. */
  z.strictObject({ type: z.literal("panel.session") }),
  /** Panel frame: claim the session the content script handed over; nothing else is answered before. */
  z.strictObject({ type: z.literal("panel.claim"), session: z.string().min(1).max(100) }),
  /**
   * The proposals for an entity. A panel frame sends no entity: the background reads it off the
   * tab's URL. Extension pages (and tests) name one.
   */
  z.strictObject({ type: z.literal("proposals.forEntity"), entity: Entity.optional() }),
  z.strictObject({ type: z.literal("proposals.queue") }),
  /** Popup first paint: the counts of the whole queue and its first `size` rows, before the whole queue. */
  z.strictObject({ type: z.literal("proposals.queueHead"), size: z.int().min(1).max(500) }),
  z.strictObject({ type: z.literal("decision.submit"), decision: DecisionRequest }),
  z.strictObject({ type: z.literal("sync.now") }),
  z.strictObject({ type: z.literal("sync.status") }),
  z.strictObject({ type: z.literal("settings.get") }),
  z.strictObject({
    type: z.literal("settings.save"),
    serverUrl: z.string().url().max(2048),
    /** Omitted = keep the stored token. */
    token: z.string().min(1).max(512).optional(),
    notifications: z.boolean().optional(),
    syncIntervalMinutes: z.number().min(0.5).max(60).optional()
  }),
  z.strictObject({ type: z.literal("me.get") }),
  z.strictObject({ type: z.literal("workflows.list") }),
  z.strictObject({ type: z.literal("workflows.update"), id: z.string().min(1).max(100), workflow: WorkflowUpsert }),
  /** Popup: open the proposal's target page in a tab, with the panel open on that proposal. */
  z.strictObject({ type: z.literal("proposal.open"), proposalId: z.string().min(1).max(64) }),
  /** Popup: the whole proposal behind a queue entry, to review it in the popup (it has no page to open). */
  z.strictObject({ type: z.literal("proposal.get"), proposalId: z.string().min(1).max(64) }),
  /** Content script on load: is there a proposal the user asked to see in this tab? (answered once, by tab) */
  z.strictObject({ type: z.literal("panel.focusRequest") }),
  /** The user has read a conflict/failure notice on a proposal: forget the refused local decision. */
  z.strictObject({ type: z.literal("decision.dismiss"), proposalId: z.string().min(1).max(64) }),
  /**
   * Extension pages only (popup, options): call any /v1 endpoint with the stored token. The caller
   * validates `body` with the domain schema it expects. Content scripts are refused.
   */
  z.strictObject({
    type: z.literal("api.call"),
    method: z.enum(["GET", "POST", "PUT", "DELETE"]),
    path: z.string().max(2048).regex(/^\/v1\/[A-Za-z0-9/_.~%?=&:-]*$/, "a /v1/ API path"),
    body: z.unknown().optional()
  })
])
export type Message = z.infer<typeof Message>
export type MessageType = Message["type"]

/** How the local copy of a proposal differs from the server's, for the panel and popup. */
export const LocalState = z.object({
  /** A decision waiting in the outbox. */
  pendingAction: DecisionAction.optional(),
  /** The server refused our decision (409); shown to the user, never retried. */
  conflict: z.object({ message: z.string(), at: z.string() }).optional(),
  /** The server rejected our decision for another reason (validation, not found...); shown, not retried. */
  failure: z.object({ message: z.string(), at: z.string() }).optional(),
  /**
   * The queued decision was made under another account than the one connected now: it waits for
   * that account (it is never sent with this one's token) or for the reviewer to discard it.
   */
  queuedBy: z.object({ name: z.string(), server: z.string() }).optional(),
  /** This reviewer already approved the current content (a quorum waits for others): no second approval. */
  alreadyApproved: z.boolean().optional()
})
export const LocalProposal = Proposal.extend({ local: LocalState.optional() })
export type LocalProposal = z.infer<typeof LocalProposal>

const ChangeKind = z.enum(CHANGE_KINDS as [ChangeKindName, ...ChangeKindName[]])

/**
 * One proposal as the popup's queue lists it: what a row, the counts by tier and workflow, the
 * filters and quick/bulk approve read, and no more. The queue can hold 10,000 proposals; sending
 * them whole (change bodies, evidence, decisions) made the popup's first paint 2.5× slower than
 * with an empty queue. The full proposal is asked for (`proposal.get`) when one is opened.
 */
export const QueueEntry = Proposal.pick({
  id: true,
  workflowId: true,
  title: true,
  status: true,
  version: true,
  confidence: true,
  risk: true,
  createdAt: true,
  approvals: true,
  quorum: true,
  riskAssessment: true
}).extend({
  /** The platform filters and labels the row; a URL means "open it on its page", none "review it here". */
  target: Target.pick({ platform: true, url: true }),
  change: z.object({ kind: ChangeKind }),
  local: LocalState.optional()
})
export type QueueEntry = z.infer<typeof QueueEntry>

/** A queue entry with what the popup derives from it and its workflow (src/queue/review-queue.ts). */
const QueueItem = z.object({
  proposal: QueueEntry,
  tier: OversightModel,
  workflowName: z.string(),
  riskScore: z.number(),
  createdAtMs: z.number(),
  needsQuorum: z.boolean(),
  quickApprovable: z.boolean()
})

export const QueueHead = z.object({
  items: z.array(QueueItem),
  summary: z.object({
    total: z.int().min(0),
    byTier: z.record(OversightModel, z.int().min(0)),
    byWorkflow: z.array(z.object({ workflowId: z.string(), name: z.string(), count: z.int().min(0) })),
    platforms: z.array(Platform),
    oldest: QueueItem.nullable(),
    needingQuorum: z.int().min(0)
  })
})

export const SyncStatus = z.object({
  configured: z.boolean(),
  online: z.boolean(),
  lastSyncAt: z.string().nullable(),
  outboxSize: z.int().min(0),
  pendingCount: z.int().min(0),
  error: z.string().nullable(),
  syncing: z.boolean(),
  /** Items pulled so far during a large sync. */
  progress: z.object({ pulled: z.int() }).nullable()
})
export type SyncStatus = z.infer<typeof SyncStatus>

export const LauncherState = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("unreadable") }),
  z.object({ kind: z.literal("loading") }),
  z.object({ kind: z.literal("unreachable") }),
  z.object({ kind: z.literal("not-configured") }),
  z.object({ kind: z.literal("ready"), toReview: z.int().min(0) })
])

export const PublicSettings = z.object({
  serverUrl: z.string(),
  hasToken: z.boolean(),
  /** Last four characters, for a masked display ("••••3f2a"). */
  tokenHint: z.string().nullable(),
  notifications: z.boolean(),
  syncIntervalMinutes: z.number()
})
export type PublicSettings = z.infer<typeof PublicSettings>

/** Response payload per message type. */
export const Responses = {
  "launcher.status": z.object({ state: LauncherState, url: z.string(), openPanel: z.boolean() }),
  "panel.session": z.object({ session: z.string() }),
  "panel.claim": z.object({ claimed: z.literal(true) }),
  /** `url`: the tab URL the background read the entity from (a panel frame's; "" for extension pages). */
  "proposals.forEntity": z.object({ url: z.string(), entity: Entity.nullable(), proposals: z.array(LocalProposal), related: z.array(LocalProposal), workflows: z.array(Workflow), status: SyncStatus }),
  "proposals.queue": z.object({ proposals: z.array(QueueEntry), workflows: z.array(Workflow), status: SyncStatus }),
  "proposals.queueHead": QueueHead.extend({ workflows: z.array(Workflow), status: SyncStatus }),
  "decision.submit": z.object({ proposal: LocalProposal }),
  "sync.now": SyncStatus,
  "sync.status": SyncStatus,
  "settings.get": PublicSettings,
  "settings.save": PublicSettings,
  "me.get": Me,
  "workflows.list": z.object({ workflows: z.array(Workflow) }),
  "workflows.update": z.object({ workflow: Workflow }),
  "proposal.open": z.object({ opened: z.boolean() }),
  /** null: no longer in the cache (a sync removed it). */
  "proposal.get": z.object({ proposal: LocalProposal.nullable() }),
  "panel.focusRequest": z.object({ proposalId: z.string().nullable() }),
  "decision.dismiss": z.object({ proposal: LocalProposal.nullable() }),
  "api.call": z.object({ status: z.int(), body: z.unknown() })
} satisfies Record<MessageType, z.ZodType>
export type ResponseOf<T extends MessageType> = z.infer<(typeof Responses)[T]>

/** Wire envelope: the background answers `{ok:true,data}` or `{ok:false,error}`; it never throws across the boundary. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } }
