import * as z from "zod"
import { ApiError, NetworkError, type ApiClient } from "~src/api"
import {
  clearSyncedCache,
  isConfigured,
  readEntityProposals,
  readMeta,
  readSettings,
  saveSettings,
  toLocalProposal,
  toPublicSettings,
  writeMeta,
  type CachedProposal,
  type SignoffDatabase,
  type StoredSettings
} from "~src/db"
import { sameAccount, serverUrlProblem, type Entity, type Me } from "~src/domain"
import { needsReview } from "~src/launcher/launcher-state"
import { detectEntity, type CustomHost } from "~src/platforms"
import { matchesAnyPattern } from "~src/platforms/match-pattern"
import {
  currentAccount,
  dismissRefusedDecisions,
  enqueueDecision,
  hasApprovedCurrentContent,
  UnknownProposalError,
  withCurrentConflictMessage,
  type SyncEngine
} from "~src/sync"
import type { PanelSessions } from "./panel-sessions"
import { toQueueEntry } from "./queue-entry"
// Pure functions: the popup builds the same model from the whole queue (layering: read only).
import { queueHead } from "~src/queue/review-queue"
import { Message, toDecisionCreate, type Envelope, type LocalProposal, type MessageType, type QueueEntry, type ResponseOf } from "./messages"
import { authorize, classifySender, type ExtensionIdentity, type MessageSenderInfo, type SenderKind } from "./sender-policy"

/** What the handler needs from the browser; background/index.ts supplies it from chrome.*, tests supply fakes. */
export interface BrowserSurface {
  identity: ExtensionIdentity
  /** Match patterns of every content script Signoff injects: the manifest's and those registered at run time. */
  contentScriptPatterns(): Promise<string[]>
  /** Custom domains the options page registered (host → platform), for reading entities off their URLs. */
  customHosts(): Promise<CustomHost[]>
  /** Opens a tab; resolves with its id. */
  openTab(url: string): Promise<number | undefined>
}

export interface MessageHandlerDeps {
  db: SignoffDatabase
  engine: SyncEngine
  createApi: (settings: StoredSettings & { token: string }) => ApiClient
  browser: BrowserSurface
  /** One-time sessions binding panel frames to their tabs (panel-sessions.ts). */
  panelSessions: PanelSessions
  now?: () => number
  /** Settings were saved: reschedule the sync alarm, refresh the badge. */
  onSettingsChanged?: (settings: StoredSettings) => void | Promise<void>
  /** The local cache changed without a sync (a decision was queued or dismissed): refresh the badge. */
  onLocalChange?: () => void | Promise<void>
}

/** A page view asks for proposals; it triggers a sync unless one finished this recently. */
const PAGE_VIEW_SYNC_MAX_AGE_MS = 15_000

class HandlerError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(message)
  }
}

/** What the connected account changes in how a proposal shows (see uiContext). */
interface UiContext {
  me: Me | null
  /** Proposal id → the other account whose queued decision on it waits for that account. */
  waitingForOthers: Map<string, { name: string; server: string }>
}

/** Who asked, as the browser reports it; `kind` from the sender policy. */
interface Asker {
  kind: SenderKind
  sender: MessageSenderInfo
}

type Handlers = {
  [T in MessageType]: (message: Extract<Message, { type: T }>, asker: Asker) => Promise<ResponseOf<T>>
}

/**
 * The background's message router: checks the sender, validates the message with the one `Message`
 * schema, runs it, and answers an Envelope. It never throws across the boundary and no answer carries
 * the API token.
 */
