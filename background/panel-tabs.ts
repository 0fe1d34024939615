import browser from "webextension-polyfill"
import { CACHE_CHANGED, type CacheChangedNotice } from "~src/messaging/cache-changed"

/**
 * Tabs whose panel asked for proposals, to tell them when the cache changes. Kept in memory only:
 * after Chrome stops the worker the set starts empty and refills as each panel's next poll arrives,
 * so a restart costs at most one poll interval of delay, never a missed state.
 */
export function createPanelTabs() {
  const tabs = new Set<number>()
  const notice: CacheChangedNotice = { type: CACHE_CHANGED }
  return {
    remember(tabId: number): void {
      tabs.add(tabId)
    },
    notifyAll(): void {
      for (const tabId of tabs) {
        // A closed tab or a page without our script any more: forget it.
        browser.tabs.sendMessage(tabId, notice).catch(() => tabs.delete(tabId))
      }
    }
  }
}
