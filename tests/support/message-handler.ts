import { createApiClient, type ApiClientOptions } from "~src/api"
import { SignoffDatabase } from "~src/db"
import { createMessageHandler } from "~src/messaging/handler"
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
    browser: { identity: TEST_EXTENSION, contentScriptPatterns: async () => ["https://app.hubspot.com/*"], openTab: async () => 1 }
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
