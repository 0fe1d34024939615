import type { ApiClient } from "~src/api"
import {
  isConfigured,
  readEntityProposals,
  readMeta,
  readSettings,
  toLocalProposal,
  type CachedProposal,
  type SignoffDatabase,
  type StoredSettings
} from "~src/db"
import { sameAccount, type Entity, type Me } from "~src/domain"
import type { LocalProposal } from "~src/local/local-proposal"
import type { Message, MessageType, ResponseOf } from "~src/messaging/messages"
import type { ExtensionIdentity, MessageSenderInfo, SenderKind } from "~src/messaging/sender-policy"
import type { PanelSessions } from "~src/messaging/panel-sessions"
import { detectEntity, type CustomHost } from "~src/platforms"
import { currentAccount, hasApprovedCurrentContent, withCurrentConflictMessage, type SyncEngine } from "~src/sync"

/** What the handlers need from the browser; background/index.ts supplies it, tests supply fakes. */
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
  /** One-time sessions binding panel frames to their tabs (src/messaging/panel-sessions.ts). */
  panelSessions: PanelSessions
  now?: () => number
  /** Settings were saved: reschedule the sync alarm, refresh the badge. */
  onSettingsChanged?: (settings: StoredSettings) => void | Promise<void>
  /** The local cache changed without a sync (a decision was queued or dismissed): refresh the badge. */
  onLocalChange?: () => void | Promise<void>
}

/** A refusal with the code the envelope carries (see toErrorEnvelope in index.ts). */
export class HandlerError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(message)
  }
}

/** Who asked, as the browser reports it; `kind` from the sender policy. */
export interface Asker {
  kind: SenderKind
  sender: MessageSenderInfo
}

/** The handlers of one area: a function per message type it answers. */
export type AreaHandlers<T extends MessageType> = {
  [K in T]: (message: Extract<Message, { type: K }>, asker: Asker) => Promise<ResponseOf<K>>
}

/** What the connected account changes in how a proposal shows (see uiContext). */
export interface UiContext {
  me: Me | null
  /** Proposal id → the other account whose queued decision on it waits for that account. */
  waitingForOthers: Map<string, { name: string; server: string }>
}

/** A page view asks for proposals; it triggers a sync unless one finished this recently. */
export const PAGE_VIEW_SYNC_MAX_AGE_MS = 15_000

/** What every area's handlers share: the stores, and how a proposal is shown to whoever asked. */
export function createHandlerContext(deps: MessageHandlerDeps) {
  const { db } = deps
  const now = deps.now ?? Date.now

  /**
   * What the UI needs to know about the connected account: who it is (for "you already approved
   * this"), and which queued decisions another account made (they wait for that account).
   */
  async function uiContext(): Promise<UiContext> {
    const [account, me, pending] = await Promise.all([currentAccount(db), readMeta(db, "me"), db.outbox.where("state").equals("pending").toArray()])
    const waitingForOthers = new Map<string, { name: string; server: string }>()
    for (const e of pending)
      if (e.account && (!account || !sameAccount(e.account, account)))
        waitingForOthers.set(e.proposalId, { name: e.account.name ?? "another account", server: e.account.server })
    return { me, waitingForOthers }
  }

  /** The proposal as the UI gets it: without storage keys, its conflict notice told relative to now, with what the account changes. */
  function forUi(p: CachedProposal, ctx: UiContext): LocalProposal {
    const ui = withCurrentConflictMessage(toLocalProposal(p), now())
    const queuedBy = ctx.waitingForOthers.get(p.id)
    const alreadyApproved = p.status === "pending" && hasApprovedCurrentContent(p, ctx.me)
    if (!queuedBy && !alreadyApproved) return ui
    return { ...ui, local: { ...ui.local, ...(queuedBy ? { queuedBy } : {}), ...(alreadyApproved ? { alreadyApproved } : {}) } }
  }

  async function configuredApi(): Promise<ApiClient> {
    const settings = await readSettings(db)
    if (!isConfigured(settings)) throw new HandlerError("not_configured", "Set the server URL and API token on the Signoff options page")
    return deps.createApi(settings)
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

  /** Work the answer does not wait for (a sync after a page view): its failure is logged, not answered. */
  const inBackground = (work: Promise<unknown> | null) => void work?.catch((e) => console.warn("signoff: background sync failed", e))

  return { ...deps, now, uiContext, forUi, configuredApi, tabEntity, requireOnPage, inBackground }
}

export type HandlerContext = ReturnType<typeof createHandlerContext>

/** The frame a panel-frame sender is, as panel sessions key it. */
export const frameOf = (sender: MessageSenderInfo) => ({ tabId: sender.tab?.id ?? -1, frameId: sender.frameId ?? -1, documentId: sender.documentId })
