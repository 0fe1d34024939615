import { beforeAll, describe, expect, it, vi } from "vitest"

/**
 * Loads the real service-worker module against a recording stand-in for `chrome.*`, to hold the
 * MV3 rules it must keep: listeners registered synchronously in the first turn (Chrome only wakes a
 * stopped worker for events whose listeners exist by then), and answers that never carry the token.
 */
type Listener = (...args: any[]) => unknown
const registered: Record<string, Listener[]> = {}
const event = (name: string) => ({ addListener: (fn: Listener) => (registered[name] ??= []).push(fn) })
const badge: Record<string, unknown> = {}
const alarms = new Map<string, { name: string; periodInMinutes?: number }>()

const fakeChrome = {
  runtime: {
    id: "signoffid",
    getURL: (path: string) => `chrome-extension://signoffid/${path}`,
    getManifest: () => ({ content_scripts: [{ matches: ["https://app.hubspot.com/*"] }], icons: { 128: "icon128.png" } }),
    onMessage: event("runtime.onMessage"),
    onStartup: event("runtime.onStartup"),
    onInstalled: event("runtime.onInstalled"),
    // "cache.changed" to open extension pages; none are open here.
    sendMessage: async () => undefined
  },
  alarms: {
    onAlarm: event("alarms.onAlarm"),
    get: async (name: string) => alarms.get(name),
    create: async (name: string, info: { periodInMinutes?: number }) => void alarms.set(name, { name, ...info }),
    clear: async (name: string) => alarms.delete(name)
  },
  notifications: { onClicked: event("notifications.onClicked"), create: async () => "", clear: async () => true },
  action: {
    setBadgeText: async ({ text }: { text: string }) => void (badge.text = text),
    setBadgeBackgroundColor: async ({ color }: { color: string }) => void (badge.color = color),
    setBadgeTextColor: async () => undefined,
    setTitle: async ({ title }: { title: string }) => void (badge.title = title)
  },
  scripting: { getRegisteredContentScripts: async () => [] },
  tabs: { create: async () => ({ id: 1 }), onRemoved: event("tabs.onRemoved") },
  storage: { session: memoryArea(), local: memoryArea() }
}

function memoryArea() {
  const items = new Map<string, unknown>()
  return {
    get: async (key: string) => (items.has(key) ? { [key]: items.get(key) } : {}),
    set: async (values: Record<string, unknown>) => void Object.entries(values).forEach(([k, v]) => items.set(k, v)),
    remove: async (key: string) => void items.delete(key)
  }
}

let listenersAfterFirstTurn: string[] = []

beforeAll(async () => {
  Object.assign(globalThis, { chrome: fakeChrome, self: { addEventListener: (type: string, fn: Listener) => (registered[`self.${type}`] ??= []).push(fn) } })
  if (typeof navigator === "undefined") Object.assign(globalThis, { navigator: { onLine: true } })
  await import("~background/index")
  // Module evaluation is synchronous: whatever is registered now was registered in the first turn.
  listenersAfterFirstTurn = Object.keys(registered).sort()
})

function send(message: unknown, sender: object): Promise<any> {
  return new Promise((resolve) => {
    const keepOpen = registered["runtime.onMessage"][0](message, sender, resolve)
    expect(keepOpen).toBe(true)
  })
}

const optionsPage = { id: "signoffid", url: "chrome-extension://signoffid/options.html" }
const HUBSPOT_URL = "https://app.hubspot.com/contacts/1/record/0-1/2"
const hubspot = { id: "signoffid", url: HUBSPOT_URL, frameId: 0, tab: { id: 3, url: HUBSPOT_URL } }
const panelFrame = { id: "signoffid", url: "chrome-extension://signoffid/tabs/panel.html", frameId: 4, documentId: "DOC", tab: { id: 3, url: HUBSPOT_URL } }

describe("background service worker", () => {
  it("registers every wake-up listener synchronously at the top level", () => {
    expect(listenersAfterFirstTurn).toEqual(
      ["alarms.onAlarm", "notifications.onClicked", "runtime.onInstalled", "runtime.onMessage", "runtime.onStartup", "self.online", "tabs.onRemoved"].sort()
    )
  })

  it("schedules the periodic sync alarm and shows a grey '!' while not configured", async () => {
    // The worker's start-up wake is asynchronous (it reads the settings first): wait for its effects.
    await vi.waitFor(() => {
      expect(alarms.get("signoff-sync")?.periodInMinutes).toBe(5)
      expect(badge).toMatchObject({ text: "!", color: "#80868b" })
    })
  })

  it("links a panel frame through a session kept in chrome.storage.session, and answers it without the token", async () => {
    expect((await send({ type: "settings.save", serverUrl: "http://127.0.0.1:9", token: "secret-token-wxyz", syncIntervalMinutes: 2 }, optionsPage)).ok).toBe(
      true
    )
    expect(await send({ type: "settings.get" }, hubspot)).toMatchObject({ ok: false, error: { code: "forbidden" } })
    const minted = await send({ type: "panel.session" }, hubspot)
    expect(await send({ type: "panel.claim", session: minted.data.session }, panelFrame)).toEqual({ ok: true, data: { claimed: true } })
    const reply = await send({ type: "settings.get" }, panelFrame)
    expect(reply).toMatchObject({ ok: true, data: { hasToken: true, tokenHint: "wxyz" } })
    expect(JSON.stringify(reply)).not.toContain("secret-token")
    expect(alarms.get("signoff-sync")?.periodInMinutes).toBe(2)
  })

  it("answers an invalid message with an error envelope", async () => {
    expect(await send({ type: "nope" }, optionsPage)).toMatchObject({ ok: false, error: { code: "bad_request" } })
  })
})
