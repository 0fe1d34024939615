import browser from "webextension-polyfill"
import { CACHE_CHANGED, type CacheChangedNotice } from "~src/messaging/cache-changed"

const notice: CacheChangedNotice = { type: CACHE_CHANGED }

/**
 * Tells open extension pages (the popup) that the cache changed, so an open popup re-reads its
 * queue at once instead of at its next status poll. Panels hear it through their tab
 * (panel-tabs.ts). No page open → the send fails, which is fine.
 */
export function broadcastCacheChanged(): void {
  browser.runtime.sendMessage(notice).catch(() => undefined)
}
