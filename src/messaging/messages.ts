// Namespace import on purpose (zod's documented form): Plasmo's Parcel drops zod's
// `v4/classic/external.js` from a bundle whose modules only use `import { z } from "zod"`, and
// every schema then throws "z.enum is not a function" at load. This module is in every bundle
// (background, popup, options, content scripts via client.ts), so it keeps zod in all of them.
import * as z from "zod"
import { DeadlineSettings } from "~src/domain/deadlines"
import { Entity } from "~src/domain/entity"
import { ProposalHistory } from "~src/domain/history"
import { Me } from "~src/domain/me"
import { DailySummary } from "~src/domain/summary"
import { Workflow, WorkflowUpsert } from "~src/domain/workflow"
import { DecisionRequest } from "~src/local/decision-request"
import { LauncherState } from "~src/local/launcher-state"
import { LocalProposal, QueueEntry } from "~src/local/local-proposal"
import { PublicSettings } from "~src/local/public-settings"
import { QueueHead } from "~src/local/queue-head"
import { SyncStatus } from "~src/local/sync-status"

/**
 * The one message union between content scripts / popup / options and the background worker.
 * The background validates every message with this schema and checks the sender; no response
 * ever carries the API token.
 */

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
    /** A desktop notification when a proposal waiting for this reviewer reaches its reminder (once per proposal). */
    reminderNotifications: z.boolean().optional(),
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
  /**
   * A proposal's decision history (GET /v1/proposals/:id/history, read on request, never synced).
   * A panel frame may ask only about a proposal its page shows.
   */
  z.strictObject({ type: z.literal("proposal.history"), proposalId: z.string().min(1).max(64) }),
  /** Extension pages: the daily summary of one UTC day (what ran, escalations, the spot-check sample). */
  z.strictObject({ type: z.literal("summary.get"), date: z.iso.date() }),
  /** Extension pages: the server's default deadline per tier and the reminder share, to show a workflow's deadline. */
  z.strictObject({ type: z.literal("deadlines.get") }),
  /** The user has read a conflict/failure notice on a proposal: forget the refused local decision. */
  z.strictObject({ type: z.literal("decision.dismiss"), proposalId: z.string().min(1).max(64) }),
  /**
   * Extension pages only (popup, options): call any /v1 endpoint with the stored token. The caller
   * validates `body` with the domain schema it expects. Content scripts are refused.
   */
  z.strictObject({
    type: z.literal("api.call"),
    method: z.enum(["GET", "POST", "PUT", "DELETE"]),
    path: z
      .string()
      .max(2048)
      .regex(/^\/v1\/[A-Za-z0-9/_.~%?=&:-]*$/, "a /v1/ API path"),
    body: z.unknown().optional()
  })
])
export type Message = z.infer<typeof Message>
export type MessageType = Message["type"]

/** Response payload per message type. */
export const Responses = {
  "launcher.status": z.object({ state: LauncherState, url: z.string(), openPanel: z.boolean() }),
  "panel.session": z.object({ session: z.string() }),
  "panel.claim": z.object({ claimed: z.literal(true) }),
  /** `url`: the tab URL the background read the entity from (a panel frame's; "" for extension pages). */
  "proposals.forEntity": z.object({
    url: z.string(),
    entity: Entity.nullable(),
    proposals: z.array(LocalProposal),
    related: z.array(LocalProposal),
    workflows: z.array(Workflow),
    status: SyncStatus
  }),
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
  "proposal.history": ProposalHistory,
  "summary.get": DailySummary,
  "deadlines.get": DeadlineSettings,
  "decision.dismiss": z.object({ proposal: LocalProposal.nullable() }),
  "api.call": z.object({ status: z.int(), body: z.unknown() })
} satisfies Record<MessageType, z.ZodType>
export type ResponseOf<T extends MessageType> = z.infer<(typeof Responses)[T]>

/** Wire envelope: the background answers `{ok:true,data}` or `{ok:false,error}`; it never throws across the boundary. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } }
