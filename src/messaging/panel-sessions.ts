/**
 * One-time sessions that tie a panel frame to the tab whose content script created it (Bitwarden's
 * inline menu works the same way). The content script asks for a session, hands it to its frame
 * over a MessageChannel, and the frame claims it: the claim binds that exact frame document
 * (tab, frame, document ids, all set by the browser) and nothing else. A page that frames
 * panel.html itself never learns a session, so its frame stays inert.
 *
 * State lives in a small key/value store: browser.storage.session in the worker (it survives the
 * worker being stopped, not a browser restart, and content scripts cannot read it), a Map in tests.
 */
export interface SessionStore {
  get<T>(key: string): Promise<T | undefined>
  set(key: string, value: unknown): Promise<void>
  remove(key: string): Promise<void>
}

/** The browser-assigned identity of a panel frame's document. */
export interface FrameIdentity {
  tabId: number
  frameId: number
  /** runtime.MessageSender.documentId (Chrome ≥ 106; Firefox has none); changes when the frame reloads. */
  documentId?: string
}

interface MintedSession {
  tabId: number
  mintedAt: number
}

/** A session not claimed within this time is void: the frame loads in well under a second. */
export const SESSION_TTL_MS = 60_000

const sessionKey = (session: string) => `panelSession:${session}`
const bindingKey = (tabId: number) => `panelFrame:${tabId}`

export function createPanelSessions(
  store: SessionStore,
  { now = Date.now, randomId = (): string => crypto.randomUUID() }: { now?: () => number; randomId?: () => string } = {}
) {
  return {
    /** A new session for the content script of `tabId`. */
    async mint(tabId: number): Promise<string> {
      const session = randomId()
      await store.set(sessionKey(session), { tabId, mintedAt: now() } satisfies MintedSession)
      return session
    },

    /** Binds the frame to its tab if `session` was minted for that tab, is unused and fresh. One use only. */
    async claim(session: string, frame: FrameIdentity): Promise<boolean> {
      const minted = await store.get<MintedSession>(sessionKey(session))
      if (!minted) return false
      await store.remove(sessionKey(session))
      if (minted.tabId !== frame.tabId || now() - minted.mintedAt > SESSION_TTL_MS) return false
      await store.set(bindingKey(frame.tabId), frame)
      return true
    },

    /** Is this the frame that claimed the tab's latest session? */
    async isBound(frame: FrameIdentity): Promise<boolean> {
      const bound = await store.get<FrameIdentity>(bindingKey(frame.tabId))
      return bound !== undefined && bound.frameId === frame.frameId && bound.documentId === frame.documentId
    },

    /** The tab closed: forget its frame. */
    async forgetTab(tabId: number): Promise<void> {
      await store.remove(bindingKey(tabId))
    }
  }
}

export type PanelSessions = ReturnType<typeof createPanelSessions>

/** An in-memory store, for tests and for browsers without chrome.storage.session. */
export function memorySessionStore(): SessionStore {
  const map = new Map<string, unknown>()
  return {
    get: async <T>(key: string) => map.get(key) as T | undefined,
    set: async (key, value) => void map.set(key, value),
    remove: async (key) => void map.delete(key)
  }
}
