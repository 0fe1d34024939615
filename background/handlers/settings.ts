import { NetworkError } from "~src/api"
import { clearSyncedCache, readMeta, readSettings, saveSettings, toPublicSettings, writeMeta } from "~src/db"
import { serverUrlProblem } from "~src/domain"
import { HandlerError, type AreaHandlers, type HandlerContext } from "./handler-context"

/** The connection (server, token, preferences) and who it connects as. */
export function settingsHandlers({
  db,
  engine,
  onSettingsChanged,
  configuredApi,
  inBackground
}: HandlerContext): AreaHandlers<"settings.get" | "settings.save" | "me.get"> {
  return {
    "settings.get": async () => toPublicSettings(await readSettings(db)),
    "settings.save": async ({ serverUrl, token, notifications, reminderNotifications, syncIntervalMinutes }) => {
      const problem = serverUrlProblem(serverUrl)
      if (problem) throw new HandlerError("bad_request", problem)
      const { settings, accountChanged } = await saveSettings(db, { serverUrl, token, notifications, reminderNotifications, syncIntervalMinutes })
      // Another server or account: cached proposals and the cursor belong to the old one. Queued
      // decisions stay, bound to the account that made them (sent only with its token).
      if (accountChanged) await clearSyncedCache(db)
      engine.noteLocalChange()
      await onSettingsChanged?.(settings)
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
    }
  }
}
