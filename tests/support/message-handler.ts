import { createApiClient, type ApiClientOptions } from "~src/api"
import { SignoffDatabase } from "~src/db"
import { createMessageHandler } from "~background/handlers"
import { createPanelSessions, memorySessionStore } from "~src/messaging/panel-sessions"
import { createSyncEngine, type SyncEngine } from "~src/sync"

/** The extension's identity as the handler's tests see it; senders are built against it. */
export const TEST_EXTENSION = { runtimeId: "signoffid", extensionBaseUrl: "chrome-extension://signoffid/" }

export interface HandlerUnderTest {
  db: SignoffDatabase
  engine: SyncEngine
  handle: ReturnType<typeof createMessageHandler>
  /** Waits for any sync in flight, then deletes the database. */
  dispose(): Promise<void>
}

/**
 * The background's message handler as background/index.ts wires it, minus chrome.*: its own Dexie
 * database (fake-indexeddb in node), a real sync engine and API client, and a browser surface
 * whose content scripts run on HubSpot. `fetch` replaces the network (e.g. to simulate offline).
 */
export function createHandlerUnderTest(opts: { fetch?: ApiClientOptions["fetch"] } = {}): HandlerUnderTest {
  const db = new SignoffDatabase(`handler-${crypto.randomUUID()}`)
  const createApi = (s: { serverUrl: string; token: string }) => createApiClient({ baseUrl: s.serverUrl, token: s.token, fetch: opts.fetch })
  const engine = createSyncEngine({ db, createApi })
  const handle = createMessageHandler({
    db,
    engine,
    createApi,
    browser: {
      identity: TEST_EXTENSION,
      contentScriptPatterns: async () => ["https://app.hubspot.com/*"],
      customHosts: async () => [],
      openTab: async () => 1
    },
    panelSessions: createPanelSessions(memorySessionStore())
  })
  return {
    db,
    engine,
    handle,
    dispose: async () => {
      await engine.whenIdle()
      await db.delete()
    }
  }
}

/**
 * Senders as Chrome reports them for a HubSpot tab: Signoff's content script in its top frame, and
 * the panel page framed in it. `linkPanel` does what the two do before the frame may ask anything
 * (the content script gets a one-time session, the frame claims it) and returns the frame's sender.
 */
export function tabSenders(url: string, tabId = 5) {
  const tab = { id: tabId, url }
  return {
    contentScript: { id: TEST_EXTENSION.runtimeId, url, frameId: 0, tab },
    panelFrame: { id: TEST_EXTENSION.runtimeId, url: `${TEST_EXTENSION.extensionBaseUrl}tabs/panel.html`, frameId: 3, documentId: `DOC-${tabId}`, tab }
  }
}

export async function linkPanel(handle: HandlerUnderTest["handle"], url: string, tabId = 5) {
  const { contentScript, panelFrame } = tabSenders(url, tabId)
  const minted = await handle({ type: "panel.session" }, contentScript)
  if (!minted.ok) throw new Error(`panel.session: ${minted.error.message}`)
  const claimed = await handle({ type: "panel.claim", session: (minted.data as { session: string }).session }, panelFrame)
  if (!claimed.ok) throw new Error(`panel.claim: ${claimed.error.message}`)
  return panelFrame
}
