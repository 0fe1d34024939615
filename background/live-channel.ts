import { isConfigured, readSettings, type SignoffDatabase } from "~src/db"
import { createLiveChannel, type LiveSocket, type NudgeReason } from "~src/sync"

/**
 * The live channel in the service worker: a WebSocket to the API that turns "proposal changed"
 * nudges into pulls. While it exchanges a message at least every 30 s (the server's heartbeat is
 * 20 s), Chrome 116+ keeps this worker running (https://developer.chrome.com/docs/extensions/how-to/web-platform/websockets),
 * so badge, panels and popup update within a second or two of a change instead of at the next alarm.
 * When Chrome stops the worker anyway, the next wake (alarm, message, browser start) opens it again.
 */
export function startLiveChannel(db: SignoffDatabase, pull: (reason: NudgeReason) => void) {
  const channel = createLiveChannel({
    connect: (url) => new WebSocket(url) as unknown as LiveSocket,
    account: async () => {
      const settings = await readSettings(db)
      return isConfigured(settings) ? { serverUrl: settings.serverUrl, token: settings.token } : null
    },
    onNudge: pull
  })
  void channel.start()
  return channel
}
