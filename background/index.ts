import browser, { type Runtime } from "webextension-polyfill"
import { createApiClient } from "~src/api"
import { readSettings, SignoffDatabase } from "~src/db"
import { CUSTOM_DOMAINS_KEY, CustomDomainList } from "~src/domain/custom-domains"
import { createMessageHandler, type BrowserSurface } from "~background/handlers"
import { createPanelSessions, type SessionStore } from "~src/messaging/panel-sessions"
import { createSyncEngine, syncRunChangedCache, type RunOptions, type SyncRunResult } from "~src/sync"
import { remindOfDeadlines } from "./deadline-reminders"
import { notifyHighRiskArrivals } from "./desktop-notifications"
import { ensureSyncAlarm, REMINDER_ALARM, RETRY_ALARM, scheduleRetry, SYNC_ALARM } from "./sync-alarms"
import { createPanelTabs } from "./panel-tabs"
import { broadcastCacheChanged } from "./extension-pages"
import { startLiveChannel } from "./live-channel"
import { refreshToolbarBadge } from "./toolbar-badge"

/*
 * The service worker is wiring only: logic lives in src/ (sync engine, message handler, badge rule).
 * The browser may stop this worker at any moment, so everything that matters is in Dexie and alarms, and
 * every listener is registered synchronously at the top level (MV3 only wakes a worker for events
 * whose listeners were registered in its first turn).
 */

const db = new SignoffDatabase()

const createApi = (s: { serverUrl: string; token: string }) => createApiClient({ baseUrl: s.serverUrl, token: s.token })

const panelTabs = createPanelTabs()
let lastSyncError: string | null = null

async function afterSync(result: SyncRunResult): Promise<void> {
  if (syncRunChangedCache(result, lastSyncError)) {
    panelTabs.notifyAll()
    broadcastCacheChanged()
  }
  if (result.ran) lastSyncError = result.error
  await refreshToolbarBadge(db)
  await scheduleRetry(result.nextRetryAt)
  if (result.arrived.length > 0 && (await readSettings(db)).notifications) await notifyHighRiskArrivals(result.arrived)
  await remindOfDeadlines(db)
}

/** A reminder fell due (or a worker woke): the badge turns urgent and the opted-in notification goes out, without waiting for the network. */
async function remind(reason: string): Promise<void> {
  await refreshToolbarBadge(db)
  await remindOfDeadlines(db).catch((error) => console.warn(`signoff: reminders (${reason}) failed`, error))
}

const engine = createSyncEngine({ db, createApi, isOnline: () => navigator.onLine, onRunFinished: afterSync })

const browserSurface: BrowserSurface = {
  identity: { runtimeId: browser.runtime.id, extensionBaseUrl: browser.runtime.getURL("") },
  async contentScriptPatterns() {
    const declared = browser.runtime.getManifest().content_scripts?.flatMap((c) => c.matches ?? []) ?? []
    // Custom domains the options page registered with browser.scripting.registerContentScripts.
    const registered = (await browser.scripting.getRegisteredContentScripts()).flatMap((c) => c.matches ?? [])
    return [...declared, ...registered]
  },
  async customHosts() {
    const stored = await browser.storage.local.get(CUSTOM_DOMAINS_KEY)
    const parsed = CustomDomainList.safeParse(stored[CUSTOM_DOMAINS_KEY] ?? [])
    return parsed.success ? parsed.data.map(({ host, platform }) => ({ host, platform })) : []
  },
  async openTab(url) {
    return (await browser.tabs.create({ url })).id
  }
}

// browser.storage.session: survives this worker being stopped (not a browser restart); content scripts cannot read it.
const sessionStore: SessionStore = {
  get: async <T>(key: string) => (await browser.storage.session.get(key))[key] as T | undefined,
  set: (key, value) => browser.storage.session.set({ [key]: value }),
  remove: (key) => browser.storage.session.remove(key)
}
const panelSessions = createPanelSessions(sessionStore)

const handleMessage = createMessageHandler({
  db,
  engine,
  createApi,
  browser: browserSurface,
  panelSessions,
  onSettingsChanged: async (settings) => {
    await ensureSyncAlarm(settings.syncIntervalMinutes)
    await remind("settings saved")
    // Another server or token: the channel reconnects with it (a refused token gets another try).
    await live.restart()
  },
  onLocalChange: async () => {
    panelTabs.notifyAll()
    broadcastCacheChanged()
    await refreshToolbarBadge(db)
  }
})

function sync(reason: string, options: RunOptions = {}): void {
  engine.run(options).catch((error) => console.warn(`signoff: sync (${reason}) failed`, error))
}

// Nudges from the live channel (and its every reconnect) pull from the sync cursor: one path for the data.
const live = startLiveChannel(db, (reason) => sync(`live ${reason}`))

async function wake(reason: string): Promise<void> {
  await ensureSyncAlarm((await readSettings(db)).syncIntervalMinutes)
  await remind(reason)
  void live.start()
  sync(reason)
}

// The polyfill keeps the channel open while the returned promise settles, then answers with its value.
browser.runtime.onMessage.addListener(async (message: unknown, sender: Runtime.MessageSender) => {
  const reply = await handleMessage(message, sender)
  // The handler accepted it, so this is a Signoff launcher in that tab: tell it when the cache changes.
  if (reply.ok && sender.tab?.id !== undefined && (message as { type?: unknown }).type === "launcher.status") panelTabs.remember(sender.tab.id)
  return reply
})

browser.tabs.onRemoved.addListener((tabId) => void panelSessions.forgetTab(tabId))

browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === SYNC_ALARM) sync("alarm")
  if (alarm.name === RETRY_ALARM) sync("retry")
  if (alarm.name === REMINDER_ALARM) void remind("reminder alarm")
})

browser.runtime.onStartup.addListener(() => void wake("startup"))
browser.runtime.onInstalled.addListener(() => void wake("installed"))

// Back online: retry queued decisions at once rather than waiting out their backoff.
self.addEventListener("online", () => sync("online", { ignoreBackoff: true }))

browser.notifications.onClicked.addListener((notificationId) => {
  if (notificationId === "signoff-more") {
    void browser.action.openPopup?.().catch(() => undefined)
    return
  }
  // The worker is an extension page of its own origin: it may send itself proposal.open.
  void handleMessage({ type: "proposal.open", proposalId: notificationId }, { id: browser.runtime.id, url: browser.runtime.getURL("background") })
  void browser.notifications.clear(notificationId)
})

// Each wake (including after Chrome stopped the idle worker) resumes pending work.
void wake("worker start")
