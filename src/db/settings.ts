import type { PublicSettings } from "~src/local/public-settings"
import type { SignoffDatabase } from "./database"
import type { StoredSettings } from "./schema"

export const DEFAULT_SETTINGS: StoredSettings = {
  serverUrl: "http://127.0.0.1:8787",
  token: null,
  notifications: false,
  syncIntervalMinutes: 5
}

/** chrome.alarms refuses periods under 30 s. */
export const MIN_SYNC_INTERVAL_MINUTES = 0.5

export async function readSettings(db: SignoffDatabase): Promise<StoredSettings> {
  const row = await db.settings.get("current")
  if (!row) return { ...DEFAULT_SETTINGS }
  const { key: _key, ...settings } = row
  return settings
}

export interface SettingsChange {
  serverUrl: string
  /** Omitted: keep the stored token. */
  token?: string
  notifications?: boolean
  syncIntervalMinutes?: number
}

/**
 * Saves and reports whether the account changed (another server or token), which invalidates the
 * cache. Moving to another server origin drops the stored token unless a new one comes with it:
 * "our server has moved" must never send the old token to a host nobody checked.
 */
export async function saveSettings(db: SignoffDatabase, change: SettingsChange): Promise<{ settings: StoredSettings; accountChanged: boolean }> {
  return db.transaction("rw", db.settings, async () => {
    const before = await readSettings(db)
    const settings: StoredSettings = {
      serverUrl: change.serverUrl.replace(/\/+$/, ""),
      token: change.token ?? (sameOrigin(change.serverUrl, before.serverUrl) ? before.token : null),
      notifications: change.notifications ?? before.notifications,
      syncIntervalMinutes: Math.max(MIN_SYNC_INTERVAL_MINUTES, change.syncIntervalMinutes ?? before.syncIntervalMinutes)
    }
    await db.settings.put({ key: "current", ...settings })
    return { settings, accountChanged: settings.serverUrl !== before.serverUrl || settings.token !== before.token }
  })
}

export const isConfigured = (s: StoredSettings): s is StoredSettings & { token: string } => Boolean(s.serverUrl && s.token)

/** What any page may see: never the token, only whether there is one and its last four characters. */
export function toPublicSettings(s: StoredSettings): PublicSettings {
  return {
    serverUrl: s.serverUrl,
    hasToken: Boolean(s.token),
    tokenHint: s.token ? s.token.slice(-4) : null,
    notifications: s.notifications,
    syncIntervalMinutes: s.syncIntervalMinutes
  }
}

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin
  } catch {
    return false
  }
}