export function createMessageHandler(deps: MessageHandlerDeps) {
  const { db, engine } = deps
  const now = deps.now ?? Date.now
  /**
   * What the UI needs to know about the connected account: who it is (for "you already approved
   * this"), and which queued decisions another account made (they wait for that account).
   */
  async function uiContext(): Promise<UiContext> {
    const [account, me, pending] = await Promise.all([currentAccount(db), readMeta(db, "me"), db.outbox.where("state").equals("pending").toArray()])
    const waitingForOthers = new Map<string, { name: string; server: string }>()
    for (const e of pending)
      if (e.account && (!account || !sameAccount(e.account, account))) waitingForOthers.set(e.proposalId, { name: e.account.name ?? "another account", server: e.account.server })
    return { me, waitingForOthers }
  }

  /** The proposal as the UI gets it: without storage keys, its conflict notice told relative to now, with what the account changes. */
  const forUi = (p: CachedProposal, ctx: UiContext): LocalProposal => {
    const ui = withCurrentConflictMessage(toLocalProposal(p), now())
    const queuedBy = ctx.waitingForOthers.get(p.id)
    const alreadyApproved = p.status === "pending" && hasApprovedCurrentContent(p, ctx.me)
    if (!queuedBy && !alreadyApproved) return ui
    return { ...ui, local: { ...ui.local, ...(queuedBy ? { queuedBy } : {}), ...(alreadyApproved ? { alreadyApproved } : {}) } }
  }
  const inBackground = (work: Promise<unknown> | null) => void work?.catch((e) => console.warn("signoff: background sync failed", e))

  async function configuredApi(): Promise<ApiClient> {
    const settings = await readSettings(db)
    if (!isConfigured(settings)) throw new HandlerError("not_configured", "Set the server URL and API token on the Signoff options page")
    return deps.createApi(settings)
  }

  /**
   * The popup's queue rows, memoised until this worker next writes the cache (engine.cacheVersion,
   * bumped wherever sync.status's count is reset). Reading 10,000 whole proposals out of IndexedDB
   * takes ~150 ms in the worker, and a popup open asks twice (head, then the whole queue). Slim
   * entries are kept, not the proposals; conflicted ones keep their proposal so the notice is
   * re-told relative to now on every answer.
   */
  type QueueRow = { entry: QueueEntry; conflicted?: CachedProposal }
  let queueMemo: { version: number; rows: Promise<{ rows: QueueRow[]; ctx: UiContext }> } | null = null

  async function readQueueRows(): Promise<{ rows: QueueRow[]; ctx: UiContext }> {
    const [pending, outbox, ctx] = await Promise.all([db.proposals.where("status").equals("pending").toArray(), db.outbox.toArray(), uiContext()])
    // Decided locally but refused (or not yet sent) proposals stay in the queue so the user sees them.
    const pendingIds = new Set(pending.map((p) => p.id))
    const cached = await db.proposals.bulkGet([...new Set(outbox.map((e) => e.proposalId))])
    const withLocalState = cached.filter((p): p is CachedProposal => Boolean(p && !pendingIds.has(p.id)))
    const proposals = [...pending, ...withLocalState].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0))
    const rows: QueueRow[] = proposals.map((p) => (p.local?.conflict ? { entry: toQueueEntry(forUi(p, ctx)), conflicted: p } : { entry: toQueueEntry(forUi(p, ctx)) }))
    // Decisions another account queued, on proposals this account's cache does not hold (another
    // server, or the cache was cleared when the account changed): shown from their snapshot.
    const listed = new Set(rows.map((r) => r.entry.id))
    for (const e of outbox) {
      const queuedBy = ctx.waitingForOthers.get(e.proposalId)
      if (!queuedBy || !e.snapshot || listed.has(e.proposalId)) continue
      listed.add(e.proposalId)
      rows.push({ entry: { ...e.snapshot, local: { pendingAction: e.body.action, queuedBy } } })
    }
    return { rows, ctx }
  }

  /** The popup's queue: pending proposals, and those decided here but refused or not yet sent (shown until dismissed). */
  async function readQueue() {
    const version = engine.cacheVersion()
    if (queueMemo?.version !== version) {
      const rows = readQueueRows()
      queueMemo = { version, rows }
      rows.catch(() => {
        if (queueMemo?.rows === rows) queueMemo = null
      })
    }
    const [{ rows, ctx }, workflows, status] = await Promise.all([queueMemo.rows, db.workflows.toArray(), engine.status()])
    return { entries: rows.map(({ entry, conflicted }) => (conflicted ? toQueueEntry(forUi(conflicted, ctx)) : entry)), workflows, status }
  }

  /** The entity the sender's tab shows, read off the tab's URL as the browser reports it (never the message). */
  async function tabEntity({ sender }: Asker): Promise<Entity | null> {
    const url = sender.tab?.url
    return url ? detectEntity(url, await deps.browser.customHosts()) : null
  }

  /**
   * A panel may act only on what its page shows (the same lookup that fills it): a proposal for
   * another record, or another portal's record with the same id, is refused before the outbox.
   */
  async function requireOnPage(asker: Asker, proposalId: string, what: string): Promise<void> {
    if (asker.kind !== "panel-frame") return
    const entity = await tabEntity(asker)
    const shown = entity ? await readEntityProposals(db, entity) : { proposals: [], related: [] }
    if ([...shown.proposals, ...shown.related].some((p) => p.id === proposalId)) return
    console.warn(`signoff: refused: a panel on ${asker.sender.tab?.url} tried to ${what} proposal ${proposalId}, which that page does not show`)
    throw new HandlerError("not_on_this_page", `Proposal ${proposalId} is not about this page; open it on its own page or in the popup`)
  }

  const handlers: Handlers = {
    "launcher.status": async (_message, asker) => {
      const tabId = asker.sender.tab?.id
      const url = asker.sender.tab?.url ?? ""
      const entity = await tabEntity(asker)
      const openPanel = tabId !== undefined && Boolean((await readMeta(db, "focusByTab"))[String(tabId)])
      if (!entity) return { state: { kind: "unreadable" as const }, url, openPanel }
      if (!isConfigured(await readSettings(db))) return { state: { kind: "not-configured" as const }, url, openPanel }
      inBackground(engine.runIfStale(PAGE_VIEW_SYNC_MAX_AGE_MS))
      const { proposals } = await readEntityProposals(db, entity)
      return { state: { kind: "ready" as const, toReview: proposals.map(toLocalProposal).filter(needsReview).length }, url, openPanel }
    },
    "panel.session": async (_message, { sender }) => ({ session: await deps.panelSessions.mint(sender.tab!.id!) }),
    "panel.claim": async ({ session }, { sender }) => {
      const claimed = await deps.panelSessions.claim(session, frameOf(sender))
      if (!claimed) throw new HandlerError("forbidden", "this panel was not opened by Signoff on this page")
      return { claimed: true as const }
    },
    "proposals.forEntity": async ({ entity: named }, asker) => {
      // A panel shows what its tab's URL shows, whatever it asks for.
      const entity = asker.kind === "panel-frame" ? await tabEntity(asker) : named
      if (asker.kind !== "panel-frame" && !entity) throw new HandlerError("bad_request", "name the entity")
      inBackground(engine.runIfStale(PAGE_VIEW_SYNC_MAX_AGE_MS))
      const [found, workflows, status, ctx] = await Promise.all([
        entity ? readEntityProposals(db, entity) : { proposals: [], related: [] },
        db.workflows.toArray(),
        engine.status(),
        uiContext()
      ])
      const url = asker.kind === "panel-frame" ? (asker.sender.tab?.url ?? "") : ""
      const show = (p: CachedProposal) => forUi(p, ctx)
      return { url, entity: entity ?? null, proposals: found.proposals.map(show), related: found.related.map(show), workflows, status }
    },
    "proposals.queue": async () => {
      const { entries, workflows, status } = await readQueue()
      return { proposals: entries, workflows, status }
    },
    "proposals.queueHead": async ({ size }) => {
      const { entries, workflows, status } = await readQueue()
      return { ...queueHead(entries, workflows, size), workflows, status }
    },
    "decision.submit": async ({ decision }, asker) => {
      await requireOnPage(asker, decision.proposalId, "decide")
      toDecisionCreate(decision) // a decision the API would refuse is refused here, before anything is queued
      const account = await currentAccount(db)
      if (!account) throw new HandlerError("not_configured", "Set the server URL and API token on the Signoff options page")
      const proposal = await enqueueDecision(db, decision, { now: now(), account })
      engine.noteLocalChange()
      await deps.onLocalChange?.()
      inBackground(engine.run())
      return { proposal: forUi(proposal, await uiContext()) }
    },
    "decision.dismiss": async ({ proposalId }, asker) => {
      await requireOnPage(asker, proposalId, "dismiss a notice on")
      const proposal = await dismissRefusedDecisions(db, proposalId, await currentAccount(db))
      engine.noteLocalChange()
      await deps.onLocalChange?.()
      return { proposal: proposal ? forUi(proposal, await uiContext()) : null }
    },
    "sync.now": async () => {
      await engine.run({ ignoreBackoff: true })
      return engine.status()
    },
    "sync.status": () => engine.status(),
    "settings.get": async () => toPublicSettings(await readSettings(db)),
    "settings.save": async ({ serverUrl, token, notifications, syncIntervalMinutes }) => {
      const problem = serverUrlProblem(serverUrl)
      if (problem) throw new HandlerError("bad_request", problem)
      const { settings, accountChanged } = await saveSettings(db, { serverUrl, token, notifications, syncIntervalMinutes })
      // Another server or account: cached proposals and the cursor belong to the old one. Queued
      // decisions stay, bound to the account that made them (sent only with its token).
      if (accountChanged) await clearSyncedCache(db)
      engine.noteLocalChange()
      await deps.onSettingsChanged?.(settings)
      inBackground(engine.run({ ignoreBackoff: true }))
      return toPublicSettings(settings)
    },
    "me.get": async () => {
      const api = await configuredApi()
      try {
        const me = await api.me()
        await writeMeta(db, "me", me)
        engine.noteLocalChange()
        return me
      } catch (error) {
        const cached = await readMeta(db, "me")
        if (error instanceof NetworkError && cached) return cached
        throw error
      }
    },
    "workflows.list": async () => {
      const api = await configuredApi()
      try {
        const workflows = await api.workflows()
        await db.transaction("rw", db.workflows, async () => {
          await db.workflows.clear()
          await db.workflows.bulkPut(workflows)
        })
        return { workflows }
      } catch (error) {
        if (error instanceof NetworkError) return { workflows: await db.workflows.toArray() }
        throw error
      }
    },
    "workflows.update": async ({ id, workflow }) => {
      const saved = await (await configuredApi()).putWorkflow(id, workflow)
      await db.workflows.put(saved)
      return { workflow: saved }
    },
    "proposal.open": async ({ proposalId }) => {
      const cached = await db.proposals.get(proposalId)
      const { url } = (cached ?? (await (await configuredApi()).proposal(proposalId))).target
      if (!url || !/^https?:\/\//.test(url)) return { opened: false }
      const tabId = await deps.browser.openTab(url)
      if (tabId === undefined) return { opened: false }
      // Remembered in Dexie, not memory: the worker may be stopped before the page asks.
      await db.transaction("rw", db.meta, async () => {
        const focus = await readMeta(db, "focusByTab")
        await writeMeta(db, "focusByTab", { ...focus, [String(tabId)]: proposalId })
      })
      return { opened: true }
    },
    "proposal.get": async ({ proposalId }) => {
      const cached = await db.proposals.get(proposalId)
      return { proposal: cached ? forUi(cached, await uiContext()) : null }
    },
    "panel.focusRequest": async (_message, { sender }) => {
      const tabId = sender.tab?.id
      if (tabId === undefined) return { proposalId: null }
      return db.transaction("rw", db.meta, async () => {
        const { [String(tabId)]: proposalId = null, ...rest } = await readMeta(db, "focusByTab")
        if (proposalId) await writeMeta(db, "focusByTab", rest)
        return { proposalId }
      })
    },
    "api.call": async ({ method, path, body }) => (await configuredApi()).call(method, path, body)
  }

  return async function handleMessage(raw: unknown, sender: MessageSenderInfo): Promise<Envelope<unknown>> {
    const kind = classifySender(sender, deps.browser.identity)
    if (kind === "foreign") return refuse("forbidden", "messages are accepted only from Signoff's own pages and content scripts")
    const parsed = Message.safeParse(raw)
    if (!parsed.success) return refuse("bad_request", `Invalid message: ${z.prettifyError(parsed.error)}`)
    const message = parsed.data
    const inTab = kind === "content-script" || kind === "panel-frame"
    const hostAllowed = inTab && sender.tab?.id !== undefined && matchesAnyPattern(sender.tab.url ?? "", await deps.browser.contentScriptPatterns())
    const verdict = authorize(kind, message.type, hostAllowed)
    if (!verdict.allowed) return refuse("forbidden", verdict.reason)
    if (kind === "panel-frame" && message.type !== "panel.claim" && !(await deps.panelSessions.isBound(frameOf(sender))))
      return refuse("forbidden", "this panel has no session from Signoff's content script on this page")
    try {
      const handler = handlers[message.type] as (m: Message, a: Asker) => Promise<unknown>
      return { ok: true, data: await handler(message, { kind, sender }) }
    } catch (error) {
      return toErrorEnvelope(error)
    }
  }
}

const frameOf = (sender: MessageSenderInfo) => ({ tabId: sender.tab?.id ?? -1, frameId: sender.frameId ?? -1, documentId: sender.documentId })

const refuse = (code: string, message: string): Envelope<never> => ({ ok: false, error: { code, message } })

function toErrorEnvelope(error: unknown): Envelope<never> {
  if (error instanceof HandlerError) return refuse(error.code, error.message)
  if (error instanceof z.ZodError) return refuse("bad_request", z.prettifyError(error))
  if (error instanceof UnknownProposalError) return refuse("not_found", error.message)
  if (error instanceof ApiError) return refuse(error.code, error.message)
  if (error instanceof NetworkError) return refuse(error.reason, error.message)
  console.error("signoff: message handler failed", error)
  return refuse("internal", error instanceof Error ? error.message : String(error))
}
